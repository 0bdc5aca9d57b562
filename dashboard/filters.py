"""Page filters kept in the address: parsed leniently (bad values fall back to defaults)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from data_access.queries.common import Period
from data_access.vocab import STRANDS

PERIOD_MONTHS = {"3m": 3, "6m": 6, "12m": 12, "24m": 24, "36m": 36}
DEFAULT_PERIOD = "12m"
FIRST_YEAR = 2015


def add_months(day: date, months: int) -> date:
    """First day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Filters:
    period: str
    area: str | None
    strand: str | None
    current: Period
    previous: Period
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def extras(self) -> dict[str, str]:
        """Validated page-specific filters (name → value)."""
        return dict(self.extra)

    def query(self) -> dict[str, str]:
        """The canonical query-string parameters of these filters."""
        params = {"period": self.period}
        if self.area:
            params["area"] = self.area
        if self.strand:
            params["strand"] = self.strand
        params.update(self.extra)
        return params

    def search(self) -> str:
        return "?" + urlencode(self.query())


def period_bounds(period: str, today: date) -> Period:
    """Whole months: 'Nm' ends with the last complete month; 'YYYY' is a calendar year."""
    this_month = date(today.year, today.month, 1)
    if period in PERIOD_MONTHS:
        return Period(add_months(this_month, -PERIOD_MONTHS[period]), this_month)
    year = int(period)
    return Period(date(year, 1, 1), min(date(year + 1, 1, 1), this_month))


def previous_period(current: Period) -> Period:
    months = (current.end.year - current.start.year) * 12 + current.end.month - current.start.month
    return Period(add_months(current.start, -months), current.start)


def period_choices(today: date) -> list[str]:
    """Allowed period values: rolling windows, then complete or current calendar years."""
    years = [str(y) for y in range(today.year, today.year - 4, -1)]
    if today.month == 1:
        years = years[1:]  # the current year has no complete month yet
    return list(PERIOD_MONTHS) + years


def parse_filters(
    query: Mapping[str, object],
    area_codes: Iterable[str],
    today: date,
    extras: Mapping[str, Iterable[str]] | None = None,
) -> Filters:
    """Filters from URL parameters; anything unknown or malformed is replaced by the default.

    `extras` names page-specific filters and their allowed values; others are dropped."""

    def text(name: str) -> str | None:
        value = query.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    period = text("period")
    if period not in period_choices(today):
        period = DEFAULT_PERIOD
    area = text("area")
    if area not in set(area_codes):
        area = None
    strand = text("strand")
    if strand not in STRANDS:
        strand = None
    current = period_bounds(period, today)
    chosen = []
    for name, allowed in sorted((extras or {}).items()):
        value = text(name)
        if value is not None and value in set(allowed):
            chosen.append((name, value))
    return Filters(period, area, strand, current, previous_period(current), tuple(chosen))


# Quarters ("2026-Q3"): the network progress report and the scrutiny panel choose one.
def quarter_period(quarter: str) -> Period:
    """'2026-Q3' → 2026-07-01 to 2026-10-01 (end exclusive)."""
    year, number = int(quarter[:4]), int(quarter[-1])
    start = date(year, 3 * number - 2, 1)
    return Period(start, add_months(start, 3))


def quarter_choices(today: date, count: int = 8) -> list[str]:
    """The last `count` complete quarters, newest first."""
    index = today.year * 4 + (today.month - 1) // 3 - 1
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(index, index - count, -1)]


def previous_quarter(quarter: str) -> str:
    year, number = int(quarter[:4]), int(quarter[-1])
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"
