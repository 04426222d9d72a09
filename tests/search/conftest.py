"""Every search test runs on the database backend, and on Elasticsearch when ELASTICSEARCH_URL is
set (scripts/services.sh up es; eval "$(scripts/services.sh env)")."""

import os
import re
import uuid
from pathlib import Path

import pytest

from search import availability
from search.backends import _elastic_backend, get_elastic_backend

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


@pytest.fixture(params=["database", "elasticsearch"])
def backend_name(request, settings):
    url = os.environ.get("ELASTICSEARCH_URL")
    if request.param == "elasticsearch" and not url:
        pytest.skip("ELASTICSEARCH_URL is not set: start it with `scripts/services.sh up es`")
    alias = f"ncrl-test-{uuid.uuid4().hex[:10]}"
    settings.LIBRARY_SEARCH = {
        **settings.LIBRARY_SEARCH,
        "URL": url if request.param == "elasticsearch" else None,
        "INDEX": alias,
        "REPLICAS": 0,
        "RETRY_AFTER_SECONDS": 0,
        "TIMEOUT_SECONDS": 10,
    }
    _elastic_backend.cache_clear()
    availability.reset()
    yield request.param
    elastic = get_elastic_backend()
    if elastic is not None:
        indices = elastic.client.options(ignore_status=404).indices.get_alias(name=alias)
        for index in indices if "error" not in indices else []:
            elastic.client.indices.delete(index=index)
    _elastic_backend.cache_clear()
    availability.reset()
