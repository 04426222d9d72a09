"""The public hub in Debian's Chromium: search with and without diacritics, filters and pages,
zooming an infographic, a video playing through HLS, seeking in a podcast, switching an article
to English, copying a credit line. Each page is checked with axe-core (from npm) and
photographed at desktop and phone widths into var/screenshots/hub/ (git-ignored)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.test.testcases import LiveServerThread
from wagtail.models import Site

from cms.pages.models import HomePage
from tests.hub import library

from .conftest import TIMEOUT_MS

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.embedded]

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(settings.NCRL_NODE_MODULES) / "axe-core" / "axe.min.js"
SHOTS = Path(os.environ.get("NCRL_SCREENSHOT_DIR", ROOT / "var" / "screenshots" / "hub"))
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # renditions are cached by image id; ids come back after a flush


@pytest.fixture(scope="module")
def hub_server():
    """A live server whose stored files go through the library's own file view (access checks,
    byte ranges), not through Django's test handler for MEDIA_URL, which knows no ranges: a
    podcast could not be seeked."""
    server = LiveServerThread(
        "localhost",
        static_handler=lambda media_handler: StaticFilesHandler(media_handler.application),
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://localhost:{server.port}"
    server.terminate()


@pytest.fixture
def page(browser, hub_server) -> Iterator[Page]:
    """As tests/browser/conftest.py's page, on the hub's own live server."""
    context = browser.new_context(base_url=hub_server)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    script_errors: list[str] = []
    opened.on("pageerror", lambda error: script_errors.append(str(error)))
    yield opened
    context.close()
    assert not script_errors, f"uncaught script errors in the page: {script_errors}"


@pytest.fixture
def hub(agency_a, agency_b):
    # A flush after an earlier test removed the Site that serves the home page at "/".
    home = HomePage.objects.get()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    terms = library.taxonomy()
    image = library.image(agency_a, "Infographic: chỉ tiêu chuyển đổi số 2030", seed=1,
                          size=(600, 1800), kind="infographic", licence=terms["open"],
                          creator="Ban biên tập", topics=[terms["topic"]])  # fmt: skip
    article = library.article(agency_a, "Chuyển đổi số ở xã vùng cao", image=image,
                              title_en="Digital transformation in highland communes",
                              topics=[terms["topic"]])  # fmt: skip
    return {"terms": terms, "image": image, "article": article}


def check_accessibility(page: Page) -> None:
    """axe-core's WCAG 2.1 A/AA rules: no serious or critical violation."""
    # Evaluated by the browser's debugging protocol: an injected inline <script> would be (and
    # must be) refused by the site's Content Security Policy.
    page.evaluate(AXE.read_text("utf-8"))
    found = page.evaluate("rules => axe.run(document, {runOnly: rules})", AXE_RULES)
    serious = [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in found["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, f"{page.url}: {serious}"


def photograph(page: Page, name: str) -> None:
    """The page at desktop and phone width, whole; accessibility checked at both."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in WIDTHS.items():
        page.set_viewport_size(size)
        page.wait_for_load_state("networkidle")
        check_accessibility(page)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(WIDTHS["desktop"])


def test_search_with_and_without_diacritics_filters_and_pages(page: Page, hub, agency_a):
    for number in range(21):
        library.image(agency_a, f"Ảnh tư liệu chuyển đổi số {number}", seed=10 + number,
                      size=(320, 240), kind="photo")  # fmt: skip
    page.goto("/")
    photograph(page, "home")
    for words in ("chuyen doi so", "chuyển đổi số"):
        page.fill("#header-q", words)
        page.get_by_role("button", name="Tìm kiếm").first.click()
        page.wait_for_url("**/search/?q=*")
        assert "1–20 trong 23 kết quả" in page.locator("#result-count").inner_text(), words
    photograph(page, "library-search")

    page.locator("#filters .facet-link", has_text="Ảnh").first.click()
    page.wait_for_url("**type=photo*")
    assert "1–20 trong 21 kết quả" in page.locator("#result-count").inner_text()
    assert page.locator(".hub-card").count() == 20
    page.get_by_role("link", name="Trang sau").click()
    page.wait_for_url("**page=2*")
    assert "21–21 trong 21 kết quả" in page.locator("#result-count").inner_text()
    assert page.locator(".hub-card").count() == 1

    # On a phone the results come first: the filters wait behind a button.
    page.set_viewport_size(WIDTHS["phone"])
    first_card = page.locator(".hub-card").first.bounding_box()
    assert first_card["y"] < 812, "a phone scrolls past the filters to reach the results"
    page.get_by_role("button", name="Bộ lọc").click()
    page.locator("#filters.show").wait_for()


def test_open_an_infographic_zoom_and_copy_its_credit_line(page: Page, hub):
    image = hub["image"]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/library/image/{image.pk}/")
    photograph(page, "asset-image")

    page.locator("[data-zoom-open]").click()
    zoomed = page.locator("[data-zoom-image]")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=zoomed.element_handle()
    )
    assert image.file.name not in zoomed.get_attribute("src")
    page.get_by_role("button", name="Phóng to").last.click()
    page.get_by_role("button", name="Phóng to").last.click()
    page.wait_for_function(
        "() => parseFloat(document.querySelector('[data-zoom-stage]').dataset.scale) > 1.5"
    )
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Chép dòng ghi nguồn").click()
    page.get_by_text("Đã chép.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#credit-line").input_value()
    assert copied.startswith("Ban biên tập / ") and copied.endswith("(CC-BY-4.0)")


def test_a_phone_downloads_a_picture_its_own_size(browser, hub_server, hub):
    context = browser.new_context(base_url=hub_server, viewport=WIDTHS["phone"],
                                  device_scale_factor=2)  # fmt: skip
    phone = context.new_page()
    phone.goto(f"/library/image/{hub['image'].pk}/")
    shown = phone.locator(".image-viewer img")
    phone.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
    )
    assert shown.evaluate("img => img.naturalWidth") <= 800  # 375 px at 2x: the 800 px rendition
    phone.goto("/")
    for card in phone.locator(".hub-card img").all():
        card.scroll_into_view_if_needed()
        phone.wait_for_function("img => img.complete", arg=card.element_handle())
        assert card.evaluate("img => img.naturalWidth") <= 720
    context.close()


def test_a_video_plays_through_hls(page: Page, agency_a, hub):
    video = library.video(
        agency_a, "Video: kho tài nguyên dùng chung", licence=hub["terms"]["open"]
    )
    page.goto(f"/library/media/{video.pk}/")
    photograph(page, "asset-video")
    player = page.locator("video")
    assert player.get_attribute("data-playback") == "hls"
    player.evaluate("video => { video.muted = true; return video.play(); }")
    page.wait_for_function("() => document.querySelector('video').dataset.playing === 'hls'",
                           timeout=TIMEOUT_MS)  # fmt: skip
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")


def test_seek_in_a_podcast(page: Page, agency_a, hub):
    podcast = library.podcast(agency_a, "Podcast: chuyển đổi số cho mọi người")
    page.goto(f"/library/media/{podcast.pk}/")
    photograph(page, "asset-audio")
    audio = page.locator("audio")
    page.wait_for_function("() => document.querySelector('audio').duration > 0")
    duration = audio.evaluate("audio => audio.duration")
    box = page.locator("[data-waveform]").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    page.wait_for_function("() => document.querySelector('audio').currentTime > 0")
    position = audio.evaluate("audio => audio.currentTime")
    assert abs(position - duration * 0.75) < 1.0, (position, duration)


def test_switch_an_article_to_english(page: Page, agency_a, hub):
    document = library.document(
        agency_a, "Sổ tay chuyển đổi số cấp xã", licence=hub["terms"]["open"]
    )
    page.goto(f"/library/document/{document.pk}/")
    photograph(page, "asset-document")

    page.goto("/")
    page.get_by_role("link", name="Chuyển đổi số ở xã vùng cao").first.click()
    assert page.locator("h1").inner_text() == "Chuyển đổi số ở xã vùng cao"
    photograph(page, "article")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/**")
    assert page.locator("h1").inner_text() == "Digital transformation in highland communes"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Tiếng Việt").click()
    assert page.locator("h1").inner_text() == "Chuyển đổi số ở xã vùng cao"
