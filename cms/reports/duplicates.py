"""The duplicates report: groups of one work, bytes saved, which agency duplicates whom.

Figures are library-wide; the groups show each reader only the assets they may see (titles and
keys of other agencies' unpublished assets never appear), and no group of which they see none."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from assets.kinds import asset_models
from search.duplicates.decisions import bytes_saved_by_reuse
from search.duplicates.enums import Decision
from search.duplicates.models import DuplicateDecision, DuplicateGroup
from search.duplicates.unchecked import check_figures, unchecked_items
from search.duplicates.visible import visible_keys
from search.keys import instance_for_key


@dataclass
class DuplicatesReport:
    groups: list[dict] = field(default_factory=list)
    shared_bytes: int = 0  # stored once although several assets hold them
    reused_bytes: int = 0  # uploads not kept because the editor reused an existing asset
    pairs: list[tuple[str, str, int]] = field(default_factory=list)  # (copier, original, count)
    decisions: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)  # check state -> number of items, library-wide
    unchecked: list[dict] = field(default_factory=list)  # failed checks the reader may see

    @property
    def bytes_saved(self) -> int:
        return self.shared_bytes + self.reused_bytes


def build_report(user) -> DuplicatesReport:
    report = DuplicatesReport(
        shared_bytes=_shared_bytes(),
        reused_bytes=bytes_saved_by_reuse(),
        checks=check_figures(),
        unchecked=unchecked_items(user),
    )
    pairs: Counter = Counter()
    groups = list(
        DuplicateGroup.objects.prefetch_related("members__agency").order_by("-created_at")
    )
    seen = visible_keys({m.key for group in groups for m in group.members.all()}, user)
    for group in groups:
        members = list(group.members.all())
        origin = next((m.agency for m in members if m.key == group.canonical_key), None)
        for member in members:
            if member.key != group.canonical_key and member.agency and origin:
                pairs[(member.agency.name, origin.name)] += 1
        if any(member.key in seen for member in members):
            report.groups.append(_group_as_seen(group, members, seen))
    for decision in DuplicateDecision.objects.filter(decision=Decision.REUSE).select_related(
        "agency"
    ):
        original = instance_for_key(decision.candidate_key)
        if decision.agency and original is not None and original.agency:
            pairs[(decision.agency.name, original.agency.name)] += 1
    report.pairs = sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda p: -p[2])
    report.decisions = dict(
        DuplicateDecision.objects.values_list("decision").annotate(n=Count("pk")).order_by()
    )
    return report


def _group_as_seen(group, members: list, seen: set[str]) -> dict:
    """The canonical asset's title and the members' keys only where the reader may see them."""
    canonical = instance_for_key(group.canonical_key) if group.canonical_key in seen else None
    return {
        "canonical": canonical,
        "key": group.canonical_key if canonical is not None else "",
        "members": [
            {"member": member, "key": member.key if member.key in seen else ""}
            for member in members
        ],
    }


def _shared_bytes() -> int:
    """Bytes that content-addressed storage keeps once for assets with the same SHA-256."""
    saved = 0
    for model in asset_models():
        shared = (
            model.objects.exclude(content_sha256="")
            .values("content_sha256")
            .annotate(n=Count("pk"), size=Sum("byte_size"))
            .filter(n__gt=1)
        )
        saved += sum((row["size"] or 0) * (row["n"] - 1) // row["n"] for row in shared)
    return saved
