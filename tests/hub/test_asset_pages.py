"""An asset page for every public asset: picture with zoom (never the original), HLS video with
its MP4 rung, poster and storyboard, podcast with waveform and normalised audio, PDF pages;
metadata, licence, credit line, downloads the licence allows, embed code, same work, related."""

import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from search.duplicates.groups import join_group
from search.keys import key_for
from tests.factories import media_asset

from . import library

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_image_page_shows_renditions_with_srcset_and_never_the_original(
    client, agency_a, terms, indexed
):
    with indexed():
        image = library.image(
            agency_a,
            "Infographic dọc",
            seed=3,
            size=(900, 2400),
            kind="infographic",
            licence=terms["open"],
            creator="Nhóm đồ họa",
        )
    response = client.get(f"/library/image/{image.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert image.file.name not in html  # the original's key appears nowhere
    srcset = re.search(r'<img class="img-fluid rounded" src="[^"]+" srcset="([^"]+)"', html)[1]
    widths = sorted(int(part.split()[-1][:-1]) for part in srcset.split(", "))
    assert widths == [480, 800, 900]  # no upscaling beyond the original's 900 px
    assert 'class="image-viewer is-tall' in html and "data-zoom-src" in html
    zoom = client.get(f"/library/image/{image.pk}/zoom/")
    assert zoom.status_code == 302 and "/assets/files/images/" in zoom["Location"]
    assert Image.open(io.BytesIO(library.served_bytes(client, zoom["Location"]))).width == 900
    (described,) = jsonld(html)
    assert described["@type"] == "ImageObject" and described["width"] == 900
    assert described["license"] == terms["open"].url
    assert "Nhóm đồ họa / " in html and "(CC-BY-4.0)" in html  # the credit line, whole


def test_downloads_follow_the_licence(client, agency_a, terms):
    shared = library.image(agency_a, "Ảnh được chia sẻ", seed=1, size=(1800, 1200),
                           licence=terms["open"])  # fmt: skip
    reserved = library.image(agency_a, "Ảnh giữ bản quyền", seed=2, licence=terms["closed"])
    html = client.get(f"/library/image/{shared.pk}/").content.decode()
    links = re.findall(r'href="(/library/image/\d+/download/\?size=\w+)"', html)
    assert [link.split("=")[-1] for link in links] == ["small", "large", "full"]
    assert Image.open(io.BytesIO(library.served_bytes(client, links[0]))).width == 800
    reserved_html = client.get(f"/library/image/{reserved.pk}/").content.decode()
    assert "/download/" not in reserved_html
    assert client.get(f"/library/image/{reserved.pk}/download/?size=small").status_code == 404
    assert f"© {reserved.created_at.year} {agency_a.name}" in reserved_html


def test_video_page_plays_the_hls_ladder_with_the_mp4_rung_poster_and_storyboard(
    client, agency_a, terms
):
    video = library.video(agency_a, "Video giới thiệu", licence=terms["open"])
    html = client.get(f"/library/media/{video.pk}/").content.decode()
    master = re.search(r'data-hls-src="([^"]+)"', html)[1]
    assert master.endswith("/hls/master.m3u8")
    playlist = body(client.get(master)).decode()
    assert playlist.startswith("#EXTM3U") and "#EXT-X-STREAM-INF" in playlist
    variant = next(line for line in playlist.splitlines() if line and line[0] != "#")
    assert client.get(variant).status_code == 200
    mp4 = re.search(r'<source src="([^"]+)" type="video/mp4">', html)[1]
    assert mp4.endswith(".mp4") and video.file.name not in html
    assert re.search(r'poster="/assets/files/renditions/[^"]+poster[^"]*\.jpg"', html)
    assert html.count('class="storyboard-frame"') >= 2
    (described,) = jsonld(html)
    assert described["@type"] == "VideoObject" and described["duration"].startswith("PT")
    assert described["embedUrl"].endswith(f"/library/media/{video.pk}/embed/")


CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nKho tài nguyên truyền thông số\n"


def test_video_captions_are_offered_as_tracks(client, agency_a):
    video = library.video(agency_a, "Video có phụ đề", captions=CAPTIONS)
    html = client.get(f"/library/media/{video.pk}/").content.decode()
    track = re.search(r'<track kind="captions" src="([^"]+)" srclang="vi" label="Tiếng Việt"', html)
    captions = client.get(track[1])
    assert captions["Content-Type"].startswith("text/vtt") and captions.content.decode() == CAPTIONS
    assert client.get(f"/library/media/{video.pk}/captions.vtt?language=en").status_code == 404


@pytest.mark.parametrize("text", ["Không phải WebVTT", "WEBVTT\n\nkhông có mốc thời gian"])
def test_captions_that_are_not_webvtt_are_refused(agency_a, text):
    video = media_asset(agency_a, title="Video")
    video.captions = text
    with pytest.raises(ValidationError) as refused:
        video.full_clean()
    assert "captions" in refused.value.message_dict


def test_podcast_page_has_waveform_and_normalised_audio(client, agency_a, terms):
    podcast = library.podcast(agency_a, "Podcast chuyển đổi số", licence=terms["open"])
    html = client.get(f"/library/media/{podcast.pk}/").content.decode()
    assert html.count("<rect x=") >= 100  # the waveform's bars
    heights = [
        float(h)
        for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="3" height="([\d.]+)"', html)
    ]
    assert max(heights) > 2 * min(heights)  # loud and quiet parts differ
    sources = re.findall(r'<source src="([^"]+)" type="(audio/[^"]+)">', html)
    assert {mime for _url, mime in sources} == {"audio/mp4", "audio/mpeg"}
    assert all("/renditions/" in url for url, _mime in sources)
    (described,) = jsonld(html)
    assert described["@type"] == "AudioObject"


def test_document_page_shows_page_previews(client, agency_a, terms):
    document = library.document(agency_a, "Sổ tay chuyển đổi số", licence=terms["open"])
    html = client.get(f"/library/document/{document.pk}/").content.decode()
    assert re.search(r'<img class="img-fluid rounded border" src="/assets/files/renditions/', html)
    assert "PDF" in html and f'href="/assets/files/{document.file.name}"' in html


@pytest.mark.parametrize("state", ["unpublished", "embargoed"])
def test_hidden_assets_have_no_public_page(client, agency_a, editor_a, state):
    image = library.image(agency_a, "Ảnh chưa công bố", seed=4, published=state == "embargoed")
    if state == "embargoed":
        image.embargo_until = timezone.now() + timezone.timedelta(days=2)
        image.save()
    assert client.get(f"/library/image/{image.pk}/").status_code == 404
    assert client.get(f"/library/image/{image.pk}/embed/").status_code == 404
    assert client.get(f"/library/image/{image.pk}/zoom/").status_code == 404
    client.force_login(editor_a)  # the agency's own editor previews it
    preview = client.get(f"/library/image/{image.pk}/")
    assert preview.status_code == 200 and b'content="noindex' in preview.content


def test_same_work_agencies_and_related_items(client, agency_a, agency_b, terms, indexed):
    with indexed():
        original = library.image(agency_a, "Bản đồ số hóa thủ tục", seed=10)
        copy = library.image(agency_b, "Bản đồ số hóa thủ tục (sở đăng lại)", seed=11)
        join_group(key_for(original), copy)
        library.image(agency_b, "Thủ tục số hóa ở phường", seed=12)
    html = client.get(f"/library/image/{original.pk}/").content.decode()
    same = html.split('id="same-work-title"')[1].split("</section>")[0]
    assert f'href="/library/image/{copy.pk}/"' in same and agency_b.name in same
    related = html.split('id="related-title"')[1]
    assert "Thủ tục số hóa ở phường" in related and "sở đăng lại" not in related


def test_embed_page_may_be_framed_and_links_back(client, agency_a, terms):
    image = library.image(agency_a, "Ảnh nhúng", seed=5, licence=terms["open"])
    response = client.get(f"/library/image/{image.pk}/embed/")
    assert response.status_code == 200 and "X-Frame-Options" not in response
    link = f'href="http://testserver/library/image/{image.pk}/" target="_top"'
    assert link in response.content.decode()
    page = client.get(f"/library/image/{image.pk}/")
    assert page["X-Frame-Options"] == "DENY"
    assert "&lt;iframe src=&quot;http://testserver/library/image/" in page.content.decode()


def test_a_search_hit_links_to_the_asset_page(client, agency_a, indexed):
    with indexed():
        image = library.image(agency_a, "Ảnh hội nghị đổi mới", seed=6)
    payload = client.get("/api/search/", {"q": "hoi nghi doi moi"}).json()
    assert payload["hits"][0]["url"] == f"/library/image/{image.pk}/"


def test_an_image_cannot_be_published_without_alternative_text(agency_a, licence):
    image = library.image(
        agency_a, "Ảnh chưa mô tả", seed=9, published=False, alt_text="",
        licence=licence, credit_line="Ảnh: Bộ KH&CN",
    )  # fmt: skip
    image.is_published = True
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert list(refused.value.message_dict) == ["alt_text"]  # the rights rule (assets.rights)
    image.alt_text = "Hai cán bộ xã hướng dẫn người dân dùng dịch vụ công trực tuyến."
    image.full_clean()


def test_one_name_for_every_asset_page(client, agency_a):
    """The API links assets to their hub page by the route name hub_asset (kind, id)."""
    image = library.image(agency_a, "Ảnh", seed=2)
    url = reverse("hub_asset", args=["image", image.pk])
    assert url == reverse("hub:image", args=[image.pk]) and client.get(url).status_code == 200
    assert client.get(reverse("hub_asset", args=["sound", image.pk])).status_code == 404


def test_an_expired_licence_shows_no_files_and_offers_no_download(client, agency_a, terms):
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    image = library.image(agency_a, "Ảnh hết hạn giấy phép", seed=3, licence=terms["open"],
                          licence_expires_on=yesterday)  # fmt: skip
    html = client.get(f"/library/image/{image.pk}/").content.decode()
    assert "Giấy phép của nội dung này đã hết hạn" in html
    assert "data-zoom-open" not in html and "/download/" not in html
