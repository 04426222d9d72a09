"""The endpoint the confirmation's buttons post the editor's decision to."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..decision_requests import DecisionRequest, InvalidDecision
from ..decisions import decide

FIELDS = ("decision", "candidate", "reference", "check", "asset")


@require_POST
def decide_in_admin(request):
    """Record a decision named in the query string; "reuse" removes the editor's new upload.
    With `next` (the chooser), the answer is that page instead of a JSON acknowledgement."""
    sent = {name: request.GET[name] for name in FIELDS if name in request.GET}
    try:
        decide(request.user, DecisionRequest.parse(sent))
    except InvalidDecision as error:
        return _refused(error, 400)
    except PermissionError as error:
        return _refused(error, 403)
    except LookupError as error:
        return _refused(error, 404)
    after = request.GET.get("next", "")
    if after and url_has_allowed_host_and_scheme(after, {request.get_host()}):
        return redirect(after)  # the chooser goes on to the image the decision leads to
    return JsonResponse({"success": True})


def _refused(error, status: int) -> JsonResponse:
    return JsonResponse({"success": False, "error": str(error)}, status=status)
