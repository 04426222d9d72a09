"""Landing pages of a topic, a campaign, an audience and a kind of agency, and their indexes."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.timezone import localdate as today
from django.utils.translation import gettext as _

from cms.agencies.models import Agency
from cms.taxonomy.models import Audience, Campaign, Topic

from ..campaigns import calendar, next_occurrence
from ..cards import latest_article_cards
from ..labels import AGENCY_KIND_LABELS
from ..library import parse, run
from ..seo import page_meta
from .refusals import refuses_bad_parameters


def _landing(request, *, title: str, description: str, filters: dict, articles: dict, extra=None):
    found = run(parse(request.GET), base_filters=filters)
    query = dict(found.request.filters)
    if found.request.page > 1:
        query["page"] = [str(found.request.page)]
    context = {
        "title": title,
        "description": description,
        "library": found,
        "articles": latest_article_cards(3, **articles) if found.request.page == 1 else [],
        "meta": page_meta(request, title, description=description or title, query=query),
        **(extra or {}),
    }
    return TemplateResponse(request, "pages/landing.html", context)


@refuses_bad_parameters
def topic(request, slug: str):
    found = get_object_or_404(Topic, slug=slug)
    subtopics = list(found.children.all())
    return _landing(
        request,
        title=found.name,
        description=_("Everything the library holds on %(topic)s.") % {"topic": found.name},
        filters={"topic": [found.slug]},
        articles={"topics__in": [found, *subtopics]},
        extra={"breadcrumb": found.ancestors()[::-1], "children": subtopics, "section": "topics"},
    )


@refuses_bad_parameters
def campaign(request, slug: str):
    found = get_object_or_404(Campaign, slug=slug)
    return _landing(
        request,
        title=found.name,
        description=found.description,
        filters={"campaign": [found.slug]},
        articles={"campaign": found},
        extra={"occurrence": next_occurrence(found, today()), "section": "campaigns"},
    )


@refuses_bad_parameters
def audience(request, slug: str):
    found = get_object_or_404(Audience, slug=slug)
    return _landing(
        request,
        title=found.name,
        description=_("Material made for %(audience)s.") % {"audience": found.name},
        filters={"audience": [found.slug]},
        articles={"audiences": found},
        extra={"section": "audiences"},
    )


def _agencies_with_sections(**filters):
    agencies = Agency.objects.filter(section_page__live=True, **filters)
    return agencies.select_related("section_page", "parent").order_by("name")


@refuses_bad_parameters
def agency_kind(request, kind: str):
    if kind not in AGENCY_KIND_LABELS:
        raise Http404
    title = str(AGENCY_KIND_LABELS[kind])
    agencies = list(_agencies_with_sections(kind=kind))
    codes = [agency.code for agency in agencies]
    return _landing(
        request,
        title=title,
        description=_("Sections and material of each agency of this kind."),
        filters={"agency": codes or ["-"], "kind": ["image", "document", "media"]},
        articles={"agency__in": agencies},
        extra={"agencies": agencies, "section": "agencies"},
    )


def _index(request, template: str, title: str, context: dict):
    meta = page_meta(request, title)
    return TemplateResponse(request, template, {"title": title, "meta": meta, **context})


def topics_index(request):
    topics = Topic.objects.filter(parent__isnull=True).prefetch_related("children")
    return _index(request, "pages/topics_index.html", _("Topics"), {"topics": topics})


def campaigns_index(request):
    return _index(request, "pages/campaigns_index.html", _("Campaigns and events"),
                  {"calendar": calendar()})  # fmt: skip


def audiences_index(request):
    return _index(request, "pages/audiences_index.html", _("Audiences"),
                  {"audiences": Audience.objects.all()})  # fmt: skip


def agencies_index(request):
    agencies = list(_agencies_with_sections())
    groups = [(kind, label, [a for a in agencies if a.kind == kind])
              for kind, label in AGENCY_KIND_LABELS.items()]  # fmt: skip
    return _index(request, "pages/agencies_index.html", _("Agencies"),
                  {"groups": [group for group in groups if group[2]]})  # fmt: skip
