"""What an API caller may see and do: the one visibility rule of `assets.visibility`, given the
caller's embargoed-read grant; scopes for the rest."""

from django.utils.translation import gettext as _
from ninja.errors import HttpError

from assets.visibility import visible_to

from .tokens import Caller


def caller_of(request) -> Caller:
    return getattr(request, "api_caller", None) or Caller()


def visible_assets(queryset, request):
    return visible_to(queryset, request.user, caller_of(request).embargo_agency_ids)


def require_scope(request, scope: str) -> Caller:
    caller = caller_of(request)
    if caller.token is None:
        raise HttpError(401, _("This operation needs an API token."))
    if scope not in caller.scopes:
        raise HttpError(
            403, _("The token's consumer lacks the scope %(scope)s.") % {"scope": scope}
        )
    return caller
