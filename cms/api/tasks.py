"""Periodic work of the API: the reuse counters' flush, webhook retries on backends that cannot
defer a task, and the daily licence-expiry sweep. (Webhook deliveries themselves are tasks of
`cms.api.webhooks`, on the "webhooks" queue.)"""

from django_tasks import task

from . import expiry, reuse, webhooks


@task()
def flush_reuse_counts() -> int:
    return reuse.flush()


@task()
def retry_due_webhooks() -> int:
    due = webhooks.due_for_retry()
    for delivery_id in due:
        webhooks.deliver(delivery_id)
    return len(due)


@task()
def mark_expired_licences() -> int:
    return expiry.mark_expired_licences()
