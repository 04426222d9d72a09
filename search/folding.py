"""Fold Vietnamese text to a comparable form: NFC, no diacritics, đ -> d, lower case.

Users type without accents and OCR drops them, so search and duplicate matching compare the folded
form. "đ/Đ" is a letter of its own (it does not decompose under NFD), hence the explicit mapping.
"""

import unicodedata
from collections.abc import Callable
from itertools import chain

_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


# Distinct characters a CharacterMap remembers; a text bringing more is converted the slow way.
MAX_REMEMBERED_CHARS = 65_536


class CharacterMap:
    """A conversion of single characters applied to whole texts by `str.translate`, at the speed
    of a table lookup; the table learns each character the first time a text brings it."""

    def __init__(self, convert) -> None:
        self.convert = convert
        self.table: dict[int, str] = {}
        self.known: set[str] = set()

    def __call__(self, text: str) -> str:
        new = set(text) - self.known
        if new:
            if len(self.known) + len(new) > MAX_REMEMBERED_CHARS:
                return "".join(map(self.convert, text))
            self.table.update((ord(char), self.convert(char)) for char in new)
            self.known |= new
        return text.translate(self.table)


def _stripped(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.translate(_D_LETTERS))
    return "".join(part for part in decomposed if not unicodedata.combining(part))


_strip_each = CharacterMap(_stripped)
# Word characters are those of regular expressions' \w, except "_"; all others separate words.
_space_between_words = CharacterMap(lambda char: char if char.isalnum() else " ")


def strip_diacritics(text: str) -> str:
    """Diacritics removed and đ -> d, character by character (decomposing and dropping combining
    marks never reach across characters), recomposed at the end."""
    return unicodedata.normalize("NFC", _strip_each(text))


def _folded(text: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", text)).lower()


def fold(text: str) -> str:
    """Lower case, diacritics removed, whitespace collapsed; punctuation is kept."""
    return " ".join(_folded(text).split())


# Distinct pieces of text between spaces a PieceWords remembers before it starts afresh.
MAX_REMEMBERED_PIECES = 100_000


class PieceWords(dict):
    """The words of each piece of text between whitespace, converted once per distinct piece:
    texts repeat a small vocabulary, so splitting a text on whitespace and looking its pieces up
    costs a fraction of converting every character. No step of a conversion reaches across
    whitespace (it separates words, composes with nothing, ends a word for lower casing), so the
    words of a text are those of its pieces, in order."""

    def __init__(self, convert: Callable[[str], list[str]]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, piece: str) -> tuple[str, ...]:
        if len(self) >= MAX_REMEMBERED_PIECES:
            self.clear()
        words = self[piece] = tuple(self.convert(piece))
        return words

    def __call__(self, text: str) -> list[str]:
        return list(chain.from_iterable(map(self.__getitem__, text.split())))


_folded_pieces = PieceWords(lambda piece: _space_between_words(_folded(piece)).split())
_original_pieces = PieceWords(
    lambda piece: _space_between_words(unicodedata.normalize("NFC", piece).lower()).split()
)


def fold_words(text: str) -> list[str]:
    """The folded text split into words, punctuation dropped ("Đổi-mới!" -> ["doi", "moi"])."""
    return _folded_pieces(text)


def original_words(text: str) -> list[str]:
    """The text split into words as written, in lower case ("Đổi-mới!" -> ["đổi", "mới"])."""
    return _original_pieces(text)
