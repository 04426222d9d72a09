"""Exact copies stored before duplicate detection are fingerprinted and grouped by the command; the
report shows the groups, the bytes saved and which agency duplicated whom."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from cms.reports.duplicates import build_report
from search.duplicates.decisions import record_decision
from search.duplicates.enums import Decision
from search.duplicates.models import AssetFingerprint, DuplicateMember, FingerprintStatus
from search.keys import key_for
from tests.duplicates.library import store
from tests.duplicates.media import encoded, scene

pytestmark = pytest.mark.django_db


def test_command_fingerprints_old_assets_and_groups_exact_copies(agency_a, agency_b, admin_user):
    first = store(agency_a, encoded(scene(31)))
    copy = store(agency_b, encoded(scene(31)))
    AssetFingerprint.objects.all().delete()  # as if stored before fingerprints existed
    FingerprintStatus.objects.all().delete()

    output = io.StringIO()
    call_command("fingerprint_assets", stdout=output)

    assert "fingerprinted 2" in output.getvalue()
    assert AssetFingerprint.objects.filter(key=key_for(copy), modality="image").exists()
    members = dict(DuplicateMember.objects.values_list("key", "relation"))
    assert members == {key_for(first): "original", key_for(copy): "copy"}
    report = build_report(admin_user)
    assert report.shared_bytes == first.byte_size
    assert report.pairs == [(agency_b.name, agency_a.name, 1)]


def test_report_counts_reused_uploads_and_renders_for_admins(
    client, agency_a, agency_b, editor_b, admin_user
):
    original = store(agency_a, encoded(scene(32)))
    record_decision(
        candidate_key=key_for(original), decision=Decision.REUSE, user=editor_b, byte_size=5000
    )
    report = build_report(admin_user)
    assert report.reused_bytes == 5000 and report.decisions == {"reuse": 1}
    assert report.pairs == [(agency_b.name, agency_a.name, 1)]

    client.force_login(admin_user)
    page = client.get(reverse("reports_duplicates"))
    assert page.status_code == 200
    assert 'data-bytes-saved="5000"' in page.content.decode()


def test_the_hub_and_the_api_show_one_work_once_crediting_every_agency(
    client, agency_a, agency_b, editor_b
):
    title = "Bản đồ chuyển đổi số cấp xã"
    original = store(agency_a, encoded(scene(33)), title=title)
    version = store(agency_b, encoded(scene(33), "JPEG", quality=70), "v2.jpg", title=title)
    record_decision(
        candidate_key=key_for(original), decision=Decision.NEW_VERSION, user=editor_b, asset=version
    )

    page = client.get("/search/", {"q": "ban do chuyen doi so"}).content.decode()
    assert page.count(title) == 1
    assert agency_a.name in page and agency_b.name in page  # the card credits both

    detail = client.get(f"/api/v2/images/{version.pk}/").json()
    assert detail["credited_agencies"] == [agency_b.name, agency_a.name]
