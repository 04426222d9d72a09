"""manage.py configure_bucket: make the S3 bucket private, versioned, with lifecycle rules."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from assets.storage.bucket import (
    ABORT_INCOMPLETE_DAYS,
    NONCURRENT_VERSION_DAYS,
    configure_bucket,
    staging_days,
    staging_rule,
)
from assets.storage.links import is_remote, s3_client


class Command(BaseCommand):
    help = (
        "Configure the S3 bucket of the library: versioning, lifecycle rules (abandoned multipart "
        "uploads, old versions, the uploads' staging objects), and a TLS-only policy when the "
        "endpoint is https."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bucket", help="Another bucket than AWS_STORAGE_BUCKET_NAME.")
        parser.add_argument("--abort-days", type=int, default=ABORT_INCOMPLETE_DAYS)
        parser.add_argument("--noncurrent-days", type=int, default=NONCURRENT_VERSION_DAYS)

    def handle(self, *args, **options):
        if not is_remote(default_storage):
            raise CommandError("Files are stored in a local folder: set AWS_STORAGE_BUCKET_NAME.")
        bucket = options["bucket"] or default_storage.bucket_name
        endpoint = getattr(settings, "NCRL_S3_OPTIONS", {}).get("endpoint_url") or "https://"
        for line in configure_bucket(
            s3_client(default_storage),
            bucket,
            require_tls=endpoint.startswith("https://"),
            staging=staging_rule(
                default_storage.object_key("uploads/"),
                staging_days(settings.NCRL_UPLOAD_EXPIRY_HOURS),
            ),
            abort_days=options["abort_days"],
            noncurrent_days=options["noncurrent_days"],
        ):
            self.stdout.write(f"{bucket}: {line}")
