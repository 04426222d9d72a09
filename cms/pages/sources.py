"""The sources an article credits: what its editor chose to cite when the duplicate check found
the text already in the library ("cite", search.duplicates Decision.CITE). Only sources the
public may see are shown; an editor's latest decision about each copy is the one that counts."""

from search.duplicates.enums import Decision
from search.duplicates.models import DuplicateDecision
from search.keys import key_for

from .cards import Card, cards_for_keys


def cited_sources(article) -> list[Card]:
    decided = DuplicateDecision.objects.filter(asset_key=key_for(article))
    latest: dict[str, str] = {}
    for candidate, decision in decided.order_by("decided_at", "pk").values_list(
        "candidate_key", "decision"
    ):
        latest[candidate] = decision
    cited = [key for key, decision in latest.items() if decision == Decision.CITE]
    return cards_for_keys(cited) if cited else []
