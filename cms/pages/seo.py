"""What a hub page tells search engines and link previews: canonical URL, its twin in the other
language (hreflang), Open Graph and Twitter card with a 1200x630 picture, schema.org JSON-LD."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.templatetags.static import static
from django.utils.text import Truncator

from .language import path_in

DEFAULT_IMAGE = "hub/og-default.png"
DESCRIPTION_WORDS = 40


@dataclass(frozen=True)
class OpenGraphImage:
    url: str
    width: int = 1200
    height: int = 630
    alt: str = ""


@dataclass
class PageMeta:
    title: str
    description: str = ""
    canonical: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)
    image: OpenGraphImage | None = None
    og_type: str = "website"
    jsonld: list[dict] = field(default_factory=list)
    noindex: bool = False


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def page_meta(
    request,
    title: str,
    *,
    description: str = "",
    image: OpenGraphImage | None = None,
    og_type: str = "website",
    jsonld: list[dict] | None = None,
    noindex: bool = False,
    query: dict[str, list[str]] | None = None,
) -> PageMeta:
    """Meta of the page at request.path; `query` is the part of the query string that names a
    different page (filters, page number), kept in the canonical URL."""
    pairs = [(name, value) for name, values in (query or {}).items() for value in values]
    suffix = "?" + urlencode(pairs) if pairs else ""
    twins = {language: path_in(language, request.path) + suffix for language in ("vi", "en")}
    default_image = OpenGraphImage(absolute(request, static(DEFAULT_IMAGE)))
    return PageMeta(
        title=title,
        description=Truncator(" ".join(description.split())).words(DESCRIPTION_WORDS),
        canonical=absolute(request, request.path + suffix),
        alternates=[
            ("vi", absolute(request, twins["vi"])),
            ("en", absolute(request, twins["en"])),
            ("x-default", absolute(request, twins["vi"])),
        ],
        image=image or default_image,
        og_type=og_type,
        jsonld=jsonld or [],
        noindex=noindex,
    )
