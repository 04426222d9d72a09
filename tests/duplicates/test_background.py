"""Long media are fingerprinted in the background: an upload or a check answers once the file is
stored (content hash only), and the near copies appear once the queued task has run.

The queued tasks are captured by django-tasks' own in-memory backend and run as a worker runs
them (`Task.call` with the queued arguments): what is tested is that the request leaves the heavy
work to the queue and that the task, when it runs, finds the copy. The workers themselves (database
queue and RQ) are tested in tests/jobs."""

import datetime as dt
import json

import pytest
from django.core.files import File
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from wagtail.models import APIToken

from assets.ingest import create_asset
from assets.models import DocumentAsset, MediaAsset
from config.periodic import registered
from search.duplicates.models import AssetFingerprint, FingerprintStatus
from search.keys import key_for
from tests.duplicates import media
from tests.duplicates.library import report_pdf, store
from tests.duplicates.media import encoded, scene
from tests.duplicates.test_media_and_text import stored_media
from tests.factories import upload

pytestmark = pytest.mark.django_db
LONG_SECONDS = 150  # long enough that decoding it in a request would show; short for the suite
RETRY_AFTER = dt.timedelta(minutes=11)  # after a first failed attempt, a retry is due in 10


def long_video(path, seconds: int = LONG_SECONDS):
    """Minutes of moving pictures and sound, small and quick to encode."""
    media.ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10",
        "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:c=pink:seed=7",
        "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "48k", str(path),
    )  # fmt: skip
    return path


def smaller_copy(source, path):
    media.ffmpeg("-i", str(source), "-vf", "scale=96:-2", "-c:v", "libx264", "-preset",
                 "ultrafast", "-b:v", "80k", "-c:a", "aac", "-b:a", "32k", str(path))  # fmt: skip
    return path


@pytest.fixture
def queue(settings):
    """Every task the code enqueues from here on waits in this list until the test runs it."""
    settings.TASKS = {
        **settings.TASKS,
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": list(settings.TASK_QUEUES),
        },
    }
    return task_backends["default"]


def run_queued(queue, task_name: str) -> list:
    """Run the queued tasks of that name (and only those), as a worker would."""
    ran = [result for result in queue.results if result.task.name == task_name]
    return [result.task.call(*result.args, **result.kwargs) for result in ran]


def run_search_tasks(queue) -> None:
    """The index and duplicates tasks (not the transcoding of minutes of video), then none."""
    for result in queue.results:
        if result.task.module_path.startswith("search."):
            result.task.call(*result.args, **result.kwargs)
    queue.results.clear()


def video_rows(key: str) -> int:
    return AssetFingerprint.objects.filter(key=key, modality="video").count()


def test_a_long_video_upload_returns_before_its_frames_and_the_copy_shows_once_the_task_ran(
    client, agency_a, agency_b, editor_b, tmp_path, queue
):
    original_path = long_video(tmp_path / "phong-su.mp4")
    copy_path = smaller_copy(original_path, tmp_path / "ban-sao.mp4")
    original = store_fully(agency_a, original_path, queue)
    assert video_rows(key_for(original)) == 1

    client.force_login(editor_b)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailmedia:add", args=["video"]),
            {"title": "Bản sao", "file": upload("ban-sao.mp4", copy_path.read_bytes()),
             "collection": agency_b.collection_id, "kind": "clip", "language": "vi"},
        )  # fmt: skip
    mine = MediaAsset.objects.get(title="Bản sao")
    key = key_for(mine)
    # Stored, with its content hash; no frame decoded yet: the editor is told the check runs.
    assert response.status_code == 302
    assert response["Location"] == reverse("duplicates_review_upload", args=["media", mine.pk])
    assert video_rows(key) == 0
    status = FingerprintStatus.objects.get(key=key)
    assert (status.state, bool(status.content_hash)) == ("checking", True)
    review = client.get(response["Location"])
    assert "data-duplicates-checking" in review.content.decode()
    poll = client.get(reverse("duplicates_of_upload", args=["media", mine.pk])).json()
    assert (poll["state"], poll["count"]) == ("checking", 0)

    assert run_queued(queue, "fingerprint_in_background") == ["checked"]
    assert video_rows(key) == 1
    poll = client.get(reverse("duplicates_of_upload", args=["media", mine.pk])).json()
    assert (poll["state"], poll["count"]) == ("checked", 1)
    assert original.title in poll["html"] and agency_a.name in poll["html"]


def store_fully(agency, path, queue):
    """An asset of `agency` with every fingerprint (its background task run at once)."""
    asset = stored_media(agency, path)
    run_search_tasks(queue)
    return asset


@pytest.fixture
def token_b(editor_b):
    _token, plaintext = APIToken.create_token(user=editor_b, name="press desk")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_the_check_api_answers_at_once_and_its_poll_url_gives_the_near_copy(
    client, agency_a, token_b, tmp_path, queue
):
    original = store_fully(agency_a, media.melody(tmp_path / "podcast.wav", 1, 150), queue)
    copy = media.reencoded_audio(tmp_path / "podcast.wav", tmp_path / "ban-sao.mp3", start=4)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/api/duplicates/check", {"file": upload("ban-sao.mp3", copy.read_bytes())}, **token_b
        )
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["state"], answer["matches"], answer["exact"]) == ("checking", [], False)
    assert answer["poll"].endswith(f"/api/duplicates/checks/{answer['check']}")
    assert client.get(answer["poll"], **token_b).json()["state"] == "checking"

    assert run_queued(queue, "finish_check_in_background") == ["checked"]
    polled = client.get(answer["poll"], **token_b).json()
    assert polled["state"] == "checked" and "poll" not in polled
    [match] = polled["matches"]
    assert (match["key"], match["signal"]) == (key_for(original), "chromaprint")
    # The match is one of the check's: a decision may name it.
    decided = client.post(
        "/api/duplicates/decisions",
        json.dumps({"candidate": match["key"], "check": answer["check"], "decision": "reuse"}),
        content_type="application/json",
        **token_b,
    )
    assert decided.status_code == 200, decided.content


def test_a_check_is_polled_by_its_caller_only_and_waits_within_bounds(
    client, agency_a, editor_a, token_b, tmp_path, queue
):
    audio = media.melody(tmp_path / "podcast.wav", 3, 20)
    refused = client.post(
        "/api/duplicates/check?wait=3600", {"file": upload("p.wav", audio.read_bytes())}, **token_b
    )
    assert refused.status_code == 400 and "wait" in refused.json()["error"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = client.post(
            "/api/duplicates/check?wait=0.5",
            {"file": upload("p.wav", audio.read_bytes())},
            **token_b,
        ).json()
    assert answer["state"] == "checking"  # nothing ran the task within half a second
    _token, other = APIToken.create_token(user=editor_a, name="another desk")
    stranger = client.get(answer["poll"], HTTP_AUTHORIZATION=f"Bearer {other}")
    assert stranger.status_code == 404


def test_a_failed_check_is_not_checked_everywhere_and_the_periodic_retry_fixes_it(
    client, agency_a, agency_b, editor_a, editor_b, tmp_path, queue
):
    original = store_fully(
        agency_a, media.clip(tmp_path / "goc.mp4", "testsrc2=size=320x240"), queue
    )
    copy = media.trimmed_smaller(tmp_path / "goc.mp4", tmp_path / "cat.mp4", start=2)
    with TestCase.captureOnCommitCallbacks(execute=True), copy.open("rb") as handle:
        mine = create_asset(MediaAsset, File(handle, name="cat.mp4"), filename="cat.mp4",
                            collection=agency_b.collection, title="Bản cắt", is_published=True,
                            user=editor_b)  # fmt: skip
    key, stored_name = key_for(mine), mine.file.name
    # The worker cannot read the original (lost, or its storage out of reach): a real failure.
    MediaAsset.objects.filter(pk=mine.pk).update(file="originals/lost/cat.mp4")
    assert run_queued(queue, "fingerprint_in_background") == ["not_checked"]
    queue.results.clear()
    status = FingerprintStatus.objects.get(key=key)
    assert (status.state, status.attempts) == ("not_checked", 1) and status.error

    client.force_login(editor_b)  # the editor who uploaded it is told
    review = client.get(reverse("duplicates_review_upload", args=["media", mine.pk]))
    assert "data-duplicates-not-checked" in review.content.decode()
    report = client.get(reverse("reports_duplicates")).content.decode()
    assert 'data-not-checked="1"' in report and f'data-unchecked="{key}"' in report
    assert "data-check-again" in report
    client.force_login(editor_a)  # another agency sees it counted, not its error or the button
    report = client.get(reverse("reports_duplicates")).content.decode()
    assert f'data-unchecked="{key}"' in report and "data-check-again" not in report
    assert status.error[:40] not in report

    MediaAsset.objects.filter(pk=mine.pk).update(file=stored_name)  # the storage is back
    [retry] = [entry for entry in registered() if entry.name == "duplicates.retry_unchecked"]
    assert retry.task.call() == 0  # not due yet: failed checks wait, longer after each attempt
    FingerprintStatus.objects.filter(key=key).update(changed_at=timezone.now() - RETRY_AFTER)
    with TestCase.captureOnCommitCallbacks(execute=True):  # a worker runs it outside a transaction
        assert retry.task.call() == 1
    assert run_queued(queue, "fingerprint_in_background") == ["checked"]
    client.force_login(editor_b)
    poll = client.get(reverse("duplicates_of_upload", args=["media", mine.pk])).json()
    assert (poll["state"], poll["count"]) == ("checked", 1) and original.title in poll["html"]
    assert 'data-not-checked="0"' in client.get(reverse("reports_duplicates")).content.decode()


def test_only_the_holding_agency_checks_again(client, agency_b, editor_a, editor_b, queue):
    status = FingerprintStatus.objects.create(key="media:999999", state="not_checked")
    client.force_login(editor_a)
    client.post(reverse("duplicates_check_again"), {"key": status.key})
    status.refresh_from_db()
    assert status.state == "not_checked" and queue.results == []


def test_the_admin_listings_say_which_assets_are_not_checked(client, agency_a, editor_a):
    image = store(agency_a, encoded(scene(61)), title="Ảnh chưa kiểm tra")
    document = store(agency_a, report_pdf(), "bao-cao.pdf", model=DocumentAsset)
    FingerprintStatus.objects.filter(key=key_for(image)).update(state="not_checked")
    client.force_login(editor_a)
    images = client.get(reverse("wagtailimages:index"), {"layout": "list"}).content.decode()
    assert 'data-duplicate-check="not_checked"' in images
    documents = client.get(reverse("wagtaildocs:index")).content.decode()
    state = FingerprintStatus.objects.get(key=key_for(document)).state
    assert f'data-duplicate-check="{state}"' in documents


def test_fingerprints_of_an_older_algorithm_are_computed_again_by_the_periodic_retry(
    agency_a, queue
):
    image = store(agency_a, encoded(scene(62)), title="Ảnh cũ")
    failed = store(agency_a, encoded(scene(63)), title="Ảnh lỗi")  # its retries keep their pace
    key = key_for(image)
    AssetFingerprint.objects.filter(key__in=[key, key_for(failed)]).update(
        version=1, terms=["pdq:b0:0000"]
    )
    FingerprintStatus.objects.filter(key=key_for(failed)).update(state="not_checked", attempts=5)
    [retry] = [entry for entry in registered() if entry.name == "duplicates.retry_unchecked"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert retry.task.call() == 1
    assert FingerprintStatus.objects.get(key=key).state == "checking"
    assert retry.task.call() == 0  # queued once, not again while it waits for a worker
    assert run_queued(queue, "fingerprint_in_background") == ["checked"]
    fingerprint = AssetFingerprint.objects.get(key=key, modality="image")
    assert fingerprint.version > 1 and any(t.startswith("pdq:s") for t in fingerprint.terms)
