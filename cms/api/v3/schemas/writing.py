"""What an agency's integration may send: metadata by natural keys (slugs, codes, numbers)."""

from datetime import date, datetime

from ninja import Schema
from pydantic import ConfigDict, Field


class AssetPatch(Schema):
    """Only the fields sent change; unknown fields are refused (422)."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, min_length=1, max_length=255)
    title_en: str | None = Field(None, max_length=255)
    description: str | None = None
    description_en: str | None = None
    kind: str | None = Field(None, description="photo, infographic, pdf, video, podcast…")
    language: str | None = None
    creator: str | None = Field(None, max_length=255)
    credit_line: str | None = Field(None, max_length=255)
    copyright_holder: str | None = Field(None, max_length=255)
    source_url: str | None = Field(None, max_length=500)
    licence: str | None = Field(None, description="Licence code", examples=["CC-BY-4.0"])
    licence_expires_on: date | None = None
    topics: list[str] | None = Field(None, description="Topic slugs")
    audiences: list[str] | None = Field(None, description="Audience slugs")
    campaign: str | None = Field(None, description="Campaign slug")
    legal_documents: list[str] | None = Field(None, description="Numbers, e.g. 57-NQ/TW")
    embargo_until: datetime | None = None


class Withdrawal(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500, description="Told to every reuser")


class DuplicateOut(Schema):
    """A match, as much of it as the caller may see (another agency's private item is named
    only by its agency and a reference)."""

    model_config = ConfigDict(extra="allow")

    exact: bool | None = None
    similarity: float | None = None
