"""The report's "check again" button: an item whose check failed is queued at once, its attempts
counted from zero (the periodic retry gives up after a few)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..unchecked import check_again


@require_POST
def check_again_in_admin(request):
    if check_again(request.POST.get("key", ""), request.user):
        messages.success(request, _("The item will be checked for copies again shortly."))
    else:
        messages.error(request, _("There is no failed check of yours to try again."))
    return redirect(reverse("reports_duplicates") + "#not-checked")
