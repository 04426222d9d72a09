"""`make run` signs with a secret key of its own installation, never one written in the source."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _secret_key(data_dir: Path) -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(NCRL_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="config.settings.dev")
    printed = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SECRET_KEY)"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return printed.stdout.strip()


def test_each_installation_makes_and_keeps_its_own_key(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    key = _secret_key(first)
    assert len(key) >= 50
    assert _secret_key(first) == key  # kept across restarts: logins survive
    assert _secret_key(second) != key  # no two installations share one
    assert stat.S_IMODE((first / "secret_key").stat().st_mode) == 0o600
