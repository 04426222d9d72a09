"""Admin: the background queues at a glance (superusers; Reports → Background queues)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .queues import backend_kind, queue_figures


def queues_report(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    title = _("Background queues")
    return TemplateResponse(
        request,
        "operations/queues.html",
        {
            "page_title": title,
            "header_title": title,
            "backend": backend_kind(),
            "queues": queue_figures(),
        },
    )
