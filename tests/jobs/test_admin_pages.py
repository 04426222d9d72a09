import pytest
from django.urls import reverse

from tests.factories import editor_of, media_asset
from transcoding.runner import run_job
from transcoding.views import jobs_of

pytestmark = pytest.mark.django_db


def test_media_edit_page_links_to_its_jobs_which_show_progress_and_renditions(client, agency_a):
    editor = editor_of(agency_a)
    media = media_asset(agency_a, title="Phóng sự")
    for job in jobs_of(media):  # scheduled when the asset was saved
        run_job(job.pk)
    client.force_login(editor)
    edit = client.get(reverse("wagtailmedia:edit", args=[media.pk])).content.decode()
    jobs_url = reverse("transcoding:asset_jobs", args=["assets", "mediaasset", media.pk])
    assert jobs_url in edit
    page = client.get(jobs_url, headers={"Accept-Language": "en"}).content.decode()
    assert "<video" in page and "poster" in page
    data = client.get(jobs_url + "?format=json").json()
    assert {job["status"] for job in data["jobs"]} == {"done"}
    assert all(job["progress"] == 100 for job in data["jobs"])


def test_failed_job_offers_retry_to_its_agency_only(client, agency_a, agency_b):
    from transcoding.enums import JobStatus
    from transcoding.models import TranscodeJob

    media = media_asset(agency_a, title="Hỏng", published=True)
    job = jobs_of(media)[0]
    TranscodeJob.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="ffmpeg failed")
    retry_url = reverse("transcoding:retry", args=[job.pk])
    client.force_login(editor_of(agency_b))
    assert client.post(retry_url).status_code in (302, 403)  # the admin turns 403 into a redirect
    assert TranscodeJob.objects.get(pk=job.pk).status == JobStatus.FAILED
    client.force_login(editor_of(agency_a))
    page = client.get(reverse("transcoding:asset_jobs", args=["assets", "mediaasset", media.pk]))
    assert retry_url in page.content.decode()
    assert client.post(retry_url).status_code == 302
    assert TranscodeJob.objects.get(pk=job.pk).status == JobStatus.DONE
