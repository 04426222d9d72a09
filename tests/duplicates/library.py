"""Storing assets for the duplicate tests the way every door does."""

from django.core.files.base import ContentFile
from django.test import TestCase

from assets.ingest import create_asset
from assets.models import ImageAsset


def store(agency, content: bytes, name: str = "anh.png", **fields):
    """Store an asset the way every door does; its index tasks run as it commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return create_asset(
            ImageAsset,
            ContentFile(content, name=name),
            filename=name,
            collection=agency.collection,
            **{"title": name, "is_published": True, **fields},
        )
