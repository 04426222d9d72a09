"""Browsing: the home page (campaign hero, featured media, newest of each kind, calendar,
topics, agencies), landing pages, agency sections, articles with date, agency, author, topics."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from cms.pages.campaigns import calendar, next_occurrence

from . import library

pytestmark = pytest.mark.django_db


def test_home_leads_with_the_next_campaign_and_shows_each_kind(client, agency_a, terms, indexed):
    with indexed():
        library.image(agency_a, "Infographic ngày chuyển đổi số", seed=1, kind="infographic",
                      campaign=terms["campaign"], licence=terms["open"])  # fmt: skip
        library.podcast(agency_a, "Podcast về dữ liệu mở")
        library.article(agency_a, "Bài mở đầu chiến dịch")
    html = client.get("/").content.decode()
    hero = html.split('class="hero"')[1].split("</section>")[0]
    assert "Ngày Chuyển đổi số quốc gia (10/10)" in hero
    assert "Infographic ngày chuyển đổi số" in hero  # its picture, as the hero image
    for heading in ("Infographic", "Podcast và âm thanh", "Bài viết"):
        assert f">{heading}</h2>" in html, heading
    assert "Podcast về dữ liệu mở" in html and "Bài mở đầu chiến dịch" in html
    # Thumbnails come in several widths; a phone picks a small one.
    srcset = re.search(r'<img src="[^"]+" srcset="([^"]+)" sizes="([^"]+)"', html)
    assert "320w" in srcset[1] and "720w" in srcset[1] and "92vw" in srcset[2]


def test_yearly_days_come_back_every_year(terms):
    occurrence = next_occurrence(terms["campaign"], dt.date(2026, 12, 2))
    assert occurrence.starts_on == dt.date(2027, 10, 10) and occurrence.days_left == 312
    assert next_occurrence(terms["campaign"], dt.date(2027, 10, 12)).is_current
    names = [o.campaign.slug for o in calendar(dt.date(2027, 1, 1))]
    assert names == ["ngay-cds"]


def test_topic_campaign_audience_and_agency_kind_pages(client, agency_a, terms, indexed):
    with indexed():
        library.image(agency_a, "Ảnh trí tuệ nhân tạo", seed=2, topics=[terms["subtopic"]],
                      campaign=terms["campaign"])  # fmt: skip
        library.document(agency_a, "Sổ tay cho người dân", topics=[terms["topic"]])
        library.article(agency_a, "Bài cho người dân", topics=[terms["topic"]])
    topic = client.get("/topics/cds/").content.decode()
    assert "Ảnh trí tuệ nhân tạo" in topic  # a subtopic's items belong to its parent
    assert "Sổ tay cho người dân" in topic and "Bài cho người dân" in topic
    assert 'href="/topics/ai/"' in topic
    campaign = client.get("/campaigns/ngay-cds/").content.decode()
    assert "Ảnh trí tuệ nhân tạo" in campaign and "Sổ tay cho người dân" not in campaign
    kind = client.get("/agencies/kind/ministry/").content.decode()
    assert agency_a.name in kind and "Sổ tay cho người dân" in kind
    assert client.get("/agencies/kind/nonsense/").status_code == 404
    assert client.get("/topics/nonsense/").status_code == 404
    for index in ("/topics/", "/campaigns/", "/audiences/", "/agencies/"):
        assert client.get(index).status_code == 200, index


def test_an_agency_section_lists_its_own_assets_of_every_kind(client, agency_a, agency_b, indexed):
    """The reported case: an institute that published a podcast said it had published nothing."""
    with indexed():
        library.podcast(agency_b, "Podcast của viện")
        library.image(agency_a, "Ảnh của bộ", seed=3)
    html = client.get(agency_b.section_page.url).content.decode()
    assert "Podcast của viện" in html and "Ảnh của bộ" not in html
    assert '"@type": "GovernmentOrganization"' in html


def test_an_article_shows_date_agency_author_and_topics(client, agency_a, terms):
    article = library.article(agency_a, "Bài có chủ đề", topics=[terms["topic"]])
    article.refresh_from_db()
    html = client.get(article.url).content.decode()
    assert f'<time datetime="{timezone.localtime(article.first_published_at):%Y-%m-%d}' in html
    assert agency_a.name in html and "Ban biên tập" in html
    assert 'href="/en/topics/cds/">Digital change</a>' in html  # the test speaks English


def test_the_header_search_is_labelled_and_has_a_button(client):
    html = client.get("/search/").content.decode()
    header = html.split("</header>")[0]
    assert '<label class="visually-hidden" for="header-q">' in header
    assert '<button class="btn btn-light ms-2" type="submit">' in header
    assert 'href="#main"' in html  # skip link
