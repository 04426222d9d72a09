"""Folding character by character through a learned table gives what folding the whole string at
once gives, for Vietnamese and for any other script, also when the table is full."""

import random
import unicodedata

from search import folding
from search.folding import fold, fold_words, original_words, strip_diacritics

VIETNAMESE = "Đổi mới sáng tạo, CHUYỂN ĐỔI SỐ và dữ liệu quốc gia; Ngưỡng Ưu tiên Ỷ lại ỹ"
OTHERS = "e\u0301 ΟΔΟΣ İstanbul ǅ ﬁ ẞ Ångström 한국어 \u1100\u1161\u11a8 naïve_café x² ٣ Ωμέγα"


def reference_strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", kept)


def samples() -> list[str]:
    rng = random.Random(1169)
    alphabet = [chr(code) for code in range(32, 0x2500)] + list(VIETNAMESE + OTHERS)
    made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(300)]
    return [VIETNAMESE, OTHERS, "", "   ", *made]


def test_strip_diacritics_equals_whole_string_folding():
    differing = [text for text in samples() if strip_diacritics(text) != reference_strip(text)]
    assert differing == []


def test_words():
    assert fold(" Đổi-mới \n SÁNG_tạo ") == "doi-moi sang_tao"
    assert fold_words(" Đổi-mới \n SÁNG_tạo! ") == ["doi", "moi", "sang", "tao"]
    assert original_words(" Đổi-mới \n SÁNG_tạo! ") == ["đổi", "mới", "sáng", "tạo"]


def test_a_full_table_still_folds_every_character(monkeypatch):
    monkeypatch.setattr(folding, "MAX_REMEMBERED_CHARS", 0)
    fresh = folding.CharacterMap(folding._stripped)
    assert unicodedata.normalize("NFC", fresh(VIETNAMESE)) == reference_strip(VIETNAMESE)
    assert fresh.table == {}
