"""`SearchRecord`: what the index holds about one searchable thing, whatever the backend.

Records are plain data, built from model instances by `search.records` and stored whole (as JSON)
in the database index, so Elasticsearch can be rebuilt or reconciled from the database alone.
"""

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import datetime

from django.utils.dateparse import parse_datetime

from .folding import fold

# The text of one record is indexed up to this many characters (about 15,000 Vietnamese words, some
# forty pages): enough to find any document by what it is about, and a bound on what one record
# costs to store, to match and to highlight, in either backend.
MAX_INDEXED_TEXT_CHARS = 100_000

# The facet fields, in display order; each maps to the record attribute holding its values.
FACET_FIELDS = {
    "kind": "kind",
    "type": "type",
    "topic": "topics",
    "audience": "audiences",
    "agency": "agency",
    "campaign": "campaign",
    "language": "language",
    "licence": "licence",
    "year": "year",
}


@dataclass
class SearchRecord:
    key: str
    kind: str
    title: str
    type: str = ""
    agency: str = ""
    agency_name: str = ""
    title_en: str = ""
    text: str = ""
    topics: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    campaign: str = ""
    language: str = ""
    licence: str = ""
    year: int | None = None
    published_at: datetime | None = None
    is_public: bool = False
    embargo_until: datetime | None = None
    url: str = ""
    terms: list[str] = field(default_factory=list)
    fingerprints: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One Unicode form everywhere, so offsets in the text line up with its folded copy.
        for name in ("title", "title_en", "text"):
            setattr(self, name, unicodedata.normalize("NFC", getattr(self, name) or ""))
        self.text = self.text[:MAX_INDEXED_TEXT_CHARS]

    @property
    def full_title(self) -> str:
        return " ".join(part for part in (self.title, self.title_en) if part)

    @property
    def title_folded(self) -> str:
        return fold(self.full_title)

    @property
    def text_folded(self) -> str:
        return fold(self.text)

    def facet_values(self) -> dict[str, list[str]]:
        values = {}
        for facet, attribute in FACET_FIELDS.items():
            raw = getattr(self, attribute)
            items = raw if isinstance(raw, list) else [raw]
            values[facet] = [str(item) for item in items if item not in (None, "")]
        return values

    def to_json(self) -> dict:
        """The record as JSON values (a new dict; the lists and the fingerprints are shared)."""
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        for name in ("published_at", "embargo_until"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> "SearchRecord":
        values = dict(data)
        for name in ("published_at", "embargo_until"):
            values[name] = parse_datetime(values[name]) if values.get(name) else None
        return cls(**values)

    @property
    def stamp(self) -> str:
        """A digest of the whole record: equal stamps mean equal index entries (for reconcile)."""
        return stamp_of(self.to_json())


_FIELD_NAMES = tuple(item.name for item in fields(SearchRecord))


def stamp_of(data: dict) -> str:
    """The stamp of a record from its `to_json()`."""
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]
