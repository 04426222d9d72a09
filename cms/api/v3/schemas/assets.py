"""What the API says about an image, a document or a video/audio item."""

from datetime import datetime

from ninja import Schema
from pydantic import Field

from .common import AgencyRef, LegalDocumentRef, LicenceOut, Links, PageMeta, Term


class RenditionOut(Schema):
    name: str
    url: str
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    bit_rate: int | None = None
    size: int | None = None


class FilesOut(Schema):
    original: str | None = Field(None, description="Original file (counted as reuse)")
    download: str | None = Field(None, description="Original with the credit line embedded")
    hls: str | None = Field(None, description="HLS master playlist / Danh sách phát HLS")
    poster: str | None = None
    storyboard: str | None = None
    storyboard_vtt: str | None = None
    waveform: str | None = None
    previews: list[str] = []


class AssetOut(Schema):
    id: int
    key: str = Field(description='Stable key, e.g. "image:12" / Khóa ổn định')
    type: str = Field(description="image | document | media")
    kind: str
    title: str
    title_en: str = ""
    description: str = ""
    description_en: str = ""
    language: str = ""
    keywords: list[str] = []
    creator: str = ""
    credit_line: str = Field("", description="Ready to paste / Dòng ghi công để dán")
    copyright_holder: str = ""
    source_url: str = ""
    agency: AgencyRef | None = None
    credited_agencies: list[AgencyRef] = []
    topics: list[Term] = []
    audiences: list[Term] = []
    campaign: Term | None = None
    legal_documents: list[LegalDocumentRef] = []
    licence: LicenceOut | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    pages: int | None = None
    byte_size: int | None = None
    sha256: str = ""
    original_filename: str = ""
    embargo_until: datetime | None = None
    created_at: datetime
    updated_at: datetime
    files: FilesOut
    renditions: list[RenditionOut] = []
    links: Links


class AssetPage(Schema):
    meta: PageMeta
    items: list[AssetOut]
