"""The endpoint the confirmation's buttons post the editor's decision to."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..decisions import decide
from ..disclosure import resolve_reference
from ..enums import Decision


@require_POST
def decide_in_admin(request):
    """Record a decision named in the query string; "reuse" removes the editor's new upload.
    With `next` (the chooser), the answer is that page instead of a JSON acknowledgement."""
    sent = {key: request.GET.get(key, "") for key in ("asset", "decision")}
    try:
        candidate = request.GET.get("candidate") or resolve_reference(request.GET["reference"])
        if sent["decision"] not in Decision.values:
            raise ValueError(sent["decision"])
        decide(request.user, candidate, sent)
    except (KeyError, ValueError, LookupError, PermissionError) as error:
        return JsonResponse({"success": False, "error": str(error)}, status=400)
    after = request.GET.get("next", "")
    if after and url_has_allowed_host_and_scheme(after, {request.get_host()}):
        return redirect(after)  # the chooser goes on to the image the decision leads to
    return JsonResponse({"success": True})
