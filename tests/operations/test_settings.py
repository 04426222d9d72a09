"""Production settings refuse to start without what a deployment must choose, or with DEBUG on,
and say which variable is wrong. Each case starts a real Python process, as gunicorn would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "DATABASE_URL": "postgres://ncrl:ncrl@127.0.0.1:5432/ncrl",
    "DJANGO_SECRET_KEY": "a-long-random-secret-for-this-test-only-1234567890abcdef",
    "DJANGO_ALLOWED_HOSTS": "thuvien.example.vn",
    "WAGTAILADMIN_BASE_URL": "https://thuvien.example.vn",
}
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, "
    "s.ALLOWED_HOSTS, s.WAGTAILADMIN_BASE_URL, s.DATABASES['default']['ENGINE'])"
)


def start_production(**variables: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED and key not in ("DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **variables)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_a_missing_variable_stops_production_and_is_named(missing):
    variables = {name: value for name, value in REQUIRED.items() if name != missing}
    started = start_production(**variables)
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    last_line = started.stderr.strip().splitlines()[-1]
    assert missing in last_line
    assert all(name not in last_line for name in variables)


def test_every_missing_variable_is_named_at_once():
    started = start_production()
    assert started.returncode != 0
    last_line = started.stderr.strip().splitlines()[-1]
    assert all(name in last_line for name in REQUIRED)


@pytest.mark.parametrize("value", ["1", "true", "on"])
def test_debug_on_stops_production(value):
    started = start_production(**REQUIRED, DJANGO_DEBUG=value)
    assert started.returncode != 0
    assert "DJANGO_DEBUG" in started.stderr.strip().splitlines()[-1]


def test_production_runs_without_debug_behind_https():
    started = start_production(**REQUIRED, DJANGO_DEBUG="0")
    assert started.returncode == 0, started.stderr
    debug, redirect, hsts, secure_cookie, hosts, admin, engine = started.stdout.split(" ", 6)
    assert (debug, redirect, secure_cookie) == ("False", "True", "True")
    assert int(hsts) >= 180 * 24 * 3600
    assert "thuvien.example.vn" in hosts and "https://thuvien.example.vn" in admin
    assert "postgresql" in engine
