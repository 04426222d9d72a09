"""Media served right (issue 16 item 4, issue 15 item 6): byte ranges (206) on every file path in
both profiles (streamed from the local folder; a presigned S3 URL that MinIO serves with ranges),
conditional GET, content types, cache headers, and HLS playlists that play from a private bucket.
"""

from urllib.parse import unquote

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from assets.delivery.playlists import rewrite_playlist
from assets.delivery.ranges import ByteRange, Unsatisfiable, requested_range
from assets.storage.links import is_remote
from tests.factories import document_asset, media_asset

from .conftest import needs_s3

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "header,expected",
    [
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-10", ByteRange(990, 999)),
        ("bytes=900-5000", ByteRange(900, 999)),
        ("bytes=0-1,5-6", None),
        ("items=0-1", None),
        ("bytes=5-1", None),
        ("bytes=abc", None),
        (None, None),
    ],
)
def test_range_headers_are_read_as_rfc_9110_says(header, expected):
    assert requested_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=-0"])
def test_a_range_past_the_end_is_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        requested_range(header, 1000)


def fetch(client, url: str, **headers):
    """GET through the view; on S3 follow the presigned redirect with the same headers."""
    response = client.get(url, headers=headers)
    if response.status_code == 302:
        fetched = requests.get(response["Location"], headers=headers, timeout=10)
        return fetched.status_code, fetched.headers, fetched.content
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, response, body


def stored_bytes(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


@pytest.fixture
def video(agency_a):
    return media_asset(agency_a, published=True)


def test_a_video_is_served_in_ranges(client, video):
    url = f"/assets/files/{video.file.name}"
    whole = stored_bytes(video.file.name)
    status, headers, body = fetch(client, url, Range="bytes=100-1099")
    assert status == 206
    assert body == whole[100:1100]
    assert headers["Content-Range"] == f"bytes 100-1099/{len(whole)}"
    assert headers["Content-Type"] == "video/mp4"
    status, headers, body = fetch(client, url, Range="bytes=-500")
    assert (status, body) == (206, whole[-500:])
    status, headers, body = fetch(client, url)
    assert (status, body) == (200, whole)
    assert headers["Accept-Ranges"] == "bytes"


def test_a_range_past_the_end_answers_416(client, video):
    size = default_storage.size(video.file.name)
    status, headers, _body = fetch(
        client, f"/assets/files/{video.file.name}", Range=f"bytes={size + 10}-"
    )
    assert status == 416
    if not is_remote(default_storage):  # MinIO answers 416 with an XML error and no length
        assert headers["Content-Range"] == f"bytes */{size}"


def test_a_document_download_is_served_in_ranges(client, agency_a):
    document = document_asset(agency_a, published=True)
    whole = stored_bytes(document.file.name)
    status, _headers, body = fetch(client, document.url, Range="bytes=0-9")
    assert (status, body) == (206, whole[:10])


def test_unpublished_files_are_not_served_in_any_range(client, agency_a):
    hidden = media_asset(agency_a, published=False)
    response = client.get(f"/assets/files/{hidden.file.name}", headers={"Range": "bytes=0-10"})
    assert response.status_code == 404


def test_files_answer_conditional_requests(client, video):
    """Django answers them for the local folder; on S3 the bucket does, after the redirect."""
    url = f"/assets/files/{video.file.name}"
    status, first, _body = fetch(client, url)
    assert status == 200
    etag = first["ETag"]
    assert fetch(client, url, **{"If-None-Match": etag})[0] == 304
    fresh = fetch(client, url, Range="bytes=0-9", **{"If-Range": etag})
    assert (fresh[0], len(fresh[2])) == (206, 10)
    if is_remote(default_storage):
        # S3 has no If-Range (a key is the content's hash, so its object never changes);
        # it refuses a precondition on another version.
        assert fetch(client, url, **{"If-Match": '"another-version"'})[0] == 412
        return
    assert etag == f'"{video.content_sha256}"'
    assert first["Cache-Control"] == "public, max-age=300"
    stale = client.get(url, headers={"Range": "bytes=0-9", "If-Range": '"another-version"'})
    assert stale.status_code == 200
    head = client.head(url, headers={"Range": "bytes=0-9"})
    assert (head.status_code, head["Content-Length"], head.content) == (206, "10", b"")


def test_an_hls_playlist_is_served_with_absolute_uris(client, video):
    # The rung is this test's own: on S3 the real ladder of the same clip (another test
    # transcoded it) may already be stored beside it, and its master is kept (no overwrite).
    base = f"renditions/{video.content_sha256}/video_ladder/hls"
    master = default_storage.save(
        f"{base}/master.m3u8",
        ContentFile(b"#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\nprobe/index.m3u8\n"),
    )
    variant = default_storage.save(
        f"{base}/probe/index.m3u8",
        ContentFile(
            b'#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:4.0,\n00001.m4s\n#EXT-X-ENDLIST\n'
        ),
    )
    segment = default_storage.save(f"{base}/probe/00001.m4s", ContentFile(b"segment-bytes"))
    response = client.get(f"/assets/files/{master}")
    assert response.status_code == 200  # never a redirect, whatever the storage
    assert response["Content-Type"] == "application/vnd.apple.mpegurl"
    assert f"/assets/files/{base}/probe/index.m3u8" in response.content.decode()
    playlist = client.get(f"/assets/files/{variant}").content.decode()
    assert f'URI="/assets/files/{base}/probe/init.mp4"' in playlist
    segment_url = f"/assets/files/{segment}"
    assert segment_url in playlist
    status, headers, body = fetch(client, segment_url, Range="bytes=0-6")
    assert (status, body) == (206, b"segment")
    assert headers["Content-Type"] == "video/iso.segment"


def test_playlist_uris_cannot_leave_the_rendition_tree():
    text = "#EXTM3U\n../../../../originals/aa/bb/x.mp4\nhttps://example.org/a.ts\n"
    rewritten = rewrite_playlist(text, "renditions/abc/video_ladder/hls/master.m3u8", lambda n: n)
    assert "../../../../originals/aa/bb/x.mp4" in rewritten
    assert "https://example.org/a.ts" in rewritten


@pytest.mark.services
@needs_s3
def test_a_redirect_to_s3_carries_the_download_name(client, agency_a):
    asset = media_asset(agency_a, published=True)
    response = client.get(f"/assets/files/{asset.file.name}", {"download": "1"})
    assert response.status_code == 302
    assert "response-content-disposition=attachment" in unquote(response["Location"])
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.headers["Content-Disposition"].startswith("attachment")
