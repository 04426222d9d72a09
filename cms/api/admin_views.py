"""Admin pages of the API: a consumer's tokens (create, shown once; revoke) and the reuse
report (who reused which agency's assets, per day)."""

from datetime import timedelta

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import APIToken

from cms.agencies.access import agencies_of

from .accounts import new_token
from .models import Consumer, ReuseCount


def consumer_tokens(request, pk: int):
    if not request.user.is_superuser:
        raise PermissionDenied
    consumer = get_object_or_404(Consumer, pk=pk)
    created = None
    if request.method == "POST" and request.POST.get("action") == "create":
        created = new_token(consumer, request.POST.get("name") or _("API token"))
    elif request.method == "POST" and request.POST.get("action") == "revoke":
        APIToken.objects.filter(pk=request.POST.get("token"), user=consumer.user).update(
            revoked_at=timezone.now()
        )
    tokens = (
        APIToken.objects.filter(user=consumer.user).order_by("-created") if consumer.user else []
    )
    return TemplateResponse(
        request,
        "cms_api/consumer_tokens.html",
        {"consumer": consumer, "tokens": tokens, "created": created, "pk": quote(consumer.pk)},
    )


def reuse_report(request):
    """Reuse of the user's agencies' assets (every agency for a superuser), last 90 days."""
    rows = ReuseCount.objects.filter(day__gte=timezone.localdate() - timedelta(days=90))
    if not request.user.is_superuser:
        rows = rows.filter(agency__in=agencies_of(request.user))
    summary = (
        rows.values("agency__name", "consumer__name", "fetch")
        .annotate(total=Sum("count"))
        .order_by("agency__name", "-total")
    )
    return TemplateResponse(request, "cms_api/reuse_report.html", {"rows": summary[:500]})
