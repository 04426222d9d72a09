"""Build the duplicate-detection evaluation set from scratch, in a cache outside the checkout.

Usage: python -m bench.dedup_dataset [--cache DIR]

Sources (photos, infographics, video clips, music-like audio, Vietnamese articles), transformed
copies of each, and near-miss distractors (same template, scene or style, different content) are
generated with Pillow, numpy and ffmpeg and listed in `manifest.json`. A complete set is reused.
"""

import argparse
import json
import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import dedup_images, dedup_media, dedup_speech, dedup_texts

DEFAULT_CACHE = Path(os.environ.get("NCRL_DEDUP_CACHE", Path.home() / ".cache/ncrl/dedup-eval"))
# Bump a kind's version when its generator changes: only that kind is generated again.
# A set is a kind, or a part of one evaluated on its own ("speech": spoken audio).
DATASET_VERSIONS = {"image": 2, "video": 2, "audio": 1, "speech": 1, "text": 1}
PHOTOS, INFOGRAPHICS, CLIPS, TRACKS, PASSAGES, ARTICLES = 40, 40, 40, 40, 36, 60


def item(kind: str, role: str, item_id: str, source: str, transform: str, **data) -> dict:
    return {"kind": kind, "role": role, "id": item_id, "source": source, "transform": transform,
            **data}  # fmt: skip


def build_images(root: Path) -> list[dict]:
    items = []
    for index in range(PHOTOS + INFOGRAPHICS):
        is_photo = index < PHOTOS
        if is_photo:
            group = index % 10
            original, near = (
                dedup_images.photo(1000 + index, group),
                dedup_images.photo(5000 + index, group),
            )
        else:
            group = index % len(dedup_images.TEMPLATES)
            original = dedup_images.infographic(group, 2000 + index)
            near = dedup_images.infographic(group, 6000 + index)
        stem = root / f"img{index:03d}"
        extension = "jpg" if is_photo else "png"
        original.save(stem.with_suffix(f".{extension}"), quality=92)
        near.save(stem.with_name(f"{stem.name}.near.{extension}"), quality=92)
        source_id = stem.name
        subtype = "photo" if is_photo else "infographic"
        items.append(item("image", "source", source_id, source_id, subtype,
                          path=str(stem.with_suffix(f".{extension}"))))  # fmt: skip
        items.append(item("image", "distractor", f"{source_id}.near", source_id, subtype,
                          path=str(stem.with_name(f"{stem.name}.near.{extension}"))))  # fmt: skip
        copies = dedup_images.save_copies(original, stem, random.Random(index))
        for name, path in copies.items():
            items.append(
                item("image", "copy", f"{source_id}.{name}", source_id, name, path=str(path))
            )
    return items


def media_items(kind: str, stem: Path, group: str, source: Path, near: Path, copies) -> list:
    """The source, its near miss and its copies (name -> (path, seconds cut from the start))."""
    items = [
        item(kind, "source", stem.name, stem.name, group, path=str(source)),
        item(kind, "distractor", f"{stem.name}.near", stem.name, group, path=str(near)),
    ]
    for name, (path, offset) in copies.items():
        items.append(item(kind, "copy", f"{stem.name}.{name}", stem.name, name, path=str(path),
                          offset=offset))  # fmt: skip
    return items


def build_one_clip(root: Path, index: int) -> list[dict]:
    family = index % 5
    stem = root / f"vid{index:03d}"
    source, near = stem.with_suffix(".mp4"), stem.with_name(f"{stem.name}.near.mp4")
    dedup_media.make_video(source, family, 100 + index, f"Clip {index}")
    dedup_media.make_video(near, family, 900 + index, f"Clip {index}")
    copies = dedup_media.video_copies(source, stem, random.Random(index))
    return media_items("video", stem, f"family{family}", source, near, copies)


def build_one_track(root: Path, index: int) -> list[dict]:
    style = index % 10
    stem = root / f"aud{index:03d}"
    source, near = stem.with_suffix(".wav"), stem.with_name(f"{stem.name}.near.wav")
    dedup_media.write_wav(source, dedup_media.music(style, 300 + index))
    dedup_media.write_wav(near, dedup_media.music(style, 700 + index))
    copies = dedup_media.audio_copies(source, stem, random.Random(index))
    return media_items("audio", stem, f"style{style}", source, near, copies)


def build_one_passage(root: Path, index: int) -> list[dict]:
    """A passage, the next passage in the same voice, the same passage in the next voice."""
    stem = root / f"speech{index:03d}"
    presenter = index % len(dedup_speech.PRESENTERS)
    text = dedup_speech.passage(4000 + index)
    source = stem.with_suffix(".wav")
    dedup_speech.speak(source, text, presenter)
    negatives = {
        "same_voice": (dedup_speech.passage(9000 + index), presenter),
        "other_voice": (text, presenter + 1 + index % (len(dedup_speech.PRESENTERS) - 1)),
    }
    items = [item("audio", "source", stem.name, stem.name, "speech", path=str(source))]
    for name, (spoken, voice) in negatives.items():
        path = stem.with_name(f"{stem.name}.{name}.wav")
        dedup_speech.speak(path, spoken, voice)
        items.append(item("audio", "distractor", f"{stem.name}.{name}", stem.name, name,
                          path=str(path)))  # fmt: skip
    copies = dedup_speech.speech_copies(source, stem, random.Random(index))
    for name, (path, offset) in copies.items():
        items.append(item("audio", "copy", f"{stem.name}.{name}", stem.name, name, path=str(path),
                          offset=offset))  # fmt: skip
    return [dict(entry, set="speech") for entry in items]


def build_texts() -> list[dict]:
    items = []
    for index in range(ARTICLES):
        source_id = f"txt{index:03d}"
        text = dedup_texts.article(3000 + index)
        items.append(item("text", "source", source_id, source_id, "article", text=text))
        items.append(item("text", "distractor", f"{source_id}.near", source_id, "article",
                          text=dedup_texts.article(8000 + index)))  # fmt: skip
        for name, copy in dedup_texts.text_copies(text, random.Random(index)).items():
            items.append(item("text", "copy", f"{source_id}.{name}", source_id, name, text=copy))
    return items


def build_clips(root: Path) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return [item for produced in pool.map(lambda i: build_one_clip(root, i), range(CLIPS))
                for item in produced]  # fmt: skip


def build_tracks(root: Path) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return [item for produced in pool.map(lambda i: build_one_track(root, i), range(TRACKS))
                for item in produced]  # fmt: skip


def build_passages(root: Path) -> list[dict]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return [item for produced in pool.map(lambda i: build_one_passage(root, i),
                                              range(PASSAGES)) for item in produced]  # fmt: skip


def set_of(entry: dict) -> str:
    return entry.get("set", entry["kind"])


BUILDERS = {
    "image": lambda cache: build_images(cache / "images"),
    "video": lambda cache: build_clips(cache / "video"),
    "audio": lambda cache: build_tracks(cache / "audio"),
    "speech": lambda cache: build_passages(cache / "speech"),
    "text": lambda cache: build_texts(),
}


def build(cache: Path = DEFAULT_CACHE) -> Path:
    """Build the kinds whose version changed (or all, the first time); returns the manifest path."""
    manifest = cache / "manifest.json"
    stored = json.loads(manifest.read_text()) if manifest.exists() else {}
    versions = stored.get("versions", {})
    items = [
        i for i in stored.get("items", []) if versions.get(set_of(i)) == DATASET_VERSIONS[set_of(i)]
    ]
    for kind, version in DATASET_VERSIONS.items():
        if versions.get(kind) == version:
            continue
        for folder in ("images", "video", "audio", "speech"):
            (cache / folder).mkdir(parents=True, exist_ok=True)
        items += BUILDERS[kind](cache)
    manifest.write_text(
        json.dumps({"versions": DATASET_VERSIONS, "items": items}, ensure_ascii=False)
    )
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    manifest = build(parser.parse_args().cache)
    items = json.loads(manifest.read_text())["items"]
    print(f"{manifest}: {len(items)} items, {sum(i['role'] == 'source' for i in items)} sources")


if __name__ == "__main__":
    main()
