"""Search records made from the Vietnamese seed paragraphs."""

from datetime import UTC, datetime

from search.documents import SearchRecord

AGENCIES = ["bo-khcn", "dong-nai"]
TOPICS = [["cds"], ["dmst", "khcn"], ["khcn"]]


def seed_record(number: int, text: str, **overrides) -> SearchRecord:
    year = 2024 + number % 3
    values = {
        "key": f"document:{number}",
        "kind": "document",
        "type": "pdf" if number % 2 else "guidance",
        "title": " ".join(text.split()[:8]),
        "text": text,
        "agency": AGENCIES[number % 2],
        "topics": TOPICS[number % 3],
        "audiences": ["citizens"],
        "language": "vi",
        "year": year,
        "published_at": datetime(year, 1 + number % 12, 1 + number % 28, tzinfo=UTC),
        "is_public": True,
        "url": f"/api/v2/documents/{number}/",
    }
    return SearchRecord(**{**values, **overrides})
