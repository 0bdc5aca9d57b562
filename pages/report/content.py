"""The network progress report's content for a quarter, built once from the same query
functions as the other views and drawn both as the page and as the PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pandas as pd
from sqlalchemy.orm import Session

from dashboard.filters import previous_quarter, quarter_period
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import _
from dashboard.labels import funnel_stage_label
from data_access.queries import engagement, funnel, indicators_people, report
from data_access.queries.common import Period, percent
from data_access.queries.indicators_governance import commitment_summary
from pages.report.text import headline_label, key_point_label

PERCENT, COUNT = "percent", "count"


@dataclass(frozen=True)
class Headline:
    key: str
    value: float | None
    previous: float | None
    unit: str

    @property
    def label(self) -> str:
        return headline_label(self.key)

    def shown(self, value: float | None = None, previous: bool = False) -> str:
        value = self.previous if previous else self.value if value is None else value
        if value is None:
            return "-"
        return format_percent(value, 1) if self.unit == PERCENT else format_number(int(value))


@dataclass
class Report:
    quarter: str
    period: Period
    headlines: list[Headline]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def _figures(session: Session, org: int, period: Period) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The headline numbers and the tables of one quarter."""
    officers = report.lo_scheme(session, org, period)
    stages = funnel.funnel_stages(funnel.funnel_outcomes(session, org, period))
    training = indicators_people.training_counts(session, org, period)
    events = engagement.events_by_area(session, org, period)
    summary = commitment_summary(session, org, period.end - timedelta(days=1), True)

    def total(indicator: str, column: str) -> int:
        rows = training[training["indicator"] == indicator]
        return int(rows[column].fillna(0).sum())

    counts = dict(zip(stages["stage"], stages["count"], strict=True))
    numbers = {
        "lo_active": int(officers["active"].sum()),
        "lo_reviews": percent(int(officers["reviewed"].sum()), int(officers["active"].sum())),
        "lo_recruited": int(officers["recruited"].sum()),
        "referrals": int(stages["count"].iloc[0]),
        "allocated": percent(int(stages["count"].iloc[4]), int(stages["count"].iloc[0])),
        "training_coverage": percent(total("training_coverage", "numerator"),
                                     total("training_coverage", "denominator")),
        "leadership_trained": percent(total("leadership_trained", "numerator"),
                                      total("leadership_trained", "denominator")),
        "cascade_reach": total("cascade_reach", "numerator"),
        "events": int(events["events"].sum()),
        "senior_share": percent(int(events["senior"].sum()), int(events["events"].sum())),
        "commitments_met": percent(int(summary["met"].sum()), int(summary["commitments"].sum())),
        "agreed_met": int(summary["agreed_met"].sum()),
    }  # fmt: skip
    tables = {
        "officers": officers,
        "funnel": pd.DataFrame({"stage": [funnel_stage_label(s) for s in counts],
                                "count": list(counts.values())}),
        "training": training_table(training),
        "events": events[["area", "events", "attendance", "senior", "lo"]],
        "commitments": summary.assign(key_point=summary["key_point"].map(key_point_label))[
            ["key_point", "commitments", "met", "in_progress", "not_started", "missed",
             "agreed_met", "not_yet", "disputed", "unreviewed"]],
    }  # fmt: skip
    return numbers, tables


def training_table(training: pd.DataFrame) -> pd.DataFrame:
    """People trained, and coverage %, by area: awareness, leadership briefing, cascade."""
    rows = []
    for area, part in training.groupby("area", sort=True):

        def get(code: str, col: str, part: pd.DataFrame = part) -> float:
            return part.loc[part["indicator"] == code, col].fillna(0).sum()

        rows.append({
            "area": area,
            "trained": int(get("training_coverage", "numerator")),
            "headcount": int(get("training_coverage", "denominator")),
            "coverage": percent(int(get("training_coverage", "numerator")),
                                int(get("training_coverage", "denominator"))),
            "cascade": int(get("cascade_reach", "numerator")),
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["area", "trained", "headcount", "coverage", "cascade"])


PERCENT_KEYS = ("lo_reviews", "allocated", "training_coverage", "leadership_trained",
                "senior_share", "commitments_met")  # fmt: skip
UNITS = dict.fromkeys(PERCENT_KEYS, PERCENT)


def build_report(session: Session, org: int, quarter: str, names: dict[str, str]) -> Report:
    """The report for `quarter`, with the previous quarter's headline figures beside."""
    force_wide = _("No area (force-wide)")
    period = quarter_period(quarter)
    now, tables = _figures(session, org, period)
    before, _tables = _figures(session, org, quarter_period(previous_quarter(quarter)))
    headlines = [Headline(key, now[key], before[key], UNITS.get(key, COUNT)) for key in now]
    names = {**names, "unknown": force_wide}
    for name in ("officers", "training", "events"):
        tables[name] = tables[name].assign(area=tables[name]["area"].map(
            lambda code: names.get(code, code)))  # fmt: skip
    return Report(quarter, period, headlines, tables)
