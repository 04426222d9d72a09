"""manage.py migrate_storage --from local --to s3 (or back): copy originals and renditions."""

from django.core.management.base import BaseCommand, CommandError

from assets.storage.migrate import copy_files, storage_named

CHOICES = ("local", "s3")


class Command(BaseCommand):
    help = "Copy stored files (originals, renditions, thumbnails) between the local folder and S3."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", choices=CHOICES, required=True)
        parser.add_argument("--to", dest="target", choices=CHOICES, required=True)
        parser.add_argument("--prefix", default="", help="Copy only this folder, e.g. originals")

    def handle(self, *args, source, target, prefix, verbosity, **options):
        if source == target:
            raise CommandError("--from and --to must differ")
        log = self.stdout.write if verbosity > 1 else None
        report = copy_files(storage_named(source), storage_named(target), prefix, log=log)
        self.stdout.write(
            f"{report.copied} files copied ({report.bytes_copied} bytes), "
            f"{report.kept} already there"
        )
