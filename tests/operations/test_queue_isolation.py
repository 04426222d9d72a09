"""A job one test leaves in this run's Redis queues is not there for the next test.

The two tests run in this order (same module, same group). Without the conftest fixture that
empties the queues, the production profile started by `test_prod_check` took a periodic task an
earlier test had queued under the test settings' own backend alias ("queue"), which a production
worker does not know, and logged a traceback (CI, stop 22).
"""

import pytest

from config.operations.queues import queue_figures
from search.tasks import replay_pending_updates

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_queue(settings):
    settings.TASKS = {**settings.TASKS, "default": settings.TASKS["queue"]}


def waiting() -> dict[str, int]:
    return {queue.name: queue.waiting for queue in queue_figures()}


def test_a_test_that_leaves_a_job_in_the_queue(real_queue):
    replay_pending_updates.using(backend="queue").enqueue()
    assert waiting()["default"] == 1


def test_the_next_test_finds_the_queues_empty(real_queue):
    assert set(waiting().values()) == {0}
