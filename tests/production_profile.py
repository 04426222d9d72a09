"""The runs of `make test` cannot pass by skipping (it sets NCRL_TEST_PROFILE to "embedded", then
to "production").

In both runs a skipped test is reported as a failure: a test that cannot apply to a profile carries
a mark that keeps it out of that run (`services`, `embedded`), so a skip means something is missing
(a service, chromium, a fixture). Before the production run starts, PostgreSQL, Redis,
Elasticsearch and MinIO must answer; the run stops at once with a message naming each one that
does not.
"""

from __future__ import annotations

import os

import pytest

PROFILE_VARIABLE = "NCRL_TEST_PROFILE"
TIMEOUT_SECONDS = 5


def production_run() -> bool:
    return os.environ.get(PROFILE_VARIABLE) == "production"


def strict_run() -> str:
    """The run of `make test` this is ("embedded" or "production"), or "" for any other run."""
    profile = os.environ.get(PROFILE_VARIABLE, "")
    return profile if profile in ("embedded", "production") else ""


def _postgresql() -> None:
    import psycopg

    with psycopg.connect(_required("DATABASE_URL"), connect_timeout=TIMEOUT_SECONDS) as db:
        db.execute("SELECT 1")


def _redis() -> None:
    import redis

    redis.Redis.from_url(_required("REDIS_URL"), socket_timeout=TIMEOUT_SECONDS).ping()


def _elasticsearch() -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(_required("ELASTICSEARCH_URL"), request_timeout=TIMEOUT_SECONDS)
    status = client.cluster.health()["status"]
    if status == "red":
        raise RuntimeError("cluster health is red")


def _minio() -> None:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=_required("AWS_S3_ENDPOINT_URL"),
        region_name=os.environ.get("AWS_S3_REGION_NAME") or "us-east-1",
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
        config=Config(connect_timeout=TIMEOUT_SECONDS, retries={"max_attempts": 1}),
    )
    client.head_bucket(Bucket=_required("AWS_STORAGE_BUCKET_NAME"))


SERVICES = {
    "PostgreSQL": _postgresql,
    "Redis": _redis,
    "Elasticsearch": _elasticsearch,
    "MinIO (S3)": _minio,
}


class Missing(Exception):
    pass


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise Missing(f"{name} is not set (`scripts/services.sh env` names running services only)")
    return value


def unhealthy_services() -> dict[str, str]:
    """Service name -> why it is not usable; empty when all four answer."""
    problems = {}
    for name, check in SERVICES.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure makes the service unusable
            problems[name] = str(error).splitlines()[0][:300] or type(error).__name__
    return problems


def pytest_configure(config) -> None:
    if not production_run():
        return
    problems = unhealthy_services()
    if problems:
        lines = "\n".join(f"  {name}: {why}" for name, why in problems.items())
        pytest.exit(
            f"The production profile run needs every service; not healthy:\n{lines}\n"
            "Start them with `scripts/services.sh up` and eval `scripts/services.sh env`.",
            returncode=3,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    run = strict_run()
    if run and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        rule = f"skipped in the {run} run of `make test`, where nothing may skip"
        report.longrepr = f"{rule}: {reason}"
