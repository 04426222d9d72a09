"""Every task queue has a worker in both profiles' process lists, and the scheduler runs in both:
a task sent to a queue that no process serves waits forever without a word (the webhooks queue
had no worker under `make run`)."""

import shlex
from itertools import takewhile
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.embedded  # the same files and settings in both runs
ROOT = Path(__file__).resolve().parents[2]


def commands(procfile: str) -> dict[str, list[str]]:
    found = {}
    for line in (ROOT / procfile).read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, command = line.split(":", 1)
            found[name.strip()] = shlex.split(command)
    return found


def served_queues(argv: list[str]) -> set[str]:
    """The queues a worker command takes: `worker --queue-name a,b` or `rqworker a b --flags`."""
    if "worker" in argv and "--queue-name" in argv:
        return set(argv[argv.index("--queue-name") + 1].split(","))
    if "rqworker" in argv:
        after = argv[argv.index("rqworker") + 1 :]
        return set(takewhile(lambda word: not word.startswith("-"), after))
    return set()


@pytest.mark.parametrize("procfile", ["Procfile.embedded", "Procfile"])
def test_every_queue_has_a_worker_and_the_scheduler_runs(procfile):
    processes = commands(procfile)
    served = set().union(*map(served_queues, processes.values()))
    assert set(settings.TASK_QUEUES) - served == set(), "queues without a worker"
    assert any(argv[-1:] == ["scheduler"] for argv in processes.values())
