"""Dates as EXIF, IPTC, XMP and PDF write them, read into aware datetimes.

A date without a time zone is taken to be in the site's time zone (photos are dated in the
photographer's local time, and for this library that is Vietnam's).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from django.utils import timezone as django_timezone

_EXIF = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
_ISO = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_IPTC_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_IPTC_TIME = re.compile(r"^(\d{2})(\d{2})(\d{2})([+-]\d{4})?$")


def from_exif(value: str | None, offset: str | None = None) -> datetime | None:
    match = _EXIF.match((value or "").strip())
    if not match:
        return None
    return _build(*(int(part) for part in match.groups()), zone=_zone(offset))


def from_iptc(date: str | None, time: str | None = None) -> datetime | None:
    day = _IPTC_DATE.match((date or "").strip())
    if not day:
        return None
    clock = _IPTC_TIME.match((time or "").strip())
    hour, minute, second, zone = (0, 0, 0, None)
    if clock:
        hour, minute, second = (int(part) for part in clock.groups()[:3])
        zone = _zone(clock[4])
    return _build(*(int(part) for part in day.groups()), hour, minute, second, zone=zone)


def from_iso(value: str | None) -> datetime | None:
    """XMP dates: ISO 8601, from a bare year down to seconds with a zone."""
    match = _ISO.match((value or "").strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    numbers = [int(part) if part else default for part, default in (
        (year, 1), (month, 1), (day, 1), (hour, 0), (minute, 0), (second, 0),
    )]  # fmt: skip
    return _build(*numbers, zone=_zone("+00:00" if zone == "Z" else zone))


def make_aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return django_timezone.make_aware(value, django_timezone.get_default_timezone())


def _zone(offset: str | None) -> timezone | None:
    match = _OFFSET.match((offset or "").strip())
    if not match:
        return None
    sign = -1 if match[1] == "-" else 1
    return timezone(sign * timedelta(hours=int(match[2]), minutes=int(match[3])))


def _build(*parts: int, zone: timezone | None) -> datetime | None:
    try:
        moment = datetime(*parts, tzinfo=zone)
    except ValueError:  # 0000:00:00 and other impossible dates cameras write
        return None
    return make_aware(moment)
