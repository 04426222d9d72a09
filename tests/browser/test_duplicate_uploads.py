"""The duplicate flows in a real browser: Wagtail's multiple image uploader with our confirmation,
and the large uploads page (SHA-256 computed by the browser before a byte is sent, tus upload,
then the near copies to decide about). Buttons are found by their data attributes: the admin
speaks the editor's language."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

import pytest
from django.urls import reverse
from django.utils import translation

from assets.models import ImageAsset, ResumableUpload
from search.duplicates.models import DuplicateDecision
from search.keys import key_for
from tests.duplicates.library import store
from tests.duplicates.media import bordered, encoded, scene

from .conftest import eventually

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

MULTIPLE_UPLOADER = "/admin/images/multiple/add/"
LARGE_UPLOADS = "/admin/large-uploads/"
CONFIRMATION = "[data-duplicate-matches]"

pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed rows


def chosen_file(name: str, content: bytes, mime_type: str) -> dict:
    return {"name": name, "mimeType": mime_type, "buffer": content}


def upload_in_multiple_uploader(page: Page, name: str, content: bytes, mime_type: str) -> Locator:
    page.goto(MULTIPLE_UPLOADER)
    page.set_input_files("#fileupload", chosen_file(name, content, mime_type))
    item = page.locator("#upload-list > li").first
    item.locator(CONFIRMATION).wait_for()
    return item


def send_on_large_uploads_page(page: Page, name: str, content: bytes, mime_type: str) -> None:
    page.goto(LARGE_UPLOADS)
    page.set_input_files("#tus-file", chosen_file(name, content, mime_type))
    page.click("#tus-uploader button[type=submit]")


def page_messages(page: Page) -> dict:
    return json.loads(page.text_content("#tus-messages"))


def only_decision() -> DuplicateDecision:
    eventually(DuplicateDecision.objects.exists, "the decision is recorded")
    return DuplicateDecision.objects.get()


def test_not_a_duplicate_in_the_multiple_uploader_is_recorded_then_the_form_shows(
    editor_b_page, agency_a, agency_b, editor_b
):
    page = editor_b_page
    original = store(agency_a, encoded(scene(41)), title="Bản đồ địa hình thử")
    item = upload_in_multiple_uploader(
        page, "ban-do-vien.jpg", encoded(bordered(scene(41)), "JPEG"), "image/jpeg"
    )
    confirmation = item.locator(CONFIRMATION)
    assert agency_a.name in confirmation.inner_text()
    assert confirmation.locator("[data-duplicate-match]").get_attribute("data-exact") == "false"
    mine = ImageAsset.objects.exclude(pk=original.pk).get()

    item.locator("[data-duplicate-decision-url*=not_duplicate]").click()

    item.locator(f"form[action*='/{mine.pk}/'] input[name$=title]").wait_for()
    assert item.locator(CONFIRMATION).count() == 0
    decision = only_decision()
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "not_duplicate",
        key_for(original),
        key_for(mine),
    )
    assert (decision.user, decision.agency) == (editor_b, agency_b)
    assert ImageAsset.objects.count() == 2


def test_reuse_in_the_multiple_uploader_removes_the_new_upload(editor_b_page, agency_a, editor_b):
    page = editor_b_page
    content = encoded(scene(42))
    original = store(agency_a, content, title="Ảnh gốc của cơ quan A")
    item = upload_in_multiple_uploader(page, "anh-trung.png", content, "image/png")
    confirmation = item.locator(CONFIRMATION)
    assert agency_a.name in confirmation.inner_text()
    assert confirmation.locator("[data-duplicate-match]").get_attribute("data-exact") == "true"
    assert ImageAsset.objects.count() == 2  # stored, waiting for the editor's answer

    item.locator("a.delete[data-duplicate-decision=reuse]").click()

    item.wait_for(state="detached")  # Wagtail removes the list item once the server agreed
    assert list(ImageAsset.objects.all()) == [original]
    decision = only_decision()
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "reuse",
        key_for(original),
        "",
    )
    assert decision.user == editor_b


def test_identical_bytes_on_the_large_uploads_page_are_reused_without_uploading(
    editor_b_page, agency_a, editor_b
):
    page = editor_b_page
    content = encoded(scene(43))
    original = store(agency_a, content, title="Ảnh đã có trong thư viện")
    send_on_large_uploads_page(page, "giong-het.png", content, "image/png")

    exact = page.locator("#tus-exact")
    exact.wait_for(state="visible")
    assert agency_a.name in exact.locator("ul").inner_text()
    exact.locator("[data-reuse]").click()

    exact.wait_for(state="hidden")
    assert page.text_content("#tus-status") == page_messages(page)["reused"]
    decision = only_decision()
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "reuse",
        key_for(original),
        "",
    )
    assert decision.sha256 == hashlib.sha256(content).hexdigest()  # computed by the browser
    assert (decision.filename, decision.byte_size, decision.user) == (
        "giong-het.png",
        len(content),
        editor_b,
    )
    assert list(ImageAsset.objects.all()) == [original]
    assert not ResumableUpload.objects.exists()


def near_copy_on_large_uploads_page(page: Page, agency, seed: int) -> tuple[ImageAsset, Locator]:
    """Agency `agency` holds a picture; the page sends a framed JPEG of it and asks about it."""
    original = store(agency, encoded(scene(seed)), title=f"Cảnh quan {seed}")
    copy = encoded(bordered(scene(seed)), "JPEG")
    send_on_large_uploads_page(page, f"canh-quan-{seed}.jpg", copy, "image/jpeg")
    confirmation = page.locator(f"#tus-duplicates {CONFIRMATION}")
    confirmation.wait_for()
    return original, confirmation


def test_a_near_copy_sent_on_the_large_uploads_page_asks_and_records_not_a_duplicate(
    editor_b_page, agency_a, agency_b, editor_b
):
    page = editor_b_page
    original, confirmation = near_copy_on_large_uploads_page(page, agency_a, 44)
    mine = ImageAsset.objects.exclude(pk=original.pk).get()
    assert (mine.collection, mine.uploaded_by_user) == (agency_b.collection, editor_b)
    assert page.text_content("#tus-status").endswith(f"image #{mine.pk}")
    assert agency_a.name in confirmation.inner_text()
    recorded_text = confirmation.get_attribute("data-recorded")

    confirmation.locator("[data-duplicate-decision-url*=not_duplicate]").click()

    confirmation.wait_for(state="detached")
    assert page.text_content("#tus-duplicates").strip() == recorded_text
    with translation.override(page.get_attribute("html", "lang")):
        assert recorded_text == translation.gettext("Your decision is recorded.")
    decision = DuplicateDecision.objects.get()  # recorded before the block was replaced
    assert (decision.decision, decision.candidate_key, decision.asset_key) == (
        "not_duplicate",
        key_for(original),
        key_for(mine),
    )
    assert ImageAsset.objects.count() == 2
    # The page leads on to the metadata form of what it stored.
    page.click("#tus-describe")
    page.wait_for_url(f"**{reverse('wagtailimages:edit', args=[mine.pk])}")
    assert page.locator("form [name=licence]").count() == 1


def test_reuse_of_a_near_copy_on_the_large_uploads_page_removes_the_upload(editor_b_page, agency_a):
    page = editor_b_page
    original, confirmation = near_copy_on_large_uploads_page(page, agency_a, 45)
    assert ImageAsset.objects.count() == 2

    confirmation.locator("[data-duplicate-decision=reuse]").click()

    confirmation.wait_for(state="detached")
    page.wait_for_function(
        "expected => document.getElementById('tus-status').textContent === expected",
        arg=page_messages(page)["replaced"],
    )
    assert only_decision().decision == "reuse"
    assert list(ImageAsset.objects.all()) == [original]
