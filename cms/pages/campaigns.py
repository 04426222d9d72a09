"""When campaigns and yearly days happen: the current ones and the next ones, for the home page
and each campaign's page (a yearly day such as 18 May comes back every year)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from cms.taxonomy.models import Campaign

# A day is announced this long before it comes, and stays "current" a week after it ends.
LEAD_DAYS = 45
AFTER_DAYS = 7


@dataclass(frozen=True)
class Occurrence:
    campaign: Campaign
    starts_on: dt.date | None
    ends_on: dt.date | None
    today: dt.date

    @property
    def is_ongoing(self) -> bool:
        """A movement without dates (Bình dân học vụ số) runs all year."""
        return self.starts_on is None

    @property
    def is_current(self) -> bool:
        if self.is_ongoing:
            return True
        return self.starts_on <= self.today <= self.ends_on + dt.timedelta(days=AFTER_DAYS)

    @property
    def days_left(self) -> int | None:
        return None if self.is_ongoing else (self.starts_on - self.today).days

    @property
    def is_soon(self) -> bool:
        return self.days_left is not None and 0 < self.days_left <= LEAD_DAYS


def _shift_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def next_occurrence(campaign: Campaign, today: dt.date) -> Occurrence:
    """This year's or next year's dates of a yearly day; a one-off campaign's own dates."""
    start, end = campaign.starts_on, campaign.ends_on or campaign.starts_on
    if start is None:
        return Occurrence(campaign, None, None, today)
    if campaign.recurs_yearly:
        length = end - start
        start = _shift_year(start, today.year)
        if start + length + dt.timedelta(days=AFTER_DAYS) < today:
            start = _shift_year(start, today.year + 1)
        end = start + length
    return Occurrence(campaign, start, end, today)


def calendar(today: dt.date | None = None) -> list[Occurrence]:
    """Campaigns still to come or under way, the nearest first (ongoing movements last)."""
    today = today or timezone.localdate()
    found = [next_occurrence(campaign, today) for campaign in Campaign.objects.all()]
    coming = [o for o in found if o.is_ongoing or o.ends_on + dt.timedelta(AFTER_DAYS) >= today]
    return sorted(coming, key=lambda o: (o.is_ongoing, o.starts_on or today))


def hero(occurrences: list[Occurrence]) -> Occurrence | None:
    """The campaign the home page leads with: one under way, else the next dated one."""
    dated = [o for o in occurrences if not o.is_ongoing]
    current = [o for o in dated if o.is_current]
    return (current or dated or occurrences or [None])[0]
