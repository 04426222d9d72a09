"""Rights at upload: every upload starts with its agency's credit line, copyright holder and
licence; nothing is published without a licence and a credit line; the kind is guessed from the
file; the forms use a date picker and a filterable list of ticks."""

import io

import numpy
import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image, ImageDraw, ImageFont

from assets.ingest import create_asset
from assets.metadata.guess_kind import guess_media_kind
from assets.models import DocumentAsset, ImageAsset
from assets.rights import REQUIRED_MESSAGES
from cms.taxonomy.models import Topic
from tests.factories import image_asset, make_user, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_with_defaults(agency_a, licence):
    agency_a.default_credit_line = "Ảnh: Bộ KH&CN"
    agency_a.default_copyright_holder = "Bộ Khoa học và Công nghệ"
    agency_a.default_licence = licence
    agency_a.save()
    return agency_a


@pytest.fixture
def moderator_a(agency_a):
    return make_user("moderator-a", agency_a.editors, agency_a.moderators)


def infographic_png(size=(600, 1500)) -> bytes:
    """Flat colour bands and lines of text, taller than wide: what an infographic looks like."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=26)
    palette = [(0, 90, 170), (230, 120, 0), (0, 150, 90)]
    for top in range(0, size[1], 150):
        draw.rectangle((20, top + 10, size[0] - 20, top + 60), fill=palette[(top // 150) % 3])
        for line in range(2):
            text = "Chuyển đổi số 2026: 75% hồ sơ trực tuyến"
            draw.text((30, top + 70 + 34 * line), text, fill="black", font=font)
    return _encoded(image, "PNG")


def photo_jpeg(copyright_notice: str = "") -> bytes:
    """Smooth gradients with sensor noise, as a camera gives."""
    rng = numpy.random.default_rng(7)
    rows, columns = numpy.mgrid[0:600, 0:800]
    base = numpy.stack([columns * 0.3, rows * 0.4, (columns + rows) * 0.18], axis=-1)
    pixels = numpy.clip(base + rng.normal(0, 12, base.shape), 0, 255).astype("uint8")
    image = Image.fromarray(pixels)
    exif = Image.Exif()
    if copyright_notice:
        exif[ExifTags.Base.Copyright] = copyright_notice
    return _encoded(image, "JPEG", exif=exif)


def _encoded(image: Image.Image, format_name: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format_name, **options)
    return buffer.getvalue()


def landscape_pdf() -> bytes:
    return _encoded(Image.new("RGB", (400, 250), (240, 240, 240)), "PDF")


def stored(model, agency, content: bytes, name: str, **fields):
    return create_asset(
        model, ContentFile(content, name=name), filename=name, collection=agency.collection,
        title=name, **fields,
    )  # fmt: skip


def test_every_upload_starts_with_its_agency_rights_unless_the_file_says_otherwise(
    agency_with_defaults, licence
):
    plain = stored(ImageAsset, agency_with_defaults, photo_jpeg(), "anh.jpg")
    assert (plain.credit_line, plain.copyright_holder, plain.licence) == (
        "Ảnh: Bộ KH&CN",
        "Bộ Khoa học và Công nghệ",
        licence,
    )
    signed = stored(ImageAsset, agency_with_defaults, photo_jpeg("(c) Nguyen Van A"), "ky.jpg")
    assert signed.copyright_holder == "(c) Nguyen Van A"  # the file's own notice wins
    assert signed.credit_line == "Ảnh: Bộ KH&CN"


def test_an_agency_without_defaults_leaves_the_rights_blank(agency_b):
    asset = stored(ImageAsset, agency_b, photo_jpeg(), "anh.jpg")
    assert (asset.credit_line, asset.copyright_holder, asset.licence) == ("", "", None)


def test_the_add_form_shows_the_agency_defaults(client, agency_with_defaults, editor_a, licence):
    client.force_login(editor_a)
    page = client.get(reverse("wagtailimages:add")).content.decode()
    assert 'value="Ảnh: Bộ KH&amp;CN"' in page
    assert f'<option value="{licence.pk}" selected>' in page


def test_publishing_without_rights_is_refused_with_a_message(client, agency_a, moderator_a):
    asset = image_asset(agency_a, published=False, title="Chưa đủ quyền")
    client.force_login(moderator_a)
    data = {"title": asset.title, "collection": agency_a.collection_id, "kind": "photo"}
    data |= {"language": "vi", "is_published": "on"}
    answer = client.post(reverse("wagtailimages:edit", args=[asset.pk]), data)
    assert answer.status_code == 200
    errors = answer.context["form"].errors
    with translation.override("vi"):  # the admin speaks the user's language, Vietnamese first
        assert errors["licence"] == [str(REQUIRED_MESSAGES["licence"])]
        assert errors["credit_line"] == [str(REQUIRED_MESSAGES["credit_line"])]
        assert errors["alt_text"] == [str(REQUIRED_MESSAGES["alt_text"])]
    asset.refresh_from_db()
    assert not asset.is_published


def test_a_new_upload_publishes_with_its_agency_defaults(
    client, agency_with_defaults, moderator_a, licence
):
    client.force_login(moderator_a)
    data = {
        "title": "Ảnh công bố ngay",
        "file": upload("anh.jpg", photo_jpeg()),
        "collection": agency_with_defaults.collection_id,
        "kind": "photo",
        "alt_text": "Cánh đồng lúa chín vàng",
        "language": "vi",
        "is_published": "on",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = client.post(reverse("wagtailimages:add"), data)
    assert answer.status_code == 302, answer.context["form"].errors
    asset = ImageAsset.objects.get()
    assert asset.is_published and asset.licence == licence
    assert asset.credit_line == "Ảnh: Bộ KH&CN"


def test_the_kind_is_guessed_from_the_file_unless_chosen(agency_a):
    assert stored(ImageAsset, agency_a, infographic_png(), "info.png").kind == "infographic"
    assert stored(ImageAsset, agency_a, infographic_png((1500, 600)), "b.png").kind == (
        "illustration"
    )
    assert stored(ImageAsset, agency_a, photo_jpeg(), "anh.jpg").kind == "photo"
    chosen = stored(ImageAsset, agency_a, infographic_png((600, 1600)), "p.png", kind="poster")
    assert chosen.kind == "poster"
    assert stored(DocumentAsset, agency_a, landscape_pdf(), "slides.pdf").kind == "slides"
    assert (guess_media_kind("audio", 40.0), guess_media_kind("audio", 1800.0)) == (
        "audio",
        "podcast",
    )
    assert guess_media_kind("video", 30.0) is None  # the model's default stays


def test_the_forms_use_a_date_picker_and_a_filterable_list(client, agency_a, editor_a):
    Topic.objects.create(slug="chuyen-doi-so", name_vi="Chuyển đổi số", name_en="Digital")
    client.force_login(editor_a)
    for url in (reverse("wagtailimages:add"), reverse("wagtaildocs:add")):
        page = client.get(url).content.decode()
        assert "data-searchable-choices-filter" in page
        assert 'type="checkbox" name="topics"' in page
    image_page = client.get(reverse("wagtailimages:add")).content.decode()
    assert 'initDateTimeChooser("id_captured_at"' in image_page


def test_the_agency_form_holds_the_defaults(admin_client, agency_a):
    url = reverse("wagtailsnippets_agencies_agency:edit", args=[agency_a.pk])
    page = admin_client.get(url).content.decode()
    for name in ("default_credit_line", "default_copyright_holder", "default_licence"):
        assert f'name="{name}"' in page
