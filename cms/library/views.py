"""Ask the agency holding an asset for it; the requests an agency received."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.duplicates.evidence import agency_for_reference

from .asking import ask_agency, lookup_url, requests_for


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what you would use it for and how to reach you."),
    )


def ask_for_asset(request):
    data = request.POST if request.method == "POST" else request.GET
    reference = data.get("reference", "").strip()[:64]
    agency = agency_for_reference(reference, request.user)
    if agency is None:
        raise Http404(_("This reference is not one of your checks, or the asset is gone."))
    form = AskForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        inbox = request.build_absolute_uri(reverse("library_requests"))
        ask_agency(agency, request.user, reference, form.cleaned_data["message"], inbox)
        messages.success(request, _("Your request was sent to %(agency)s.") % {"agency": agency})
        return redirect("wagtailadmin_home")
    context = {"form": form, "agency": agency, "reference": reference}
    return TemplateResponse(request, "library/ask.html", context)


def received_requests(request):
    requests = [(asked, lookup_url(asked.reference)) for asked in requests_for(request.user)[:200]]
    return TemplateResponse(request, "library/requests.html", {"requests": requests})
