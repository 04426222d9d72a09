"""manage.py verify_storage: every asset's original exists and hashes to its SHA-256."""

from django.core.management.base import BaseCommand, CommandError

from assets.storage.verify import verify_originals


class Command(BaseCommand):
    help = "Check that every asset's original is in storage and matches its SHA-256."

    def handle(self, *args, **options):
        report = verify_originals()
        for problem in report.problems:
            self.stderr.write(problem)
        self.stdout.write(f"{report.checked} originals checked, {len(report.problems)} problems")
        if report.problems:
            raise CommandError(f"{len(report.problems)} originals are missing or changed")
