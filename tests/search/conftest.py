"""Seed texts for the search tests (the `backend_name` fixture is in tests/conftest.py)."""

import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seeds"


def seed_paragraphs() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"Vietnamese seed texts not found in {SEEDS} (shared/ is not beside the repo)")
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in re.split(r"\n\s*\n|\n(?=\s*[-+•]|\s*\d+\.)", path.read_text("utf-8")):
            text = " ".join(block.split())
            if len(text.split()) >= 12:
                paragraphs.append(text)
    return paragraphs
