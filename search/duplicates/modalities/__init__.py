"""One class per modality (image, video, audio, text), each owning how its fingerprint is
computed, indexed, compared and how its content is hashed (`base.Modality`).

Free of Django like the algorithms they call, so the evaluation (`bench/eval_dedup.py`) runs the
product's code without a database. Which modality an upload gets is decided by its family.
"""

from .audio import AudioModality
from .base import Comparison, Modality, TermGroup
from .image import ImageModality
from .text import TextModality
from .video import VideoModality

IMAGE = ImageModality()
VIDEO = VideoModality(IMAGE)
AUDIO = AudioModality()
TEXT = TextModality()
MODALITIES: dict[str, Modality] = {m.name: m for m in (IMAGE, VIDEO, AUDIO, TEXT)}
# The modality an upload's file is fingerprinted as; a document is read as its text.
MODALITY_OF_FAMILY: dict[str, Modality] = {
    "image": IMAGE,
    "video": VIDEO,
    "audio": AUDIO,
    "document": TEXT,
}


def modality(name: str) -> Modality:
    """The modality called `name`; ValueError for any other name."""
    try:
        return MODALITIES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown modality {name!r}") from None


__all__ = ["Comparison", "MODALITIES", "MODALITY_OF_FAMILY", "Modality", "TermGroup", "modality"]
