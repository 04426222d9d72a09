"""Development and the embedded `make run` profile: a fixed local secret and DEBUG on."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-secret-key-never-use-in-production")

from .base import *  # noqa: E402,F403
from .env import env_bool  # noqa: E402

DEBUG = env_bool("DJANGO_DEBUG", True)

DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise looks there)
