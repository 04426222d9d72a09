"""One search request costs work in proportion to what it shows: a description that repeats the
query word thousands of times once cost seconds per anonymous request (the snippet window was
chosen by comparing every match with every other one, over text of any length). Counted here in
units of work, not timed: the speed goal is `make bench-search`'s `repeated_word_p95_ms`."""

import pytest

from search import queries
from search.documents import MAX_INDEXED_TEXT_CHARS, SearchRecord
from search.highlight import (
    MAX_MATCHES_READ,
    SNIPPET_CHARS,
    best_window,
    fold_aligned,
    highlight,
    match_spans,
)
from search.indexing import upsert_records

from .records import seed_record

REPEATED = "chuyển"


class CountedSpans(list):
    """A list of spans that counts how many of its items are read, however they are read."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):
        self.reads += 1
        return super().__getitem__(index)


@pytest.mark.parametrize("matches", [10, 1_000, 10_000])
def test_the_snippet_window_reads_each_match_a_bounded_number_of_times(matches):
    spans = CountedSpans((7 * n, 7 * n + 6) for n in range(matches))
    best_window(spans, 7 * matches)
    assert spans.reads <= 3 * matches


def test_a_repeated_word_gives_one_bounded_snippet():
    text = f"{REPEATED} " * 10_000
    assert len(match_spans(text, "chuyen")) == MAX_MATCHES_READ
    snippet = highlight(text, "chuyen")
    assert snippet.count("<mark>chuyển</mark>") >= 20
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= SNIPPET_CHARS + 2


def test_folding_keeps_every_character_in_its_place():
    text = "Đổi mới ﬁ ǅ İstanbul Ⅻ 😀 CHUYỂN-ĐỔI"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    assert folded.startswith("doi moi") and folded.endswith("chuyen-doi")
    spans = match_spans(text, "chuyen doi")
    assert [text[start:end] for start, end in spans] == ["Đổi", "CHUYỂN", "ĐỔI"]


def test_indexed_text_is_capped():
    record = SearchRecord(key="document:1", kind="document", title="dài", text="từ " * 100_000)
    assert len(record.text) == MAX_INDEXED_TEXT_CHARS
    assert SearchRecord.from_json(record.to_json()).text == record.text


@pytest.mark.django_db
def test_a_document_repeating_the_query_word_is_found_with_a_bounded_snippet(backend_name):
    upsert_records([
        seed_record(1, f"Mở đầu. {f'{REPEATED} ' * 10_000}", title="Lặp lại một từ"),
        seed_record(2, "Chuyển đổi số ở cấp xã, một lần."),
    ])  # fmt: skip
    results = queries.search(REPEATED)
    assert {hit.key for hit in results.hits} == {"document:1", "document:2"}
    assert all(len(hit.highlight) < 20 * SNIPPET_CHARS for hit in results.hits)
