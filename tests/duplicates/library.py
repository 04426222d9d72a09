"""Helpers of the duplicate tests: storing assets the way every door does, a report PDF, and the
admin uploaders and confirmation buttons as their scripts use them."""

import re

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse

from assets.ingest import create_asset
from assets.models import ImageAsset
from tests.assets.badfiles import pdf
from tests.factories import upload


def store(agency, content: bytes, name: str = "anh.png", *, model=ImageAsset, **fields):
    """Store an asset the way every door does; its index tasks run as it commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return create_asset(
            model,
            ContentFile(content, name=name),
            filename=name,
            collection=agency.collection,
            **{"title": name, "is_published": True, **fields},
        )


# Plain ASCII (the hand-written PDFs use Helvetica); folding makes it compare with accented text.
REPORT = [
    "So Khoa hoc va Cong nghe tinh da hoan thanh dot so hoa tu lieu truyen thong ve chuyen doi so, "
    "gom cac an pham infographic, video huong dan va ban tin podcast danh cho can bo xa phuong.",
    "Moi tu lieu duoc gan nguon, tac gia va giay phep su dung truoc khi dua len kho dung chung, "
    "de cac co quan bao chi co the khai thac lai ma khong phai xin phep tung lan.",
    "Trong nam toi, tinh se phoi hop voi cac truong dai hoc de bo sung tu lieu ve tri tue "
    "nhan tao, du lieu mo va an toan thong tin, uu tien noi dung cho nguoi dan vung xa.",
]


def report_pdf(pages: list[str] = REPORT, **info) -> bytes:
    return pdf(pages, info=info or None)


def upload_in_admin(
    client, agency, content: bytes, name: str, uploader: str = "wagtailimages:add_multiple"
) -> dict:
    """Send a file through one of Wagtail's multiple uploaders, as its script does."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse(uploader),
            {"files[]": upload(name, content), "collection": agency.collection_id},
        )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"], answer

    return answer


def press(client, html: str, decision: str):
    """Post the decision URL the confirmation offers for `decision` (what the buttons do)."""
    pattern = r'(?:href|data-duplicate-decision-url)="([^"]*decision=' + decision + r'[^"]*)"'
    url = re.search(pattern, html).group(1).replace("&amp;", "&")
    return client.post(url)
