"""The same query behaviour on both backends, over Vietnamese text (tests/search/texts)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search import queries
from search.backends import get_database_backend, get_elastic_backend
from search.backends.base import SearchQuery
from search.folding import fold, strip_diacritics
from search.indexing import upsert_records
from tests.markers import elasticsearch_only

from .conftest import seed_paragraphs
from .records import AGENCIES, seed_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(backend_name):
    records = [seed_record(n, text) for n, text in enumerate(seed_paragraphs())]
    upsert_records(records)
    return {record.key: record for record in records}


def all_keys(results) -> list[str]:
    return [hit.key for hit in results.hits]


def every_key(query: str) -> list[str]:
    """Every hit of a query, best first, following the cursor."""
    results = queries.search(query, size=100, facets=False)
    keys = all_keys(results)
    while results.next_cursor:
        results = queries.search(query, size=100, facets=False, cursor=results.next_cursor)
        keys += all_keys(results)
    return keys


def test_folded_and_accented_queries_find_the_same_text(corpus):
    expected = {key for key, r in corpus.items() if "chuyen doi so" in fold(r.text + " " + r.title)}
    assert expected, "the seeds mention chuyển đổi số"
    for query in ("chuyen doi so", "CHUYỂN ĐỔI SỐ", "chuyển đổi số"):
        assert expected <= set(every_key(query)), query


def test_exact_accents_rank_above_folded_only(corpus):
    original = next(r for r in corpus.values() if "chuyển đổi số" in r.text)
    copy = seed_record(
        90_001, strip_diacritics(original.text), title=strip_diacritics(original.title)
    )
    upsert_records([copy])
    accented = every_key("chuyển đổi số")
    assert accented.index(original.key) < accented.index(copy.key)
    unaccented = every_key("chuyen doi so")
    assert unaccented.index(copy.key) < unaccented.index(original.key)


def test_adjacent_syllables_rank_above_scattered_ones(corpus):
    scattered = seed_record(
        90_002, "Sáng kiến của doanh nghiệp giúp tạo việc làm mới và thay đổi tư duy"
    )
    upsert_records([scattered])
    corpus[scattered.key] = scattered
    keys = every_key("đổi mới sáng tạo")
    with_phrase = [
        k for k in keys if "doi moi sang tao" in fold(corpus[k].text + " " + corpus[k].title)
    ]
    assert with_phrase and scattered.key in keys
    assert keys[: len(with_phrase)] == with_phrase


def test_filters_and_facet_counts(corpus):
    agency = AGENCIES[1]
    expected = [r for r in corpus.values() if r.agency == agency and "cds" in r.topics]
    results = queries.search("", filters={"agency": agency, "topic": ["cds"]}, size=5)
    assert results.total == len(expected) > 0
    facets = dict(results.facets["agency"])
    assert facets == {agency: len(expected)}
    years = dict(results.facets["year"])
    assert sum(years.values()) == len(expected)
    assert dict(queries.search("").facets["kind"]) == {"document": len(corpus)}


def test_highlight_marks_accented_words_for_a_folded_query(corpus):
    results = queries.search("chuyen doi so", size=5, facets=False)
    assert any(
        "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in h.highlight for h in results.hits
    )


def test_unpublished_and_embargoed_are_hidden_from_the_public(corpus):
    hidden_word = "bímậtquốcgia"
    now = timezone.now()
    upsert_records([
        seed_record(90_003, f"{hidden_word} chưa công bố", is_public=False),
        seed_record(90_004, f"{hidden_word} đang cấm vận", embargo_until=now + timedelta(days=3)),
        seed_record(90_005, f"{hidden_word} hết cấm vận", embargo_until=now - timedelta(days=1)),
    ])  # fmt: skip
    assert all_keys(queries.search(hidden_word)) == ["document:90005"]
    everything = queries.search(hidden_word, public_only=False)
    assert set(all_keys(everything)) == {"document:90003", "document:90004", "document:90005"}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_cursor_pagination_visits_every_hit_once(corpus, sort):
    first = queries.search("công nghệ", sort=sort, size=7, facets=False)
    seen, results = all_keys(first), first
    while results.next_cursor:
        results = queries.search("công nghệ", sort=sort, size=7, cursor=results.next_cursor)
        seen += all_keys(results)
    assert len(seen) == len(set(seen)) == first.total > 7


def test_autocomplete_more_like_this_and_terms(corpus):
    record = next(iter(corpus.values()))
    typed = " ".join(fold(record.title).split()[:2])
    assert record.key in [hit.key for hit in queries.autocomplete(typed, size=20)]
    similar = queries.more_like_this(record.key)
    assert similar and record.key not in [hit.key for hit in similar]
    upsert_records([
        seed_record(90_006, "bản sao một", terms=["sha256:ab", "pdq:1:ff"]),
        seed_record(90_007, "bản sao hai", terms=["sha256:ab", "pdq:1:00"]),
    ])  # fmt: skip
    found = queries.find_by_terms(["sha256:ab", "pdq:1:ff"], kinds=["document"])
    assert found == [("document:90006", 2), ("document:90007", 1)]
    assert queries.find_by_terms(["sha256:ab"], kinds=["image"]) == []


QUERIES = ["chuyển đổi số", "chuyen doi so", "khoa học công nghệ", "đổi mới sáng tạo", "dữ liệu"]


@elasticsearch_only
@pytest.mark.parametrize("text", QUERIES)
def test_both_backends_rank_alike(corpus, backend_name, text):
    """The database computes Elasticsearch's own scores (search.backends.bm25_sql)."""
    request = SearchQuery(text=text, size=10, facets=True, now=timezone.now())
    elastic = get_elastic_backend().search(request)
    database = get_database_backend().search(request)
    assert database.total == elastic.total
    assert database.facets == elastic.facets
    assert [hit.key for hit in database.hits] == [hit.key for hit in elastic.hits]
    assert [hit.score for hit in database.hits] == pytest.approx(
        [hit.score for hit in elastic.hits], rel=1e-5
    )
