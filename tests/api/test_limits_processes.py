"""The per-consumer limit holds across processes: two processes share one budget through the
cache (Redis in production, the cache folder with a lock in the embedded profile)."""

import subprocess
import sys

import pytest

from .conftest import consumer_token
from .windows import start_of_a_fresh_window

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT = """
import sys, requests
url, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
codes = [requests.get(url, headers={"Authorization": "Bearer " + token}, timeout=30).status_code
         for _ in range(count)]
print(",".join(map(str, codes)))
"""


def test_two_processes_share_one_consumers_limit(live_server):
    _consumer, token = consumer_token("Hai tiến trình", rate_limit_per_minute=10)
    url = f"{live_server.url}/api/v3/topics/"
    start_of_a_fresh_window(burst_seconds=30)  # two interpreters start, then 16 requests
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", CLIENT, url, token, "8"], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    codes = [code for run in runs for code in run.communicate(timeout=120)[0].strip().split(",")]
    assert sorted(set(codes)) == ["200", "429"]
    assert codes.count("200") == 10 and codes.count("429") == 6
