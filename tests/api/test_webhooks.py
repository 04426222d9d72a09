"""Corrections reach reusers: a signed webhook to a real HTTP receiver on loopback, retried after
a failure; the delivery log keeps every attempt."""

import datetime as dt
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms.api import tasks
from cms.api.models import WebhookDelivery
from cms.api.webhooks import deliver, sign
from tests.factories import image_asset

from .conftest import bearer, consumer_token

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    """Answers 500 to the first delivery, 204 afterwards; keeps what it received."""

    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(500 if len(self.received) == 1 else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", Receiver.received
    server.shutdown()


def verify(secret: str, header: str, body: bytes) -> bool:
    parts = dict(part.split("=", 1) for part in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), parts["v1"])


def test_a_correction_is_signed_delivered_and_retried(
    client, agency_a, receiver, django_capture_on_commit_callbacks
):
    url, received = receiver
    consumer, token = consumer_token("Báo nhận webhook", webhook_url=url)
    _other, other_token = consumer_token("Báo không đăng ký")
    asset = image_asset(agency_a, title="Bản đồ số")
    client.get(f"/api/v3/images/{asset.pk}/", headers=bearer(token))
    client.get(f"/api/v3/images/{asset.pk}/", headers=bearer(other_token))
    with django_capture_on_commit_callbacks(execute=True):
        asset.title = "Bản đồ số (đã sửa)"
        asset.save()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.consumer, delivery.event, delivery.attempts) == (
        consumer,
        "asset.corrected",
        1,
    )
    assert delivery.status == "pending" and delivery.response_status == 500
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        last_attempt_at=delivery.last_attempt_at - dt.timedelta(hours=1)
    )
    assert tasks.retry_due_webhooks.call() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 2, 204)
    assert len(received) == 2
    headers, body = received[-1]
    assert verify(consumer.webhook_secret, headers["Webhook-Signature"], body)
    assert not verify("another secret", headers["Webhook-Signature"], body)
    payload = json.loads(body)
    assert payload["event"] == "asset.corrected" and payload["key"] == f"image:{asset.pk}"


def test_signatures_cover_the_time_and_the_body():
    header = sign("bí mật", 1_700_000_000, b'{"a":1}')
    assert header.startswith("t=1700000000,v1=")
    assert verify("bí mật", header, b'{"a":1}')
    assert not verify("bí mật", header, b'{"a":2}')


def test_a_delivery_that_keeps_failing_gives_up(settings, agency_a, receiver):
    settings.NCRL_WEBHOOKS = {"MAX_ATTEMPTS": 2, "RETRY_BASE_SECONDS": 0}
    consumer, _token = consumer_token("Báo lỗi", webhook_url="http://127.0.0.1:9/closed")
    delivery = WebhookDelivery.objects.create(
        consumer=consumer,
        event="asset.withdrawn",
        key="image:1",
        url=consumer.webhook_url,
        payload={},
    )
    assert deliver(delivery.pk) == "pending"
    assert deliver(delivery.pk) == "failed"
