import pytest

from cms.pages.models import ArticlePage
from tests.factories import image_asset

pytestmark = pytest.mark.django_db


def publish_article(agency, title, body=(), **fields):
    article = ArticlePage(title=title, summary="Tóm tắt bài viết", body=list(body), **fields)
    agency.section_page.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_home_lists_published_articles_and_agencies(client, agency_a):
    publish_article(agency_a, "Chuyển đổi số ở cơ sở")
    html = client.get("/").content.decode()
    assert "Chuyển đổi số ở cơ sở" in html
    assert "Bộ hoặc cơ quan ngang bộ" in html  # agency_a's kind, linking to its agencies


def test_article_shows_public_figures_only(client, agency_a):
    public = image_asset(agency_a, title="Infographic công khai")
    draft = image_asset(agency_a, title="Infographic nháp", published=False, variant=3)
    article = publish_article(
        agency_a,
        "Bài có hình",
        body=[
            {"type": "figure", "value": {"image": public.pk, "caption": "Hình công khai"}},
            {"type": "figure", "value": {"image": draft.pk, "caption": "Hình nháp"}},
        ],
    )
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hình công khai" in html and "Hình nháp" not in html
    assert '"@type": "NewsArticle"' in html


def test_article_takes_its_agency_from_the_section(agency_a):
    article = publish_article(agency_a, "Bài của cơ quan A")
    assert article.agency == agency_a


def test_hub_speaks_vietnamese_first_and_english_under_en(client, agency_a):
    publish_article(agency_a, "Bài mới")
    assert "Bài viết" in client.get("/").content.decode()
    assert ">Articles<" in client.get("/en/").content.decode()
