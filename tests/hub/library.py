"""A small library for the hub tests: taxonomy, agencies with sections, assets of every kind
(real files; video and audio transcoded by the real pipeline) and articles."""

import datetime as dt
import io
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from PIL import Image, ImageDraw

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.pages.models import ArticlePage
from cms.taxonomy.models import Audience, Campaign, Licence, Topic
from tests.factories import _asset, pdf_bytes
from transcoding.models import TranscodeJob
from transcoding.runner import run_job


def taxonomy() -> dict:
    topic = Topic.objects.create(slug="cds", name_vi="Chuyển đổi số", name_en="Digital change")
    subtopic = Topic.objects.create(
        slug="ai", name_vi="Trí tuệ nhân tạo", name_en="AI", parent=topic
    )
    audience = Audience.objects.create(slug="nguoi-dan", name_vi="Người dân", name_en="Citizens")
    campaign = Campaign.objects.create(
        slug="ngay-cds",
        name_vi="Ngày Chuyển đổi số quốc gia (10/10)",
        name_en="National Digital Transformation Day (10 October)",
        starts_on=dt.date(2026, 10, 10),
        ends_on=dt.date(2026, 10, 10),
        recurs_yearly=True,
    )
    open_licence = Licence.objects.create(
        code="CC-BY-4.0",
        name_vi="Ghi công 4.0",
        name_en="Attribution 4.0",
        url="https://creativecommons.org/licenses/by/4.0/",
        allows_commercial_use=True,
        allows_derivatives=True,
    )
    closed_licence = Licence.objects.create(
        code="BAN-QUYEN",
        name_vi="Bản quyền thuộc cơ quan",
        name_en="All rights reserved",
        allows_redistribution=False,
        credit_line_template="© {year} {agency}",
    )
    return {"topic": topic, "subtopic": subtopic, "audience": audience, "campaign": campaign,
            "open": open_licence, "closed": closed_licence}  # fmt: skip


def picture_bytes(size=(800, 600), seed=0, fmt="PNG") -> bytes:
    """A picture with shapes (not a flat colour), different for each seed."""
    image = Image.new("RGB", size, (240, 236, 228))
    draw = ImageDraw.Draw(image)
    for index in range(6):
        top = (seed * 37 + index * 71) % size[1]
        draw.rectangle([20 + index * 40, top, 120 + index * 60, top + 80],
                       fill=((seed * 53 + index * 40) % 256, 60, 160 - index * 20))  # fmt: skip
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def classified(asset, topics=(), audiences=()):
    """Many-to-many terms are set after the row exists (each change re-indexes the asset)."""
    if topics:
        asset.topics.set(topics)
    if audiences:
        asset.audiences.set(audiences)
    return asset


def image(agency, title: str, *, seed=0, size=(800, 600), published=True, topics=(), **fields):
    fields.setdefault("alt_text", f"Mô tả: {title}")
    made = _asset(ImageAsset, agency, picture_bytes(size, seed), f"anh-{seed}.png",
                  published=published, title=title, **fields)  # fmt: skip
    return classified(made, topics)


def _ffmpeg_file(suffix: str, *args: str) -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / f"clip{suffix}"
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", *args, str(path)], check=True)
        return path.read_bytes()


def video_bytes(seconds: int = 4) -> bytes:
    return _ffmpeg_file(
        ".mp4", "-f", "lavfi", "-i", f"testsrc2=size=320x180:rate=25:duration={seconds}",
        "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:a=0.1", "-c:v", "libx264",
        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )  # fmt: skip


def audio_bytes(seconds: int = 6) -> bytes:
    return _ffmpeg_file(
        ".mp3", "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:c=pink:a=0.3",
        "-af", "volume='if(lt(t,3),1,0.2)':eval=frame", "-c:a", "libmp3lame", "-b:a", "96k",
    )  # fmt: skip


def transcode(asset) -> None:
    """Run the asset's transcoding jobs here and now (tests do not run a worker)."""
    content_type = ContentType.objects.get_for_model(asset)
    for job in TranscodeJob.objects.filter(content_type=content_type, object_id=asset.pk):
        run_job(job.pk)


def video(agency, title: str, topics=(), **fields):
    media = _asset(MediaAsset, agency, video_bytes(), "video.mp4", published=True, title=title,
                   kind="video", **fields)  # fmt: skip
    transcode(media)
    return classified(media, topics)


def podcast(agency, title: str, topics=(), **fields):
    media = _asset(MediaAsset, agency, audio_bytes(), "podcast.mp3", published=True, title=title,
                   kind="podcast", **fields)  # fmt: skip
    transcode(media)
    return classified(media, topics)


def document(agency, title: str, shade: int = 250, topics=(), **fields):
    doc = _asset(DocumentAsset, agency, pdf_bytes(shade), "so-tay.pdf", published=True,
                 title=title, kind="ehandbook", **fields)  # fmt: skip
    transcode(doc)
    return classified(doc, topics)


def article(agency, title: str, *, title_en: str = "", image=None, topics=(), **fields):
    page = ArticlePage(title=title, title_en=title_en, summary=f"Tóm tắt: {title}",
                       author="Ban biên tập", image=image,
                       body=[{"type": "paragraph", "value": f"<p>{title}. Nội dung bài.</p>"}],
                       **fields)  # fmt: skip
    agency.section_page.add_child(instance=page)
    page.topics.set(topics)
    page.save_revision().publish()
    return page


def served_bytes(client, url: str) -> bytes:
    """The bytes a visitor gets at `url`, following the file view's redirects: to a rendition,
    then (S3) to a presigned URL on the storage server, fetched for real."""
    response = client.get(url)
    while response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("http"):
            with urllib.request.urlopen(location, timeout=30) as remote:  # noqa: S310 (loopback S3)
                return remote.read()
        response = client.get(location)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content) if response.streaming else response.content
