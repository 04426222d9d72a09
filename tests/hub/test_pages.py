"""Browsing: the home page (campaign hero, featured media, newest of each kind, calendar,
topics, agencies), landing pages, agency sections, articles with date, agency, author, topics."""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from cms.pages.campaigns import calendar, next_occurrence
from search.duplicates.decisions import record_decision
from search.duplicates.enums import Decision
from search.keys import key_for

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


def test_an_article_that_cites_another_agencys_text_names_its_source(client, agency_a, agency_b):
    """The editor's "cite" decision (duplicate check of articles) credits the original on the
    public article; a source the public may not see, or a decision taken back, is not shown."""
    original = library.article(agency_a, "Bài gốc của bộ")
    unpublished = library.image(agency_a, "Ảnh chưa công bố", seed=4, published=False)
    taken_back = library.article(agency_a, "Bài tương tự khác")
    copy = library.article(agency_b, "Bài đăng lại của viện")
    for cited, decisions in ((original, [Decision.CITE]), (unpublished, [Decision.CITE]),
                             (taken_back, [Decision.CITE, Decision.NOT_DUPLICATE])):  # fmt: skip
        for decision in decisions:
            record_decision(candidate_key=key_for(cited), decision=decision, user=None, asset=copy)
    for language, label in (("vi", "Nguồn"), ("en", "Source")):
        with translation.override(language):
            url, original_url = copy.url, original.url
        html = client.get(url).content.decode()
        sources = re.findall(r'<p class="article-source[^"]*">(.*?)</p>', html)
        assert len(sources) == 1, language
        assert f'{label}:</span> {agency_a.name}, <a href="{original_url}"' in sources[0]
        assert "Bài gốc của bộ</a>" in sources[0]
    own = client.get(original.url).content.decode()
    assert 'class="article-source' not in own


def test_the_header_search_is_labelled_and_has_a_button(client):
    html = client.get("/search/").content.decode()
    header = html.split("</header>")[0]
    assert '<label class="visually-hidden" for="header-q">' in header
    assert '<button class="btn btn-light ms-2" type="submit">' in header
    assert 'href="#main"' in html  # skip link
