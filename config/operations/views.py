"""/healthz: the process answers. /readyz: every part it needs answers too, each named."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .probes import DOWN, probe_all


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "alive"})


@never_cache
@require_safe
def readyz(request):
    """200 when every configured part is up; 503 naming what is down otherwise."""
    probes = probe_all()
    down = sorted(name for name, probe in probes.items() if probe.state == DOWN)
    body = {
        "status": "unavailable" if down else "ready",
        "down": down,
        "checks": {name: probe.as_json() for name, probe in probes.items()},
    }
    return JsonResponse(body, status=503 if down else 200)
