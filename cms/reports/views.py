from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from search.duplicates.disclosure import admin_url
from search.duplicates.evidence import key_for_reference
from search.keys import instance_for_key

from .duplicates import build_report


def duplicates_report(request):
    return TemplateResponse(
        request,
        "reports/duplicates.html",
        {
            "page_title": _("Duplicates"),
            "header_title": _("Duplicates"),
            "report": build_report(request.user),
            "lookup": _reference_lookup(request),
        },
    )


def _reference_lookup(request) -> dict | None:
    """Another agency quotes the reference its check gave for a match it may not see: the
    agency holding the asset finds it here (nobody else finds anything)."""
    reference = request.GET.get("reference", "").strip()[:64]
    if not reference:
        return None
    key = key_for_reference(reference, request.user)
    found = instance_for_key(key) if key else None
    return {
        "reference": reference,
        "asset": found,
        "admin_url": admin_url(key) if found is not None else "",
    }
