from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .duplicates import build_report


def duplicates_report(request):
    return TemplateResponse(
        request,
        "reports/duplicates.html",
        {"page_title": _("Duplicates"), "header_title": _("Duplicates"), "report": build_report()},
    )
