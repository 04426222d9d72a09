"""The whole duplicate check of one file, timed with a million fingerprints stored: what an editor
waits for after choosing a 12-megapixel JPEG, and what the background part of a check of a 60 s
video or a 60 s track costs (fingerprinting the file, then `find_duplicates`).

The stored fingerprints are the benchmark's generated image hashes (their index entries and band
terms are loaded by `bench.dedup`), a few thousand generated video and audio fingerprints of
realistic shape, and one real near copy of each file checked, which the check must find. The
generated image rows hold their PDQ hashes (whole, value channel, seven turned) but not the
thumbnail and local features (about 57 KB each: 57 GB for a million) that only a thorough check
reads; such rows are candidates through their band terms like any other.
"""

import io
import json
import random
import statistics
import subprocess
import time
from pathlib import Path

import numpy as np

from bench.dedup_images import photo
from bench.dedup_media import music, write_wav
from bench.search import percentile

CACHE = Path.home() / ".cache" / "ncrl-bench" / "dedup-check"
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
MEDIA_SECONDS = 60
FILLERS = 1000  # generated video and audio fingerprints of each kind
CALLS = {"image": 30, "video": 7, "audio": 7}
CHECK_KINDS = tuple(CALLS)
WARM_UP = 2
TURNED = 7


def ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-nostdin", "-y", *arguments], check=True, timeout=600)


def media_files() -> dict[str, tuple[Path, Path]]:
    """kind -> (file checked, near copy stored), generated once into the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    files = {
        "image": (CACHE / "photo.jpg", CACHE / "photo.copy.jpg"),
        "video": (CACHE / "clip.mp4", CACHE / "clip.copy.mp4"),
        "audio": (CACHE / "track.wav", CACHE / "track.copy.mp3"),
    }
    if not all(path.exists() for pair in files.values() for path in pair):
        _make_image(*files["image"])
        _make_video(*files["video"])
        _make_audio(*files["audio"])
    return files


def _make_image(original: Path, copy: Path) -> None:
    picture = photo(7, 3, size=(1000, 750)).resize(PHOTO_SIZE)
    picture.save(original, quality=90)
    picture.resize((2000, 1500)).save(copy, quality=75)


def _make_video(original: Path, copy: Path) -> None:
    scene = original.with_suffix(".scene.png")
    photo(11, 5, size=(1920, 1080)).save(scene)
    ffmpeg("-loop", "1", "-framerate", "25", "-i", str(scene), "-t", str(MEDIA_SECONDS),
           "-vf", "crop=1280:720:x='t*10':y='t*5'", "-c:v", "libx264", "-preset", "veryfast",
           "-pix_fmt", "yuv420p", str(original))  # fmt: skip
    ffmpeg("-i", str(original), "-vf", "scale=640:360", "-c:v", "libx264", "-crf", "30",
           str(copy))  # fmt: skip
    scene.unlink()


def _make_audio(original: Path, copy: Path) -> None:
    write_wav(original, np.concatenate([music(4, seed) for seed in (1, 2, 3)]))
    ffmpeg("-i", str(original), "-c:a", "libmp3lame", "-b:a", "96k", str(copy))


def image_rows(hashes: np.ndarray, now: str):
    """Fingerprint rows of the generated image hashes, in the table's column order."""
    rng = np.random.default_rng(7)
    for number, row in enumerate(hashes):
        extra = rng.integers(0, 256, size=(TURNED + 1, 32), dtype=np.uint8)
        named = {"full": row.tobytes().hex(), "value": extra[0].tobytes().hex()}
        named |= {f"turned-{n}": extra[n].tobytes().hex() for n in range(1, TURNED + 1)}
        data = json.dumps({"hashes": named, "quality": 100})
        yield (f"image:{number}", "image", "", data, "[]", 4, now, 0)


def load_fingerprints(raw, hashes: np.ndarray, batch: int) -> None:
    """The image fingerprints, straight into the table through sqlite3 (`raw`)."""
    from django.utils import timezone

    from search.duplicates.models import AssetFingerprint

    table = AssetFingerprint._meta.db_table
    sql = (
        f"INSERT INTO {table} (key, modality, content_hash, data, terms, version, created_at,"
        " awaiting_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    rows = image_rows(hashes, timezone.now().isoformat())
    while chunk := [row for _, row in zip(range(batch), rows, strict=False)]:
        raw.executemany(sql, chunk)


def store(key: str, name: str, data: dict) -> None:
    """One fingerprint with its index entry, as an indexed upload has them."""
    from search.documents import SearchRecord
    from search.duplicates.modalities import modality
    from search.duplicates.models import AssetFingerprint
    from search.duplicates.storing import FINGERPRINT_VERSION
    from search.duplicates.thresholds import thresholds
    from search.indexing import upsert_records

    terms = modality(name).index_terms(data, thresholds())
    AssetFingerprint.objects.create(
        key=key, modality=name, data=data, terms=terms, version=FINGERPRINT_VERSION
    )
    kind = key.split(":")[0]
    record = SearchRecord(key=key, kind=kind, type=name, title=key, is_public=True, terms=terms)
    upsert_records([record])


def store_fillers(name: str, like: dict) -> None:
    """FILLERS fingerprints shaped like `like`, with random hashes or sub-fingerprints."""
    rng = random.Random(name)
    for number in range(FILLERS):
        if name == "video":
            frames = [[s, f"{rng.getrandbits(256):064x}"] for s, _pdq in like["frames"]]
            data = {"frames": frames, "keyframes": []}
        else:
            length = len(like["chromaprint"])
            data = {"chromaprint": [rng.getrandbits(32) - 2**31 for _ in range(length)]}
        store(f"media:{name}-{number}", name, data)


class Upload(io.FileIO):
    """A received upload: Django keeps one over 2.5 MB in a temporary file (this one)."""

    def temporary_file_path(self) -> str:
        return str(self.name)


def check(kind: str, path: Path):
    """The whole check: fingerprint the file as the product does, then find its copies (an
    image while the upload is received; audio and video in the background part)."""
    from search.duplicates.fingerprinting import fingerprint_file, fingerprint_quickly
    from search.duplicates.matching import find_duplicates

    with Upload(path) as upload:
        if kind == "image":
            found = fingerprint_quickly(upload, family=kind, sha256="0" * 64)
        else:
            found = fingerprint_file(upload, family=kind, sha256="0" * 64)
    return find_duplicates(found)


def measure_checks(kinds: list[str] | tuple[str, ...] = CHECK_KINDS) -> dict:
    """p50/p95 of each kind's whole check, once the image rows are loaded (`bench.dedup`)."""
    from search.duplicates.fingerprinting import fingerprint_file

    files = {kind: pair for kind, pair in media_files().items() if kind in kinds}
    for kind, (_original, copy) in files.items():
        with copy.open("rb") as handle:
            planted = fingerprint_file(handle, family=kind, sha256="1" * 64)
        store(f"{'image' if kind == 'image' else 'media'}:planted-{kind}", planted.modality,
              planted.data)  # fmt: skip
        if kind != "image":
            store_fillers(kind, planted.data)
    figures = {}
    for kind, (original, _copy) in files.items():
        timings, found = [], True
        for call in range(WARM_UP + CALLS[kind]):
            begin = time.perf_counter()
            matches = check(kind, original)
            if call >= WARM_UP:
                timings.append((time.perf_counter() - begin) * 1000)
            found = found and any(m.key.endswith(f"planted-{kind}") for m in matches)
        figures[f"check_{kind}_p50_ms"] = round(statistics.median(timings), 1)
        figures[f"check_{kind}_p95_ms"] = round(percentile(timings, 0.95), 1)
        figures[f"check_{kind}_found_copy"] = found
        print(f"check {kind} ({CALLS[kind]} calls): {json.dumps(figures)}", flush=True)
    return figures
