"""Video, audio and text copies are found through the same path as images: the upload's
fingerprints, candidates from the index, exact verification (and the matching time ranges)."""

import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.test import TestCase
from PIL import Image

from assets.ffmpeg import make_poster
from assets.ingest import create_asset, inspect_upload
from assets.models import MediaAsset
from assets.validation import media_input
from cms.pages.models import ArticlePage
from search.duplicates.fingerprinting import fingerprint_file, poster_fingerprint
from search.duplicates.inspector import NAME
from search.duplicates.matching import find_duplicates
from search.duplicates.storing import stored_fingerprints
from search.keys import key_for
from tests.duplicates import media

pytestmark = pytest.mark.django_db

ARTICLE = [
    "Sở Khoa học và Công nghệ tỉnh đã tổ chức hội nghị triển khai kho tài nguyên truyền thông số, "
    "với sự tham gia của các viện nghiên cứu, trường đại học và cơ quan báo chí trên địa bàn.",
    "Theo kế hoạch, mỗi đơn vị đưa các sản phẩm infographic, video và podcast về khoa học, "
    "công nghệ và đổi mới sáng tạo lên kho dùng chung, tránh trùng lặp dữ liệu giữa các cơ quan.",
    "Đến nay đã có hơn ba trăm tư liệu được số hóa; cán bộ truyền thông được tập huấn cách gắn "
    "thông tin bản quyền, nguồn và giấy phép sử dụng cho từng tư liệu trước khi công bố.",
]


@pytest.fixture(autouse=True)
def _both_backends(backend_name):
    return backend_name


def stored_media(agency, path):
    with TestCase.captureOnCommitCallbacks(execute=True), path.open("rb") as handle:
        return create_asset(
            MediaAsset,
            File(handle, name=path.name),
            filename=path.name,
            collection=agency.collection,
            title=path.stem,
            is_published=True,
        )


def check_path(path):
    """What a check of this file finds once its background part ran (every fingerprint)."""
    with path.open("rb") as handle:
        facts = inspect_upload(File(handle, name=path.name), filename=path.name,
                               allowed=("video", "audio"))  # fmt: skip
        found = fingerprint_file(handle, family=facts.sniffed.family, sha256=facts.sha256,
                                 demuxer=facts.sniffed.demuxer)  # fmt: skip
    return find_duplicates(found)


def test_a_trimmed_smaller_reencoded_video_matches_with_its_time_range(
    agency_a, agency_b, tmp_path
):
    original = stored_media(agency_a, media.clip(tmp_path / "goc.mp4", "testsrc2=size=320x240"))
    copy = media.trimmed_smaller(tmp_path / "goc.mp4", tmp_path / "cat.mp4", start=3)
    [match] = check_path(copy)
    assert (match.key, match.exact, match.signal) == (key_for(original), False, "frames")
    first_range = match.details["ranges"][0]
    # The copy starts 3 s into the original: its time 0 is the original's time 3.
    assert abs((first_range["a_start"] - first_range["b_start"]) - 3) <= 1


def test_a_different_video_matches_nothing(agency_a, tmp_path):
    stored_media(agency_a, media.clip(tmp_path / "goc.mp4", "testsrc2=size=320x240"))
    other = media.clip(tmp_path / "khac.mp4", "mandelbrot=size=320x240")
    assert check_path(other) == []


def test_a_reencoded_trimmed_podcast_matches_with_its_offset(agency_a, agency_b, tmp_path):
    original = stored_media(agency_a, media.melody(tmp_path / "podcast.wav", seed=1))
    copy = media.reencoded_audio(tmp_path / "podcast.wav", tmp_path / "ban-sao.mp3", start=4)
    [match] = check_path(copy)
    assert (match.key, match.signal) == (key_for(original), "chromaprint")
    assert abs(abs(match.details["offset_seconds"]) - 4) <= 0.5


def test_different_music_matches_nothing(agency_a, tmp_path):
    stored_media(agency_a, media.melody(tmp_path / "podcast.wav", seed=1))
    assert check_path(media.melody(tmp_path / "khac.wav", seed=2)) == []


def publish(agency, title, paragraphs):
    article = ArticlePage(title=title, summary="", body=[
        {"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs
    ])  # fmt: skip
    with TestCase.captureOnCommitCallbacks(execute=True):
        agency.section_page.add_child(instance=article)
        article.save_revision().publish()
    return article


def test_an_article_copied_without_diacritics_and_reordered_matches(agency_a, agency_b):
    from search.folding import strip_diacritics

    original = publish(agency_a, "Triển khai kho tài nguyên", ARTICLE)
    copy = publish(
        agency_b, "Trien khai kho tai nguyen", [strip_diacritics(p) for p in ARTICLE[::-1]]
    )
    matches = find_duplicates(stored_fingerprints(copy), exclude={key_for(copy)})
    assert [(m.key, m.signal) for m in matches] == [(key_for(original), "minhash")]
    assert matches[0].details["jaccard"] >= 0.5


def test_the_api_checks_a_text_for_copies(client, agency_a, editor_b):
    import json

    from wagtail.models import APIToken

    original = publish(agency_a, "Triển khai kho tài nguyên", ARTICLE)
    _token, plaintext = APIToken.create_token(user=editor_b, name="press desk")
    edited = " ".join(ARTICLE).replace("hơn ba trăm", "gần bốn trăm")
    response = client.post(
        "/api/duplicates/check",
        json.dumps({"text": edited}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 200, response.content
    [match] = response.json()["matches"]
    assert (match["key"], match["signal"], match["why"]["modality"]) == (
        key_for(original),
        "minhash",
        "text",
    )


def test_a_still_of_a_video_poster_matches_the_video(agency_a, tmp_path):

    video = stored_media(agency_a, media.clip(tmp_path / "goc.mp4", "testsrc2=size=320x240"))
    # The frame an editor would grab as a still: the poster frame, saved as a smaller JPEG.
    poster = tmp_path / "poster.jpg"

    make_poster(media_input(tmp_path / "goc.mp4"), poster)
    still = media.encoded(Image.open(poster).resize((200, 150)), "JPEG", quality=80)
    facts = inspect_upload(ContentFile(still, name="still.jpg"), filename="still.jpg",
                           allowed=("image",))  # fmt: skip
    matches = find_duplicates(facts.findings[NAME])
    assert key_for(video) in [m.key for m in matches]
    assert poster_fingerprint(media_input(tmp_path / "goc.mp4"))["hashes"]
