"""Send the updates Elasticsearch missed while it was down."""

from django.core.management.base import BaseCommand

from search.indexing import replay_pending
from search.models import PendingUpdate


class Command(BaseCommand):
    help = "Replay the pending Elasticsearch updates from the database index."

    def handle(self, *args, **options):
        replayed = replay_pending()
        left = PendingUpdate.objects.count()
        self.stdout.write(f"replayed {replayed} keys, {left} still pending")
