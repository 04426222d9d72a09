"""Queue depth and the age of the oldest waiting task, in the admin (superusers only)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from config.operations.queues import queue_figures
from search.tasks import replay_pending_updates

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "transcoding", "webhooks"],
    }
}


def test_waiting_tasks_and_the_oldest_age_per_queue(settings, client, editor_a):
    settings.TASKS = DATABASE_QUEUE
    replay_pending_updates.enqueue()
    replay_pending_updates.enqueue()
    figures = {queue.name: queue for queue in queue_figures()}
    assert set(figures) == {"default", "transcoding", "webhooks"}
    assert figures["default"].waiting == 2 and figures["transcoding"].waiting == 0
    assert 0 <= figures["default"].oldest_age_seconds < 60
    assert figures["transcoding"].oldest_age_seconds is None

    url = reverse("reports_queues")
    client.force_login(editor_a)
    assert client.get(url).status_code in (302, 403)
    admin = get_user_model().objects.create_superuser("ops", "ops@example.vn", "pw-ops-123")
    client.force_login(admin)
    page = client.get(url).content.decode()
    assert 'data-queue="default"' in page and 'data-waiting="2"' in page
    assert 'data-queue="webhooks"' in page
