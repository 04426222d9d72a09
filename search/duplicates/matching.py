"""Find the assets an upload duplicates, and say why each one matched."""

from dataclasses import dataclass, field

from assets.kinds import asset_models
from search import queries
from search.keys import key_for

from .algorithms.thresholds import Thresholds
from .fingerprinting import Fingerprinted
from .modalities import modality
from .models import AssetFingerprint, FingerprintStatus
from .thresholds import thresholds

# A hash band of 16 bits is shared by chance with count / 65,536 stored items: about 490 of a
# million images share one of a hash's 32 bands with a query (two partitions, `bands`). A true
# neighbour nearly always shares several and comes first; this many keeps one that shares one.
CANDIDATES_PER_GROUP = 600
WEAK_CANDIDATES_PER_GROUP = 50
MAX_PENDING_CANDIDATES = 200
MAX_MATCHES = 20


@dataclass
class Match:
    key: str
    exact: bool
    signal: str  # "sha256", "content", or the perceptual signal that decided
    similarity: float
    details: dict = field(default_factory=dict)

    @classmethod
    def from_evidence(cls, evidence: dict) -> "Match":
        return cls(
            evidence["key"],
            evidence["exact"],
            evidence["signal"],
            evidence["similarity"],
            evidence.get("details", {}),
        )

    def as_evidence(self) -> dict:
        return {
            "key": self.key,
            "exact": self.exact,
            "signal": self.signal,
            "similarity": self.similarity,
            "details": self.details,
        }


def find_duplicates(upload: Fingerprinted, exclude: set[str] | frozenset = frozenset()) -> list:
    """Exact matches first, then verified near matches, closest first; one entry per asset."""
    found: dict[str, Match] = {}
    near = _near(upload, exclude, thresholds())
    for match in [*_same_bytes(upload), *_same_content(upload), *near]:
        if match.key not in exclude and match.key not in found:
            found[match.key] = match
    ordered = sorted(found.values(), key=lambda m: (not m.exact, -m.similarity, m.key))
    return ordered[:MAX_MATCHES]


def _same_bytes(upload: Fingerprinted) -> list[Match]:
    if not upload.sha256:
        return []
    matches = []
    for model in asset_models():
        for asset in model.objects.filter(content_sha256=upload.sha256).only("pk"):
            matches.append(Match(key_for(asset), True, "sha256", 1.0, {"sha256": upload.sha256}))
    return matches


def _same_content(upload: Fingerprinted) -> list[Match]:
    if not upload.content_hash:
        return []
    keys = FingerprintStatus.objects.filter(content_hash=upload.content_hash).values_list(
        "key", flat=True
    )
    details = {"content_hash": upload.content_hash}
    return [Match(key, True, "content", 1.0, details) for key in keys]


def _near(upload: Fingerprinted, exclude, limits: Thresholds) -> list[Match]:
    matches = []
    for name, _content_hash, data in upload.rows():
        kind = modality(name)
        candidates = _candidates(name, data, limits)
        keys = set(candidates) - set(exclude)
        for key, stored in _stored(name, keys, candidates):
            verdict = kind.compare(data, stored, limits, thorough=candidates[key])
            if verdict.same:
                details = {"modality": name, **verdict.details}
                matches.append(Match(key, False, verdict.signal, verdict.similarity, details))
    return matches


def _stored(name: str, keys: set[str], candidates: dict[str, bool]):
    """(key, data) of the candidates' fingerprints: whole for a thorough check, only the parts
    a quick check reads otherwise (an image's thumbnail and features are most of its 57 KB)."""
    rows = AssetFingerprint.objects.filter(modality=name)
    quick_fields = modality(name).quick_fields
    thorough = {key for key in keys if candidates[key]} if quick_fields else keys
    yield from rows.filter(key__in=thorough).values_list("key", "data")
    paths = [f"data__{field}" for field in quick_fields]
    for key, *values in rows.filter(key__in=keys - thorough).values_list("key", *paths):
        yield key, dict(zip(quick_fields, values, strict=True))


def _candidates(name: str, data: dict, limits: Thresholds) -> dict[str, bool]:
    """Candidate key -> whether it deserves the thorough check: it shares several weak terms
    (local features), or it is not indexed yet. Any shared hash-band term makes a candidate."""
    candidates = dict.fromkeys(_not_yet_indexed(name), True)
    for group in modality(name).candidate_terms(data, limits):
        limit = WEAK_CANDIDATES_PER_GROUP if group.weak else CANDIDATES_PER_GROUP
        for key, count in queries.find_by_terms(group.terms, limit=limit):
            if count >= group.needed:
                candidates[key] = candidates.get(key, False) or group.weak
    return candidates


def _not_yet_indexed(name: str) -> set[str]:
    """Fingerprints whose terms the index does not hold yet (the index task is queued): two
    agencies uploading the same file minutes apart must still meet. Normally a handful, found
    through a partial index, whatever the number of fingerprints."""
    pending = AssetFingerprint.objects.filter(modality=name, awaiting_index=True)
    return set(pending.values_list("key", flat=True)[:MAX_PENDING_CANDIDATES])
