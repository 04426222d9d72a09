"""What the transcoding worker made for an asset (poster, storyboard, MP4 rungs, HLS, normalised
audio, waveform, page previews), looked up in bulk for lists and per asset for its page."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from transcoding.models import Rendition

from .files import file_url

LADDER_ORDER = ("1080p", "720p", "480p", "360p")


@dataclass
class Outputs:
    """An asset's finished renditions by name ("poster", "hls", "720p", "page-0001", ...)."""

    by_name: dict[str, Rendition] = field(default_factory=dict)

    def get(self, name: str) -> Rendition | None:
        return self.by_name.get(name)

    def url(self, name: str) -> str:
        rendition = self.by_name.get(name)
        return file_url(rendition.file.name) if rendition else ""

    @property
    def mp4_rungs(self) -> list[Rendition]:
        rungs = [r for r in self.by_name.values() if r.mime_type == "video/mp4"]
        return sorted(rungs, key=lambda r: -(r.height or 0))

    @property
    def fallback_mp4(self) -> Rendition | None:
        """The rung a browser without HLS plays: 720p or the nearest below, else the smallest."""
        rungs = self.mp4_rungs
        suitable = [r for r in rungs if (r.height or 0) <= 720]
        return suitable[0] if suitable else (rungs[-1] if rungs else None)

    @property
    def audio(self) -> list[Rendition]:
        return [r for r in self.by_name.values() if r.mime_type.startswith("audio/")]

    @property
    def pages(self) -> list[Rendition]:
        return sorted(
            (r for name, r in self.by_name.items() if name.startswith("page-")),
            key=lambda r: r.name,
        )


def outputs_by_pk(model, pks, names: list[str] | None = None) -> dict[int, Outputs]:
    """One query for the renditions of many assets of one model."""
    found: dict[int, Outputs] = defaultdict(Outputs)
    if not pks:
        return found
    rows = Rendition.objects.filter(
        job__content_type=ContentType.objects.get_for_model(model), job__object_id__in=list(pks)
    ).select_related("job")
    if names is not None:
        rows = rows.filter(name__in=names)
    for rendition in rows:
        found[rendition.job.object_id].by_name[rendition.name] = rendition
    return found


def outputs_of(asset) -> Outputs:
    return outputs_by_pk(type(asset), [asset.pk]).get(asset.pk) or Outputs()
