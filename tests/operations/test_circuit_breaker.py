"""The Elasticsearch circuit breaker is one for the whole deployment: a failure seen by one process
sends every other process to the database too, and only one of them replays the queued updates."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from search import availability

ROOT = Path(__file__).resolve().parents[2]
ASK = "import django; django.setup(); from search import availability as a; print(a.should_try())"


@pytest.fixture(autouse=True)
def _clean_breaker(settings):
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "RETRY_AFTER_SECONDS": 60}
    availability.reset()
    yield
    availability.reset()


def should_try_in_another_process() -> bool:
    answer = subprocess.run(
        [sys.executable, "-c", ASK],
        cwd=ROOT,
        env=dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return answer.stdout.strip().splitlines()[-1] == "True"


def test_another_process_sees_the_outage_and_the_recovery():
    assert should_try_in_another_process()
    availability.mark_down()
    assert not availability.should_try()
    assert not should_try_in_another_process()
    assert availability.mark_up() is True
    assert should_try_in_another_process()


def test_only_one_caller_is_told_to_replay():
    availability.mark_down()
    assert [availability.mark_up() for _ in range(3)] == [True, False, False]
