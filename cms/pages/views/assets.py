"""Public asset pages, their embeddable version, the zoomable picture and image downloads."""

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt

from assets.kinds import kind_named
from assets.visibility import visible_to

from .. import licensing
from ..asset_page import IMAGE_DOWNLOADS, asset_context
from ..files import file_url
from ..thumbs import ZOOM_SPEC

# Other sites may frame the embeddable player (their own pages' policy decides the rest).
EMBEDDABLE = {"frame-ancestors": ["*"]}


def visible_asset(request, kind: str, pk: int):
    """The asset if the visitor may see it (the one visibility rule), else 404."""
    asset_kind = kind_named(kind)
    if asset_kind is None:
        raise Http404
    queryset = asset_kind.model.objects.select_related(
        "agency__section_page", "licence", "campaign"
    )
    return get_object_or_404(visible_to(queryset, request.user), pk=pk)


def _respond(request, template: str, asset, context: dict):
    response = TemplateResponse(request, template, context)
    if not asset.is_public or context.get("processing"):
        # An editor's preview, or a video still transcoding: no shared cache may keep it.
        patch_cache_control(response, private=True)
    return response


def _asset_id(kind: str, ids: dict) -> int:
    return ids[f"{kind}_id"]


def asset_page(request, kind: str, **ids):
    asset = visible_asset(request, kind, _asset_id(kind, ids))
    variant = "audio" if kind == "media" and asset.type == "audio" else kind
    context = asset_context(request, asset, kind)
    return _respond(request, f"pages/asset_{variant}.html", asset, context)


@xframe_options_exempt
@csp_replace(EMBEDDABLE)
def asset_embed(request, kind: str, **ids):
    asset = visible_asset(request, kind, _asset_id(kind, ids))
    context = asset_context(request, asset, kind)
    return _respond(request, "pages/asset_embed.html", asset, context)


def image_zoom(request, image_id: int):
    """The large rendition the zoom view loads (made on first use; never the original)."""
    image = visible_asset(request, "image", image_id)
    if image.is_svg():
        return HttpResponseRedirect(file_url(image.file.name))
    return HttpResponseRedirect(file_url(image.get_rendition(ZOOM_SPEC).file.name))


def image_download(request, image_id: int):
    """A rendition the licence lets anyone download (?size=small|large|full)."""
    image = visible_asset(request, "image", image_id)
    size = request.GET.get("size", "")
    if size not in IMAGE_DOWNLOADS or not licensing.may_download(image) or image.is_svg():
        raise Http404
    rendition = image.get_rendition(IMAGE_DOWNLOADS[size][0])
    return HttpResponseRedirect(file_url(rendition.file.name))


def captions(request, media_id: int):
    """A video's WebVTT captions for its <track> element (?language=vi|en)."""
    media = visible_asset(request, "media", media_id)
    text = {"vi": media.captions, "en": media.captions_en}.get(request.GET.get("language", "vi"))
    if not text:
        raise Http404
    response = HttpResponse(text, content_type="text/vtt; charset=utf-8")
    patch_cache_control(response, **({"public": True, "max_age": 300} if media.is_public
                                      else {"private": True}))  # fmt: skip
    return response


def asset_by_kind(request, kind: str, pk: int):
    """`hub_asset` (kind, id): one name for every asset page, used by the API's links. Its
    addresses are those of the per-kind routes listed before it, which answer them; only an
    unknown kind reaches this view, and is not found (a redirect keeps any other safe)."""
    if kind_named(kind) is None:
        raise Http404
    return HttpResponsePermanentRedirect(reverse(f"hub:{kind}", args=[pk]))
