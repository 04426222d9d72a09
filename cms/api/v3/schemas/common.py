"""Shapes shared by every representation: taxonomy terms, agencies, licences, pages of items."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field


class Term(Schema):
    slug: str
    name_vi: str
    name_en: str = ""


class AgencyRef(Schema):
    code: str
    name: str
    name_en: str = ""
    kind: str = ""


class LegalDocumentRef(Schema):
    number: str
    title_vi: str
    title_en: str = ""
    issued_on: date | None = None
    url: str = ""


class LicenceOut(Schema):
    code: str
    name_vi: str
    name_en: str = ""
    url: str = ""
    allows_commercial_use: bool
    allows_derivatives: bool
    non_commercial: bool = Field(
        description="Only for non-commercial reuse / Chỉ dùng phi thương mại"
    )
    expires_on: date | None = None
    expired: bool = False


class Links(Schema):
    self: str
    hub: str | None = None
    ninjs: str | None = None


class PageMeta(Schema):
    total: int | None = Field(None, description="Items matching (without a cursor) / Tổng số")
    limit: int
    next_cursor: str | None = None
    next: str | None = Field(None, description="URL of the next page, null on the last one")


def isoformat(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
