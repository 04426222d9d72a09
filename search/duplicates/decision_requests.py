"""A decision as the API or the admin sends it, read field by field: a malformed one is refused
with a message (400), never half-read and never a 500."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assets.kinds import kind_named
from search.keys import INDEXED_MODELS

from .enums import ASSET_DECISIONS

KEY = re.compile(r"([a-z]+):([1-9][0-9]{0,17})")
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")  # `models.checks.new_token`
SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_SIZE = 2**63 - 1


class InvalidDecision(ValueError):
    pass


@dataclass(frozen=True)
class DecisionRequest:
    decision: str
    candidate: str = ""  # the matched asset's key, when the caller may see it
    reference: str = ""  # ... or the reference a check gave for a match the caller may not see
    check: str = ""  # the check that found the candidate (optional: any of the caller's)
    asset: str = ""  # the caller's own stored upload the decision is about
    sha256: str = ""
    filename: str = ""
    size: int | None = None

    @classmethod
    def parse(cls, sent) -> "DecisionRequest":
        if not isinstance(sent, dict):
            raise InvalidDecision(_("Send a JSON object."))
        decision = sent.get("decision")
        if not isinstance(decision, str) or decision not in ASSET_DECISIONS:
            raise InvalidDecision(_('"decision" must be reuse, new_version or not_duplicate.'))
        reference = _matching(sent, "reference", TOKEN)
        candidate = _key(sent, "candidate", INDEXED_MODELS)
        if bool(reference) == bool(candidate):
            raise InvalidDecision(_('Name the existing asset by its "candidate" or "reference".'))
        return cls(
            decision=decision,
            candidate=candidate,
            reference=reference,
            check=_matching(sent, "check", TOKEN),
            asset=_key(sent, "asset", [name for name in INDEXED_MODELS if kind_named(name)]),
            sha256=_matching(sent, "sha256", SHA256, lower=True),
            filename=_text(sent, "filename")[:255],
            size=_size(sent.get("size")),
        )


def _text(sent: dict, name: str) -> str:
    value = sent.get(name) or ""
    if not isinstance(value, str):
        raise InvalidDecision(_('"%(field)s" must be a string.') % {"field": name})
    return value


def _matching(sent: dict, name: str, pattern: re.Pattern, lower: bool = False) -> str:
    value = _text(sent, name)
    value = value.lower() if lower else value
    if value and not pattern.fullmatch(value):
        raise InvalidDecision(_('"%(field)s" is not in the form a check gives.') % {"field": name})
    return value


def _key(sent: dict, name: str, kinds) -> str:
    """A key such as "image:12" of one of `kinds`, or ""."""
    value = _text(sent, name)
    found = KEY.fullmatch(value) if value else None
    if value and (found is None or found.group(1) not in kinds):
        raise InvalidDecision(_('"%(field)s" must be a key such as "image:12".') % {"field": name})
    return value


def _size(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SIZE:
        raise InvalidDecision(_('"size" must be a number of bytes.'))
    return value
