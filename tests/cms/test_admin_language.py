"""One language at a time in the admin: an agency editor walks every admin page they reach
(dashboard, lists, forms, choosers, reports, transcoding, the library) with the admin in
Vietnamese and reads none of the English words Wagtail, wagtailmedia and Django show by default;
with the admin in English, none of their Vietnamese translations. The project's own catalogue
supplies what upstream's Vietnamese catalogues lack (LOCALE_PATHS come first)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from tests.factories import document_asset, image_asset, media_asset

pytestmark = pytest.mark.django_db

DEFAULTS_FILE = Path(__file__).with_name("admin_english_defaults.txt")


def english_defaults() -> list[str]:
    lines = DEFAULTS_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def in_vietnamese(english: str) -> str:
    """The Vietnamese the admin shows for an English default (a field label is lower case in
    the catalogue and capitalised by the form)."""
    with translation.override("vi"):
        said = gettext(english)
        if said == english:
            said = capfirst(gettext(english[0].lower() + english[1:]))
    return said


# Wagtail 8 writes these sentences in English outside any {% translate %} (keyboard shortcuts
# dialog): no catalogue can reach them.
UNTRANSLATABLE_UPSTREAM = ("Keyboard shortcuts are currently",)
SKIPPED_TAGS = {"script", "style", "noscript"}
READ_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")


class _VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes, and the attributes screen readers announce."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0
        self._props = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self._skipping += 1
            self._props = tag == "script" and ("type", "application/json") in attrs
        self.parts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self._skipping:
            self._skipping -= 1
            self._props = False

    def handle_data(self, data):
        if self._props:  # the sidebar's menu, drawn by script from these labels
            self.parts += list(_labels(json.loads(data)))
        elif not self._skipping and data.strip():
            self.parts.append(data)


def _labels(props):
    if isinstance(props, dict):
        for key, value in props.items():
            if key == "label" and isinstance(value, str):
                yield value
            else:
                yield from _labels(value)
    elif isinstance(props, list):
        for value in props:
            yield from _labels(value)


def visible_fragments(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return [" ".join(part.split()) for part in parser.parts if part.strip()]


def found(fragments: list[str], phrases: list[str]) -> set[str]:
    """Phrases standing alone as a fragment or as whole words inside one (title case kept)."""
    fragments = [text for text in fragments if not text.startswith(UNTRANSLATABLE_UPSTREAM)]
    hits = set()
    for phrase in phrases:
        pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
        hits |= {phrase for fragment in fragments if fragment == phrase}
        if " " in phrase:
            hits |= {phrase for fragment in fragments if pattern.search(fragment)}
    return hits


@pytest.fixture
def walk(client, agency_a, agency_b, editor_b, licence):
    """Each admin page agency B's editor reaches, with an asset of each kind of its own and of
    agency A's published ones (read-only library pages)."""
    mine = {
        "image": image_asset(agency_b, title="Anh cua so", variant=3, licence=licence),
        "document": document_asset(agency_b, title="Van ban cua so", variant=3),
        "media": media_asset(agency_b, title="Video cua so", variant=3),
    }
    theirs = {
        "image": image_asset(agency_a, title="Anh cua bo", variant=4, licence=licence),
        "document": document_asset(agency_a, title="Van ban cua bo", variant=4),
        "media": media_asset(agency_a, title="Video cua bo", variant=4),
    }
    section = agency_b.section_page
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[section.pk]),
        reverse("wagtailadmin_pages:add", args=["pages", "articlepage", section.pk]),
        reverse("wagtailadmin_pages:edit", args=[section.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[mine["image"].pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[mine["document"].pk]),
        reverse("wagtailmedia:index"),
        reverse("wagtailmedia:add", args=["video"]),
        reverse("wagtailmedia:edit", args=[mine["media"].pk]),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailmedia:chooser"),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("reports_duplicates"),
        reverse("transcoding:index"),
        reverse("assets_large_uploads"),
        reverse("library_browse"),
        reverse("library_requests"),
        reverse("wagtailadmin_account"),
        *(reverse(f"library_{kind}", args=[asset.pk]) for kind, asset in theirs.items()),
    ]
    client.force_login(editor_b)

    def pages_in(language: str) -> dict[str, list[str]]:
        profile = UserProfile.get_for_user(editor_b)
        profile.preferred_language = language
        profile.save()
        seen = {}
        for url in urls:
            with translation.override(language):
                response = client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
            assert response.status_code == 200, (url, response.status_code)
            html = response.content.decode()
            if response.headers["Content-Type"].startswith("application/json"):
                html = response.json().get("html", "")
            seen[url] = visible_fragments(html)
        return seen

    return pages_in


def test_every_known_english_default_has_its_vietnamese():
    untranslated = [english for english in english_defaults() if in_vietnamese(english) == english]
    assert untranslated == []


@pytest.mark.embedded  # the language of the admin does not depend on the profile
def test_the_admin_speaks_one_language_at_a_time(walk):
    english = english_defaults()
    vietnamese = [in_vietnamese(phrase) for phrase in english]
    in_vi = {url: found(text, english) for url, text in walk("vi").items()}
    assert {url: sorted(hits) for url, hits in in_vi.items() if hits} == {}
    in_en = {url: found(text, vietnamese) for url, text in walk("en").items()}
    assert {url: sorted(hits) for url, hits in in_en.items() if hits} == {}
