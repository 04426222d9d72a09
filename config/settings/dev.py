"""Development and the embedded `make run` profile: DEBUG on and a secret key of this
installation's own.

The key signs sessions' messages, image URLs and every other signed value: a key written in the
source would let anyone forge them. Unless DJANGO_SECRET_KEY is set, a random one is made on
first start and kept (readable by its owner only) in the data folder, so logins survive a
restart and no two installations share one.
"""

import os
import secrets
import time
from pathlib import Path


def _installation_secret_key() -> str:
    default = Path(__file__).resolve().parent.parent.parent / "var"
    folder = Path(os.environ.get("NCRL_DATA_DIR") or default)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret_key"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # made by an earlier start, or by the worker starting beside this process
    else:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    for _attempt in range(50):
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.02)  # the other process is writing it
    raise RuntimeError(f"{path} is empty: remove it and start again")


if not os.environ.get("DJANGO_SECRET_KEY"):
    os.environ["DJANGO_SECRET_KEY"] = _installation_secret_key()

from .base import *  # noqa: E402,F403
from .env import env_bool  # noqa: E402

DEBUG = env_bool("DJANGO_DEBUG", True)

DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise looks there)
