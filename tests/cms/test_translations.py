"""The interface speaks Vietnamese first and English second."""

import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from assets.enums import ImageKind, MediaKind
from assets.models import ImageAsset
from cms.agencies.enums import AgencyKind
from cms.agencies.models import Agency

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(
    "language,expected",
    [
        ("vi", ["Cơ quan", "Bộ", "Infographic", "Podcast"]),
        ("en", ["agency", "Ministry", "Infographic", "Podcast"]),
    ],
)
def test_labels_follow_the_language(language, expected):
    with translation.override(language):
        labels = [
            str(Agency._meta.verbose_name),
            str(AgencyKind.MINISTRY.label),
            str(ImageKind.INFOGRAPHIC.label),
            str(MediaKind.PODCAST.label),
        ]
    for label, start in zip(labels, expected, strict=True):
        assert label.lower().startswith(start.lower()), (label, start)


def test_field_labels_are_translated():
    with translation.override("vi"):
        assert str(ImageAsset._meta.get_field("embargo_until").verbose_name) != "embargo until"
        assert str(ImageAsset._meta.get_field("licence").verbose_name) == "giấy phép"


def test_validation_messages_are_translated():
    from django.core.files.base import ContentFile

    from assets.validation import UploadRejected, validate_upload

    with translation.override("vi"), pytest.raises(UploadRejected) as refused:
        validate_upload(ContentFile(b"", name="rong.png"), filename="rong.png", allowed=["image"])
    assert refused.value.code == "empty"
    with translation.override("en"):
        english = " ".join(refused.value.messages)
    with translation.override("vi"):
        vietnamese = " ".join(refused.value.messages)
    assert english != vietnamese


def test_the_vietnamese_catalogue_is_complete():
    report = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in report.stderr and "fuzzy" not in report.stderr, report.stderr


def test_the_page_count_label_does_not_rename_wagtails_pages():
    """The admin menu's "Pages" is Wagtail's (Trang); a document's page count has its context."""
    with translation.override("vi"):
        assert translation.gettext("Pages") == "Trang"
        assert translation.pgettext("document length", "Pages") == "Số trang"
