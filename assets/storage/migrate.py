"""Copy stored files between the local folder and S3, in either direction."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .backends import LocalAssetStorage, S3AssetStorage

SKIPPED_PREFIXES = ("uploads/",)  # tus staging objects are not files of assets


@dataclass
class CopyReport:
    copied: int = 0
    kept: int = 0
    bytes_copied: int = 0


def storage_named(name: str):
    if name == "local":
        return LocalAssetStorage(location=settings.MEDIA_ROOT, base_url=settings.MEDIA_URL)
    if name == "s3":
        options = getattr(settings, "NCRL_S3_OPTIONS", None)
        if not options:
            raise ImproperlyConfigured("S3 needs AWS_STORAGE_BUCKET_NAME and the AWS_* variables.")
        return S3AssetStorage(**options)
    raise ValueError(f"unknown storage {name!r}: use local or s3")


def stored_names(storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for file_name in files:
        yield prefix + file_name
    for sub in folders:
        yield from stored_names(storage, prefix + sub)


def copy_files(source, target, prefix: str = "", log=None) -> CopyReport:
    """Copy every file (under the folder `prefix`) that the target lacks; others are kept."""
    report = CopyReport()
    for name in stored_names(source, prefix.strip("/")):
        if name.startswith(SKIPPED_PREFIXES):
            continue
        if target.exists(name):
            report.kept += 1
            continue
        with source.open(name, "rb") as handle:
            saved = target.save(name, handle)
        if saved != name:
            raise RuntimeError(f"{name} was stored as {saved}")
        report.copied += 1
        report.bytes_copied += source.size(name)
        if log:
            log(name)
    return report
