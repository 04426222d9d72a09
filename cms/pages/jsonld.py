"""schema.org descriptions (JSON-LD) of agencies, assets and articles, for search engines."""

from django.templatetags.static import static


def iso_duration(seconds: float | None) -> str | None:
    if not seconds:
        return None
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organization(agency, request, url: str = "") -> dict | None:
    if agency is None:
        return None
    parent = agency.parent
    return _clean(
        {
            "@type": "GovernmentOrganization",
            "name": agency.name,
            "alternateName": agency.name_en,
            "url": request.build_absolute_uri(url) if url else agency.portal_url,
            "sameAs": [agency.portal_url] if agency.portal_url and url else [],
            "parentOrganization": (
                {"@type": "GovernmentOrganization", "name": parent.name} if parent else None
            ),
        }
    )


def _asset_common(
    asset, request, page_url: str, licence_url: str, credit: str, keywords: list[str]
) -> dict:
    return {
        "@context": "https://schema.org",
        "name": asset.title,
        "alternateName": asset.title_en,
        "description": asset.description,
        "url": request.build_absolute_uri(page_url),
        "uploadDate": asset.created_at.isoformat() if asset.created_at else None,
        "inLanguage": asset.language,
        "creator": {"@type": "Person", "name": asset.creator} if asset.creator else None,
        "creditText": credit,
        "copyrightHolder": asset.copyright_holder or None,
        "license": licence_url or None,
        "acquireLicensePage": request.build_absolute_uri(page_url),
        "publisher": organization(asset.agency, request),
        "keywords": keywords,
    }


def asset_object(
    asset, kind: str, request, *, page_url, credit, media: dict, keywords: list[str]
) -> dict:
    """ImageObject, VideoObject, AudioObject or DigitalDocument; `media` holds the URLs the page
    shows (contentUrl, thumbnailUrl, embedUrl) and facts (width, height, duration); `keywords`:
    its topics' names."""
    licence_url = asset.licence.url if asset.licence else ""
    schema_type = {
        "image": "ImageObject",
        "document": "DigitalDocument",
    }.get(kind) or ("AudioObject" if asset.type == "audio" else "VideoObject")
    data = _asset_common(asset, request, page_url, licence_url, credit, keywords)
    data["@type"] = schema_type
    for name in ("contentUrl", "thumbnailUrl", "embedUrl"):
        if media.get(name):
            data[name] = request.build_absolute_uri(media[name])
    data["width"] = media.get("width")
    data["height"] = media.get("height")
    data["duration"] = iso_duration(media.get("duration"))
    data["encodingFormat"] = media.get("encodingFormat")
    return _clean(data)


def news_article(article, request, *, image_url: str = "") -> dict:
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "alternativeHeadline": article.title_en,
            "description": article.summary,
            "inLanguage": article.language,
            "datePublished": (
                article.first_published_at.isoformat() if article.first_published_at else None
            ),
            "dateModified": (
                article.last_published_at.isoformat() if article.last_published_at else None
            ),
            "author": (
                {"@type": "Person", "name": article.author}
                if article.author
                else organization(article.agency, request)
            ),
            "publisher": organization(article.agency, request),
            "image": [request.build_absolute_uri(image_url or static("hub/og-default.png"))],
            "mainEntityOfPage": request.build_absolute_uri(article.url),
            "about": [{"@type": "Thing", "name": topic.name} for topic in article.topics.all()],
        }
    )


def website(request) -> dict:
    search_url = request.build_absolute_uri("/search/") + "?q={query}"
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "url": request.build_absolute_uri("/"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": search_url,
            "query-input": "required name=query",
        },
    }
