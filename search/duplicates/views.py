"""The duplicate check as an API: send a file or its fingerprints, learn what it duplicates; then
say what you decided. Authenticated like uploads (admin session with CSRF, or an API token)."""

import json

from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from assets.tus.auth import uploading_user
from assets.tus.protocol import ProtocolError
from assets.validation import UploadRejected

from .checking import check_uploaded_file
from .decision_requests import DecisionRequest, InvalidDecision
from .decisions import decide
from .disclosure import disclose
from .fingerprinting import Fingerprinted, text_fingerprint
from .matching import find_duplicates
from .modalities import MODALITIES, modality
from .thresholds import thresholds

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
    def post(self, request):
        if "file" in request.FILES:
            upload = request.FILES["file"]
            try:
                fingerprinted = check_uploaded_file(upload)
            except UploadRejected as error:
                return _error(" ".join(error.messages), 422, error.code or "rejected")
        elif request.content_type == "multipart/form-data":
            # A form without its file: the body was read as the form and cannot be JSON.
            return _error(_('Send a file (multipart field "file") or a JSON object.'))
        else:
            try:
                fingerprinted = _fingerprints_from_json(request.body)
            except ValueError as error:
                return _error(error)
        matches = find_duplicates(fingerprinted)
        check, described = disclose(matches, request.user, sha256=fingerprinted.sha256)
        return JsonResponse(
            {
                "sha256": fingerprinted.sha256,
                "content_hash": fingerprinted.content_hash,
                "modality": fingerprinted.modality,
                "fingerprint": fingerprinted.data,
                "text_fingerprint": fingerprinted.text_data,
                "exact": any(match.exact for match in matches),
                "check": check.token if check else None,
                "matches": described,
            }
        )


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
