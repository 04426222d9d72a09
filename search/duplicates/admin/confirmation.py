"""The confirmation an editor sees when an upload is already in the library: the matches as the
editor may see them, each with the URLs that record a decision."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from assets.kinds import IMAGE, kind_of_model
from search.keys import key_for

from ..disclosure import disclose
from ..enums import ASSET_DECISIONS
from ..matching import find_duplicates
from ..storing import stored_fingerprints


def described_duplicates(asset, user) -> list[dict]:
    """The library's copies of a freshly stored upload, as `user` may see them, with the URLs
    that record each decision."""
    key = key_for(asset)
    matches = find_duplicates(stored_fingerprints(asset), exclude={key})
    check, described = disclose(matches, user, asset_key=key, sha256=asset.content_sha256)
    return _with_decision_urls(described, key, check)


def confirmation_html(request, asset, matches: list[dict], *, place: str = "uploader") -> str:
    """`place`: "uploader" (Wagtail's image uploader handles the buttons), "above_form" (the
    document uploader), "chooser" (the chooser's script posts each button's link) or
    "standalone" (every button records its decision by itself)."""
    return render_to_string(
        "duplicates/confirm_upload.html",
        {
            "new": asset,
            "new_is_image": kind_of_model(type(asset)) is IMAGE,
            "matches": matches,
            place: True,
        },
        request=request,
    )


def _with_decision_urls(described: list[dict], new_key: str, check) -> list[dict]:
    base = reverse("duplicates_admin_decide")
    for match in described:
        if "key" in match:
            named = {"check": check.token, "candidate": match["key"]}
        else:
            named = {"reference": match["reference"]}
        match["decision_urls"] = {
            decision: f"{base}?{urlencode({**named, 'asset': new_key, 'decision': decision})}"
            for decision in ASSET_DECISIONS
        }
    return described
