"""The Content Security Policy of each response: the admin's under /admin/, the site's elsewhere
(django-csp's middleware, with a second policy), and a Permissions-Policy that turns off the
browser features no page here uses.

A view can still change its own policy with django-csp's decorators (e.g. `csp_replace` with
`frame-ancestors` for a page meant to be embedded elsewhere); a response that already carries a
policy (a sandboxed SVG, a document) keeps it.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()"
)


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _is_admin(request):
            parts.config = default_config(settings.NCRL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def _is_admin(request) -> bool:
    return request.path_info.startswith(settings.NCRL_ADMIN_PATH_PREFIX)
