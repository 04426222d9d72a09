"""The thresholds in force: the defaults chosen with `make eval-dedup`, with any the deployment
overrides in the DEDUP_THRESHOLDS setting (a JSON object in the environment variable)."""

from django.conf import settings

from .algorithms.thresholds import DEFAULT_THRESHOLDS, Thresholds


def thresholds() -> Thresholds:
    return DEFAULT_THRESHOLDS.overridden(getattr(settings, "DEDUP_THRESHOLDS", None) or {})
