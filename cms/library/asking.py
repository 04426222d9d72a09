"""Recording a request for an asset and telling the agency that holds it."""

from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.agencies.access import agencies_of
from cms.agencies.models import Agency

from .models import AssetRequest


def ask_agency(agency: Agency, user, reference: str, message: str, inbox_url: str) -> AssetRequest:
    own = agencies_of(user)
    asked = AssetRequest.objects.create(
        reference=reference,
        agency=agency,
        requested_by=user,
        requesting_agency=own[0] if own else None,
        message=message,
    )
    _tell_editors(asked, inbox_url)
    return asked


def _tell_editors(asked: AssetRequest, inbox_url: str) -> None:
    """An e-mail to each editor and moderator of the agency asked who has an address."""
    groups = [group for group in (asked.agency.editors, asked.agency.moderators) if group]
    addresses = sorted(
        {
            user.email
            for group in groups
            for user in group.user_set.filter(~Q(email=""), is_active=True)
        }
    )
    if not addresses:
        return
    subject = _("%(agency)s asks for one of your assets") % {
        "agency": asked.requesting_agency or asked.requested_by
    }
    body = _("%(message)s\n\nReference: %(reference)s\nSee the request: %(url)s") % {
        "message": asked.message,
        "reference": asked.reference,
        "url": inbox_url,
    }
    send_mail(subject, body, None, addresses, fail_silently=True)


def requests_for(user):
    """The requests addressed to the user's agencies (all of them for an administrator)."""
    requests = AssetRequest.objects.select_related("requesting_agency", "requested_by", "agency")
    if user.is_superuser:
        return requests
    return requests.filter(agency__in=agencies_of(user))


def lookup_url(reference: str) -> str:
    """Where the holding agency finds the asset a reference names (the duplicates report)."""
    return f"{reverse('reports_duplicates')}?reference={reference}"
