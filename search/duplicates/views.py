"""The duplicate check as an API: send a file or its fingerprints, learn what it duplicates; then
say what you decided. Authenticated like uploads (admin session with CSRF, or an API token)."""

import json
import time

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from assets.tus.auth import uploading_user
from assets.tus.protocol import ProtocolError
from assets.validation import UploadRejected

from .checking import check_uploaded_file, stage_for_background
from .decision_requests import DecisionRequest, InvalidDecision
from .decisions import decide
from .disclosure import describe_check, disclose
from .enums import CheckState
from .fingerprinting import Fingerprinted, text_fingerprint
from .matching import find_duplicates
from .modalities import MODALITIES, modality
from .models import DuplicateCheck
from .tasks import enqueue_check
from .thresholds import thresholds

MAX_WAIT_SECONDS = 60
WAIT_STEP_SECONDS = 0.25

HEX = frozenset("0123456789abcdef")


def _error(message, status: int = 400, code: str = "invalid") -> JsonResponse:
    return JsonResponse({"error": str(message), "code": code}, status=status)


@method_decorator(csrf_exempt, name="dispatch")
class AuthenticatedJsonView(View):
    """POST only; the CSRF check is done by `uploading_user` for sessions (tokens need none)."""

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        try:
            request.user = uploading_user(request)
        except ProtocolError as error:
            return _error(error.message, error.status, "unauthorised")
        return super().dispatch(request, *args, **kwargs)


class CheckView(AuthenticatedJsonView):
    """A file (or its fingerprints, or a text) in; its exact copies out at once, and for audio,
    video and documents a URL that answers the near copies once the background part has run
    (`?wait=<seconds>`, at most MAX_WAIT_SECONDS, waits for them here)."""

    def post(self, request):
        try:
            wait = _wait_seconds(request.GET.get("wait"))
        except ValueError as error:
            return _error(error)
        upload = request.FILES.get("file")
        if upload is not None:
            try:
                checked = check_uploaded_file(upload)
            except UploadRejected as error:
                return _error(" ".join(error.messages), 422, error.code or "rejected")
            fingerprinted = checked.fingerprinted
        elif request.content_type == "multipart/form-data":
            # A form without its file: the body was read as the form and cannot be JSON.
            return _error(_('Send a file (multipart field "file") or a JSON object.'))
        else:
            try:
                fingerprinted = _fingerprints_from_json(request.body)
            except ValueError as error:
                return _error(error)
        pending = upload is not None and fingerprinted.pending
        matches = find_duplicates(fingerprinted)
        fields = {"family": checked.family, "demuxer": checked.demuxer} if pending else {}
        check, _described = disclose(
            matches, request.user, sha256=fingerprinted.sha256, keep=pending, **fields
        )
        if pending:
            stage_for_background(check, upload)
            enqueue_check(check.token)
            check = _waited_for(check, wait)
        return JsonResponse(
            {
                "sha256": fingerprinted.sha256,
                "content_hash": fingerprinted.content_hash,
                "modality": fingerprinted.modality,
                "fingerprint": fingerprinted.data,
                "text_fingerprint": fingerprinted.text_data,
                **_check_answer(request, check),
            }
        )


class CheckStateView(View):
    """GET: where a check of the caller's stands, with the matches found so far."""

    def get(self, request, token: str):
        try:
            user = uploading_user(request)
        except ProtocolError as error:
            return _error(error.message, error.status, "unauthorised")
        check = DuplicateCheck.objects.filter(
            token=token, user=user, expires_at__gt=timezone.now()
        ).first()
        if check is None:
            return _error(_("No check of yours has this id."), 404, "not_found")
        request.user = user
        return JsonResponse(_check_answer(request, _waited_for(check, 0)))


def _check_answer(request, check) -> dict:
    """What the caller learns of a check: its state, the matches so far, where to ask again."""
    described = describe_check(check, request.user) if check is not None else []
    answer = {
        "exact": any(match["exact"] for match in described),
        "check": check.token if check is not None else None,
        "state": check.state if check is not None else CheckState.CHECKED,
        "matches": described,
    }
    if check is not None and check.state == CheckState.CHECKING:
        answer["progress"] = check.progress
        answer["poll"] = request.build_absolute_uri(
            reverse("duplicates:check_state", args=[check.token])
        )
    return answer


def _wait_seconds(value) -> float:
    if value in (None, ""):
        return 0.0
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= MAX_WAIT_SECONDS:
        raise ValueError(
            _('"wait" must be a number of seconds from 0 to %(max)d.') % {"max": MAX_WAIT_SECONDS}
        )
    return seconds


def _waited_for(check, seconds: float):
    """The check once its background part is done, or as it stands after `seconds`."""
    deadline = time.monotonic() + seconds
    check.refresh_from_db()
    while check.state == CheckState.CHECKING and time.monotonic() < deadline:
        time.sleep(WAIT_STEP_SECONDS)
        check.refresh_from_db()
    return check


def _fingerprints_from_json(body: bytes) -> Fingerprinted:
    try:
        sent = json.loads(body or b"{}")
    except ValueError:
        raise ValueError(_('Send a file (multipart field "file") or a JSON object.')) from None
    if not isinstance(sent, dict):
        raise ValueError(_('Send a file (multipart field "file") or a JSON object.'))
    sha256 = str(sent.get("sha256", "")).lower()
    if sha256 and (len(sha256) != 64 or not set(sha256) <= HEX):
        raise ValueError(_('"sha256" must be 64 hexadecimal digits.'))
    modality_name, data = sent.get("modality"), sent.get("fingerprint")
    if modality_name is not None and (
        not isinstance(modality_name, str) or modality_name not in MODALITIES
    ):
        raise ValueError(_('"modality" must be one of: image, video, audio, text.'))
    if (modality_name is None) != (data is None) or (
        data is not None and not isinstance(data, dict)
    ):
        raise ValueError(_('Send "modality" and "fingerprint" together, as returned by a check.'))
    text = sent.get("text", "")
    if not isinstance(text, str):
        raise ValueError(_('"text" must be a string.'))
    if not (sha256 or sent.get("content_hash") or modality_name or text):
        raise ValueError(_("Send at least a SHA-256, a content hash, a fingerprint or a text."))
    fingerprinted = Fingerprinted(sha256=sha256, content_hash=str(sent.get("content_hash", "")))
    fingerprinted.modality, fingerprinted.data = modality_name, data
    fingerprinted.text_data = text_fingerprint(text) if text else None
    try:
        if modality_name:
            kind, limits = modality(modality_name), thresholds()
            kind.candidate_terms(data, limits)
            kind.compare(data, data, limits)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        raise ValueError(_("The fingerprint is not in the form a check returns.")) from None
    return fingerprinted


class DecisionView(AuthenticatedJsonView):
    """A decision names a match of one of the caller's checks (see `decisions.decide`)."""

    def post(self, request):
        try:
            recorded = decide(request.user, DecisionRequest.parse(_json_object(request.body)))
        except InvalidDecision as error:
            return _error(error)
        except PermissionError as error:
            return _error(error, 403, "forbidden")
        except LookupError as error:
            return _error(error, 404, "not_found")
        return JsonResponse({"success": True, "decision": recorded.decision, "id": recorded.pk})


def _json_object(body: bytes):
    try:
        return json.loads(body or b"{}")
    except ValueError:  # not JSON, or not UTF-8
        raise InvalidDecision(_("Send a JSON object.")) from None
