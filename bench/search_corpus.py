"""Generated Vietnamese search records for the search benchmark: phrases and syllables mixed."""

import random
from collections.abc import Iterator
from datetime import UTC, datetime

from search.documents import SearchRecord

PHRASES = [
    "chuyển đổi số", "đổi mới sáng tạo", "khoa học và công nghệ", "kinh tế số", "xã hội số",
    "chính phủ số", "dữ liệu quốc gia", "trí tuệ nhân tạo", "bình dân học vụ số",
    "nhiệm vụ khoa học", "doanh nghiệp khởi nghiệp", "truyền thông chính sách", "hạ tầng số",
    "an toàn thông tin", "nền tảng số", "kỹ năng số", "công dân số", "thương mại điện tử",
    "cổng thông tin điện tử", "kho tài nguyên truyền thông số", "sở hữu trí tuệ",
]  # fmt: skip
_SYLLABLE_TEXT = (
    "các những của cho trong với về được là có và người dân cơ quan đơn vị tỉnh huyện xã phường "
    "triển khai thực hiện kế hoạch chương trình nâng cao hiệu quả phát triển hỗ trợ đào tạo "
    "năng lực quản lý nhà nước hội nghị tuyên truyền sản phẩm dịch vụ ứng dụng mô hình thí điểm "
    "học sinh sinh viên giáo viên nhà khoa học viện nghiên cứu trường đại học thanh niên phụ nữ "
    "nông thôn đô thị miền núi biên giới hải đảo đồng nai hà nội thành phố hồ chí minh"
)
SYLLABLES = _SYLLABLE_TEXT.split()
AGENCIES = [f"agency-{n:02d}" for n in range(30)]
TOPICS = ["cds", "dmst", "khcn", "ai", "du-lieu", "an-ninh-mang", "giao-duc", "y-te"]
AUDIENCES = ["children", "students", "teachers", "civil-servants", "enterprises", "citizens"]
KINDS = {"image": ["photo", "infographic"], "document": ["pdf", "slides"], "media": ["video"]}


def sentence(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    while len(parts) < words:
        if rng.random() < 0.25:
            parts += rng.choice(PHRASES).split()
        else:
            parts.append(rng.choice(SYLLABLES))
    return " ".join(parts[:words])


def records(count: int, seed: int = 57) -> Iterator[SearchRecord]:
    rng = random.Random(seed)
    for number in range(count):
        kind = rng.choice(list(KINDS))
        year = rng.randint(2019, 2026)
        yield SearchRecord(
            key=f"{kind}:{number}",
            kind=kind,
            type=rng.choice(KINDS[kind]),
            title=sentence(rng, rng.randint(6, 12)).capitalize(),
            text=". ".join(sentence(rng, rng.randint(12, 25)) for _ in range(rng.randint(3, 6))),
            agency=rng.choice(AGENCIES),
            topics=rng.sample(TOPICS, rng.randint(1, 3)),
            audiences=rng.sample(AUDIENCES, rng.randint(1, 2)),
            language="vi" if rng.random() < 0.9 else "en",
            licence=rng.choice(["cc-by-4.0", "cc-by-nc-4.0", "all-rights"]),
            year=year,
            published_at=datetime(year, rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC),
            is_public=rng.random() < 0.95,
        )


def queries(count: int, seed: int = 1169) -> list[tuple[str, dict]]:
    """(text, two filters) pairs: a phrase or two syllables, an agency or topic, and a year."""
    rng = random.Random(seed)
    chosen = []
    for _ in range(count):
        text = rng.choice(PHRASES) if rng.random() < 0.6 else sentence(rng, 2)
        first = {"topic": [rng.choice(TOPICS)]} if rng.random() < 0.5 else {}
        first = first or {"agency": [rng.choice(AGENCIES)]}
        chosen.append((text, {**first, "year": [str(rng.randint(2019, 2026))]}))
    return chosen
