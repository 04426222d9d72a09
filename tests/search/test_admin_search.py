"""The admin's own searches (choosers of every kind, the image and document lists) find assets
with or without Vietnamese diacritics, on both search backends, and still only what the user
may see: another agency's published assets in the choosers, never its drafts."""

import datetime as dt

import pytest
from django.urls import reverse

from cms.taxonomy.models import Campaign, Topic
from tests.factories import document_asset, image_asset, media_asset

pytestmark = pytest.mark.django_db

CHOOSER_RESULTS = {
    "image": "wagtailimages_chooser:choose_results",
    "document": "wagtaildocs_chooser:choose_results",
    "media": "wagtailmedia:chooser",
}
MAKERS = {"image": image_asset, "document": document_asset, "media": media_asset}


@pytest.mark.parametrize("kind", ["image", "document", "media"])
def test_each_chooser_finds_another_agencys_asset_without_diacritics(
    client, backend_name, agency_a, agency_b, editor_b, kind, django_capture_on_commit_callbacks
):
    make = MAKERS[kind]
    with django_capture_on_commit_callbacks(execute=True):  # indexing runs after commit
        make(agency_a, title="Chuyển đổi số ở Đồng Nai")
        make(agency_a, title="Chuyển đổi số, bản nháp", published=False, variant=1)
        make(agency_a, title="Mùa lúa chín", variant=2)
    client.force_login(editor_b)
    url = reverse(CHOOSER_RESULTS[kind])
    for query in ("chuyen doi so", "CHUYỂN ĐỔI SỐ", "dong nai"):
        answer = client.get(url, {"q": query})
        assert answer.status_code == 200, query
        html = answer.content.decode()
        assert "Chuyển đổi số ở Đồng Nai" in html, query
        assert "bản nháp" not in html and "Mùa lúa chín" not in html, query


def test_the_admin_lists_find_the_agencys_own_drafts_without_diacritics(
    client, backend_name, agency_a, editor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image_asset(agency_a, title="Hội nghị chuyển đổi số", published=False)
        document_asset(agency_a, title="Báo cáo chuyển đổi số", published=False)
    client.force_login(editor_a)
    for name, title in (
        ("wagtailimages:index_results", "Hội nghị chuyển đổi số"),
        ("wagtaildocs:index_results", "Báo cáo chuyển đổi số"),
    ):
        html = client.get(reverse(name), {"q": "chuyen doi"}).content.decode()
        assert title in html, name


@pytest.mark.parametrize("kind", ["image", "document"])
def test_the_choosers_filter_by_agency_kind_topic_campaign_and_licence(
    client, backend_name, agency_a, agency_b, editor_b, licence, kind,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    topic = Topic.objects.create(slug="cds", name_vi="Chuyển đổi số", name_en="Digital change")
    campaign = Campaign.objects.create(slug="ngay-cds", name_vi="Ngày chuyển đổi số",
                                       name_en="Digital day", starts_on=dt.date(2026, 10, 10),
                                       ends_on=dt.date(2026, 10, 10))  # fmt: skip
    make = MAKERS[kind]
    with django_capture_on_commit_callbacks(execute=True):
        wanted = make(agency_a, title="Chuyển đổi số: số liệu", licence=licence,
                      credit_line="Bộ", campaign=campaign)  # fmt: skip
        wanted.topics.set([topic])
        make(agency_b, title="Chuyển đổi số ở Biên Hòa", variant=1)
        make(agency_a, title="Chuyển đổi số, chưa có giấy phép", variant=2)
    client.force_login(editor_b)
    url = reverse(CHOOSER_RESULTS[kind])
    filters = {"agency": agency_a.pk, "kind": wanted.kind, "topic": topic.pk,
               "campaign": campaign.pk, "licence": licence.pk}  # fmt: skip
    others = {"agency": ["Biên Hòa"], "kind": [], "topic": ["Biên Hòa", "chưa có giấy phép"],
              "campaign": ["Biên Hòa", "chưa có giấy phép"],
              "licence": ["Biên Hòa", "chưa có giấy phép"]}  # fmt: skip
    for name, value in filters.items():
        html = client.get(url, {"q": "chuyen doi so", name: value}).content.decode()
        assert "số liệu" in html, name
        assert not [title for title in others[name] if title in html], name
    both = client.get(url, {"q": "chuyen doi so", **filters}).content.decode()
    if kind == "document":  # whose and under which licence, as in the other choosers
        assert agency_a.name in both and licence.code in both
    assert "số liệu" in both and "Biên Hòa" not in both and "chưa có giấy phép" not in both
    form = client.get(reverse(CHOOSER_RESULTS[kind].replace("_results", ""))).content.decode()
    for name in filters:
        assert f'name=\\"{name}\\"' in form or f'name="{name}"' in form, name
