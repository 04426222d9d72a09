"""Security headers: a Content Security Policy everywhere (scripts only from our origin on the
public site), nosniff, a same-origin referrer, no framing by other sites; an SVG served by any
door downloads in a sandbox instead of opening on our origin."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.images.views.serve import generate_image_url

from assets.delivery.sandbox import SVG_POLICY
from assets.ingest import create_asset
from assets.models import ImageAsset
from config.settings.security import storage_origins
from tests.assets import badfiles as make
from tests.factories import image_asset

pytestmark = pytest.mark.django_db


def _directives(policy: str) -> dict[str, list[str]]:
    parsed = (part.strip().split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parsed}


def _common_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", ["/search/?q=x", "/api/search/?q=x", "/api/v2/pages/"])
def test_public_pages_allow_scripts_from_our_origin_only(client, url):
    response = client.get(url)
    _common_headers(response)
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_the_admin_has_its_own_policy(client, editor_a):
    client.force_login(editor_a)
    for url in ("/admin/", reverse("wagtailimages:index"), "/admin/login/"):
        response = client.get(url, follow=True)
        _common_headers(response)
        policy = _directives(response["Content-Security-Policy"])
        # Wagtail's widgets write inline scripts; nothing may come from another origin.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]


def _svg_image(agency) -> ImageAsset:
    data = make.svg('<rect width="10" height="10" fill="#c00"/>')
    return create_asset(
        ImageAsset,
        ContentFile(data, name="co.svg"),
        filename="co.svg",
        collection=agency.collection,
        title="Cờ",
        is_published=True,
    )


def test_a_served_svg_downloads_in_a_sandbox(client, agency_a):
    image = _svg_image(agency_a)
    for url in (
        reverse("assets:file", args=[image.file.name]),
        generate_image_url(image, "max-80x80"),
    ):
        response = client.get(url)
        if response.status_code == 302:  # S3: the presigned URL asks for an attachment
            assert "response-content-disposition=attachment" in response["Location"]
            continue
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/svg+xml")
        assert response["Content-Security-Policy"] == SVG_POLICY
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_files_from_a_private_bucket_are_allowed_by_the_policy():
    path_style = {"bucket_name": "ncrl", "endpoint_url": "http://127.0.0.1:59000"}
    assert storage_origins(path_style, []) == [
        "http://127.0.0.1:59000",
        "http://ncrl.127.0.0.1:59000",
    ]
    aws = {"bucket_name": "ncrl", "region_name": "ap-southeast-1"}
    assert storage_origins(aws, ["https://cdn.example.vn/files/"]) == [
        "https://cdn.example.vn",
        "https://ncrl.s3.amazonaws.com",
        "https://ncrl.s3.ap-southeast-1.amazonaws.com",
    ]
    assert storage_origins(None, []) == []


def test_a_page_from_the_page_cache_carries_the_policy_once(client, settings, agency_a):
    """The policy is added above the page cache: a cached page gets it like a fresh one, and the
    same policy (no nonce), so a page kept for minutes can never carry a stale one."""
    order = settings.MIDDLEWARE
    assert order.index("config.csp.SitePolicyMiddleware") < order.index(
        "config.operations.page_cache.AnonymousPageCacheMiddleware"
    )
    settings.NCRL_PAGE_CACHE_SECONDS = 60
    first, second = client.get("/"), client.get("/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce-" not in first["Content-Security-Policy"]
    assert "camera=()" in second["Permissions-Policy"]


def test_the_embed_page_may_be_framed_by_any_site_even_from_the_page_cache(
    client, settings, agency_a
):
    settings.NCRL_PAGE_CACHE_SECONDS = 60
    image = image_asset(agency_a, title="Ảnh để nhúng")
    url = reverse("hub:image_embed", args=[image.pk])
    first, second = client.get(url), client.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for response in (first, second):
        policy = _directives(response["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["*"] and policy["script-src"] == ["'self'"]
        assert "X-Frame-Options" not in response
    page = client.get(reverse("hub:image", args=[image.pk]))
    assert _directives(page["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
