"""robots.txt: everything public may be indexed; the admin, raw API and uploads may not."""

from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Allow: /api/v3/docs/",
        "Disallow: /assets/uploads/",
        "Disallow: /i18n/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('hub_sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
