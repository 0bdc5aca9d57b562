"""The public summary's headline figures, each taken from the open datasets' grain tables (so
the summary can never publish a figure the catalogue protects differently)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.extensions import db
from dashboard.open_data import grains, protection
from dashboard.open_data.grains import OUTCOME_VALUES
from dashboard.open_data.query import Query
from dashboard.viewer import Viewer
from data_access.models.scrutiny import FINDINGS
from data_access.queries import open_activities, open_data
from data_access.queries.common import Period
from data_access.vocab import COMMITMENT_STATUSES, INCIDENT_TYPES, STRANDS

YEAR = 12  # the headline period: the last 12 complete months
TREND = 24  # months in the trend chart


@dataclass(frozen=True)
class Summary:
    months: tuple[str, ...]  # the headline months
    first: str | None  # first month held
    by_strand: dict[str, int | None]  # incidents in the headline months ("All" too)
    by_type: dict[tuple[str, str], int | None]  # (strand, crime|non_crime) → incidents
    since: dict[str, int | None]  # incidents since `first`, by strand ("All" too)
    trend: pd.DataFrame  # month, count (all areas and strands)
    outcomes: dict[str, int | None]  # cases closed since `first`, by outcome ("All" too)
    offered: int | None
    accepted: int | None
    trained: int
    headcount: int
    events: int
    commitments: dict[str, int]  # public commitments by status
    actions: pd.DataFrame  # latest public actions
    rates: pd.DataFrame  # area, name, population, source, incidents (since first), per_year
    scrutiny: pd.DataFrame  # theme, notable_practice, improvement_needed, All (since first)
    threshold: int  # the disclosure threshold (rare themes are grouped below it)


def area_rates(hist, table, people: pd.DataFrame) -> pd.DataFrame:
    """Incidents since the first month per area (margin cells) and the yearly rate per
    100,000 residents computed from them."""
    rows = []
    for row in people.itertuples():
        count = table.figure(None, area=row.area)
        years = len(hist.months) / 12
        rate = None
        if count is not None and row.population and years:
            rate = round(count / years * 100_000 / row.population, 1)
        rows.append((row.area, row.name, int(row.population), row.source, count, rate))
    columns = ["area", "name", "population", "source", "incidents", "per_year"]
    return pd.DataFrame(rows, columns=columns)


def scrutiny_themes(hist) -> pd.DataFrame:
    """The scrutiny panel's findings since the first month by theme and finding (whole-history
    cells of the release's scrutiny table), themes in the release's order, then All."""
    table = grains.scrutiny_table(hist)
    findings = [*FINDINGS, "All"]
    rows = [
        (theme, *(table.figure(None, theme=theme, finding=f) for f in findings))
        for theme in [*grains.scrutiny_themes(hist), "All"]
    ]
    return pd.DataFrame(rows, columns=["theme", *findings])


def summary(viewer: Viewer, today: date) -> Summary:
    hist = grains.history(viewer.organisation_id, today, viewer)
    months = hist.months[-YEAR:]
    referrals = grains.referral_tables(viewer, hist)
    incidents = referrals["incidents"]
    by_strand = {s: incidents.figure(months, strand=s) for s in [*STRANDS, "All"]}
    by_type = {
        (s, i): incidents.figure(months, strand=s, incident=i)
        for s in [*STRANDS, "All"]
        for i in INCIDENT_TYPES
    }
    since = {s: incidents.figure(None, strand=s) for s in [*STRANDS, "All"]}
    trend = pd.DataFrame(
        [(m, referrals["referrals"].figure([m])) for m in hist.months[-TREND:]],
        columns=["month", "count"],
    )
    closed = grains.outcome_table(viewer, hist)
    outcomes = {o: closed.figure(None, outcome=o) for o in [*OUTCOME_VALUES, "All"]}
    timeliness = grains.timeliness_tables(viewer, hist)
    events = grains.event_tables(hist)["events"]
    on = Query(months, None).as_of() or today
    with db.session() as session:
        training = open_activities.training_by_rank(session, hist.org_id, on, None)
        commitments = open_activities.public_commitments(session, hist.org_id)
        actions = open_activities.public_actions(session, hist.org_id, Period(date(2000, 1, 1), on))
        people = open_data.area_populations(session, hist.org_id)
    return Summary(
        months=months,
        first=hist.months[0] if hist.months else None,
        by_strand=by_strand,
        by_type=by_type,
        since=since,
        trend=trend,
        outcomes=outcomes,
        offered=timeliness["offered"].figure(months) if months else 0,
        accepted=timeliness["accepted"].figure(months) if months else 0,
        trained=int(training["trained"].sum()),
        headcount=int(training["headcount"].sum()),
        events=events.figure(months) if months else 0,
        commitments={s: int((commitments["status"] == s).sum()) for s in COMMITMENT_STATUSES},
        actions=actions.sort_values("raised_on", ascending=False).head(5),
        rates=area_rates(hist, referrals["referrals"], people),
        scrutiny=scrutiny_themes(hist),
        threshold=protection.threshold(),
    )
