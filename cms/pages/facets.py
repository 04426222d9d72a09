"""The library's filters: translated titles and value names, counts, and the links that add or
remove one value (OR within a filter, AND across filters)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from cms.agencies.models import Agency
from cms.taxonomy.models import Audience, Campaign, Licence, Topic

from .freshness import cached_many
from .labels import KIND_LABELS, LANGUAGE_LABELS, type_label

# Shown in this order; "kind" (the model) is accepted in links but "type" is what people choose.
FACET_TITLES = {
    "type": _("Type"),
    "topic": _("Topic"),
    "audience": _("Audience"),
    "agency": _("Agency"),
    "campaign": _("Campaign or event"),
    "year": _("Year"),
    "licence": _("Licence"),
    "language": _("Language"),
}
ACCEPTED = [*FACET_TITLES, "kind"]
SHOWN_BEFORE_MORE = 6


# Filters whose values are rows: (model, field holding the value, what people read).
NAMED = {
    "topic": (Topic, "slug", lambda item: item.name),
    "audience": (Audience, "slug", lambda item: item.name),
    "campaign": (Campaign, "slug", lambda item: item.name),
    "licence": (Licence, "code", lambda licence: licence.label),
    "agency": (Agency, "code", lambda agency: agency.localized_name),
}


def _all_names(facet: str) -> dict[str, str]:
    """Every row's label (small tables: the taxonomy, the agencies), kept per generation."""
    model, field_name, name = NAMED[facet]
    return {getattr(item, field_name): str(name(item)) for item in model.objects.all()}


def labels_of(facets: list[str]) -> dict[str, dict[str, str]]:
    """The labels of these row-valued filters, in one round trip to the cache when known."""
    found = cached_many(
        [f"labels:{facet}" for facet in facets], lambda key: lambda: _all_names(key[7:])
    )
    return {facet: found[f"labels:{facet}"] for facet in facets}


def value_labels(facet: str, values: list[str], named: dict[str, dict]) -> dict[str, str]:
    """What people read for each stored value; an unknown value keeps its code. `named`: the
    labels of the row-valued filters (labels_of)."""
    if facet == "type":
        found = {value: type_label(value) for value in values}
    elif facet == "kind":
        found = {value: str(KIND_LABELS.get(value, value)) for value in values}
    elif facet == "language":
        found = {value: str(LANGUAGE_LABELS.get(value, value)) for value in values}
    elif facet in NAMED:
        found = named.get(facet, {})
    else:
        found = {}
    return {value: found.get(value, value) for value in values}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]

    @property
    def first(self) -> list[FacetValue]:
        return self.values[:SHOWN_BEFORE_MORE]

    @property
    def more(self) -> list[FacetValue]:
        return self.values[SHOWN_BEFORE_MORE:]


def toggle_url(params: dict[str, list[str]], facet: str, value: str) -> str:
    """The query string with `value` added to or removed from `facet`, back on the first page."""
    changed = {name: list(values) for name, values in params.items() if name != "page"}
    chosen = changed.setdefault(facet, [])
    if value in chosen:
        chosen.remove(value)
    else:
        chosen.append(value)
    pairs = [(name, v) for name, values in changed.items() for v in values if v]
    return "?" + urlencode(pairs) if pairs else "?"


def build_facets(counts: dict, params: dict[str, list[str]], filters: dict) -> list[Facet]:
    facets = []
    named = labels_of([name for name in NAMED if counts.get(name) or filters.get(name)])
    for name, title in FACET_TITLES.items():
        counted = dict(counts.get(name, []))
        for chosen in filters.get(name, []):  # a chosen value stays visible, even at 0
            counted.setdefault(chosen, 0)
        if not counted:
            continue
        labels = value_labels(name, list(counted), named)
        values = [
            FacetValue(value, labels[value], count, value in filters.get(name, []),
                       toggle_url(params, name, value))
            for value, count in counted.items()
        ]  # fmt: skip
        if name == "year":
            values.sort(key=lambda item: item.value, reverse=True)
        facets.append(Facet(name, str(title), values))
    return facets
