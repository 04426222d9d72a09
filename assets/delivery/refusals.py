"""Files that are no longer served, and why: a withdrawn asset is gone (410) with its reason; an
asset whose licence expired is unavailable for legal reasons (451). The answer is a problem
document (RFC 9457), the error shape of the whole API; never a stale file."""

from django.utils import formats
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response

GONE = 410
UNAVAILABLE_FOR_LEGAL_REASONS = 451


def licence_refusal(asset):
    """A 451 answer when the asset's licence expired, else None."""
    if not getattr(asset, "licence_expired", False):
        return None
    detail = _("The licence of this item expired on %(date)s; its files are no longer served.") % {
        "date": formats.date_format(asset.licence_expires_on, "Y-m-d")
    }
    response = problem_response(status=UNAVAILABLE_FOR_LEGAL_REASONS, detail=detail)
    response["Cache-Control"] = "no-store"
    return response


def withdrawal_refusal(asset):
    """A 410 answer for a withdrawn asset, with the reason its agency gave."""
    reason = asset.withdrawal_reason or _("no reason given")
    detail = _("This item was withdrawn by its agency: %(reason)s") % {"reason": reason}
    response = problem_response(status=GONE, detail=detail)
    response["Cache-Control"] = "no-store"
    return response
