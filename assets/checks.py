"""System checks for file storage and the upload spool (ids assets.*)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

SIGV4_MAX_EXPIRY_SECONDS = 7 * 24 * 3600
S3_PART_MIB = (5, 5 * 1024)  # the smallest and largest part S3 takes (but the last)


@register(Tags.compatibility)
def check_storage(app_configs, **kwargs) -> list:
    options = getattr(settings, "NCRL_S3_OPTIONS", None)
    errors = _spool_errors()
    if options is None:
        return errors
    if options.get("signature_version") != "s3v4":
        errors.append(
            Error(
                f"S3 signature version {options.get('signature_version')!r}: presigned download "
                "addresses would not expire as configured.",
                hint="Unset AWS_S3_SIGNATURE_VERSION or set it to s3v4.",
                id="assets.E001",
            )
        )
    expire = getattr(settings, "AWS_QUERYSTRING_EXPIRE", 300)
    if not 1 <= expire <= SIGV4_MAX_EXPIRY_SECONDS:
        errors.append(
            Error(
                f"AWS_QUERYSTRING_EXPIRE is {expire} seconds.",
                hint=f"Choose between 1 and {SIGV4_MAX_EXPIRY_SECONDS} (S3 refuses longer).",
                id="assets.E002",
            )
        )
    if options.get("default_acl") or not options.get("querystring_auth", True):
        errors.append(
            Error(
                "Stored files would be public: originals of unpublished and embargoed assets "
                "must stay private.",
                hint="Keep default_acl None and querystring_auth True; publish renditions through "
                "the CDN instead (README, 'S3 and delivery').",
                id="assets.E003",
            )
        )
    errors += _part_errors()
    if bool(options.get("access_key")) != bool(options.get("secret_key")):
        errors.append(
            Error(
                "Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set.",
                hint="Set both, or neither to use the machine's role (instance profile).",
                id="assets.E004",
            )
        )
    return errors


def _part_errors() -> list:
    smallest, largest = S3_PART_MIB
    part_mib, in_flight = settings.NCRL_UPLOAD_PART_MIB, settings.NCRL_UPLOAD_PARTS_IN_FLIGHT
    if smallest <= part_mib <= largest and in_flight >= 1:
        return []
    return [
        Error(
            f"Resumable uploads would go to S3 in parts of {part_mib} MiB, {in_flight} at a time.",
            hint=f"Set NCRL_UPLOAD_PART_MIB between {smallest} and {largest} (S3 refuses other "
            "parts) and NCRL_UPLOAD_PARTS_IN_FLIGHT to 1 or more.",
            id="assets.E006",
        )
    ]


def _spool_errors() -> list:
    spool = Path(getattr(settings, "NCRL_UPLOAD_SPOOL_DIR", "") or "")
    existing = next((p for p in (spool, *spool.parents) if p.exists()), None)
    if existing is not None and existing.is_dir() and os.access(existing, os.W_OK):
        return []
    return [
        Error(
            f"The upload spool folder {spool} cannot be created or written.",
            hint="Set NCRL_UPLOAD_SPOOL_DIR to a writable folder on a local disk with room for "
            "the largest uploads in progress.",
            id="assets.E005",
        )
    ]


@register(Tags.security, deploy=True)
def check_storage_for_production(app_configs, **kwargs) -> list:
    if getattr(settings, "NCRL_S3_OPTIONS", None) is not None:
        return []
    return [
        Warning(
            "Files are stored in a local folder.",
            hint="Set AWS_STORAGE_BUCKET_NAME (and the AWS_* variables) to keep them in S3; a "
            "local folder must otherwise be shared by every web and worker machine.",
            id="assets.W001",
        )
    ]
