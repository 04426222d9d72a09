"""Two languages: English content under /en/ where editors gave it, Vietnamese otherwise with a
note; the language switcher keeps the page; every label of the hub is translated."""

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation.template import templatize

from . import library

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def vietnamese_url(page) -> str:
    with translation.override("vi"):
        return page.url


def test_an_article_in_english_where_the_editors_gave_it(client, agency_a):
    translated = library.article(agency_a, "Sổ tay số cho xã", title_en="A digital handbook")
    untranslated = library.article(agency_a, "Bài chỉ có tiếng Việt")
    english = client.get(f"/en{vietnamese_url(translated)}").content.decode()
    assert '<html lang="en">' in english
    assert '<h1 class="article-title">A digital handbook</h1>' in english
    assert "The body of this article is in Vietnamese." in english
    assert '<div class="article-body" lang="vi">' in english
    fallback = client.get(f"/en{vietnamese_url(untranslated)}").content.decode()
    assert '<h1 class="article-title" lang="vi">Bài chỉ có tiếng Việt</h1>' in fallback
    assert "no English version yet" in fallback
    vietnamese = client.get(vietnamese_url(translated)).content.decode()
    assert "Sổ tay số cho xã</h1>" in vietnamese and "The body" not in vietnamese


def test_the_language_switcher_keeps_the_page_and_its_query(client, agency_a, indexed):
    with indexed():
        image = library.image(agency_a, "Ảnh", title_en="Photo", description_en="In English.")
    html = client.get("/search/", {"q": "anh", "type": "photo"}).content.decode()
    assert 'href="/en/search/?q=anh&amp;type=photo" hreflang="en"' in html
    english = client.get(f"/en/library/image/{image.pk}/").content.decode()
    assert f'href="/library/image/{image.pk}/" hreflang="vi"' in english
    assert ">Photo</h1>" in english and "In English." in english


def _template_messages() -> str:
    """The hub's templates and modules as gettext sources, for xgettext."""
    parts = []
    for path in sorted((ROOT / "cms" / "templates").rglob("*.html")):
        parts.append(templatize(path.read_text("utf-8"), origin=str(path)))
    return "\n".join(parts)


def test_every_hub_label_has_a_vietnamese_translation(tmp_path):
    templates = tmp_path / "templates.py"
    templates.write_text(_template_messages(), encoding="utf-8")
    sources = [str(templates), *map(str, sorted((ROOT / "cms" / "pages").rglob("*.py")))]
    extracted = tmp_path / "hub.pot"
    subprocess.run(
        ["xgettext", "-L", "Python", "--from-code=UTF-8", "-o", str(extracted),
         "--keyword=_", "--keyword=gettext_lazy", "--keyword=ngettext:1,2",
         "--keyword=pgettext:1c,2", *sources],
        check=True,
    )  # fmt: skip
    wanted = set(re.findall(r'^msgid "(.+)"$', extracted.read_text("utf-8"), re.M))
    catalogue = CATALOGUE.read_text("utf-8")
    entry = r'^msgid "(.+)"\n(?:msgid_plural ".*"\n)?msgstr(?:\[0\])? "(?!")'
    translated = set(re.findall(entry, catalogue, re.M))
    assert wanted and not wanted - translated, sorted(wanted - translated)
