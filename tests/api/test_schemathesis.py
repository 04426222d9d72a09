"""schemathesis (from PyPI) against the served OpenAPI document: generated requests to every
operation, bounded in examples and time; no server error, every answer as documented."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import document_asset, image_asset, media_asset

# Run once, on the production profile (PostgreSQL, Redis, Elasticsearch, S3), where a bad input
# has the most ways to fail (PostgreSQL refuses NUL in text, SQLite does not).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.services]

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


def test_the_api_holds_to_its_openapi_document(live_server, agency_a, licence, topic, tmp_path):
    image = image_asset(agency_a, title="Infographic chuyển đổi số", licence=licence)
    image.topics.add(topic)
    document_asset(agency_a, title="Sổ tay chuyển đổi số")
    media_asset(agency_a, title="Phóng sự đổi mới sáng tạo")
    image_asset(agency_a, published=False, title="Chưa công bố", variant=3)
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/v3/openapi.json",
            "--checks",
            CHECKS,
            "--max-examples",
            "12",
            "--seed",
            "1169",
            "--request-timeout",
            "30",
            "--max-failures",
            "10",
            "--phases",
            "examples,fuzzing,stateful",
            "--suppress-health-check",
            "all",
        ],
        capture_output=True,
        text=True,
        timeout=420,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
