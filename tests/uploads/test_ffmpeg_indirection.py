"""Uploads that would make ffmpeg read other files (issue: an HLS playlist named `p.aac` listing
another agency's stored original was accepted, transcoded and served). Every door refuses such a
list by its bytes, with a message that says what it is; nothing is stored, nothing transcoded.
And below the doors, ffmpeg itself opens only the one file, in the format named for it."""

import base64
import subprocess
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import APIToken

from assets.ffmpeg import MediaInput, ProbeError, UnsafeInput, probe
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from assets.validation import UploadRejected, media_input, validate_upload
from tests.factories import _asset, upload
from tests.jobs.test_transcode_jobs import damage_stored_file
from tests.storage import tus_helpers as tus
from transcoding.enums import JobStatus, OutputKind
from transcoding.models import TranscodeJob
from transcoding.runner import run_job

from .test_admin_upload import stored_files


@pytest.fixture
def secret_mp3(tmp_path) -> Path:
    """An audio file on the server's disk (as another agency's unpublished original would be)."""
    path = tmp_path / "originals" / "ab" / "bi-mat.mp3"
    path.parent.mkdir(parents=True)
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:a",
         "libmp3lame", str(path)],
        check=True,
    )  # fmt: skip
    return path


def hls_playlist(target: Path) -> bytes:
    return (
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n"
        f"#EXTINF:10.0,\nfile://{target}\n#EXT-X-ENDLIST\n"
    ).encode()


def indirections(target: Path) -> dict[str, bytes]:
    return {
        "hls": hls_playlist(target),
        "hls-bom": b"\xef\xbb\xbf\n" + hls_playlist(target),
        "ffconcat": f"ffconcat version 1.0\nfile '{target}'\n".encode(),
        "concat": f"# danh sach\nfile '{target}'\nfile '{target}'\n".encode(),
        "sdp": b"v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nc=IN IP4 127.0.0.1\r\n"
        b"m=audio 5004 RTP/AVP 0\r\n",
        "pls": f"[playlist]\nFile1=file://{target}\nNumberOfEntries=1\n".encode(),
        "asx": f'<asx version="3.0"><entry><ref href="file://{target}"/></entry></asx>'.encode(),
        "dash": f'<MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><BaseURL>file://{target}</BaseURL>'
        f"</MPD>".encode(),
        "xspf": f'<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track>'
        f"<location>file://{target}</location></track></trackList></playlist>".encode(),
        "url-list": f"file://{target}\nhttp://127.0.0.1:9/x.mp3\n".encode(),
        "plain-text": "Bản tin phát thanh: xem tệp gốc trong thư mục chung.\n".encode(),
    }


def refusal_text(name: str) -> str:
    """The refusal of an HLS playlist, in the language the admin answered in (its default)."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            validate_upload(upload(name, b"#EXTM3U\n"), filename=name, allowed=("audio",))
        except UploadRejected as refused:
            return refused.text
    raise AssertionError("not refused")


KINDS = [
    "hls", "hls-bom", "ffconcat", "concat", "sdp", "pls", "asx", "dash", "xspf", "url-list",
    "plain-text",
]  # fmt: skip


def test_the_reported_playlist_is_refused_by_its_bytes(secret_mp3):
    content = hls_playlist(secret_mp3)
    assert len(content) < 200  # the size of the one in the report
    with pytest.raises(UploadRejected) as refused:
        validate_upload(upload("p.aac", content), filename="p.aac", allowed=("video", "audio"))
    assert refused.value.code == "indirection"
    assert "p.aac" in refused.value.text and "playlist" in refused.value.text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["p.aac", "tin.mp3", "phong-su.mp4", "ban-tin.ts"])
def test_lists_of_files_are_refused_whatever_their_name(secret_mp3, kind, name):
    content = indirections(secret_mp3)[kind]
    with pytest.raises(UploadRejected) as refused:
        validate_upload(upload(name, content), filename=name, allowed=("video", "audio"))
    assert refused.value.code == "indirection", refused.value.text
    assert name in refused.value.text


def test_ffmpeg_reads_only_the_named_format_and_never_a_playlist(tmp_path, secret_mp3):
    playlist = tmp_path / "p.aac"
    playlist.write_bytes(hls_playlist(secret_mp3))
    with pytest.raises(ProbeError):  # read as ADTS AAC, it is nothing
        probe(MediaInput(playlist, "aac"))
    for unsafe in ("hls", "concat", "sdp", "image2", "lavfi", ""):
        with pytest.raises(UnsafeInput):
            MediaInput(playlist, unsafe)
    with pytest.raises(UploadRejected):
        media_input(playlist)
    assert probe(media_input(secret_mp3)).duration == pytest.approx(3, abs=0.1)


def test_an_m2ts_recording_is_identified_by_its_bytes(tmp_path):
    path = tmp_path / "may-quay.m2ts"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=s=160x120:d=1",
         "-c:v", "libx264", "-f", "mpegts", "-mpegts_m2ts_mode", "1", str(path)],
        check=True,
    )  # fmt: skip
    assert media_input(path).format == "mpegts"


@pytest.mark.django_db
@pytest.mark.parametrize("media_type", ["audio", "video"])
def test_the_media_form_refuses_a_playlist_and_keeps_nothing(
    client, editor_a, agency_a, secret_mp3, media_type
):
    client.force_login(editor_a)
    before = stored_files()
    response = client.post(
        reverse("wagtailmedia:add", args=[media_type]),
        {"title": "Danh sách", "file": upload("p.aac", hls_playlist(secret_mp3)),
         "collection": agency_a.collection_id, "kind": "clip", "language": "vi"},
    )  # fmt: skip
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == "indirection"
    assert not MediaAsset.objects.exists() and not TranscodeJob.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_the_media_chooser_upload_refuses_a_playlist(client, editor_a, agency_a, secret_mp3):
    client.force_login(editor_a)
    response = client.post(
        reverse("wagtailmedia:chooser_upload", args=["audio"]),
        {"media-chooser-upload-title": "Danh sách",
         "media-chooser-upload-file": upload("p.aac", hls_playlist(secret_mp3)),
         "media-chooser-upload-collection": agency_a.collection_id},
    )  # fmt: skip
    assert response.status_code == 200
    assert refusal_text("p.aac") in response.json()["html"]
    assert not MediaAsset.objects.exists() and not TranscodeJob.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "uploader,name",
    [("wagtailimages:add_multiple", "p.jpg"), ("wagtaildocs:add_multiple", "p.pdf")],
)
def test_the_multiple_uploaders_refuse_a_playlist(
    client, editor_a, agency_a, secret_mp3, uploader, name
):
    client.force_login(editor_a)
    response = client.post(
        reverse(uploader),
        {"files[]": upload(name, hls_playlist(secret_mp3)), "collection": agency_a.collection_id},
    )
    answer = response.json()
    assert answer["success"] is False
    assert refusal_text(name) in answer["error_message"]
    assert not ImageAsset.objects.exists() and not DocumentAsset.objects.exists()


@pytest.mark.django_db
def test_the_duplicate_check_api_refuses_a_playlist(client, editor_a, secret_mp3):
    _token, plaintext = APIToken.create_token(user=editor_a, name="desk")
    before = stored_files()
    response = client.post(
        "/api/duplicates/check",
        {"file": upload("p.aac", hls_playlist(secret_mp3))},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "indirection"
    assert stored_files() == before


@pytest.mark.django_db(transaction=True)
def test_a_resumable_upload_of_a_playlist_is_refused(live_server, editor_a, secret_mp3, settings):
    settings.NCRL_UPLOAD_SPOOL_DIR = str(secret_mp3.parent.parent / "spool")
    _token, token = APIToken.create_token(user=editor_a, name="desk")
    content = hls_playlist(secret_mp3)
    metadata = "filename " + base64.b64encode(b"p.aac").decode()
    url = tus.create(live_server, token, len(content), metadata)
    response = tus.patch(url, token, 0, content)
    assert response.status_code == 422
    assert response.json()["code"] == "indirection"
    assert not MediaAsset.objects.exists() and not TranscodeJob.objects.exists()
    assert requests.head(url, headers=tus.auth(token), timeout=10).status_code == 410


@pytest.mark.django_db
def test_a_stored_original_that_became_a_playlist_is_never_opened(agency_a, secret_mp3):
    """Defence in depth: the transcoder identifies the original's bytes again before ffmpeg."""
    asset = _asset(
        MediaAsset, agency_a, secret_mp3.read_bytes(), "tin.mp3", published=False, title="Tin"
    )
    damage_stored_file(asset.file.name, hls_playlist(secret_mp3))  # a storage fault, say
    job = TranscodeJob.objects.get(object_id=asset.pk, output=OutputKind.AUDIO)
    assert run_job(job.pk) == JobStatus.FAILED
    job.refresh_from_db()
    assert "playlist" in job.error and job.retry_at is None  # never worth another try
    assert not job.renditions.exists()
