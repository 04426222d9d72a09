"""Load the demo library once: agencies, taxonomies, media made on the spot, articles, logins.

Every step looks up what it would create first, so loading twice changes nothing.
"""

import secrets
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils.text import slugify

from assets.ingest import create_asset
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.agencies.models import Agency
from cms.pages.models import ArticlePage
from cms.taxonomy.models import Audience, Campaign, LegalDocument, Licence, Topic
from search.duplicates.groups import group_of, join_group
from search.folding import fold
from search.keys import key_for

from . import content, media

ADMIN_USERNAME = "admin"


def load_taxonomies() -> None:
    for slug, name_vi, name_en, parent in content.TOPICS:
        Topic.objects.update_or_create(
            slug=slug,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "parent": Topic.objects.filter(slug=parent).first(),
            },
        )
    for slug, name_vi, name_en in content.AUDIENCES:
        Audience.objects.update_or_create(
            slug=slug, defaults={"name_vi": name_vi, "name_en": name_en}
        )
    for slug, name_vi, name_en, starts_on, yearly, description in content.CAMPAIGNS:
        Campaign.objects.update_or_create(
            slug=slug,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "starts_on": starts_on,
                "ends_on": starts_on,
                "recurs_yearly": yearly,
                "description": description,
            },
        )
    for code, name_vi, name_en, url, commercial, derivatives, template in content.LICENCES:
        Licence.objects.update_or_create(
            code=code,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "url": url,
                "allows_redistribution": bool(url),  # the open licences; not "all rights reserved"
                "allows_commercial_use": commercial,
                "allows_derivatives": derivatives,
                "credit_line_template": template,
            },
        )
    for number, title_vi, title_en, issued_on in content.LEGAL_DOCUMENTS:
        LegalDocument.objects.update_or_create(
            number=number,
            defaults={"title_vi": title_vi, "title_en": title_en, "issued_on": issued_on},
        )


def load_agencies() -> dict[str, Agency]:
    agencies = {}
    for code, name, name_en, kind, parent, portal in content.AGENCIES:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            agency = Agency.objects.create(
                code=code,
                name=name,
                name_en=name_en,
                kind=kind,
                portal_url=portal,
                parent=agencies.get(parent),
            )
        agencies[code] = agency
        section = agency.section_page
        if not section.intro and code in content.SECTION_INTROS:
            section.intro = content.SECTION_INTROS[code]
            section.save_revision().publish()
    return agencies


def add_asset(model, agency: Agency, path: Path, title: str, **fields):
    """Create an asset through the same checks as an upload, unless it exists already."""
    existing = model.objects.filter(title=title, collection=agency.collection).first()
    if existing is not None:
        return existing
    with path.open("rb") as handle:
        return create_asset(
            model,
            File(handle, name=path.name),
            filename=path.name,
            collection=agency.collection,
            title=title,
            is_published=True,
            **fields,
        )


MODELS = {"image": ImageAsset, "media": MediaAsset, "document": DocumentAsset}


def make_file(how: str, workdir: Path) -> Path:
    """The file a row of content.ASSETS asks for ("infographic:targets", "video:Title", ...)."""
    maker, _sep, argument = how.partition(":")
    target = workdir / slugify(fold(how))[:60]
    if maker == "infographic":
        title, blocks = content.INFOGRAPHICS[argument]
        return media.make_infographic(target.with_suffix(".png"), title, blocks)
    if maker == "photo":
        return media.make_photo(target.with_suffix(".jpg"), int(argument))
    if maker == "video":
        return media.make_video(target.with_suffix(".mp4"), argument, hue=len(argument) * 4099)
    if maker == "audio":
        return media.make_audio(target.with_suffix(".mp3"), variant=int(argument))
    title, pages = content.HANDBOOKS[argument]
    return media.make_handbook(target.with_suffix(".pdf"), title, pages)


def _fields(row: dict) -> dict:
    fields = {
        "kind": row["kind"],
        "title_en": row["title_en"],
        "description": row["description"],
        "description_en": row["description_en"],
        "creator": row["creator"],
        "credit_line": row["credit"],
        "licence": Licence.objects.get(code=row["licence"]),
        "campaign": Campaign.objects.filter(slug=row["campaign"]).first(),
    }
    if row["model"] == "image":
        fields.update(alt_text=row["alt"], alt_text_en=row["alt_en"])
    if "captions" in row:
        fields.update(captions=row["captions"], captions_en=row["captions_en"])
    return fields


def load_media(agencies: dict[str, Agency], workdir: Path) -> dict[str, object]:
    assets = {}
    for row in content.ASSETS:
        model, agency = MODELS[row["model"]], agencies[row["agency"]]
        asset = model.objects.filter(title=row["title"], collection=agency.collection).first()
        if asset is None:
            path = make_file(row["make"], workdir)
            asset = add_asset(model, agency, path, row["title"], **_fields(row))
            asset.topics.set(Topic.objects.filter(slug__in=row["topics"]))
            asset.audiences.set(Audience.objects.filter(slug__in=row["audiences"]))
        assets[row["key"]] = asset
    _repost(agencies, assets["targets"], workdir)
    return assets


def _repost(agencies, original, workdir: Path) -> None:
    """The demo's duplicate: Đồng Nai posts the ministry's infographic again, recompressed."""
    with original.open_file() as handle:
        source = workdir / "goc.png"
        source.write_bytes(handle.read())
    repost = add_asset(
        ImageAsset,
        agencies["so-khcn-dong-nai"],
        media.make_repost(source, workdir / "chi-tieu-2030-dang-lai.jpg"),
        "Infographic: mục tiêu truyền thông đến năm 2030 (đăng lại)",
        kind="infographic",
        licence=original.licence,
        credit_line=original.credit_line,
        alt_text=original.alt_text,
        alt_text_en=original.alt_text_en,
    )
    if group_of(key_for(repost)) is None:
        join_group(key_for(original), repost)


def load_articles(agencies: dict[str, Agency], assets: dict[str, object]) -> None:
    for row in content.ARTICLES:
        code, title, title_en, summary, summary_en, paragraphs = row[:6]
        topics, audiences, campaign, legal, lead, embedded = row[6:]
        section = agencies[code].section_page
        if ArticlePage.objects.child_of(section).filter(title=title).exists():
            continue
        body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
        if embedded:
            body.insert(
                2, {"type": "media", "value": {"media": assets[embedded].pk, "caption": ""}}
            )
        article = ArticlePage(
            title=title,
            title_en=title_en,
            slug=slugify(fold(title))[:80],
            summary=summary,
            summary_en=summary_en,
            body=body,
            author="Ban biên tập",
            image=assets[lead] if lead else None,
            campaign=Campaign.objects.filter(slug=campaign).first(),
        )
        section.add_child(instance=article)
        article.topics.set(Topic.objects.filter(slug__in=topics))
        article.audiences.set(Audience.objects.filter(slug__in=audiences))
        article.legal_documents.set(LegalDocument.objects.filter(number__in=legal))
        article.save_revision().publish()


def ensure_user(username: str, *, superuser: bool = False, groups=()) -> str:
    """Create the login once; its password is kept in the data folder and shown on every start."""
    password_file = Path(settings.DATA_DIR) / f"{username}-password.txt"
    password = password_file.read_text().strip() if password_file.exists() else ""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None or not password:
        password = secrets.token_urlsafe(12)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        user = user or User(username=username, email=f"{username}@example.org")
        user.is_staff = user.is_superuser = superuser
        user.set_password(password)
        user.save()
    user.groups.add(*groups)
    return password


@transaction.atomic
def load_demo() -> dict[str, str]:
    load_taxonomies()
    agencies = load_agencies()
    with tempfile.TemporaryDirectory(prefix="ncrl-demo-") as workdir:
        assets = load_media(agencies, Path(workdir))
    load_articles(agencies, assets)
    logins = {ADMIN_USERNAME: ensure_user(ADMIN_USERNAME, superuser=True)}
    for code in ("bo-khcn", "so-khcn-dong-nai"):
        agency = agencies[code]
        logins[f"editor-{code}"] = ensure_user(f"editor-{code}", groups=[agency.editors])
    return logins
