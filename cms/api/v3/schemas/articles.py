"""What the API says about an article: both languages, structured body, HTML and plain text."""

from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from .assets import AssetOut
from .common import AgencyRef, LegalDocumentRef, LicenceOut, PageMeta, Term


class BlockOut(Schema):
    type: str
    id: str | None = None
    value: Any = None
    asset: AssetOut | None = Field(None, description="The embedded asset, expanded")


class ArticleOut(Schema):
    id: int
    key: str
    title: str
    title_en: str = ""
    summary: str = ""
    summary_en: str = ""
    language: str = ""
    author: str = ""
    agency: AgencyRef | None = None
    topics: list[Term] = []
    audiences: list[Term] = []
    campaign: Term | None = None
    legal_documents: list[LegalDocumentRef] = []
    licence: LicenceOut | None = None
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None
    url: str | None = Field(None, description="The article on the hub / Trang bài viết")
    body: list[BlockOut] = []
    body_html: str = Field("", description="Sanitised HTML / HTML đã làm sạch")
    body_text: str = Field("", description="Plain text / Văn bản thuần")


class ArticlePage(Schema):
    meta: PageMeta
    items: list[ArticleOut]
