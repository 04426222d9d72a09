"""Mixed resumable uploads sent at once, as busy agencies send them (used by tests and bench).

Each sample is a real file with bytes of its own (noise PNG images, MP4 clips made by ffmpeg,
PDFs): no two uploads share a SHA-256. Uploads go through tuspy in small chunks, several at a
time, and retry as tus clients do (HEAD, then PATCH from the server's offset).
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests
from PIL import Image
from tusclient import client as tus_client

# Of every 8 uploads: 3 images, 3 PDFs, 2 videos (each video makes 3 transcoding jobs).
KINDS = ("image", "document", "video", "image", "document", "image", "video", "document")


@dataclass
class Sample:
    path: Path
    kind: str
    sha256: str


@dataclass
class Outcome:
    sample: Sample
    url: str = ""
    started: float = 0.0
    finished: float = 0.0
    error: str = ""
    answer: dict = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.finished - self.started

    @property
    def asset(self) -> dict | None:
        return self.answer.get("asset")


def make_samples(folder: Path, count: int, seed: int = 0) -> list[Sample]:
    """`count` files cycling through images, videos and PDFs, each with its own bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    clip = _clip(folder)
    samples = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        name = f"{number:03d}-{rng.randrange(1 << 30):x}"
        if kind == "image":
            path, content = folder / f"{name}.png", _noise_png(rng)
        elif kind == "video":
            path, content = folder / f"{name}.mp4", _padded(clip, rng)
        else:
            path, content = folder / f"{name}.pdf", _noise_pdf(rng)
        path.write_bytes(content)
        samples.append(Sample(path, kind, hashlib.sha256(content).hexdigest()))
    return samples


def _noise_png(rng: random.Random) -> bytes:
    size = (rng.randrange(120, 220), rng.randrange(120, 220))
    buffer = io.BytesIO()
    pixels = bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    Image.frombytes("RGB", size, pixels).save(buffer, "PNG")
    return buffer.getvalue()


def _noise_pdf(rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    pixels = bytes(rng.getrandbits(8) for _ in range(90 * 120 * 3))
    Image.frombytes("RGB", (90, 120), pixels).save(buffer, "PDF")
    return buffer.getvalue()


def _clip(folder: Path) -> bytes:
    """A one-second video with sound, made once per batch."""
    path = folder / "clip.mp4"
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1",
         "-f", "lavfi", "-i", "sine=frequency=660:duration=1",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
        check=True,
    )  # fmt: skip
    content = path.read_bytes()
    path.unlink()
    return content


def _padded(clip: bytes, rng: random.Random) -> bytes:
    """The clip with a trailing ISO BMFF 'free' box of random bytes: same film, own SHA-256."""
    padding = bytes(rng.getrandbits(8) for _ in range(rng.randrange(20_000, 60_000)))
    return clip + (len(padding) + 8).to_bytes(4, "big") + b"free" + padding


def upload_one(endpoint: str, token: str, sample: Sample, chunk_size: int) -> Outcome:
    outcome = Outcome(sample, started=time.monotonic())
    headers = {"Authorization": f"Bearer {token}"}
    try:
        uploader = tus_client.TusClient(endpoint, headers=headers).uploader(
            file_path=str(sample.path),
            metadata={"filename": sample.path.name, "sha256": sample.sha256},
            chunk_size=chunk_size,
            retries=5,
            retry_delay=1,
        )
        uploader.upload()
        outcome.url = uploader.url
        outcome.answer = requests.get(
            uploader.url, headers={**headers, "Tus-Resumable": "1.0.0"}, timeout=30
        ).json()
    except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the batch
        outcome.error = f"{type(error).__name__}: {error}"
    outcome.finished = time.monotonic()
    return outcome


def upload_all(
    endpoint: str, token: str, samples: list[Sample], concurrency: int = 8, chunk_size: int = 0
) -> list[Outcome]:
    """Every sample uploaded, `concurrency` at a time; outcomes in the samples' order."""
    chunk_size = chunk_size or int(os.environ.get("NCRL_LOAD_CHUNK_BYTES", 64 * 1024))
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(lambda s: upload_one(endpoint, token, s, chunk_size), samples))


def lost(outcomes: list[Outcome]) -> list[Outcome]:
    """Uploads that did not end as an asset holding exactly their bytes."""
    return [
        o
        for o in outcomes
        if o.error
        or o.answer.get("status") != "complete"
        or not o.asset
        or o.answer.get("sha256") != o.sample.sha256
    ]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)] if ordered else 0.0
