"""Marks that say where a test applies, so that no run of `make test` collects a test it would skip.

The embedded run deselects `services`; the production run deselects `embedded` (see pyproject.toml).
"""

import pytest

# A test about Elasticsearch itself: `backend_name` on that backend only, in the production run.
elasticsearch_only = pytest.mark.parametrize(
    "backend_name", [pytest.param("elasticsearch", marks=pytest.mark.services)], indirect=True
)
