"""What an editor sees and can do about jobs: every step reports progress and keeps the job
alive, cancel stops a running job, retry starts it again, an ETA from measured speed, and a note
in the admin when a long job ends or a job fails for good."""

import datetime as dt
import threading
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.users.models import UserProfile

from assets.models import MediaAsset
from tests.factories import _asset, editor_of, media_asset
from tests.processes import wait_for
from transcoding.enums import JobStatus, NotificationKind, OutputKind
from transcoding.eta import eta_label, eta_seconds
from transcoding.models import JobNotification, TranscodeJob
from transcoding.outputs import PRODUCERS, Work
from transcoding.pulse import Pulse
from transcoding.runner import run_job

from .test_transcode_jobs import make_clip


def recorded_work(source: Path, out_dir: Path) -> tuple[Work, list[float], list[int]]:
    seen, asked = [], []
    out_dir.mkdir()
    work = Work(
        source=source,
        out_dir=out_dir,
        on_progress=seen.append,
        should_stop=lambda: asked.append(1) or False,
    )
    return work, seen, asked


@pytest.fixture(scope="module")
def clip_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clip") / "source.mp4"
    path.write_bytes(make_clip(6))
    return path


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "source.pdf"
    pages = [Image.new("RGB", (300, 420), (20 * n, 90, 160)) for n in range(1, 6)]
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:])
    return path


@pytest.mark.parametrize("output", list(OutputKind))
def test_every_step_reports_progress_and_asks_whether_to_stop(
    output, clip_path, pdf_path, tmp_path
):
    source = pdf_path if output == OutputKind.DOCUMENT_PREVIEW else clip_path
    work, seen, asked = recorded_work(source, tmp_path / "out")
    PRODUCERS[output](work)
    assert any(0 < value < 100 for value in seen), seen  # progress along the way
    assert seen == sorted(seen) and seen[-1] == pytest.approx(100)
    assert asked, "the step never asked whether to stop (so it could never beat either)"


@pytest.mark.django_db
def test_a_pulse_beats_and_notices_that_the_job_is_no_longer_its_own(agency_a):
    asset = media_asset(agency_a)
    job = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.POSTER)
    TranscodeJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, attempts=1)
    pulse = Pulse(job.pk, attempt=1, interval=0)
    pulse.report(42.0)
    assert pulse.should_stop() is False
    job.refresh_from_db()
    assert job.progress == 42.0 and job.heartbeat_at is not None
    TranscodeJob.objects.filter(pk=job.pk).update(attempts=2)  # another worker took it over
    assert pulse.should_stop() is True


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_cancel_stops_a_running_job_and_retry_starts_it_again(client, agency_a, settings):
    # Queued on the real queue with no worker: the test runs the job itself, on a thread.
    settings.TRANSCODING = {**settings.TRANSCODING, "STALE_SECONDS": 2, "TASK_BACKEND": "queue"}
    asset = _asset(
        MediaAsset, agency_a, make_clip(30, "640x360"), "dai.mp4", published=True, title="Dừng"
    )
    ladder = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.VIDEO_LADDER)
    ended: list = []

    def work():
        ended.append(run_job(ladder.pk))
        connection.close()

    runner = threading.Thread(target=work)
    runner.start()
    wait_for(
        lambda: TranscodeJob.objects.filter(pk=ladder.pk, status=JobStatus.RUNNING, progress__gt=3)
        .exists(),
        60,
        "the ladder to run",
    )  # fmt: skip
    client.force_login(editor_of(agency_a))
    jobs_url = reverse("transcoding:asset_jobs", args=["assets", "mediaasset", asset.pk])
    page = client.get(jobs_url).content.decode()
    assert reverse("transcoding:cancel", args=[ladder.pk]) in page
    assert client.post(reverse("transcoding:cancel", args=[ladder.pk])).status_code == 302
    runner.join(30)
    assert not runner.is_alive() and ended == [None]
    ladder.refresh_from_db()
    assert ladder.status == JobStatus.CANCELLED and not ladder.renditions.exists()
    assert reverse("transcoding:retry", args=[ladder.pk]) in client.get(jobs_url).content.decode()


@pytest.mark.django_db
def test_eta_from_the_job_s_own_pace_and_from_past_jobs(agency_a):
    asset = media_asset(agency_a)
    now = timezone.now()
    jobs = {job.output: job for job in TranscodeJob.objects.filter(object_id=asset.pk)}
    running = jobs[OutputKind.VIDEO_LADDER]
    running.status, running.progress = JobStatus.RUNNING, 20.0
    running.started_at, running.heartbeat_at = now - dt.timedelta(seconds=40), now
    assert eta_seconds(running, {}, now) == pytest.approx(160)
    assert eta_label(160, running=True) == "about 3 min left"
    for variant in (1, 2):  # two earlier videos of 60 s, each encoded in 30 s
        earlier = media_asset(agency_a, variant=variant)
        TranscodeJob.objects.filter(object_id=earlier.pk, output=OutputKind.VIDEO_LADDER).update(
            status=JobStatus.DONE, work_units=60,
            started_at=now - dt.timedelta(seconds=100), finished_at=now - dt.timedelta(seconds=70),
        )  # fmt: skip
    waiting = TranscodeJob(output=OutputKind.VIDEO_LADDER, status=JobStatus.PENDING, work_units=300)
    assert eta_seconds(waiting, {}, now) == pytest.approx(150)  # 2 s of video per second
    assert eta_label(150, running=False) == "takes about 2 min once started"


@pytest.mark.django_db
def test_the_uploader_is_told_in_the_admin_when_a_long_job_ends(client, agency_a, settings):
    settings.TRANSCODING = {**settings.TRANSCODING, "NOTIFY_AFTER_SECONDS": 0}
    uploader = editor_of(agency_a)
    asset = media_asset(agency_a, title="Phóng sự dài", user=uploader)
    poster = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.POSTER)
    assert run_job(poster.pk) == JobStatus.DONE
    note = JobNotification.objects.get()
    assert (note.user, note.job, note.kind) == (uploader, poster, NotificationKind.DONE)
    UserProfile.objects.update_or_create(user=uploader, defaults={"preferred_language": "en"})
    client.force_login(uploader)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Phóng sự dài" in home and "“Poster frame” is ready." in home
    assert "Transcoding (1 new)" in home
    client.get(reverse("transcoding:asset_jobs", args=["assets", "mediaasset", asset.pk]))
    note.refresh_from_db()
    assert note.read_at is not None
    assert "Transcoding (1 new)" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_a_short_job_is_not_worth_a_note_and_others_cannot_cancel(client, agency_a, agency_b):
    asset = media_asset(agency_a, title="Ngắn", user=editor_of(agency_a))
    poster = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.POSTER)
    run_job(poster.pk)
    assert not JobNotification.objects.exists()  # a few seconds: the editor was watching
    ladder = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.VIDEO_LADDER)
    client.force_login(editor_of(agency_b))
    client.post(reverse("transcoding:cancel", args=[ladder.pk]))
    assert TranscodeJob.objects.get(pk=ladder.pk).status == JobStatus.PENDING
