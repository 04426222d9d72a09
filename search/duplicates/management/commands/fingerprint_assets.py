"""Fingerprint assets stored before duplicate detection (or after an algorithm change), then
group exact copies held by several agencies."""

from django.core.management.base import BaseCommand

from assets.kinds import asset_models
from search.keys import key_for
from search.signal_handlers import enqueue_index

from ...fingerprinting import FINGERPRINT_VERSION, fingerprint_asset
from ...groups import group_exact_copies
from ...models import AssetFingerprint


class Command(BaseCommand):
    help = "Compute missing or outdated fingerprints, re-index them, and group exact copies."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every fingerprint.")

    def handle(self, *args, **options):
        done = failed = 0
        for model in asset_models():
            for asset in model.objects.order_by("pk").iterator():
                if not options["all"] and _up_to_date(asset):
                    continue
                try:
                    found = fingerprint_asset(asset)
                except OSError as error:  # the original is missing or unreadable
                    self.stderr.write(f"{key_for(asset)}: {error}")
                    failed += 1
                    continue
                failed += bool(found.failures)
                enqueue_index(asset)
                done += 1
        grouped = group_exact_copies()
        self.stdout.write(f"fingerprinted {done}, with failures {failed}, grouped {grouped}")


def _up_to_date(asset) -> bool:
    return AssetFingerprint.objects.filter(
        key=key_for(asset), version__gte=FINGERPRINT_VERSION
    ).exists()
