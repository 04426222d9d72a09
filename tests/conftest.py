import shutil

import pytest
from django.utils import translation

from tests.factories import AgencyFactory, editor_of


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes files into its own folder, so leftovers can be counted."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages are checked in English, the source language; Vietnamese tests say so."""
    with translation.override("en"):
        yield


@pytest.fixture
def agency_a(db):
    return AgencyFactory(code="agency-a", name="Bộ Khoa học và Công nghệ (thử)")


@pytest.fixture
def agency_b(db):
    return AgencyFactory(
        code="agency-b", name="Sở Khoa học và Công nghệ Đồng Nai (thử)", kind="department"
    )


@pytest.fixture
def editor_a(agency_a):
    return editor_of(agency_a)


@pytest.fixture
def editor_b(agency_b):
    return editor_of(agency_b)
