"""The duplicate confirmation for documents in a real browser: Wagtail's multiple document
uploader (which has no duplicate step of its own) shows it above the file's form, and the single
document form leads a copy to the review page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from assets.models import DocumentAsset
from search.duplicates.models import DuplicateDecision
from search.keys import key_for
from tests.duplicates.library import REPORT, report_pdf, store

from .conftest import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Page

CONFIRMATION = "[data-duplicate-matches]"

pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed rows


def chosen_pdf(name: str, content: bytes) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": content}


def only_decision() -> DuplicateDecision:
    eventually(DuplicateDecision.objects.exists, "the decision is recorded")
    return DuplicateDecision.objects.get()


def test_not_a_duplicate_in_the_document_uploader_leaves_the_form(
    editor_b_page: Page, agency_a, agency_b
):
    page = editor_b_page
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    page.goto("/admin/documents/multiple/add/")
    relaid = report_pdf([" ".join(REPORT[:2]), REPORT[2]])
    page.set_input_files("#fileupload", chosen_pdf("ban-tin.pdf", relaid))
    item = page.locator("#upload-list > li").first
    confirmation = item.locator(CONFIRMATION)
    confirmation.wait_for()
    assert agency_a.name in confirmation.inner_text()
    mine = DocumentAsset.objects.exclude(pk=original.pk).get()
    form = item.locator(f"form[action*='/{mine.pk}/'] input[name$=title]")
    assert form.is_visible()  # the form is there below the confirmation

    item.locator("[data-duplicate-decision-url*=not_duplicate]").click()

    confirmation.wait_for(state="detached")
    assert form.is_visible()
    decision = only_decision()
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "not_duplicate",
        key_for(original),
        key_for(mine),
    )


def test_reuse_on_the_review_page_after_the_document_form(editor_b_page: Page, agency_a):
    page = editor_b_page
    original = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    page.goto("/admin/documents/add/")
    page.fill("input[name=title]", "Bản sao báo cáo")
    page.set_input_files("input[name=file]", chosen_pdf("ban-sao.pdf", report_pdf()))
    page.select_option("select[name=kind]", "pdf")
    with page.expect_navigation():
        page.locator("form[enctype] button[type=submit]").first.click()
    assert "/admin/duplicates/uploads/document/" in page.url
    confirmation = page.locator(CONFIRMATION)
    assert agency_a.name in confirmation.inner_text()

    page.locator("[data-duplicate-decision=reuse]").click()

    confirmation.wait_for(state="detached")
    assert page.locator("[data-hidden-after-reuse]").count() == 0
    assert only_decision().decision == "reuse"
    assert list(DocumentAsset.objects.all()) == [original]
