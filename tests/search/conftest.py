"""Vietnamese texts for the search tests (the `backend_name` fixture is in tests/conftest.py).

The texts in texts/ were written for this project: short articles about the communication
programme, its resource library and the work of agencies and provinces. They carry the phrases
the tests look for ("chuyển đổi số", "đổi mới sáng tạo", "công nghệ") in several paragraphs.
"""

import re
from pathlib import Path

TEXTS = Path(__file__).resolve().parent / "texts"


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(TEXTS.glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text("utf-8")):
            text = " ".join(block.split())
            if len(text.split()) >= 12:
                paragraphs.append(text)
    assert len(paragraphs) >= 40, f"the test texts in {TEXTS} are missing"
    return paragraphs
