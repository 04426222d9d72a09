"""The benchmark's library: agencies and taxonomies of the demo, a few real files through the
upload and transcoding path, then many assets sharing them (bulk rows with their terms and
renditions), a few dozen articles, and the search index rebuilt (database and Elasticsearch)."""

import datetime as dt
import os
import random
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test.utils import override_settings
from django.utils import timezone

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.agencies.models import Agency
from cms.demo import content, media
from cms.demo.loader import add_asset, load_agencies, load_articles, load_taxonomies
from cms.taxonomy.models import Audience, Campaign, Licence, Topic
from search.rebuild import rebuild_all
from tests.run_cleanup import remove_run_indexes, remove_run_objects
from transcoding.models import Rendition, TranscodeJob

SHARES = {"image": 0.7, "document": 0.15, "media": 0.15}
WORDS = [
    "chuyển đổi số", "đổi mới sáng tạo", "khoa học và công nghệ", "sổ tay", "dữ liệu mở",
    "trí tuệ nhân tạo", "kỹ năng số", "dịch vụ công trực tuyến", "khởi nghiệp", "STEM",
]  # fmt: skip
IMMEDIATE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "transcoding", "previews", "webhooks"],
    }
}


def more_agencies(count: int) -> list[Agency]:
    kinds = ["province", "department", "press", "university", "research", "commune"]
    made = []
    for number in range(count):
        agency, _created = Agency.objects.get_or_create(
            code=f"bench-{number}",
            defaults={"name": f"Cơ quan thử tải {number}", "kind": kinds[number % len(kinds)]},
        )
        made.append(agency)
    return made


def originals(agencies: dict, workdir: Path) -> dict[str, list]:
    """Real files through the real path (checks, storage, fingerprints, transcoding)."""
    licence = Licence.objects.get(code="CC-BY-4.0")
    fields = {"licence": licence, "alt_text": "Ảnh thử tải", "kind": "photo"}
    owner = agencies["bo-khcn"]
    images = [add_asset(ImageAsset, owner, media.make_photo(workdir / f"p{seed}.jpg", seed),
                        f"Ảnh gốc {seed}", **fields) for seed in range(4)]  # fmt: skip
    for key, (title, blocks) in content.INFOGRAPHICS.items():
        path = media.make_infographic(workdir / f"{key}.png", title, blocks)
        images.append(
            add_asset(ImageAsset, owner, path, title, **{**fields, "kind": "infographic"})
        )
    video = media.make_video(workdir / "v.mp4", "Kho tài nguyên", seconds=6)
    audio = media.make_audio(workdir / "a.mp3", seconds=20)
    handbook = media.make_handbook(workdir / "h.pdf", *content.HANDBOOKS["skills"])
    return {
        "image": images,
        "media": [
            add_asset(MediaAsset, owner, video, "Video gốc", licence=licence, kind="clip"),
            add_asset(MediaAsset, owner, audio, "Podcast gốc", licence=licence, kind="podcast"),
        ],  # fmt: skip
        "document": [
            add_asset(
                DocumentAsset, owner, handbook, "Sổ tay gốc", licence=licence, kind="ehandbook"
            )
        ],  # fmt: skip
    }


def _copy(original, number: int, agency: Agency, terms: dict):
    """A row sharing `original`'s stored file, with its own title, agency and terms."""
    skip = {"id", "title", "description", "collection", "agency", "created_at", "campaign",
            "licence", "is_published"}  # fmt: skip
    values = {
        field.attname: getattr(original, field.attname)
        for field in original._meta.concrete_fields
        if field.name not in skip
    }
    word = WORDS[number % len(WORDS)]
    return type(original)(
        **values,
        title=f"{original.title.split(':')[0]}: {word} ({number})",
        description=f"Tài nguyên số {number} về {word}, dùng chung giữa các cơ quan.",
        collection_id=agency.collection_id,
        agency=agency,
        campaign=random.choice(terms["campaigns"]),
        licence=random.choice(terms["licences"]),
        is_published=True,
    )


def copies(found: dict, count: int, agencies: list[Agency]) -> dict[str, list]:
    terms = {
        "campaigns": [*Campaign.objects.all(), None],
        "licences": list(Licence.objects.all()),
    }
    made = {}
    for kind, share in SHARES.items():
        rows = [
            _copy(random.choice(found[kind]), number, random.choice(agencies), terms)
            for number in range(int(count * share))
        ]
        model = type(rows[0])
        made[kind] = model.objects.bulk_create(rows, batch_size=500)
        for row in made[kind]:  # spread over years, so the year filter has something to count
            row.created_at = timezone.now() - dt.timedelta(days=random.randint(0, 900))
        model.objects.bulk_update(made[kind], ["created_at"], batch_size=500)
    return made


def classify(made: dict) -> None:
    topics, audiences = list(Topic.objects.all()), list(Audience.objects.all())
    for rows in made.values():
        model = type(rows[0])
        topic_links, audience_links = model.topics.through, model.audiences.through
        owner = f"{model._meta.model_name}_id"
        topic_links.objects.bulk_create(
            [topic_links(**{owner: row.pk, "topic_id": topic.pk})
             for row in rows for topic in random.sample(topics, 2)], batch_size=2000,
        )  # fmt: skip
        audience_links.objects.bulk_create(
            [audience_links(**{owner: row.pk, "audience_id": random.choice(audiences).pk})
             for row in rows], batch_size=2000,
        )  # fmt: skip


def share_renditions(found: dict, made: dict) -> None:
    """Each copy gets the transcoding outputs of the file it shares (rows, not new files)."""
    for kind in ("media", "document"):
        model = type(made[kind][0])
        content_type = ContentType.objects.get_for_model(model)
        jobs_of = {
            original.content_sha256: list(
                TranscodeJob.objects.filter(content_type=content_type, object_id=original.pk)
                .prefetch_related("renditions")
            )
            for original in found[kind]
        }  # fmt: skip
        for row in made[kind]:
            for job in jobs_of[row.content_sha256]:
                copied = TranscodeJob.objects.create(
                    content_type=content_type, object_id=row.pk, output=job.output,
                    source_sha256=job.source_sha256, status=job.status, progress=100,
                )  # fmt: skip
                Rendition.objects.bulk_create([
                    Rendition(job=copied, name=r.name, file=r.file.name, mime_type=r.mime_type,
                              width=r.width, height=r.height, duration=r.duration,
                              bit_rate=r.bit_rate, size=r.size)
                    for r in job.renditions.all()
                ])  # fmt: skip


def build_library(count: int, workdir: Path) -> dict[str, list[str]]:
    with override_settings(TASKS=IMMEDIATE_TASKS):  # indexing and transcoding run here
        load_taxonomies()
        agencies = load_agencies()
        everyone = [*agencies.values(), *more_agencies(24)]
        found = originals(agencies, workdir)
        load_articles(agencies, {**_article_assets(found)})
    made = copies(found, count - sum(len(v) for v in found.values()), everyone)
    classify(made)
    share_renditions(found, made)
    database, elastic = rebuild_all()
    print(f"indexed: {database} in the database, {elastic} in Elasticsearch", flush=True)
    sample = [(kind, row.pk) for kind, rows in made.items() for row in random.sample(rows, 10)]
    return {
        "home": ["/"],
        "search": [f"/search/?q={word}&topic=cds&licence=CC-BY-4.0" for word in WORDS[:5]],
        "asset": [f"/library/{kind}/{pk}/" for kind, pk in sample],
    }


def _article_assets(found: dict) -> dict:
    """The demo articles' lead images and embedded media, from the real files."""
    images, media_assets = found["image"], found["media"]
    keys = {row[10] for row in content.ARTICLES if row[10]} | {
        row[11] for row in content.ARTICLES if row[11]
    }
    return {key: (media_assets[0] if "video" in key or "podcast" in key else images[0])
            for key in keys}  # fmt: skip


def remove_run_data() -> None:
    from django.conf import settings

    remove_run_indexes(settings.LIBRARY_SEARCH)
    remove_run_objects()
    prefix = os.environ.get("CACHE_KEY_PREFIX", "")
    client = cache._cache.get_client(write=True) if hasattr(cache, "_cache") else None  # Redis
    if client is not None and prefix:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
