"""An editor's decision about a copy that the check of their article found: recorded like an
upload's; "cite" also puts the article in the original's group, so it is credited as one work."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from search.keys import key_for

from .decision_requests import InvalidDecision
from .decisions import NO_MATCH, record_decision
from .enums import ARTICLE_DECISIONS, Decision, Relation
from .evidence import matches_found_for
from .groups import join_group


def decide_about_article(user, page, sent) -> object:
    """`sent`: decision, and the match as the check named it (candidate and check, or the
    reference of a match the editor may not see). LookupError for a match that no check of
    theirs about this article found."""
    decision = sent.get("decision")
    if decision not in ARTICLE_DECISIONS:
        raise InvalidDecision(_("Choose reuse, cite or not a duplicate."))
    found = matches_found_for(
        user,
        reference=sent.get("reference", ""),
        candidate=sent.get("candidate", ""),
        check=sent.get("check", ""),
    )
    checked = found.filter(duplicate_check__asset_key=key_for(page)).first()
    if checked is None:
        raise LookupError(NO_MATCH)
    with transaction.atomic():
        recorded = record_decision(
            candidate_key=checked.key,
            decision=decision,
            user=user,
            asset=page,
            evidence=checked.evidence,
        )
        if decision == Decision.CITE:
            join_group(checked.key, page, relation=Relation.COPY)
    return recorded
