"""Factories for the test suite: agencies with their users, and small real media files."""

import io
import subprocess
import tempfile
from pathlib import Path

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from assets.ingest import create_asset
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.agencies.models import Agency


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Cơ quan thử nghiệm {n}")
    code = factory.Sequence(lambda n: f"agency-{n}")
    kind = "ministry"


def make_user(username: str, *groups):
    user = get_user_model().objects.create_user(username=username, password="pw-" + username)
    user.groups.add(*groups)
    return user


def editor_of(agency: Agency, username: str | None = None):
    return make_user(username or f"editor-{agency.code}", agency.editors)


def png_bytes(size=(64, 48), color=(200, 30, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(shade: int = 255) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), (shade, shade, shade)).save(buffer, "PDF")
    return buffer.getvalue()


def mp4_bytes(seconds: float = 1.0, frequency: int = 440) -> bytes:
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
                f"testsrc2=size=160x120:rate=10:duration={seconds}",
                "-f",
                "lavfi",
                "-i",
                f"sine=frequency={frequency}:duration={seconds}",
                "-c:v",
                "libx264",
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


_MP4_CACHE: dict[int, bytes] = {}


def _mp4_once(variant: int = 0) -> bytes:
    """A small clip per variant, made once per test run (ffmpeg takes a moment)."""
    if variant not in _MP4_CACHE:
        _MP4_CACHE[variant] = mp4_bytes(frequency=440 + 110 * variant)
    return _MP4_CACHE[variant]


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _asset(
    model, agency: Agency, content: bytes, filename: str, *, published: bool, title: str, **extra
):
    return create_asset(
        model,
        ContentFile(content, name=filename),
        filename=filename,
        collection=agency.collection,
        title=title,
        is_published=published,
        **extra,
    )


# `variant` gives different bytes: equal bytes share one content-addressed original.
def image_asset(agency: Agency, *, published=True, title="Ảnh thử", variant=0, **extra):
    return _asset(
        ImageAsset,
        agency,
        png_bytes(color=(200, 30, variant % 256)),
        "anh.png",
        published=published,
        title=title,
        **extra,
    )


def document_asset(agency: Agency, *, published=True, title="Tài liệu thử", variant=0, **extra):
    return _asset(
        DocumentAsset,
        agency,
        pdf_bytes(255 - variant),
        "tai-lieu.pdf",
        published=published,
        title=title,
        **extra,
    )


def media_asset(agency: Agency, *, published=True, title="Video thử", variant=0, **extra):
    return _asset(
        MediaAsset,
        agency,
        _mp4_once(variant),
        "video.mp4",
        published=published,
        title=title,
        **extra,
    )


def wagtail_roots():
    """What data migrations make and a flushed (transactional) test database lacks: Wagtail's
    default locale, root collection and root page, and the hub's home page (returned)."""
    from cms.pages.models import HomePage

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not HomePage.objects.exists():
        root.add_child(instance=HomePage(title="Trang chủ", slug="home"))
    return HomePage.objects.get()


def hub_site() -> Site:
    """The default site on the hub's home page, as the data migration makes it."""
    site, _created = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": wagtail_roots()},
    )
    return site
