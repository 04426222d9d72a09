"""The choosers of the page editor, in a real browser: a file uploaded in a chooser's upload tab
that the library already holds is offered for reuse, and reuse puts the existing item in the page.
Wagtail's image chooser script drives the step; for documents, `chooser-duplicates.js` teaches it
to the document chooser; our matcher decides what the step shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from assets.models import DocumentAsset, ImageAsset
from cms.pages.models import ArticlePage
from search.duplicates.models import DuplicateDecision
from tests.duplicates.library import report_pdf, store
from tests.duplicates.media import encoded, scene

from .conftest import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed rows


def article_with_empty_block(agency, block: dict) -> ArticlePage:
    """A draft whose first block still waits for its image or document."""
    article = ArticlePage(title="Bài viết nháp", summary="Tóm tắt", body=[block])
    agency.section_page.add_child(instance=article)
    article.save_revision()
    return article


def upload_in_chooser(page: Page, field: str, file: dict, kind: str) -> Locator:
    """Open the chooser of the block field `field`, send `file` in its upload tab."""
    widget = page.locator(f"[data-field-input]:has(input[name={field}])")
    widget.locator("[data-chooser-action-choose]").click()
    page.locator("#tab-label-upload").click()
    upload_tab = page.locator("#tab-upload")
    upload_tab.locator("input[type=file]").set_input_files(file)
    upload_tab.locator("input[name$=title]").fill("Bản sao")
    upload_tab.locator("select[name$=kind]").select_option(kind)
    upload_tab.locator("button[type=submit]").click()
    confirmation = page.locator("#tab-upload [data-duplicate-matches]")
    confirmation.wait_for()
    return confirmation


def reuse_and_wait_for(page: Page, confirmation: Locator, title: str) -> None:
    confirmation.locator("[data-duplicate-decision=reuse]").click()
    page.locator("[data-chooser-title]", has_text=title).first.wait_for()
    eventually(DuplicateDecision.objects.exists, "the decision is recorded")
    assert DuplicateDecision.objects.get().decision == "reuse"


def test_reuse_in_the_image_chooser_puts_the_existing_image_in_the_page(
    editor_b_page: Page, agency_a, agency_b
):
    page = editor_b_page
    original = store(agency_a, encoded(scene(46)), title="Ảnh gốc trong thư viện")
    figure = {"type": "figure", "value": {"image": None, "caption": "Hình"}}
    page.goto(f"/admin/pages/{article_with_empty_block(agency_b, figure).pk}/edit/")
    copy = {"name": "ban-sao.png", "mimeType": "image/png", "buffer": encoded(scene(46))}

    confirmation = upload_in_chooser(page, "body-0-value-image", copy, "photo")
    assert agency_a.name in confirmation.inner_text()
    reuse_and_wait_for(page, confirmation, original.title)

    assert list(ImageAsset.objects.all()) == [original]


def test_reuse_in_the_document_chooser_puts_the_existing_document_in_the_page(
    editor_b_page: Page, agency_a, agency_b
):
    page = editor_b_page
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset, title="Báo cáo")
    document = {"type": "document", "value": None}
    page.goto(f"/admin/pages/{article_with_empty_block(agency_b, document).pk}/edit/")
    copy = {"name": "ban-sao.pdf", "mimeType": "application/pdf", "buffer": report_pdf()}

    confirmation = upload_in_chooser(page, "body-0-value", copy, "pdf")
    assert agency_a.name in confirmation.inner_text()
    reuse_and_wait_for(page, confirmation, original.title)

    assert list(DocumentAsset.objects.all()) == [original]
