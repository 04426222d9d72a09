"""The library page: search with or without diacritics, translated filters with counts, pages,
each grouped work once and never dropped, bad parameters refused."""

import re

import pytest
from django.utils import translation

from search.duplicates.groups import join_group
from search.keys import key_for

from . import library

pytestmark = pytest.mark.django_db


def cards(html: str) -> list[str]:
    """Titles of the result cards, in order."""
    return re.findall(r'class="stretched-link" href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_search_finds_with_and_without_diacritics(client, agency_a, terms, indexed):
    with indexed():
        library.image(agency_a, "Bản đồ chuyển đổi số cấp xã", seed=1, topics=[terms["topic"]])
        library.article(agency_a, "Chuyển đổi số ở xã miền núi")
    for query in ("chuyển đổi số", "chuyen doi so", "CHUYEN DOI SO"):
        found = cards(client.get("/search/", {"q": query}).content.decode())
        assert "Bản đồ chuyển đổi số cấp xã" in found, query
        assert "Chuyển đổi số ở xã miền núi" in found, query


def test_filters_have_translated_names_and_counts(client, agency_a, agency_b, terms, indexed):
    with indexed():
        library.image(agency_a, "Ảnh một", seed=1, topics=[terms["topic"]], licence=terms["open"])
        library.image(agency_b, "Ảnh hai", seed=2, kind="infographic", licence=terms["open"])
    html = client.get("/search/").content.decode()  # Vietnamese, the default language
    assert 'id="facet-type">Loại<' in html and 'id="facet-agency">Cơ quan<' in html
    assert 'id="facet-kind"' not in html  # the model name is not a filter people choose
    labels = dict(re.findall(r'facet-label">([^<]+)(?:<[^>]+>[^<]*</span>)?</span>'
                             r'<span class="facet-count">(\d+)', html))  # fmt: skip
    assert labels["Chuyển đổi số"] == "1"
    assert labels[agency_b.name] == "1" and labels["Infographic"] == "1"
    assert labels["CC-BY-4.0"] == "2"
    assert "agency-a" not in re.sub(r'href="[^"]*"', "", html)  # no raw code is shown


def test_filters_combine_and_page_through(client, agency_a, agency_b, terms, indexed):
    with indexed():
        for number in range(21):
            library.image(agency_a, f"Ảnh tư liệu số {number}", seed=number, kind="photo")
        library.image(agency_b, "Ảnh tư liệu của B", seed=99, kind="photo")
    first = client.get("/search/", {"q": "tư liệu", "agency": "agency-a", "type": "photo"})
    html = first.content.decode()
    assert len(cards(html)) == 20 and "Ảnh tư liệu của B" not in html
    assert "1–20 trong 22 kết quả" not in html and "1–20 trong 21 kết quả" in html
    next_link = re.search(r'href="(\?[^"]+)" rel="next"', html)[1].replace("&amp;", "&")
    assert sorted(next_link[1:].split("&")) == sorted(
        ["q=t%C6%B0+li%E1%BB%87u", "agency=agency-a", "type=photo", "page=2"]
    )
    second = client.get("/search/" + next_link).content.decode()
    assert len(cards(second)) == 1 and "21–21 trong 21 kết quả" in second
    assert not set(cards(html)) & set(cards(second))


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "0"}, {"page": "501"},
                                    {"sort": "price"}])  # fmt: skip
def test_a_malformed_page_or_order_is_a_bad_request_naming_it(client, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert f"“{next(iter(params))}”" in response.content.decode()


def test_an_unknown_parameter_is_refused_by_name_in_the_page_language(client, agency_a, terms):
    """A misspelt filter (`topics=` for `topic=`) would otherwise answer an unfiltered search
    as if it had been applied; /api/search/ refuses it alike (search.paging.known_only)."""
    with translation.override("vi"):
        section = agency_a.section_page.url
    for url in ("/search/", "/topics/cds/", section):
        response = client.get(url, {"q": "số", "topics": "cds"})
        html = response.content.decode()
        assert response.status_code == 400, url
        assert "Tham số “topics” không được hỗ trợ" in html and "topic, type" in html, url
        assert response["Content-Type"].startswith("text/html"), url
    english = client.get("/en/search/", {"utm_source": "x", "topic": "cds"})
    assert english.status_code == 400
    assert "Unknown parameter “utm_source”" in english.content.decode()
    assert client.get("/search/", {"q": "số", "topic": "cds", "sort": "date"}).status_code == 200


def test_a_page_beyond_the_last_leads_back_to_the_first(client, agency_a, terms, indexed):
    """A link made when there were more results still answers, and says where they end."""
    with indexed():
        library.image(agency_a, "Ảnh duy nhất", seed=1)
    response = client.get("/search/", {"page": "2"})
    html = response.content.decode()
    assert response.status_code == 200 and not cards(html)
    assert "Kết quả kết thúc ở trang 1." in html and 'content="noindex' in html


def test_english_search_page_speaks_english(client, agency_a, terms, indexed):
    with indexed():
        library.image(agency_a, "Ảnh hội thảo", title_en="Workshop photo", seed=1)
    response = client.get("/en/search/", {"q": "hoi thao"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Workshop photo" in cards(html) and ">Filters<" in html


def test_a_grouped_work_shows_once_crediting_every_agency(client, agency_a, agency_b, indexed):
    with indexed():
        original = library.image(agency_a, "Infographic chỉ tiêu 2030", seed=5)
        copy = library.image(agency_b, "Infographic chỉ tiêu 2030 (đăng lại)", seed=6)
        join_group(key_for(original), copy)
    html = client.get("/search/", {"q": "chi tieu 2030"}).content.decode()
    assert len(cards(html)) == 1
    assert "Cùng được đăng bởi" in html and agency_a.name in html and agency_b.name in html


def test_a_public_copy_is_not_dropped_when_the_canonical_is_not_a_hit(
    client, agency_a, agency_b, indexed
):
    """The reported bug: the canonical asset is unpublished (or filtered out), and its group's
    public copy vanished from the results."""
    with indexed():
        original = library.image(agency_a, "Sơ đồ mạng 5G", seed=7, published=False)
        copy = library.image(agency_b, "Sơ đồ mạng 5G (bản của sở)", seed=8)
        join_group(key_for(original), copy)
    assert cards(client.get("/search/", {"q": "so do mang 5G"}).content.decode()) == [
        "Sơ đồ mạng 5G (bản của sở)"
    ]
    original.is_published = True
    with indexed():
        original.save()
    only_b = client.get("/search/", {"q": "so do mang", "agency": agency_b.code})
    assert cards(only_b.content.decode()) == ["Sơ đồ mạng 5G (bản của sở)"]
    # An unpublished member is never credited (that would tell who holds a private copy).
    original.is_published = False
    with indexed():
        original.save()
    html = client.get("/search/", {"q": "so do mang"}).content.decode()
    assert agency_a.name not in html


def test_unpublished_hits_never_show_even_from_a_stale_index(client, agency_a, indexed):
    with indexed():
        shown = library.image(agency_a, "Ảnh công khai về đổi mới", seed=1)
        hidden = library.image(agency_a, "Ảnh sắp công bố về đổi mới", seed=2)
    hidden.is_published = False
    hidden.save()  # not indexed again: the index still calls it public
    found = cards(client.get("/search/", {"q": "doi moi"}).content.decode())
    assert found == [shown.title]
