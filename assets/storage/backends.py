"""Storage classes: the configured backend (local folder or S3) with originals stored once.

An original's key is derived from its SHA-256 (assets.storage_keys), so the same key always holds
the same bytes: saving to an existing key writes nothing, and deleting a key that another asset of
any agency still refers to does nothing. Wagtail deletes files in a task after an asset row is
deleted; by then the deleted row no longer counts, the others still do.
"""

from botocore.config import Config
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .references import is_content_key, original_is_referenced


class StoredOnceMixin:
    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        # Same key, same bytes: never rename a content key to avoid a collision.
        if is_content_key(name):
            return name
        return super().get_available_name(name, max_length=max_length)

    def _save(self, name: str, content) -> str:
        if is_content_key(name) and self.exists(name):
            return name
        return super()._save(name, content)

    def delete(self, name: str) -> None:
        if is_content_key(name) and original_is_referenced(name):
            return
        super().delete(name)


class LocalAssetStorage(StoredOnceMixin, FileSystemStorage):
    """A local folder (the embedded profile)."""

    is_remote = False


class S3AssetStorage(StoredOnceMixin, S3Storage):
    """A private S3 bucket (or any S3-compatible service); downloads use presigned URLs.

    Time-outs and retries are plain options, not a botocore `Config`: Wagtail hands the storage's
    deconstruction to a task that deletes a file, and a task's arguments must be JSON.
    """

    is_remote = True

    def __init__(self, *, connect_timeout=5, read_timeout=60, max_attempts=3, **settings):
        super().__init__(**settings)
        if settings.get("client_config") is None:
            self.client_config = Config(
                s3={"addressing_style": self.addressing_style},
                signature_version=self.signature_version,
                proxies=self.proxies,
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                retries={"mode": "standard", "max_attempts": max_attempts},
            )

    def object_key(self, name: str) -> str:
        """The bucket key that holds the stored file `name`."""
        return self._normalize_name(clean_name(name))
