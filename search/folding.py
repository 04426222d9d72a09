"""Fold Vietnamese text to a comparable form: NFC, no diacritics, đ -> d, lower case.

Users type without accents and OCR drops them, so search and duplicate matching compare the folded
form. "đ/Đ" is a letter of its own (it does not decompose under NFD), hence the explicit mapping.
"""

import re
import unicodedata

_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D_LETTERS))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def fold(text: str) -> str:
    """Lower case, diacritics removed, whitespace collapsed; punctuation is kept."""
    folded = strip_diacritics(unicodedata.normalize("NFC", text)).lower()
    return _SPACES.sub(" ", folded).strip()


def fold_words(text: str) -> list[str]:
    """The folded text split into words, punctuation dropped ("Đổi-mới!" -> ["doi", "moi"])."""
    return [word for word in _NON_WORD.sub(" ", fold(text)).replace("_", " ").split() if word]


def original_words(text: str) -> list[str]:
    """The text split into words as written, in lower case ("Đổi-mới!" -> ["đổi", "mới"])."""
    lowered = unicodedata.normalize("NFC", text).lower()
    return [word for word in _NON_WORD.sub(" ", lowered).replace("_", " ").split() if word]
