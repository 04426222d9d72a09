"""The editors' library in the admin: every agency's published assets searched with facets; and an
editor whose upload matches an asset they may not see asks the agency holding it, through the
reference their duplicate check gave; that agency's editors get an e-mail and an inbox."""

import html as html_module
import re

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from cms.library.models import AssetRequest
from tests.cms.test_library_page import library_url
from tests.duplicates.library import upload_in_admin
from tests.factories import image_asset, png_bytes

pytestmark = pytest.mark.django_db


def ask_link(form_html: str) -> str:
    found = re.search(r'href="([^"]+)"[^>]*data-ask-agency', form_html)
    assert found, "no link to ask the agency"
    return html_module.unescape(found.group(1))


def test_an_editor_asks_the_agency_holding_an_unpublished_match(
    client, agency_a, agency_b, editor_a, editor_b
):
    editor_a.email = "bientap@bo-khcn.example"
    editor_a.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        image_asset(agency_a, title="Bản chưa công bố", published=False, variant=9)
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, png_bytes(color=(200, 30, 9)), "ban-sao.png")
    assert "Bản chưa công bố" not in answer["confirm_duplicate_upload"]  # still hidden
    link = ask_link(answer["confirm_duplicate_upload"])
    page = client.get(link)
    assert page.status_code == 200 and agency_a.name in page.content.decode()
    reference = link.partition("reference=")[2]
    sent = client.post(reverse("library_ask"), {"reference": reference, "message": "Xin dùng lại"})
    assert sent.status_code == 302
    asked = AssetRequest.objects.get()
    assert (asked.agency, asked.requesting_agency, asked.reference) == (
        agency_a,
        agency_b,
        reference,
    )
    assert [message.to for message in mail.outbox] == [["bientap@bo-khcn.example"]]
    assert reference in mail.outbox[0].body

    client.force_login(editor_a)
    inbox = client.get(reverse("library_requests")).content.decode()
    assert "Xin dùng lại" in inbox and f"?reference={reference}" in inbox
    client.force_login(editor_b)
    assert "Xin dùng lại" not in client.get(reverse("library_requests")).content.decode()


def test_only_the_checker_may_use_a_reference(client, agency_a, agency_b, editor_a, editor_b):
    with TestCase.captureOnCommitCallbacks(execute=True):
        image_asset(agency_a, title="Bản chưa công bố", published=False, variant=9)
    client.force_login(editor_b)
    answer = upload_in_admin(client, agency_b, png_bytes(color=(200, 30, 9)), "ban-sao.png")
    link = ask_link(answer["confirm_duplicate_upload"])
    client.force_login(editor_a)
    assert client.get(link).status_code == 404
    assert client.get(reverse("library_ask"), {"reference": "made-up"}).status_code == 404


def test_the_admin_library_searches_every_agencys_published_assets(
    client, agency_a, editor_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexing runs after commit
        image = image_asset(agency_a, title="Chuyển đổi số ở Đồng Nai")
        image_asset(agency_a, title="Chuyển đổi số, bản nháp", published=False, variant=1)
    client.force_login(editor_b)
    html = client.get(reverse("library_browse"), {"q": "chuyen doi so"}).content.decode()
    assert "Chuyển đổi số ở Đồng Nai" in html and library_url("image", image) in html
    assert "bản nháp" not in html
    assert client.get(reverse("library_browse"), {"page": "x"}).status_code == 400


def test_the_image_chooser_says_whose_image_and_under_which_licence(
    client, agency_a, agency_b, editor_b, licence
):
    image_asset(agency_a, title="Bản đồ số", licence=licence, variant=5)
    image_asset(agency_b, title="Ảnh nháp của sở", published=False, variant=6)
    client.force_login(editor_b)
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    credits = re.findall(r"data-chooser-credit>(.*?)</p>", html, re.S)
    assert len(credits) == 2
    assert f"{agency_a.name}<br>{html_module.escape(str(licence))}" in credits
    assert f"{agency_b.name}<br>Chưa có giấy phép" in credits  # the admin speaks Vietnamese
