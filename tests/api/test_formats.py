"""Standard formats: IPTC ninjs validated against the project's schema, RSS and Atom read by
feedparser without a bozo error, and OAI-PMH harvested incrementally by a real harvester
(sickle): from/until, resumption tokens, deleted records."""

import datetime as dt
import time

import feedparser
import jsonschema
import pytest
from django.utils import timezone
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from cms.api.formats.ninjs import schema
from cms.api.oai import views as oai
from cms.pages.models import AgencySectionPage, ArticlePage
from cms.taxonomy.models import Campaign
from tests.factories import document_asset, image_asset, media_asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(agency_a, topic):
    section = AgencySectionPage.objects.get(agency=agency_a)
    image = image_asset(agency_a, title="Ảnh minh họa")
    page = ArticlePage(
        title="Chuyển đổi số ở Đồng Nai",
        slug="chuyen-doi-so-dong-nai",
        summary="Tóm tắt",
        title_en="Digital transformation in Dong Nai",
        body=[
            ("paragraph", "<p>Nội dung <b>bài viết</b>.</p>"),
            ("figure", {"image": image, "caption": "Chú thích"}),
        ],
    )
    section.add_child(instance=page)
    page.topics.add(topic)
    page.save_revision().publish()
    return page


def test_assets_and_articles_validate_as_ninjs(client, agency_a, licence, article):
    validator = jsonschema.Draft7Validator(schema(), format_checker=jsonschema.FormatChecker())
    items = [
        image_asset(agency_a, title="Infographic", licence=licence, kind="infographic", variant=2),
        document_asset(agency_a),
        media_asset(agency_a),
    ]
    for item in items:
        kind = {"imageasset": "images", "documentasset": "documents", "mediaasset": "media"}[
            item._meta.model_name
        ]
        answer = client.get(f"/api/v3/{kind}/{item.pk}/ninjs/")
        assert answer.status_code == 200, answer.content
        validator.validate(answer.json())
    ninjs = client.get(f"/api/v3/articles/{article.pk}/ninjs/").json()
    validator.validate(ninjs)
    assert ninjs["headlines"][1]["value"] == "Digital transformation in Dong Nai"
    assert ninjs["associations"], "the embedded image is associated"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"uri": "x", "type": "pictures"})


def test_every_feed_parses_without_errors(client, agency_a, topic, article):
    campaign = Campaign.objects.create(slug="ngay-khcn", name_vi="Ngày KH&CN")
    image = image_asset(agency_a, title="Ảnh <đặc biệt> & ký tự", campaign=campaign, variant=5)
    image.topics.add(topic)
    video = media_asset(agency_a, title="Video chiến dịch", campaign=campaign)
    urls = [
        f"/feeds/{prefix}/{slug}/{kind}/"
        for prefix, slug in (("topics", topic.slug), ("campaigns", campaign.slug))
        + (("agencies", agency_a.code),)
        for kind in ("rss", "atom")
    ]
    for url in urls:
        answer = client.get(url)
        assert answer.status_code == 200, url
        parsed = feedparser.parse(answer.content)
        assert not parsed.bozo, (url, parsed.bozo_exception)
        assert parsed.entries, url
    campaign_feed = feedparser.parse(client.get(f"/feeds/campaigns/{campaign.slug}/rss/").content)
    enclosures = {e.title: e.enclosures for e in campaign_feed.entries}
    assert enclosures[video.title][0]["type"] == "video/mp4"
    assert client.get("/feeds/topics/khong-co/rss/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_harvester_collects_everything_incrementally(live_server, agency_a, monkeypatch):
    monkeypatch.setattr(oai, "PAGE", 3)
    first = [image_asset(agency_a, title=f"Ảnh {n}", variant=20 + n) for n in range(5)]
    first.append(document_asset(agency_a, title="Tài liệu"))
    image_asset(agency_a, published=False, title="Bản nháp", variant=40)
    harvester = Sickle(f"{live_server.url}/oai", max_retries=1)
    assert harvester.Identify().deletedRecord == "transient"
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == len(first)  # four pages of three: resumption tokens followed
    assert all(record.metadata["title"] for record in records)
    assert "Bản nháp" not in {record.metadata["title"][0] for record in records}
    images = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="image"))
    assert len(images) == 5
    time.sleep(1.1)  # datestamps have seconds granularity
    checkpoint = (timezone.now() + dt.timedelta(seconds=1)).astimezone(dt.UTC)
    time.sleep(1.1)
    added = image_asset(agency_a, title="Ảnh mới", variant=50)
    withdrawn = first[0]
    withdrawn.is_published = False
    withdrawn.save()
    since = checkpoint.strftime("%Y-%m-%dT%H:%M:%SZ")
    fresh = list(harvester.ListRecords(metadataPrefix="ninjs", **{"from": since}))
    by_id = {record.header.identifier: record for record in fresh}
    assert set(by_id) == {oai.identifier("image", added.pk), oai.identifier("image", withdrawn.pk)}
    assert by_id[oai.identifier("image", withdrawn.pk)].header.deleted
    # `until` takes the whole second it names: a second earlier than the checkpoint is before
    # every later change however slowly this test runs, and after every first record.
    until = (checkpoint - dt.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = harvester.ListIdentifiers(metadataPrefix="oai_dc", until=until, ignore_deleted=True)
    unchanged = {oai.identifier("image", item.pk) for item in first[1:5]}
    unchanged.add(oai.identifier("document", first[5].pk))
    assert {header.identifier for header in before} == unchanged
    with pytest.raises(NoRecordsMatch):
        list(harvester.ListRecords(metadataPrefix="oai_dc", **{"from": "2999-01-01"}))
