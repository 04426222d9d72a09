"""Agencies, topics, audiences, campaigns and licences: small lists, read by everyone; an agency
also reads who reused its assets."""

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router
from ninja.errors import HttpError

from cms.agencies.access import agencies_of
from cms.agencies.models import Agency
from cms.taxonomy.models import Audience, Campaign, Licence, Topic

from ...models import ReuseCount
from .. import auth
from ..errors import ERROR_RESPONSES
from ..params import only
from ..representations import terms
from ..schemas.taxonomy import AgencyOut, CampaignOut, LicenceOut, ReuseOut, Term, TopicOut

router = Router(tags=["taxonomy"])
MAX_TERMS = 1000


def agency_out(request, agency) -> dict:
    section = getattr(agency, "section_page", None)
    return {
        **terms.agency_ref(agency),
        "parent": agency.parent.code if agency.parent else None,
        "portal_url": agency.portal_url,
        "hub_url": section.get_full_url(request) if section and section.live else None,
    }


@router.get(
    "/agencies/",
    response={200: list[AgencyOut], **ERROR_RESPONSES},
    url_name="agency_list",
    operation_id="agency_list",
    summary=("Agencies / Cơ quan, đơn vị"),
    auth=auth.READ,
)
@only()
def list_agencies(request: HttpRequest):
    agencies = Agency.objects.select_related("parent", "section_page")[:MAX_TERMS]
    return [agency_out(request, agency) for agency in agencies]


@router.get(
    "/agencies/{code}/",
    response={200: AgencyOut, **ERROR_RESPONSES},
    url_name="agency_detail",
    operation_id="agency_detail",
    summary=("One agency / Một cơ quan"),
    auth=auth.READ,
)
@only()
def agency_detail(request: HttpRequest, code: str):
    agency = Agency.objects.select_related("parent", "section_page").filter(code=code).first()
    if agency is None:
        raise Http404
    return agency_out(request, agency)


@router.get(
    "/agencies/{code}/reuse/",
    response={200: list[ReuseOut], **ERROR_RESPONSES},
    url_name="agency_reuse",
    operation_id="agency_reuse",
    summary=("Who reused this agency's assets, per day / Ai đã dùng lại tài nguyên"),
    description=(
        "For a token of one of the agency's editors (or an administrator). / Dành cho token của "
        "biên tập viên cơ quan."
    ),
    auth=auth.WRITE,
)
@only()
def agency_reuse(request: HttpRequest, code: str):
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise Http404
    if not request.user.is_superuser and agency not in agencies_of(request.user):
        raise HttpError(403, str(_("Only the agency's own editors see its reuse.")))
    rows = ReuseCount.objects.filter(agency=agency).select_related("consumer")
    return [
        {
            "day": row.day,
            "consumer": row.consumer.name if row.consumer else None,
            "key": row.key,
            "fetch": row.fetch,
            "count": row.count,
        }
        for row in rows.order_by("-day", "key")[:MAX_TERMS]
    ]


def _terms(model):
    return [terms.term(item) for item in model.objects.all()[:MAX_TERMS]]


@router.get(
    "/topics/",
    response={200: list[TopicOut], **ERROR_RESPONSES},
    url_name="topic_list",
    operation_id="topic_list",
    summary=("Topics / Chủ đề"),
    auth=auth.READ,
)
@only()
def list_topics(request: HttpRequest):
    topics = Topic.objects.select_related("parent")[:MAX_TERMS]
    return [{**terms.term(t), "parent": t.parent.slug if t.parent else None} for t in topics]


@router.get(
    "/audiences/",
    response={200: list[Term], **ERROR_RESPONSES},
    url_name="audience_list",
    operation_id="audience_list",
    summary=("Audiences / Đối tượng"),
    auth=auth.READ,
)
@only()
def list_audiences(request: HttpRequest):
    return _terms(Audience)


@router.get(
    "/campaigns/",
    response={200: list[CampaignOut], **ERROR_RESPONSES},
    url_name="campaign_list",
    operation_id="campaign_list",
    summary=("Campaigns and events / Chiến dịch, sự kiện"),
    auth=auth.READ,
)
@only()
def list_campaigns(request: HttpRequest):
    return [
        {
            **terms.term(campaign),
            "description": campaign.description,
            "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on,
            "recurs_yearly": campaign.recurs_yearly,
        }
        for campaign in Campaign.objects.all()[:MAX_TERMS]
    ]


@router.get(
    "/licences/",
    response={200: list[LicenceOut], **ERROR_RESPONSES},
    url_name="licence_list",
    operation_id="licence_list",
    summary=("Licences / Giấy phép"),
    auth=auth.READ,
)
@only()
def list_licences(request: HttpRequest):
    return [terms.licence(item) for item in Licence.objects.all()[:MAX_TERMS]]
