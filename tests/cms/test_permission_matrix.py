"""Nothing private comes back, whoever asks and whichever door they knock at.

Agency A holds an image, a document and a video in four states (private, embargoed, withdrawn
after it was public, public) and three articles (draft, withdrawn, live). Every route the URL
resolver knows that takes an asset's or a page's id is driven with each of them, and every route
without parameters is searched for them, as agency A's editor (the owner), agency B's editor, a
press consumer with an API token (allowed agency B's embargoed items, not A's), and an anonymous
visitor. What one may not see must not show in any status, header or body: no title, no SHA-256,
no storage key, no bytes. The owner and the public are checked to get what they should, so a
door that answers 404 to everyone cannot pass for a safe one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from urllib.parse import unquote

import pytest
import requests
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.images.views.serve import generate_image_url
from wagtail.models import APIToken

from assets.storage.links import is_remote
from cms.api.models import Consumer
from cms.pages.models import ArticlePage
from tests.cms.doors import (
    NOT_LISTINGS,
    all_routes,
    is_not_an_asset_door,
    kind_of,
    takes_an_id,
    url_for,
)
from tests.factories import document_asset, image_asset, make_user, media_asset

pytestmark = pytest.mark.django_db

STATES = ("private", "embargoed", "withdrawn", "public")
MAKERS = {"image": image_asset, "document": document_asset, "media": media_asset}
WORD = "zqmatrix"  # in every title, so one search finds them all


@dataclass
class Target:
    obj: object
    state: str
    marker: str
    secrets: list[str] = field(default_factory=list)  # title marker, SHA-256, storage key
    urls_made_while_public: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return kind_of(self.obj)

    @property
    def is_public(self) -> bool:
        return self.state == "public"


def _marker(kind: str, state: str) -> str:
    return f"zq{kind[:3]}{state[:4]}{uuid.uuid4().hex[:6]}"


def _asset(agency, kind: str, state: str, variant: int) -> Target:
    marker = _marker(kind, state)
    embargo = timezone.now() + dt.timedelta(days=3) if state == "embargoed" else None
    asset = MAKERS[kind](
        agency,
        title=f"Tài liệu mật {WORD} {marker}",
        published=state != "private",
        variant=variant,
        embargo_until=embargo,
    )
    target = Target(asset, state, marker, [marker, asset.content_sha256, asset.file.name])
    if kind == "image":
        rendition = asset.get_rendition("max-80x80")
        target.secrets.append(rendition.file.name)
        target.urls_made_while_public = [
            generate_image_url(asset, "max-80x80"),
            reverse("assets:file", args=[rendition.file.name]),
        ]
    if state == "withdrawn":
        asset.is_published = False
        asset.save()
    return target


def _page(agency, state: str) -> Target:
    marker = _marker("page", state)
    article = ArticlePage(title=f"Bài viết {WORD} {marker}", summary="Tóm tắt", live=False)
    agency.section_page.add_child(instance=article)
    revision = article.save_revision()
    if state != "private":
        revision.publish()
    if state == "withdrawn":
        article.refresh_from_db()
        article.unpublish()
    article.refresh_from_db()
    return Target(article, state, marker, [marker])


@pytest.fixture
def library(agency_a, agency_b):
    targets = [
        _asset(agency_a, kind, state, variant=10 + index)
        for kind in MAKERS
        for index, state in enumerate(STATES)
    ]
    targets += [_page(agency_a, state) for state in ("private", "withdrawn", "public")]
    return targets


@dataclass
class Principal:
    name: str
    client: Client
    owner: bool = False

    def sees(self, target: Target) -> bool:
        return self.owner or target.is_public


@pytest.fixture
def principals(editor_a, editor_b, agency_b):
    a, b = Client(), Client()
    a.force_login(editor_a)
    b.force_login(editor_b)
    # A press agency trusted with agency B's embargoed news: the grant must not reach A's.
    press = Consumer.objects.create(
        name="Thông tấn",
        kind="press",
        user=make_user("press-desk"),
        can_read_embargoed=True,
        rate_limit_per_minute=100_000,
    )
    press.embargo_agencies.add(agency_b)
    _token, plaintext = APIToken.create_token(user=press.user, name="press")
    token = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    return [
        Principal("editor of agency A", a, owner=True),
        Principal("editor of agency B", b),
        Principal("press consumer token", token),
        Principal("anonymous", Client()),
    ]


def _fetch(principal: Principal, url: str):
    """GET, and for those who may not change the object, the POST a form would send: the owner
    is not sent to delete or move their own things."""
    principal.client.raise_request_exception = False
    response = principal.client.get(url)
    if response.status_code == 405 and not principal.owner:
        response = principal.client.post(url, {})
    return response


def _text(response) -> str:
    headers = "\n".join(f"{key}: {value}" for key, value in response.items())
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return headers + "\n" + body.decode("utf-8", "replace")


def _leaks(principal: Principal, url: str, response, hidden: list[Target], door_of=None):
    if response.status_code >= 500:
        return [f"{principal.name} GET {url} answers {response.status_code}"]
    text = _text(response)
    found = []
    for target in hidden:
        shown = [secret for secret in target.secrets if secret and secret in text]
        if shown:
            found.append(f"{principal.name} GET {url} shows {target.state} {target.kind}: {shown}")
    if door_of is not None and 200 <= response.status_code < 300:
        found.append(
            f"{principal.name} GET {url} answers {response.status_code} for "
            f"{door_of.state} {door_of.kind}"
        )
    return found


def _id_doors():
    return [route for route in all_routes() if takes_an_id(route)]


def _listings():
    return [
        route
        for route in all_routes()
        if not route.params and not route.positional and route.name not in NOT_LISTINGS
    ]


def test_every_route_with_a_parameter_is_a_door_of_the_matrix_or_said_not_to_be():
    """A view added later that takes an id is driven by the matrix, or this test names it."""
    unclassified = [
        f"{route.name} ({route.route})"
        for route in all_routes()
        if (route.params or route.positional)
        and not takes_an_id(route)
        and not is_not_an_asset_door(route)
    ]
    assert not unclassified, "add these routes to tests/cms/doors.py: " + ", ".join(unclassified)
    names = {route.name for route in _id_doors()}
    for expected in (
        "wagtailimages_chooser:chosen",
        "wagtailimages_chooser:select_format",
        "wagtaildocs_chooser:chosen",
        "wagtailmedia:media_usage",
        "wagtailmedia:media_chosen",
        "wagtailimages_serve",
        "wagtaildocs_serve",
        "assets:file",
        "wagtailadmin_api:images:detail",
        "wagtailapi:images:detail",
        "transcoding:asset_jobs",
        "wagtail_bulk_action",
        "wagtailadmin_pages:edit",
    ):
        assert expected in names


def test_nothing_private_comes_back_at_any_door(library, principals):
    _the_owner_and_the_public_get_what_they_should(library, principals)
    leaks: list[str] = []
    id_doors, listings = _id_doors(), _listings()
    for principal in principals:
        if principal.owner:
            continue  # sees everything; what the owner gets is checked below
        hidden = [target for target in library if not principal.sees(target)]
        for target in library:
            for route in id_doors:
                url = url_for(route, target.obj)
                if url is None:
                    continue
                response = _fetch(principal, url)
                door_of = None if principal.sees(target) else target
                leaks += _leaks(principal, url, response, hidden, door_of)
            if not principal.sees(target):
                for url in target.urls_made_while_public:
                    response = principal.client.get(url)
                    leaks += _leaks(principal, url, response, hidden, target)
        ids = "&".join(f"id={target.obj.pk}" for target in library)
        for route in listings:
            url = f"{reverse(route.name)}?q={WORD}&{ids}"
            response = _fetch(principal, url)
            leaks += _leaks(principal, url, response, hidden)
    assert not leaks, "\n".join(leaks)
    for target in library:
        stored = type(target.obj).objects.get(pk=target.obj.pk)
        assert stored.title == target.obj.title, f"{target.state} {target.kind} was changed"


def _targets(library, kind: str) -> dict[str, Target]:
    return {target.state: target for target in library if target.kind == kind}


def _the_owner_and_the_public_get_what_they_should(library, principals):
    """The matrix would pass if every door refused everyone: these doors must answer."""
    owner, other, press, anonymous = principals
    images, documents, media = (_targets(library, kind) for kind in ("image", "document", "media"))
    expectations = [
        (owner, reverse("wagtailimages_chooser:chosen", args=[images["private"].obj.pk])),
        (owner, reverse("wagtaildocs_chooser:chosen", args=[documents["embargoed"].obj.pk])),
        (owner, reverse("wagtailmedia:media_usage", args=[media["private"].obj.pk])),
        (owner, images["withdrawn"].urls_made_while_public[0]),
        (owner, f"/admin/api/main/images/{images['private'].obj.pk}/"),
        (other, reverse("wagtailimages_chooser:chosen", args=[images["public"].obj.pk])),
        (other, reverse("wagtaildocs_chooser:chosen", args=[documents["public"].obj.pk])),
        (other, reverse("wagtailimages_chooser:select_format", args=[images["public"].obj.pk])),
        (anonymous, images["public"].urls_made_while_public[0]),
        (anonymous, images["public"].urls_made_while_public[1]),
        (press, f"/api/v2/images/{images['public'].obj.pk}/"),
        (anonymous, f"/api/v2/media/{media['public'].obj.pk}/"),
    ]
    for principal, url in expectations:
        response = principal.client.get(url)
        assert response.status_code == 200 or _sent_to_storage(response, url), (
            f"{principal.name} GET {url} answers {response.status_code}"
        )
    for principal, chooser, state in (
        (owner, "wagtailimages_chooser:choose_results", "private"),
        (other, "wagtailimages_chooser:choose_results", "public"),
        (owner, "wagtaildocs_chooser:choose_results", "withdrawn"),
        (other, "wagtaildocs_chooser:choose_results", "public"),
    ):
        targets = images if "images" in chooser else documents
        response = principal.client.get(reverse(chooser), {"q": WORD})
        assert response.status_code == 200
        assert targets[state].marker in response.content.decode()
    for endpoint, targets in (("images", images), ("documents", documents), ("media", media)):
        found = anonymous.client.get(f"/api/v2/{endpoint}/", {"search": WORD}).json()
        assert [item["id"] for item in found["items"]] == [targets["public"].obj.pk]


def _sent_to_storage(response, url: str) -> bool:
    """A stored file on S3 is a presigned redirect to the private bucket, whose bytes are the
    rendition's own; on the local folder it is served here (200) and a redirect is wrong."""
    if response.status_code != 302 or not is_remote(default_storage):
        return False
    name = unquote(url.removeprefix(reverse("assets:file", args=["x"]).removesuffix("x")))
    fetched = requests.get(response["Location"], timeout=10)
    with default_storage.open(name) as stored:
        expected = stored.read()
    assert fetched.status_code == 200 and fetched.content == expected, url
    return True


def test_a_signed_image_url_stops_working_when_the_image_is_unpublished(client, agency_a):
    image = image_asset(agency_a, title="Sắp rút lại")
    url = generate_image_url(image, "max-80x80")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    image.is_published = False
    image.save()
    assert client.get(url).status_code == 404
    image.is_published = True
    image.embargo_until = timezone.now() + dt.timedelta(hours=1)
    image.save()
    assert client.get(url).status_code == 404


def test_the_owner_s_private_image_is_never_kept_by_a_shared_cache(client, agency_a, editor_a):
    image = image_asset(agency_a, title="Riêng", published=False)
    client.force_login(editor_a)
    response = client.get(generate_image_url(image, "max-80x80"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_transcoding_page_of_a_model_that_is_not_an_asset_is_not_found(admin_client, db):
    """Was a 500: the jobs page applied the asset visibility rule to a user."""
    response = admin_client.get("/admin/transcoding/auth/user/1/")
    assert response.status_code == 404
