import pytest

from tests.cms.test_hub_pages import publish_article

pytestmark = pytest.mark.django_db


def test_hub_search_finds_articles_with_or_without_diacritics(
    client, agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexing runs after commit
        publish_article(agency_a, "Chuyển đổi số ở xã miền núi")
    for query in ("chuyển đổi số", "chuyen doi so", "CHUYỂN ĐỔI SỐ"):
        html = client.get("/search/", {"q": query}).content.decode()
        assert "Chuyển đổi số ở xã miền núi" in html, query


def test_hub_search_page_without_a_query(client):
    assert client.get("/search/").status_code == 200
