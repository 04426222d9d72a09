"""Corrections reach reusers: when an asset a consumer fetched is replaced, corrected, withdrawn,
deleted or its licence expires, the consumer's webhook gets a signed POST.

The body is JSON; `Webhook-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with
the consumer's secret (shown in the admin). Failed deliveries are retried through the task
queue (queue "webhooks") with exponential back-off; every attempt is logged
(`WebhookDelivery`, in the admin)."""

import datetime as dt
import hashlib
import hmac
import json
import time

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .enums import DeliveryStatus
from .models import Consumer, ReuseCount, WebhookDelivery
from .reuse import flush

TIMEOUT_SECONDS = 10


def setting(name: str, default):
    return getattr(settings, "NCRL_WEBHOOKS", {}).get(name, default)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def reusers_of(key: str):
    """Consumers with a webhook that fetched the item (counted reuse, flushed first)."""
    flush()
    fetched = ReuseCount.objects.filter(key=key, consumer__isnull=False).values("consumer")
    return Consumer.objects.filter(pk__in=fetched, is_active=True).exclude(webhook_url="")


def notify(event: str, key: str, payload: dict) -> list[int]:
    """Queue one delivery per interested consumer; returns the delivery ids."""
    body = {"event": event, "key": key, "at": timezone.now().isoformat(), **payload}
    ids = []
    for consumer in reusers_of(key):
        delivery = WebhookDelivery.objects.create(
            consumer=consumer, event=event, key=key, url=consumer.webhook_url, payload=body
        )
        ids.append(delivery.pk)
        transaction.on_commit(lambda pk=delivery.pk: enqueue_delivery(pk))
    return ids


def enqueue_delivery(delivery_id: int, delay: float = 0) -> None:
    task = deliver_webhook
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    elif delay:
        return  # a backend without deferral: the periodic sweep retries it when due
    task.enqueue(delivery_id)


def deliver(delivery_id: int) -> str:
    """One attempt; on failure the next one is queued after a back-off, up to the maximum."""
    delivery = WebhookDelivery.objects.select_related("consumer").get(pk=delivery_id)
    if delivery.status != DeliveryStatus.PENDING:
        return delivery.status
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "Webhook-Id": str(delivery.pk),
        "Webhook-Event": delivery.event,
        "Webhook-Signature": sign(delivery.consumer.webhook_secret, timestamp, body),
    }
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        answer = requests.post(delivery.url, data=body, headers=headers, timeout=TIMEOUT_SECONDS)
        delivery.response_status = answer.status_code
        delivery.error = "" if answer.ok else answer.text[:1000]
        succeeded = answer.ok
    except requests.RequestException as error:
        delivery.error = str(error)[:1000]
        succeeded = False
    if succeeded:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
    elif delivery.attempts >= setting("MAX_ATTEMPTS", 6):
        delivery.status = DeliveryStatus.FAILED
    delivery.save()
    if delivery.status == DeliveryStatus.PENDING:
        enqueue_delivery(delivery.pk, delay=backoff_seconds(delivery.attempts))
    return delivery.status


@task(queue_name="webhooks")
def deliver_webhook(delivery_id: int) -> str:
    return deliver(delivery_id)


@task(queue_name="webhooks")
def announce_change(event: str, key: str, payload: dict) -> int:
    """Fan a change out to the consumers that reused the item (off the editor's request)."""
    return len(notify(event, key, payload))


def backoff_seconds(attempts: int) -> int:
    return setting("RETRY_BASE_SECONDS", 30) * 2 ** (attempts - 1)


def due_for_retry():
    """Pending deliveries whose back-off has passed (for backends that cannot defer a task)."""
    pending = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, attempts__gt=0)
    now = timezone.now()
    return [
        delivery.pk
        for delivery in pending
        if delivery.last_attempt_at
        and delivery.last_attempt_at + dt.timedelta(seconds=backoff_seconds(delivery.attempts))
        <= now
    ]
