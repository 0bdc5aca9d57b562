"""The filters an open-data request may carry (`from`, `to`, `area`), checked strictly: a bad
value is an error with a message saying what is wrong, never a silent default."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.i18n import _
from dashboard.open_data.grains import History
from data_access.queries.open_data import quarter_of

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
FILTERS = ("from", "to", "area")


class BadQuery(ValueError):
    """A filter value the API refuses; the message is shown to the caller as it is."""


@dataclass(frozen=True)
class Query:
    """Checked filters: the months of the release from `from` to `to`, and one area or all."""

    months: tuple[str, ...]
    area: str | None
    start: str | None = None
    end: str | None = None

    @property
    def quarters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(quarter_of(m) for m in self.months))

    def as_of(self) -> date | None:
        """The first day after the last month asked for (a snapshot date)."""
        if not self.months:
            return None
        last = self.months[-1]
        year, month = int(last[:4]), int(last[5:])
        return date(year + month // 12, month % 12 + 1, 1)

    def params(self) -> dict[str, str]:
        """The filters as given, for a file name or a link."""
        given = {"from": self.start, "to": self.end, "area": self.area}
        return {k: v for k, v in given.items() if v}


def parse_month(name: str, value: str) -> str:
    if not MONTH.match(value):
        raise BadQuery(
            _(
                "'%(name)s' must be a month written YYYY-MM, e.g. 2025-04 (got %(value)r).",
                name=name,
                value=value[:20],
            )
        )
    return value


def parse_query(
    args: Mapping[str, str], hist: History, accepted: tuple[str, ...], dataset: str
) -> Query:
    """Check `args` against the filters the dataset accepts and the organisation's areas."""
    for name in args:
        if name not in FILTERS:
            raise BadQuery(
                _(
                    "Unknown parameter '%(name)s': the parameters are from, to and area.",
                    name=name[:40],
                )
            )
        if name not in accepted:
            raise BadQuery(
                _(
                    "The dataset '%(dataset)s' does not take '%(name)s'; it takes: %(accepted)s.",
                    dataset=dataset,
                    name=name,
                    accepted=", ".join(accepted) or _("no parameters"),
                )
            )
    start = parse_month("from", args["from"]) if args.get("from") else None
    end = parse_month("to", args["to"]) if args.get("to") else None
    if start and end and start > end:
        raise BadQuery(_("'from' (%(start)s) is after 'to' (%(end)s).", start=start, end=end))
    area = args.get("area") or None
    if area is not None and area not in hist.areas:
        raise BadQuery(
            _(
                "Unknown area '%(area)s'; the area codes are: %(codes)s.",
                area=area[:40],
                codes=", ".join(hist.areas),
            )
        )
    months = tuple(m for m in hist.months if (not start or m >= start) and (not end or m <= end))
    return Query(months, area, start, end)
