"""The one interface every search backend speaks, and the plain values it takes and returns."""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ..documents import SearchRecord


@dataclass
class SearchQuery:
    text: str = ""
    # Facet name ("topic", "agency", ...) -> accepted values: OR within a field, AND across fields.
    filters: dict[str, list[str]] = field(default_factory=dict)
    facets: bool = True
    sort: str = "relevance"  # or "date" (newest first)
    size: int = 20
    offset: int = 0
    cursor: dict | None = None  # the decoded next_cursor of the previous page
    public_only: bool = True
    now: datetime | None = None


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    highlight: str = ""
    score: float = 0.0
    agency: str = ""
    published_at: datetime | None = None


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    next_cursor: str | None = None
    degraded: bool = False


class SearchBackend(ABC):
    """Writes records, answers queries. Implementations: database and Elasticsearch."""

    name: str

    @abstractmethod
    def upsert(self, records: Iterable[SearchRecord]) -> None: ...

    @abstractmethod
    def delete(self, keys: Iterable[str]) -> None: ...

    @abstractmethod
    def rebuild(self, records: Iterable[SearchRecord]) -> int:
        """Replace the whole index with these records; returns how many were written."""

    @abstractmethod
    def stamps(self) -> dict[str, str]:
        """Every indexed key with the stamp of its record (for reconciling)."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults: ...

    @abstractmethod
    def autocomplete(self, prefix: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        """Titles that start with the words typed so far (folded)."""

    @abstractmethod
    def more_like_this(
        self, key: str, size: int, public_only: bool, now: datetime
    ) -> list[Hit]: ...

    @abstractmethod
    def find_by_terms(
        self, terms: list[str], kinds: list[str] | None = None, limit: int = 50
    ) -> list[tuple[str, int]]:
        """Keys sharing at least one term, with how many they share, most first."""
