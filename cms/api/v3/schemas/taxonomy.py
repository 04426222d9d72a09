"""Agencies and the taxonomy: topics, audiences, campaigns, licences."""

from datetime import date

from ninja import Schema

from .common import AgencyRef, LicenceOut, Term


class AgencyOut(AgencyRef):
    parent: str | None = None
    portal_url: str = ""
    hub_url: str | None = None


class TopicOut(Term):
    parent: str | None = None


class CampaignOut(Term):
    description: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    recurs_yearly: bool = False


class ReuseOut(Schema):
    day: date
    consumer: str | None = None
    key: str
    fetch: str
    count: int


__all__ = ["AgencyOut", "CampaignOut", "LicenceOut", "ReuseOut", "Term", "TopicOut"]
