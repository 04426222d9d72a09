"""An agency's section (chuyên trang): who the agency is, everything it published (assets of
every kind, with the library's filters and pages) and its latest articles."""

from .cards import latest_article_cards
from .jsonld import organization
from .labels import AGENCY_KIND_LABELS
from .library import parse, run
from .seo import page_meta

ASSET_KINDS = ["image", "document", "media"]


def section_context(page, request) -> dict:
    agency = page.agency
    library = run(parse(request.GET), base_filters={"agency": [agency.code], "kind": ASSET_KINDS})
    described = organization(agency, request, page.url)
    return {
        "agency": agency,
        "agency_kind": AGENCY_KIND_LABELS.get(agency.kind, ""),
        "library": library,
        "articles": latest_article_cards(6, agency=agency),
        "sub_agencies": [
            child
            for child in agency.children.select_related("section_page")
            if getattr(child, "section_page", None) and child.section_page.live
        ],  # fmt: skip
        "meta": page_meta(
            request,
            agency.localized_name,
            description=page.intro or page.search_description,
            jsonld=[{"@context": "https://schema.org", **described}],
            query={k: v for k, v in library.request.params.items() if k != "q"}
            | ({"page": [str(library.request.page)]} if library.request.page > 1 else {}),
        ),
    }
