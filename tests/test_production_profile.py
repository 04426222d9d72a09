"""The runs of `make test` fail loudly: a service that does not answer is named, a skip fails."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.embedded
ROOT = Path(__file__).resolve().parent.parent
DEAD = "http://127.0.0.1:9"  # the discard port: nothing listens there

SKIPPING_TEST = """
import pytest

def test_skips_for_want_of_a_service():
    pytest.skip("ELASTICSEARCH_URL is not set")

def test_passes():
    pass
"""
# Only for the skip test: the services answer (their checks are not what it is about).
ALL_HEALTHY = "import tests.production_profile as profile\nprofile.SERVICES.clear()\n"


def run_pytest(folder: Path, **env: str) -> subprocess.CompletedProcess:
    (folder / "pytest.ini").write_text("[pytest]\n")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.production_profile", "-p", "no:django",
         "-p", "no:cacheprovider", "-c", str(folder / "pytest.ini"), "--rootdir", str(folder),
         str(folder)],
        cwd=ROOT,
        env={**os.environ, "NCRL_TEST_PROFILE": "production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip


def test_an_unhealthy_service_stops_the_run_and_is_named(tmp_path):
    (tmp_path / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    run = run_pytest(
        tmp_path,
        DATABASE_URL="postgres://ncrl:ncrl@127.0.0.1:9/ncrl",
        REDIS_URL="redis://127.0.0.1:9/0",
        ELASTICSEARCH_URL=DEAD,
        AWS_S3_ENDPOINT_URL=DEAD,
        AWS_STORAGE_BUCKET_NAME="ncrl-test",
    )
    output = run.stdout + run.stderr
    assert run.returncode == 3, output
    for name in ("PostgreSQL", "Redis", "Elasticsearch", "MinIO"):
        assert f"{name}" in output, output
    assert "test_nothing" not in output and "passed" not in output


def test_a_missing_variable_is_named(tmp_path):
    (tmp_path / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    env = {name: "" for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL")}
    run = run_pytest(tmp_path, **env)
    assert run.returncode == 3
    assert "REDIS_URL is not set" in run.stdout + run.stderr


@pytest.mark.parametrize("profile", ["production", "embedded"])
def test_a_skip_in_a_run_of_make_test_is_a_failure(tmp_path, profile):
    (tmp_path / "conftest.py").write_text(ALL_HEALTHY)
    (tmp_path / "test_skipping.py").write_text(SKIPPING_TEST)
    run = run_pytest(tmp_path, NCRL_TEST_PROFILE=profile)
    assert run.returncode == 1, run.stdout
    assert "1 failed, 1 passed" in run.stdout
    assert f"skipped in the {profile} run of `make test`" in run.stdout


def test_a_developers_own_run_may_skip(tmp_path):
    (tmp_path / "test_skipping.py").write_text(SKIPPING_TEST)
    run = run_pytest(tmp_path, NCRL_TEST_PROFILE="")
    assert run.returncode == 0 and "1 passed, 1 skipped" in run.stdout
