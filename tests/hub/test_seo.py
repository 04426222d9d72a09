"""Findable and shareable: the sitemap lists every public page in both languages and each of
them answers; every page has a canonical link, hreflang twins, Open Graph and a Twitter card."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from cms.pages.models import ArticlePage

from . import library

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


ALTERNATE = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"'


def head_tags(html: str) -> dict:
    head = html.split("</head>")[0]
    return {
        "canonical": re.findall(r'<link rel="canonical" href="([^"]+)"', head),
        "hreflang": dict(re.findall(ALTERNATE, head)),
        "og": dict(re.findall(r'<meta property="og:([a-z:_]+)" content="([^"]*)"', head)),
        "twitter": dict(re.findall(r'<meta name="twitter:([a-z]+)" content="([^"]*)"', head)),
        "jsonld": len(re.findall(r'application/ld\+json', head)),
    }  # fmt: skip


@pytest.fixture
def site(agency_a, terms, indexed):
    with indexed():
        image = library.image(agency_a, "Ảnh hội nghị", seed=1, topics=[terms["topic"]],
                              campaign=terms["campaign"], licence=terms["open"])  # fmt: skip
        library.document(agency_a, "Sổ tay số", licence=terms["open"])
        library.article(agency_a, "Bài về hội nghị", title_en="About the meeting", image=image,
                        topics=[terms["topic"]])  # fmt: skip
        hidden = library.image(agency_a, "Ảnh chưa đăng", seed=2, published=False)
    return {"hidden": hidden}


def sitemap_urls(client) -> list[tuple[str, dict]]:
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = []
    for section in index.iter(f"{SITEMAP}loc"):
        page = ET.fromstring(client.get(section.text.replace("http://testserver", "")).content)
        for entry in page.iter(f"{SITEMAP}url"):
            alternates = {link.get("hreflang"): link.get("href")
                          for link in entry.iter(f"{XHTML}link")}  # fmt: skip
            urls.append((entry.find(f"{SITEMAP}loc").text, alternates))
    return urls


def test_every_sitemap_url_answers_with_canonical_hreflang_and_open_graph(client, site):
    urls = sitemap_urls(client)
    paths = [url.replace("http://testserver", "") for url, _alternates in urls]
    assert "/" in paths and "/en/" in paths and "/search/" in paths and "/topics/cds/" in paths
    assert any(path.startswith("/library/image/") for path in paths)
    assert any(path.startswith("/en/library/document/") for path in paths)
    assert f"/library/image/{site['hidden'].pk}/" not in paths
    for url, alternates in urls:
        assert set(alternates) == {"vi", "en", "x-default"}, url
        response = client.get(url.replace("http://testserver", ""))
        assert response.status_code == 200, url
        tags = head_tags(response.content.decode())
        assert tags["canonical"] == [url], url
        assert set(tags["hreflang"]) == {"vi", "en", "x-default"}, url
        assert tags["hreflang"]["en"] == alternates["en"], url
        assert {"title", "type", "url", "image"} <= set(tags["og"]), url
        assert tags["og"]["image:width"] == "1200" and tags["og"]["image:height"] == "630", url
        assert tags["twitter"]["card"] == "summary_large_image", url


def test_open_graph_image_is_1200_by_630(client, site, agency_a):
    article = ArticlePage.objects.get()
    tags = head_tags(client.get(article.url).content.decode())
    image_url = tags["og"]["image"].replace("http://testserver", "")
    assert Image.open(io.BytesIO(library.served_bytes(client, image_url))).size == (1200, 630)


def test_schema_org_describes_articles_and_agencies(client, site, agency_a):
    article = ArticlePage.objects.get()
    html = client.get(article.url).content.decode()
    assert '"@type": "NewsArticle"' in html and '"headline": "Bài về hội nghị"' in html
    assert '"@type": "GovernmentOrganization"' in html
    section = client.get(agency_a.section_page.url).content.decode()
    assert '"@type": "GovernmentOrganization"' in section


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_library_results_for_typed_words_are_not_indexed(client, site):
    assert b'name="robots" content="noindex' in client.get("/search/", {"q": "hoi nghi"}).content
    assert b'name="robots"' not in client.get("/search/").content
