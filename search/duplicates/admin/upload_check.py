"""Where the duplicate check of a fresh upload stands, as the editor sees it: the copies found so
far (exact copies at once, near ones once the background part is done), "checking for copies"
with its progress while it runs, or "not checked" when it failed (it is retried)."""

import time
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from assets.kinds import kind_of_model
from search.keys import key_for

from ..enums import CheckState
from ..storing import status_of
from .confirmation import confirmation_html, described_duplicates

PLACES = ("standalone", "above_form", "uploader")
WAIT_STEP_SECONDS = 0.25


@dataclass
class UploadCheck:
    state: str
    progress: float
    matches: list[dict]

    @property
    def checking(self) -> bool:
        return self.state == CheckState.CHECKING

    @property
    def not_checked(self) -> bool:
        return self.state == CheckState.NOT_CHECKED

    @property
    def percent(self) -> int:
        return round(100 * self.progress)

    @property
    def for_the_editor(self) -> bool:
        """Anything to show: copies, a check still running, or one that failed."""
        return bool(self.matches) or self.state != CheckState.CHECKED


def check_of_upload(asset, user, wait: float = 0.0) -> UploadCheck:
    """The check as it stands, after waiting up to `wait` seconds for a running one to end."""
    key = key_for(asset)
    status = status_of(key)
    deadline = time.monotonic() + wait
    while (
        status is not None and status.state == CheckState.CHECKING and time.monotonic() < deadline
    ):
        time.sleep(WAIT_STEP_SECONDS)
        status = status_of(key)
    state = status.state if status else CheckState.NOT_CHECKED
    progress = status.progress if status else 0.0
    return UploadCheck(state, progress, described_duplicates(asset, user))


def upload_check_html(request, asset, check: UploadCheck, place: str = "standalone") -> str:
    """The whole block: state, progress and the confirmation; while checking it names the URL
    that `duplicate-checks.js` polls for the next state."""
    confirmation = confirmation_html(request, asset, check.matches, place=place)
    return render_to_string(
        "duplicates/upload_check.html",
        {
            "check": check,
            "confirmation": confirmation if check.matches else "",
            "poll_url": poll_url(asset, place),
        },
        request=request,
    )


def poll_url(asset, place: str) -> str:
    path = reverse("duplicates_of_upload", args=[kind_of_model(type(asset)).name, asset.pk])
    return f"{path}?{urlencode({'place': place})}"
