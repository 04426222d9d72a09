"""Under the Content Security Policy the admin still works in a real browser (Wagtail's inline
widget scripts, choosers, previews) and the public pages run no inline script; a served SVG is
not opened on our origin. Any violation reported by Chromium fails the test (conftest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.urls import reverse
from wagtail.models import Site

from cms.pages.models import ArticlePage, HomePage
from tests.factories import document_asset, image_asset

from .conftest import log_in

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed rows


def test_the_admin_works_under_its_policy(page: Page, agency_a, editor_a):
    image = image_asset(agency_a, title="Ảnh để sửa")
    document = document_asset(agency_a, title="Tài liệu để sửa")
    article = ArticlePage(title="Bài để sửa", summary="Tóm tắt")
    agency_a.section_page.add_child(instance=article)
    log_in(page, editor_a.username, f"pw-{editor_a.username}")
    for url in (
        "/admin/",
        reverse("wagtailimages:index"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtailimages:add_multiple"),
        reverse("assets_large_uploads"),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
    ):
        response = page.goto(url)
        assert response.ok, (url, response.status)
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # The page editor's own scripts ran: the settings tab's date widgets and the preview panel.
    page.goto(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    page.locator("[data-side-panel-toggle='preview']").click()
    page.locator("iframe#w-preview-iframe").wait_for(state="attached")
    page.locator("[data-side-panel-toggle='preview']").click()
    # A chooser modal opens and lists the agency's image.
    page.goto(reverse("wagtailimages:index"))
    chooser = page.request.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.ok and "Ảnh để sửa" in chooser.json()["html"]


def test_public_pages_run_no_inline_script(page: Page, agency_a):
    home = HomePage.objects.get()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    article = ArticlePage(title="Chuyển đổi số ở Đồng Nai", summary="Tóm tắt")
    agency_a.section_page.add_child(instance=article)
    article.save_revision().publish()
    for url in ("/", article.url, "/search/?q=chuyen+doi+so"):
        response = page.goto(url)
        assert response.ok, (url, response.status)
        policy = response.headers["content-security-policy"]
        parts = [part.split() for part in policy.split(";") if part.strip()]
        assert {words[0]: words[1:] for words in parts}["script-src"] == ["'self'"]
        page.wait_for_load_state("networkidle")
