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
from assets.models import ImageAsset, MediaAsset
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
    for slug, name_vi, name_en, starts_on, yearly in content.CAMPAIGNS:
        Campaign.objects.update_or_create(
            slug=slug,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "starts_on": starts_on,
                "ends_on": starts_on,
                "recurs_yearly": yearly,
            },
        )
    for code, name_vi, name_en, url, commercial, derivatives, template in content.LICENCES:
        Licence.objects.update_or_create(
            code=code,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "url": url,
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


def load_media(agencies: dict[str, Agency], workdir: Path) -> dict[str, object]:
    cc_by = Licence.objects.get(code="CC-BY-4.0")
    infographic = add_asset(
        ImageAsset,
        agencies["bo-khcn"],
        media.make_infographic(
            workdir / "chi-tieu-2030.png",
            "Mục tiêu truyền thông đến 2030",
            [
                ("Nhiệm vụ KH&CN được truyền thông", 100),
                ("Người dân được tiếp cận thông tin", 80),
                ("Cán bộ được đào tạo truyền thông số", 70),
            ],
        ),
        "Infographic: mục tiêu truyền thông đến năm 2030",
        kind="infographic",
        licence=cc_by,
        creator="Ban biên tập",
        credit_line="Bộ Khoa học và Công nghệ",
    )
    repost = add_asset(
        ImageAsset,
        agencies["so-khcn-dong-nai"],
        media.make_repost(workdir / "chi-tieu-2030.png", workdir / "chi-tieu-2030-dang-lai.jpg"),
        "Infographic: mục tiêu truyền thông đến năm 2030 (đăng lại)",
        kind="infographic",
        licence=cc_by,
        credit_line="Bộ Khoa học và Công nghệ",
    )
    if group_of(key_for(repost)) is None:  # the demo's example of a duplicate group
        join_group(key_for(infographic), repost)
    photo = add_asset(
        ImageAsset,
        agencies["so-khcn-dong-nai"],
        media.make_photo(workdir / "dong-nai.jpg", 3),
        "Ảnh: cảnh quan Đồng Nai",
        kind="photo",
        licence=cc_by,
        creator="Phòng Thông tin",
        credit_line="Sở KH&CN Đồng Nai",
    )
    video = add_asset(
        MediaAsset,
        agencies["bao-khpt"],
        media.make_video(workdir / "gioi-thieu.mp4"),
        "Video: giới thiệu kho tài nguyên truyền thông số",
        kind="clip",
        licence=cc_by,
        creator="Báo Khoa học và Phát triển",
    )
    podcast = add_asset(
        MediaAsset,
        agencies["vien-cds"],
        media.make_audio(workdir / "podcast.mp3"),
        "Podcast: chuyển đổi số cho mọi người",
        kind="podcast",
        licence=Licence.objects.get(code="CC-BY-NC-4.0"),
        creator="Viện Nghiên cứu Chuyển đổi số",
    )
    return {"infographic": infographic, "photo": photo, "video": video, "podcast": podcast}


def load_articles(agencies: dict[str, Agency], assets: dict[str, object]) -> None:
    figures = {"bo-khcn": "infographic", "so-khcn-dong-nai": "photo"}
    for code, title, summary, paragraphs, topics, audiences, campaign, legal in content.ARTICLES:
        section = agencies[code].section_page
        if ArticlePage.objects.child_of(section).filter(title=title).exists():
            continue
        body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
        if code in figures:
            body.insert(
                1, {"type": "figure", "value": {"image": assets[figures[code]].pk, "caption": ""}}
            )
        if code == "bao-khpt":
            body.append({"type": "media", "value": {"media": assets["video"].pk, "caption": ""}})
        article = ArticlePage(
            title=title,
            slug=slugify(fold(title))[:80],
            summary=summary,
            body=body,
            author="Ban biên tập",
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
