"""Fingerprint assets stored before duplicate detection, after an algorithm change, or whose
check failed; then group exact copies held by several agencies."""

from django.core.management.base import BaseCommand

from assets.kinds import asset_models
from search.keys import key_for

from ...background import complete_fingerprints
from ...enums import CheckState
from ...groups import group_exact_copies
from ...models import AssetFingerprint, FingerprintStatus
from ...storing import FINGERPRINT_VERSION


class Command(BaseCommand):
    help = "Compute missing, failed or outdated fingerprints, re-index them, group exact copies."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every fingerprint.")

    def handle(self, *args, **options):
        done = failed = 0
        for model in asset_models():
            for asset in model.objects.order_by("pk").iterator():
                key = key_for(asset)
                if not options["all"] and _up_to_date(key):
                    continue
                state = complete_fingerprints(key)
                if state != CheckState.CHECKED:
                    self.stderr.write(f"{key}: {state}")
                    failed += 1
                done += 1
        grouped = group_exact_copies()
        self.stdout.write(f"fingerprinted {done}, with failures {failed}, grouped {grouped}")


def _up_to_date(key: str) -> bool:
    checked = FingerprintStatus.objects.filter(key=key, state=CheckState.CHECKED).exists()
    outdated = AssetFingerprint.objects.filter(key=key, version__lt=FINGERPRINT_VERSION)
    return checked and not outdated.exists()
