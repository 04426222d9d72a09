"""What an asset's licence lets the public do, and the credit line to paste beside a reuse."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Permission:
    label: str
    allowed: bool


def permissions(licence) -> list[Permission]:
    if licence is None:
        return []
    return [
        Permission(_("Download and share copies"), licence.allows_redistribution),
        Permission(_("Adapt (edit, translate, cut)"), licence.allows_derivatives),
        Permission(_("Commercial use"), licence.allows_commercial_use),
    ]


def may_download(asset) -> bool:
    """Copies may be taken while a licence that allows sharing is in force."""
    licence = asset.licence
    in_force = not getattr(asset, "licence_expired", False)
    return licence is not None and licence.allows_redistribution and in_force


def credit_line(asset) -> str:
    """The editor's credit line if given, else the licence's template filled in."""
    if asset.credit_line:
        credit = asset.credit_line
        if asset.licence and asset.licence.code not in credit:
            credit = f"{credit} ({asset.licence.code})"
        return credit
    agency = asset.agency.name if asset.agency else ""
    if asset.licence is None:
        return " / ".join(part for part in (asset.creator, agency) if part)
    year = asset.created_at.year if getattr(asset, "created_at", None) else ""
    return asset.licence.credit_line(creator=asset.creator, agency=agency, year=year)
