"""Rebuild the search index from the models without downtime."""

from django.core.management.base import BaseCommand

from search.rebuild import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the database index from the models, then Elasticsearch behind its alias."

    def handle(self, *args, **options):
        database_count, elastic_count = rebuild_all()
        self.stdout.write(f"database: {database_count} records")
        if elastic_count is not None:
            self.stdout.write(f"elasticsearch: {elastic_count} records, alias switched")
