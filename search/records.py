"""Build a `SearchRecord` from an image, document, video/audio, article or hub page."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags

from assets.kinds import kind_named

from .documents import MAX_INDEXED_TEXT_CHARS, SearchRecord
from .keys import key_for, kind_for_model
from .term_providers import term_providers


def record_for(instance) -> SearchRecord:
    kind = kind_for_model(type(instance))
    if kind_named(kind) is not None:
        record = _asset_record(instance, kind)
    elif kind == "article":
        record = _article_record(instance)
    else:
        record = _hub_record(instance)
    _add_provided_terms(instance, record)
    return record


def _add_provided_terms(instance, record: SearchRecord) -> None:
    """Other apps' terms (`term_providers`): the duplicates app's fingerprint terms."""
    for provider in term_providers():
        terms, fingerprints = provider(instance)
        record.terms.extend(term for term in terms if term not in record.terms)
        record.fingerprints.update(fingerprints)


def _topic_slugs(topics) -> list[str]:
    slugs: list[str] = []
    for topic in topics:
        for node in [topic, *topic.ancestors()]:
            if node.slug not in slugs:
                slugs.append(node.slug)
    return slugs


def _classification(instance) -> dict:
    """Agency, topics, audiences, campaign, licence and language: shared by assets and articles."""
    agency, campaign, licence = instance.agency, instance.campaign, instance.licence
    return {
        "agency": agency.code if agency else "",
        "agency_name": agency.name if agency else "",
        "topics": _topic_slugs(instance.topics.all()) if instance.pk else [],
        "audiences": sorted(a.slug for a in instance.audiences.all()) if instance.pk else [],
        "campaign": campaign.slug if campaign else "",
        "licence": licence.code if licence else "",
        "language": instance.language or "",
    }


def _join(*parts: str) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _asset_record(asset, kind: str) -> SearchRecord:
    extracted = getattr(asset, "extracted_text", "")[:MAX_INDEXED_TEXT_CHARS]
    published_at = asset.created_at
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the hub page, in Vietnamese
            url = reverse(f"hub:{kind}", args=[asset.pk])
    except NoReverseMatch:
        url = ""
    terms = [f"sha256:{asset.content_sha256}"] if asset.content_sha256 else []
    return SearchRecord(
        key=key_for(asset),
        kind=kind,
        type=asset.kind,
        title=asset.title,
        title_en=asset.title_en,
        text=_join(asset.description, asset.description_en, asset.credit_line, extracted),
        year=published_at.year if published_at else None,
        published_at=published_at,
        is_public=asset.is_published,
        embargo_until=asset.embargo_until,
        url=url,
        terms=terms,
        **_classification(asset),
    )


def _page_url(page) -> str:
    """The page's address in the default language, whatever language the indexing runs in."""
    with translation.override(settings.LANGUAGE_CODE):
        return page.url or ""


def _body_text(page) -> str:
    field = type(page)._meta.get_field("body")
    return _join(*(strip_tags(part) for part in field.get_searchable_content(page.body)))


def article_text(page) -> str:
    """Summary and body as plain text: what the index and the text fingerprint read."""
    return _join(page.summary, page.summary_en, _body_text(page))


def _article_record(page) -> SearchRecord:
    published_at = page.first_published_at
    return SearchRecord(
        key=key_for(page),
        kind="article",
        type="article",
        title=page.title,
        title_en=page.title_en,
        text=article_text(page),
        year=published_at.year if published_at else None,
        published_at=published_at,
        is_public=page.live and not page.get_view_restrictions().exists(),
        url=_page_url(page),
        **_classification(page),
    )


def _hub_record(page) -> SearchRecord:
    agency = page.agency
    published_at = page.first_published_at
    return SearchRecord(
        key=key_for(page),
        kind="hub",
        type="section",
        title=page.title,
        text=page.intro,
        agency=agency.code,
        agency_name=agency.name,
        year=published_at.year if published_at else None,
        published_at=published_at,
        is_public=page.live and not page.get_view_restrictions().exists(),
        url=_page_url(page),
    )
