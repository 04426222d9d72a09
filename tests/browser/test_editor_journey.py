"""An agency editor's day in Debian's Chromium (issue 13's acceptance): agency B's editor finds
agency A's published image, document, video and podcast in the page editor's pickers by typing
without diacritics, puts them in an article, submits it to B's moderator who approves it, and the
public page credits each to agency A; a duplicate confirmation leads to the read-only library page
of A's asset; the large uploads page leads to the metadata form of what it stored; publishing an
asset without a licence is refused with a message.

Embedded run only: the server side of each step (folded search on both backends, visibility,
rights) is tested on both profiles in tests/search, tests/assets and tests/cms."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from assets.rights import REQUIRED_MESSAGES
from cms.pages.models import ArticlePage
from tests.duplicates.library import report_pdf, store
from tests.duplicates.media import encoded, scene
from tests.factories import hub_site, make_user
from tests.hub.library import audio_bytes, video_bytes

from .conftest import log_in

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.embedded]

CREDIT = "Ảnh: Trần Văn Minh"  # names a person, not the agency: the agency is credited apart


@pytest.fixture
def rights(agency_a, licence) -> dict:
    return {"licence": licence, "credit_line": CREDIT, "copyright_holder": agency_a.name}


@pytest.fixture
def image_of_a(agency_a, rights) -> ImageAsset:
    return store(agency_a, encoded(scene(51)), "anh.png", title="Infographic chuyển đổi số",
                 alt_text="Biểu đồ chỉ tiêu", **rights)  # fmt: skip


@pytest.fixture
def library_of_a(agency_a, rights, image_of_a) -> dict:
    """Agency A's published assets, titled with diacritics, plus one of each picker's kind that
    a search must leave out."""
    image = image_of_a
    store(agency_a, encoded(scene(52)), "khac.png", title="Ảnh hội nghị", alt_text="Hội nghị",
          **rights)  # fmt: skip
    document = store(agency_a, report_pdf(), "so-tay.pdf", model=DocumentAsset,
                     title="Sổ tay an toàn thông tin", **rights)  # fmt: skip
    store(agency_a, report_pdf(["Bao cao tong ket nam"]), "bao-cao.pdf", model=DocumentAsset,
          title="Báo cáo tổng kết", **rights)  # fmt: skip
    video = store(agency_a, video_bytes(2), "video.mp4", model=MediaAsset,
                  title="Phóng sự đường lên bản", kind="video", **rights)  # fmt: skip
    podcast = store(agency_a, audio_bytes(2), "podcast.mp3", model=MediaAsset,
                    title="Bản tin nông nghiệp", kind="podcast", **rights)  # fmt: skip
    return {"image": image, "document": document, "video": video, "podcast": podcast}


def draft_with_empty_blocks(agency) -> ArticlePage:
    """B's draft whose blocks still wait for an image, a video, a podcast and a document."""
    body = [
        {"type": "figure", "value": {"image": None, "caption": ""}},
        {"type": "media", "value": {"media": None, "caption": ""}},
        {"type": "media", "value": {"media": None, "caption": ""}},
        {"type": "document", "value": None},
    ]
    article = ArticlePage(title="Tư liệu dùng chung", summary="Tóm tắt", body=body, live=False)
    agency.section_page.add_child(instance=article)
    article.save_revision()
    return article


def choose(page: Page, field: str, query: str, title: str, left_out: str) -> None:
    """Open the picker of block field `field`, search `query`, choose the item titled `title`
    once the search has replaced the latest items (`left_out` gone)."""
    page.locator(f"#{field}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal.in")
    modal.get_by_text(left_out).first.wait_for()  # the latest items, before the search
    modal.locator("input[name=q]").fill(query)
    expect(modal.get_by_text(left_out)).to_have_count(0)
    modal.locator("a", has_text=title).first.click()
    modal.wait_for(state="detached")
    expect(page.locator(f"input[name='{field}']")).not_to_have_value("")


def footer_action(page: Page, button: str) -> None:
    """Click an action of the page editor's footer, opening its menu if the action is in it."""
    action = page.locator(button)
    if not action.is_visible():
        page.locator(f".w-dropdown-button:has({button}) [data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        action.click()


def credits(page: Page) -> list[str]:
    return page.locator("figure figcaption, .document-link").all_inner_texts()


def test_reuse_another_agencys_assets_through_moderation_to_the_public_page(
    browser, live_server, page: Page, agency_a, agency_b, editor_b, library_of_a
):
    hub_site()
    moderator = make_user("moderator-b", agency_b.moderators)
    draft = draft_with_empty_blocks(agency_b)
    log_in(page, editor_b.username, f"pw-{editor_b.username}")
    page.goto(reverse("wagtailadmin_pages:edit", args=[draft.pk]))

    choose(page, "body-0-value-image", "chuyen doi so", "Infographic chuyển đổi số", "Ảnh hội nghị")
    choose(page, "body-1-value-media", "duong len ban", "Phóng sự đường lên bản",
           "Bản tin nông nghiệp")  # fmt: skip
    choose(page, "body-2-value-media", "nong nghiep", "Bản tin nông nghiệp",
           "Phóng sự đường lên bản")  # fmt: skip
    choose(page, "body-3-value", "so tay an toan", "Sổ tay an toàn thông tin", "Báo cáo tổng kết")
    footer_action(page, "button[name=action-submit]")

    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live
    chosen = [block.value for block in draft.get_latest_revision_as_object().body]
    assert chosen[0]["image"] == library_of_a["image"]
    assert [chosen[1]["media"], chosen[2]["media"], chosen[3]] == [
        library_of_a["video"], library_of_a["podcast"], library_of_a["document"]
    ]  # fmt: skip

    moderator_page = browser.new_context(base_url=live_server.url).new_page()
    log_in(moderator_page, moderator.username, f"pw-{moderator.username}")
    moderator_page.goto(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    footer_action(
        moderator_page,
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])",
    )
    moderator_page.context.close()

    draft.refresh_from_db()
    assert draft.live
    page.goto(draft.url)
    shown = credits(page)
    assert len(shown) == 4, shown
    for text in shown:
        assert agency_a.name in text and CREDIT in text, text


def test_a_duplicate_confirmation_opens_the_other_agencys_library_page(
    editor_b_page: Page, agency_a, image_of_a
):
    page = editor_b_page
    original = image_of_a
    page.goto("/admin/images/multiple/add/")
    copy = {"name": "ban-sao.png", "mimeType": "image/png", "buffer": encoded(scene(51))}
    page.set_input_files("#fileupload", copy)
    confirmation = page.locator("#upload-list > li [data-duplicate-matches]").first
    confirmation.wait_for()

    with page.context.expect_page() as opened:
        confirmation.locator("a[target=_blank]", has_text=original.title).click()
    library_page = opened.value
    library_page.wait_for_load_state()

    assert library_page.url.endswith(reverse("library_image", args=[original.pk]))
    body = library_page.locator("main").inner_text()
    assert original.title in body and agency_a.name in body and CREDIT in body
    assert library_page.locator("main form[method=post]").count() == 0  # read only


def test_a_large_upload_leads_to_its_form_where_publishing_without_a_licence_is_refused(
    editor_b_page: Page, agency_b
):
    page = editor_b_page
    page.goto("/admin/large-uploads/")
    picture = {"name": "ban-do.png", "mimeType": "image/png", "buffer": encoded(scene(53))}
    page.set_input_files("#tus-file", picture)
    page.click("#tus-uploader button[type=submit]")

    page.locator("#tus-describe").click()  # waits until the upload is stored and the link shown
    stored = ImageAsset.objects.get()
    page.wait_for_url(f"**{reverse('wagtailimages:edit', args=[stored.pk])}")
    page.fill("[name=credit_line]", "Ảnh: Sở Khoa học")
    page.fill("[name=alt_text]", "Bản đồ")
    page.check("[name=is_published]")
    with page.expect_navigation():
        page.locator("main button[type=submit].button-longrunning").click()

    with translation.override(page.get_attribute("html", "lang")):
        refusal = str(REQUIRED_MESSAGES["licence"])
    expect(page.get_by_text(refusal)).to_be_visible()
    stored.refresh_from_db()
    assert not stored.is_published and stored.licence is None
