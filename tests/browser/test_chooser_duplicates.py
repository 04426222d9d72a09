"""The image chooser of the page editor, in a real browser: a picture uploaded in its upload tab
that the library already holds is offered for reuse, and reuse puts the existing image in the
page (Wagtail's own chooser script drives the step; our matcher decides what it shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from assets.models import DuplicateDecision, ImageAsset
from cms.pages.models import ArticlePage
from tests.duplicates.library import store
from tests.duplicates.media import encoded, scene

from .conftest import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed rows


def article_with_empty_figure(agency) -> ArticlePage:
    """A draft whose first block is a figure still waiting for its image."""
    article = ArticlePage(
        title="Bài có hình",
        summary="Tóm tắt",
        body=[{"type": "figure", "value": {"image": None, "caption": "Hình"}}],
    )
    agency.section_page.add_child(instance=article)
    article.save_revision()
    return article


def test_reuse_in_the_image_chooser_puts_the_existing_image_in_the_page(
    editor_b_page: Page, agency_a, agency_b, editor_b
):
    page = editor_b_page
    original = store(agency_a, encoded(scene(46)), title="Ảnh gốc trong thư viện")
    own = store(agency_b, encoded(scene(47)), title="Ảnh riêng", user=editor_b)
    article = article_with_empty_figure(agency_b)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    figure_image = page.locator("[data-field-input]:has(input[name=body-0-value-image])")
    figure_image.locator("[data-chooser-action-choose]").click()
    page.locator("#tab-label-upload").click()
    upload_tab = page.locator("#tab-upload")
    upload_tab.locator("input[type=file]").set_input_files(
        {"name": "ban-sao.png", "mimeType": "image/png", "buffer": encoded(scene(46))}
    )
    upload_tab.locator("input[name$=title]").fill("Bản sao")
    upload_tab.locator("select[name$=kind]").select_option("photo")
    upload_tab.locator("button[type=submit]").click()

    confirmation = page.locator("#tab-upload [data-duplicate-matches]")
    confirmation.wait_for()
    assert agency_a.name in confirmation.inner_text()
    confirmation.locator("[data-duplicate-decision=reuse]").click()

    page.locator("[data-chooser-title]", has_text=original.title).first.wait_for()
    eventually(DuplicateDecision.objects.exists, "the decision is recorded")
    assert DuplicateDecision.objects.get().decision == "reuse"
    assert set(ImageAsset.objects.all()) == {original, own}
