"""Functions run in isolated children by tests/assets/test_isolation.py (importable by name)."""

import ctypes
import os
import time

from PIL import Image

from assets.validation.errors import UploadRejected


def add(a: int, b: int) -> int:
    return a + b


def pid() -> int:
    return os.getpid()


def refuse(name: str) -> None:
    raise UploadRejected("“%(name)s” is refused.", "refused_for_a_test", name=name)


def fail() -> None:
    raise ValueError("no good")


def segfault() -> None:
    ctypes.string_at(0)


def abort() -> None:
    os.abort()


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def spin() -> None:
    while True:
        pass


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def decode_without_pillows_guard(path: str) -> tuple[int, int]:
    """As a decoder with no pixel limit of its own would (this changes only the child)."""
    Image.MAX_IMAGE_PIXELS = None
    with Image.open(path) as image:
        image.load()
        return image.size
