"""Vietnamese first, English under /en/: which language a hub page speaks, and its twin URLs."""

from django.conf import settings
from django.utils.translation import get_language

ENGLISH_PREFIX = "/en"


def is_english() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith("en")


def localized(vietnamese: str, english: str) -> tuple[str, bool]:
    """(text to show, shown in Vietnamese although English was asked for)."""
    if is_english():
        return (english, False) if english else (vietnamese, True)
    return vietnamese, False


def path_in(language: str, path: str) -> str:
    """The same hub path in `language` (i18n_patterns without a prefix for Vietnamese)."""
    bare = path
    if path == ENGLISH_PREFIX or path.startswith(f"{ENGLISH_PREFIX}/"):
        bare = path[len(ENGLISH_PREFIX) :] or "/"
    return f"{ENGLISH_PREFIX}{bare}" if language == "en" else bare
