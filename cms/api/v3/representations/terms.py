"""Small pieces of every representation: agencies, taxonomy terms, licences, credit lines."""

from django.utils import timezone


def agency_ref(agency) -> dict | None:
    if agency is None:
        return None
    return {
        "code": agency.code,
        "name": agency.name,
        "name_en": agency.name_en,
        "kind": agency.kind,
    }


def term(item) -> dict | None:
    if item is None:
        return None
    return {"slug": item.slug, "name_vi": item.name_vi, "name_en": item.name_en}


def legal_document(document) -> dict:
    return {
        "number": document.number,
        "title_vi": document.title_vi,
        "title_en": document.title_en,
        "issued_on": document.issued_on,
        "url": document.url,
    }


def licence(item, expires_on=None) -> dict | None:
    if item is None:
        return None
    return {
        "code": item.code,
        "name_vi": item.name_vi,
        "name_en": item.name_en,
        "url": item.url,
        "allows_commercial_use": item.allows_commercial_use,
        "allows_derivatives": item.allows_derivatives,
        "non_commercial": not item.allows_commercial_use,
        "expires_on": expires_on,
        "expired": expires_on is not None and expires_on < timezone.localdate(),
    }


def credit_line(item) -> str:
    """The asset's own credit line, else the one its licence's template makes."""
    if item.credit_line:
        return item.credit_line
    agency = item.agency.name if item.agency else ""
    if item.licence is None:
        return " / ".join(part for part in (item.creator, agency) if part)
    year = item.created_at.year if getattr(item, "created_at", None) else ""
    return item.licence.credit_line(creator=item.creator, agency=agency, year=year)
