import os
import subprocess
import sys

import pytest

from tests.processes import ROOT


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once for the production processes the tests start (production
    serves hashed names from a manifest: without it every page would fail)."""
    folder = tmp_path_factory.mktemp("static")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": "sqlite:///unused",
        "DJANGO_SECRET_KEY": "collectstatic-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DJANGO_STATIC_ROOT": str(folder),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    return folder
