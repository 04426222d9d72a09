"""Small readers for configuration that comes from environment variables."""

import json
import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_required(name: str) -> str:
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return default if value is None else int(value)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_json(name: str, default: dict | None = None) -> dict:
    """A JSON object from the environment, e.g. DEDUP_THRESHOLDS='{"text_jaccard": 0.5}'."""
    value = env_str(name)
    if value is None:
        return dict(default or {})
    parsed = json.loads(value)
    if not isinstance(parsed, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object")
    return parsed


def refuse_missing(names: list[str], profile: str) -> None:
    """Stop at start-up, naming every variable of `names` that is not set."""
    missing = [name for name in names if env_str(name) is None]
    if missing:
        raise ImproperlyConfigured(
            f"The {profile} settings need these environment variables: {', '.join(missing)}"
            " (README, 'Environment variables')."
        )
