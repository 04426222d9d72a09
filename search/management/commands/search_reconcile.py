"""Find and fix drift between the models, the database index and Elasticsearch."""

from django.core.management.base import BaseCommand

from search.rebuild import reconcile


class Command(BaseCommand):
    help = "Compare keys and stamps of the models, the database index and Elasticsearch; fix drift."

    def handle(self, *args, **options):
        for target, report in reconcile().items():
            self.stdout.write(
                f"{target}: {report['missing']} missing, {report['stale']} stale, "
                f"{report['extra']} extra fixed"
            )
