"""System checks: a misspelt or non-numeric DEDUP_THRESHOLDS entry stops the start, instead of
being ignored (or failing the first upload)."""

from django.conf import settings
from django.core.checks import Error, register

from .algorithms.thresholds import DEFAULT_THRESHOLDS


@register()
def check_thresholds(app_configs, **kwargs) -> list[Error]:
    overrides = getattr(settings, "DEDUP_THRESHOLDS", None) or {}
    if not isinstance(overrides, dict):
        return [Error("DEDUP_THRESHOLDS must be a JSON object.", id="duplicates.E001")]
    try:
        DEFAULT_THRESHOLDS.overridden(overrides)
    except ValueError as error:
        return [Error(str(error), id="duplicates.E002")]
    return []
