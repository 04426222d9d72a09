"""manage.py clean_uploads: delete expired resumable uploads and their partial bytes."""

from django.core.management.base import BaseCommand

from assets.tus.cleanup import remove_expired


class Command(BaseCommand):
    help = "Delete resumable uploads past their expiry, with their partial files or S3 parts."

    def handle(self, *args, **options):
        self.stdout.write(f"{remove_expired()} expired uploads removed")
