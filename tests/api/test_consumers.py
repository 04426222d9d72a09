"""Consumers, scopes, limits and what each caller may see: embargoed and unpublished items are
never served to whom they are not for; a withdrawn item is gone with its reason; an expired
licence is refused; answers carry validators and revalidate to 304."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.agencies.models import Agency
from cms.api.models import Consumer, ReuseCount, Tombstone
from cms.api.reuse import flush, record_fetch
from tests.factories import image_asset

from .conftest import bearer, consumer_token

pytestmark = pytest.mark.django_db


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def library(agency_a, agency_b):
    later = timezone.now() + dt.timedelta(days=3)
    return {
        "public": image_asset(agency_a, title="Công khai"),
        "embargoed": image_asset(agency_a, title="Cấm vận", embargo_until=later, variant=1),
        "embargoed_b": image_asset(agency_b, title="Cấm vận B", embargo_until=later, variant=2),
        "draft": image_asset(agency_a, published=False, title="Bản nháp", variant=3),
    }


def test_anonymous_and_plain_consumers_see_public_items_only(client, library, press):
    assert titles(client.get("/api/v3/images/")) == {"Công khai"}
    _consumer, token = press
    assert titles(client.get("/api/v3/images/", headers=bearer(token))) == {"Công khai"}
    hidden = library["embargoed"].pk
    assert client.get(f"/api/v3/images/{hidden}/", headers=bearer(token)).status_code == 404


def test_an_embargo_partner_reads_the_named_agencies_embargoed_items(client, library, agency_a):
    consumer, token = consumer_token("Đối tác", can_read_embargoed=True)
    consumer.embargo_agencies.add(agency_a)
    seen = titles(client.get("/api/v3/images/", headers=bearer(token)))
    assert seen == {"Công khai", "Cấm vận"}  # never agency B's, never a draft
    files = client.get(f"/api/v3/images/{library['embargoed'].pk}/", headers=bearer(token))
    assert files.status_code == 200
    draft = library["draft"].pk
    assert client.get(f"/api/v3/images/{draft}/", headers=bearer(token)).status_code == 404


def test_scopes_decide_who_may_read_an_agencys_reuse(client, agency_a, editor_a, press):
    _consumer, token = press
    answer = client.get("/api/v3/agencies/agency-a/reuse/", headers=bearer(token))
    assert answer.status_code == 403
    assert answer["Content-Type"] == "application/problem+json"
    assert client.get("/api/v3/agencies/agency-a/reuse/").status_code == 401
    integration, own = consumer_token("Tích hợp A", can_write=True, agency=agency_a)
    assert client.get("/api/v3/agencies/agency-a/reuse/", headers=bearer(own)).status_code == 200
    assert integration.scopes == ["read", "write"]


def test_a_suspended_consumer_is_refused(client, press):
    consumer, token = press
    Consumer.objects.filter(pk=consumer.pk).update(is_active=False)
    assert client.get("/api/v3/images/", headers=bearer(token)).status_code == 403


def test_past_its_limit_a_consumer_gets_429_with_retry_after(client, library, one_window):
    _consumer, token = consumer_token("Nhỏ", rate_limit_per_minute=3)
    codes = [client.get("/api/v3/topics/", headers=bearer(token)).status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    refused = client.get("/api/v3/topics/", headers=bearer(token))
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["status"] == 429


def test_etag_and_last_modified_revalidate_to_304(client, library):
    url = f"/api/v3/images/{library['public'].pk}/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"
    assert first.has_header("Last-Modified")
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_a_withdrawn_item_is_gone_with_its_reason_and_leaves_a_tombstone(client, library):
    asset = library["public"]
    since = timezone.now().isoformat()
    asset.is_published = False
    asset.withdrawal_reason = "Sai số liệu"
    asset.save()
    detail = client.get(f"/api/v3/images/{asset.pk}/", headers={"Accept-Language": "en"})
    assert detail.status_code == 410
    assert "Sai số liệu" in detail.json()["detail"]
    file = client.get(f"/assets/files/{asset.file.name}")
    assert file.status_code == 410
    changes = client.get("/api/v3/changes/", {"updated_since": since}).json()["items"]
    assert [(c["action"], c["key"], c["reason"]) for c in changes] == [
        ("delete", f"image:{asset.pk}", "withdrawn")
    ]


def test_the_change_feed_pages_through_upserts_and_deletions(client, agency_a):
    since = (timezone.now() - dt.timedelta(seconds=1)).isoformat()
    made = [image_asset(agency_a, title=f"Ảnh {n}", variant=10 + n) for n in range(5)]
    deleted = made[0].pk
    made[0].delete()
    seen, url, params = [], "/api/v3/changes/", {"updated_since": since, "limit": 2}
    while True:
        body = client.get(url, params).json()
        seen += [(c["action"], c["key"]) for c in body["items"]]
        if not body["next"]:
            break
        params = {"cursor": body["next_cursor"], "limit": 2}
    assert ("delete", f"image:{deleted}") in seen
    assert {key for action, key in seen if action == "upsert"} == {
        f"image:{asset.pk}" for asset in made[1:]
    }
    assert Tombstone.objects.filter(reason="deleted").count() == 1


def test_an_expired_licence_refuses_the_files(client, library, licence):
    asset = library["public"]
    asset.licence = licence
    asset.licence_expires_on = timezone.localdate() - dt.timedelta(days=1)
    asset.save()
    detail = client.get(f"/api/v3/images/{asset.pk}/").json()
    assert detail["licence"]["expired"] is True
    assert client.get(f"/api/v3/images/{asset.pk}/download/").status_code == 451
    refused = client.get(f"/assets/files/{asset.file.name}", headers={"Accept-Language": "en"})
    assert refused.status_code == 451
    assert "expired" in refused.json()["detail"]
    vietnamese = client.get(f"/assets/files/{asset.file.name}", headers={"Accept-Language": "vi"})
    assert "hết hạn" in vietnamese.json()["detail"]


def test_a_burst_of_fetches_is_counted_per_consumer_and_day(client, library, press):
    cache.clear()
    consumer, token = press
    url = f"/api/v3/images/{library['public'].pk}/"
    for _ in range(25):
        client.get(url, headers=bearer(token))
    for _ in range(7):
        client.get(url)
    client.get(f"/api/v3/images/{library['public'].pk}/download/", headers=bearer(token))
    client.get(f"/assets/files/{library['public'].file.name}")
    assert not ReuseCount.objects.exists()  # nothing written on the hot path
    flush()
    counts = {
        (row.consumer_id, row.fetch): row.count
        for row in ReuseCount.objects.filter(key=f"image:{library['public'].pk}")
    }
    assert counts == {
        (consumer.pk, "item"): 25,
        (None, "item"): 7,
        (consumer.pk, "original"): 1,
        (None, "original"): 1,
    }
    assert {row.agency_id for row in ReuseCount.objects.all()} == {library["public"].agency_id}
    flush()  # flushing again adds nothing
    assert sum(ReuseCount.objects.values_list("count", flat=True)) == 34


def test_counts_of_a_deleted_agency_or_consumer_do_not_stop_the_flush(client, library, press):
    """A count waits in the cache for minutes: what it names may be deleted meanwhile (in the
    tests, a rolled-back test's agency); the flush must go on, not fail on a foreign key."""
    cache.clear()
    consumer, token = press
    asset = library["public"]
    client.get(f"/api/v3/images/{asset.pk}/", headers=bearer(token))
    consumer.delete()
    gone_agency = Agency.objects.order_by("-pk").first().pk + 1000
    record_fetch(None, "image:999999", gone_agency, "item")
    flush()
    assert flush() == 0  # nothing left behind to fail again
    assert [(row.key, row.consumer_id, row.agency_id) for row in ReuseCount.objects.all()] == [
        ("image:999999", None, None)
    ]


def anonymous_codes(client, count, **meta):
    return [client.get("/api/v3/topics/", **meta).status_code for _ in range(count)]


def test_one_anonymous_address_past_its_limit_leaves_the_others_served(
    client, settings, one_window
):
    settings.NCRL_API_RATE_LIMITS = {"anonymous_per_minute": 2, "token_per_minute": 10}
    assert anonymous_codes(client, 3, REMOTE_ADDR="203.0.113.7") == [200, 200, 429]
    assert anonymous_codes(client, 2, REMOTE_ADDR="198.51.100.9") == [200, 200]


def test_behind_trusted_proxies_the_address_they_saw_is_counted(client, settings, one_window):
    settings.NCRL_API_RATE_LIMITS = {"anonymous_per_minute": 1, "token_per_minute": 10}
    settings.NCRL_TRUSTED_PROXY_HOPS = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = anonymous_codes(client, 2, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert first == [200, 429]
    assert anonymous_codes(client, 1, HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy) == [200]
    # A client cannot pick its own bucket: only the address the trusted proxy appended counts.
    spoofed = "192.0.2.1, 203.0.113.7"
    assert anonymous_codes(client, 1, HTTP_X_FORWARDED_FOR=spoofed, **proxy) == [429]
