"""An article page: its English title and summary under /en/ where the editors gave them, its
date, agency, author and topics, the lead image, related articles and its schema.org facts."""

from assets.visibility import public

from .cards import latest_article_cards
from .derived import image_open_graph
from .files import file_url
from .jsonld import news_article
from .language import is_english, localized
from .seo import OpenGraphImage, page_meta
from .sources import cited_sources
from .thumbs import LEAD_SPECS, image_thumb

ARTICLE_IMAGE_SIZES = "(min-width: 992px) 800px, 100vw"


def lead_image(article):
    if article.image_id is None:
        return None
    return public(type(article.image).objects.filter(pk=article.image_id)).first()


def open_graph_image(request, image) -> OpenGraphImage | None:
    if image is None:
        return None
    try:
        name = image_open_graph(image)
    except (OSError, ValueError):
        return None
    if not name:
        return None
    return OpenGraphImage(request.build_absolute_uri(file_url(name)), alt=image.default_alt_text)


def related(article) -> list:
    topics = list(article.topics.values_list("pk", flat=True))
    if not topics:
        return []
    cards = latest_article_cards(4, topics__in=topics)
    return [card for card in cards if card.key != f"article:{article.pk}"][:3]


def article_context(article, request) -> dict:
    title, title_fallback = localized(article.title, article.title_en)
    summary, _fallback = localized(article.summary, article.summary_en)
    image = lead_image(article)
    og_image = open_graph_image(request, image)
    return {
        "title": title,
        "summary": summary,
        "title_in_vietnamese": title_fallback,
        # English visitors read the body in Vietnamese: say so, and mark its language.
        "body_in_vietnamese": is_english(),
        "lead": image_thumb(image, LEAD_SPECS, sizes=ARTICLE_IMAGE_SIZES) if image else None,
        "lead_image": image,
        "topics": list(article.topics.all()),
        "audiences": list(article.audiences.all()),
        "legal_documents": list(article.legal_documents.all()),
        "related": related(article),
        "sources": cited_sources(article),
        "meta": page_meta(
            request,
            article.seo_title or title,
            description=article.search_description or summary,
            image=og_image,
            og_type="article",
            jsonld=[news_article(article, request, image_url=og_image.url if og_image else "")],
        ),
    }
