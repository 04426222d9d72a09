"""Transcoding jobs end to end: produced, checked with ffprobe, failing cleanly (a worker killed
mid-job: test_worker_death.py)."""

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from transcoding.enums import JobStatus, OutputKind
from transcoding.models import TranscodeJob
from transcoding.runner import run_job
from transcoding.scheduling import schedule_asset

from ..factories import AgencyFactory, _asset


def make_clip(seconds: int, size: str = "320x180") -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "clip.mp4"
        subprocess.run(
            [
                "ffmpeg",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"testsrc2=size={size}:rate=25:duration={seconds}",
                "-f",
                "lavfi",
                "-i",
                f"anoisesrc=d={seconds}:a=0.1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                str(path),
            ],
            check=True,
        )
        return path.read_bytes()


def ffprobe(path_or_url: str) -> dict:
    result = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_streams",
            "-show_format",
            path_or_url,
        ],
        capture_output=True,
        check=True,
    )
    return json.loads(result.stdout)


def local_copy(key: str, workdir: Path) -> Path:
    target = workdir / key
    target.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(key, "rb") as source:
        target.write_bytes(source.read())
    return target


def damage_stored_file(name: str, data: bytes) -> None:
    """Overwrite stored bytes behind the storage's back (it never rewrites an original)."""
    from assets.storage.links import is_remote, s3_client

    if is_remote(default_storage):
        s3_client(default_storage).put_object(
            Bucket=default_storage.bucket_name, Key=default_storage.object_key(name), Body=data
        )
    else:
        Path(default_storage.path(name)).write_bytes(data)


def ladder_job(asset) -> TranscodeJob:
    return TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.VIDEO_LADDER)


@pytest.mark.django_db
def test_video_job_produces_playable_renditions(tmp_path):
    from assets.models import MediaAsset

    agency = AgencyFactory(code="dai-truyen-hinh", kind="press")
    asset = _asset(MediaAsset, agency, make_clip(3), "clip.mp4", published=True, title="Clip")
    schedule_asset(asset)
    assert run_job(ladder_job(asset).pk) == JobStatus.DONE
    job = ladder_job(asset)
    names = {r.name for r in job.renditions.all()}
    assert "hls" in names and any(name.endswith("p") for name in names)
    mp4 = next(r for r in job.renditions.all() if r.mime_type == "video/mp4")
    facts = ffprobe(str(local_copy(mp4.file.name, tmp_path)))
    assert {s["codec_name"] for s in facts["streams"]} == {"h264", "aac"}
    assert abs(float(facts["format"]["duration"]) - 3) < 0.1


@pytest.mark.django_db
def test_corrupt_original_fails_with_a_clear_message_and_keeps_the_asset():
    from assets.models import MediaAsset

    agency = AgencyFactory(code="so-hong", kind="department")
    asset = _asset(MediaAsset, agency, make_clip(1), "clip.mp4", published=True, title="Hỏng")
    schedule_asset(asset)
    # The stored original is damaged after upload (a storage fault): the job must say so.
    damage_stored_file(asset.file.name, b"\x00garbage" * 100)
    assert run_job(ladder_job(asset).pk) == JobStatus.FAILED
    job = ladder_job(asset)
    assert job.status == JobStatus.FAILED and "could not be read" in job.error
    assert job.attempts == 1  # an unreadable original is not worth retrying
    assert MediaAsset.objects.filter(pk=asset.pk).exists()
    assert not job.renditions.exists()
