"""The functions that produce each open dataset for a viewer and checked filters: every
protected figure is a cell, or a sum of cells, of the dataset's grain tables; percentages and
rates are computed from published figures only."""

from __future__ import annotations

import pandas as pd

from dashboard.extensions import db
from dashboard.open_data import grains
from dashboard.open_data.grains import OUTCOME_VALUES, History
from dashboard.open_data.protection import TOTAL
from dashboard.open_data.query import Query
from dashboard.viewer import Viewer
from data_access.models.scrutiny import FINDINGS
from data_access.queries import open_activities, open_data
from data_access.queries.common import Period
from data_access.vocab import CHANNELS, EVENT_TYPES, INCIDENT_TYPES, RANKS, STRANDS


def share(part: int | None, whole: int | None) -> float | None:
    """part / whole in %, one decimal; None when either is hidden or whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    return round(100.0 * part / whole, 1)


def _areas(hist: History, query: Query) -> list[str]:
    return [query.area] if query.area else [*hist.areas, TOTAL]


def referrals(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    table = grains.referral_tables(viewer, hist)["referrals"]
    rows = [
        (m, a, s, table.figure([m], area=a, strand=s))
        for m in query.months
        for a in _areas(hist, query)
        for s in [*STRANDS, TOTAL]
    ]
    return pd.DataFrame(rows, columns=["month", "area", "strand", "count"])


def incidents(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    table = grains.referral_tables(viewer, hist)["incidents"]
    rows = [
        (m, s, i, table.figure([m], strand=s, incident=i))
        for m in query.months
        for s in [*STRANDS, TOTAL]
        for i in [*INCIDENT_TYPES, TOTAL]
    ]
    return pd.DataFrame(rows, columns=["month", "strand", "incident_type", "count"])


def outcomes(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    table = grains.outcome_table(viewer, hist)
    rows = [
        (q, s, o, table.figure(_quarter_months(hist, q), strand=s, outcome=o))
        for q in query.quarters
        for s in [*STRANDS, TOTAL]
        for o in [*OUTCOME_VALUES, TOTAL]
    ]
    return pd.DataFrame(rows, columns=["quarter", "strand", "outcome", "count"])


def scrutiny(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    """Findings of the scrutiny panel by quarter closed × finding × theme (with totals)."""
    table = grains.scrutiny_table(hist)
    themes = grains.scrutiny_themes(hist)
    rows = [
        (q, f, t, table.figure(_quarter_months(hist, q), finding=f, theme=t))
        for q in query.quarters
        for f in [*FINDINGS, TOTAL]
        for t in [*themes, TOTAL]
    ]
    return pd.DataFrame(rows, columns=["quarter", "finding", "theme", "count"])


def _quarter_months(hist: History, quarter: str) -> list[str]:
    return [m for m in hist.months if open_data.quarter_of(m) == quarter]


def timeliness(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    tables = grains.timeliness_tables(viewer, hist)
    rows = []
    for quarter in query.quarters:
        months = _quarter_months(hist, quarter)
        counts = {n: t.figure(months, area=query.area) for n, t in tables.items()}
        rows.append(
            {
                "quarter": quarter,
                "area": query.area or TOTAL,
                "months_covered": len(months),
                "offerable": counts["offerable"],
                "offered_in_time": counts["offered_in_time"],
                "offered_in_time_pct": share(counts["offered_in_time"], counts["offerable"]),
                "offered": counts["offered"],
                "accepted": counts["accepted"],
                "accepted_pct": share(counts["accepted"], counts["offered"]),
                "allocated": counts["allocated"],
                "contacted_in_time": counts["contacted_in_time"],
                "contacted_in_time_pct": share(counts["contacted_in_time"], counts["allocated"]),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS_TIMELINESS)


COLUMNS_TIMELINESS = [
    "quarter",
    "area",
    "months_covered",
    "offerable",
    "offered_in_time",
    "offered_in_time_pct",
    "offered",
    "accepted",
    "accepted_pct",
    "allocated",
    "contacted_in_time",
    "contacted_in_time_pct",
]


def channels(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    table = grains.channel_table(viewer, hist)
    rows = [(m, c, table.figure([m], channel=c)) for m in query.months for c in [*CHANNELS, TOTAL]]
    return pd.DataFrame(rows, columns=["month", "channel", "count"])


def training(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    columns = ["as_of", "area", "rank", "headcount", "trained", "coverage_pct"]
    on = query.as_of()
    if on is None:
        return pd.DataFrame(columns=columns)
    with db.session() as session:
        frame = open_activities.training_by_rank(session, hist.org_id, on, query.area)
    by_rank = frame.set_index("rank")
    rows = []
    for rank in [*RANKS, TOTAL]:
        part = by_rank if rank == TOTAL else by_rank.loc[by_rank.index == rank]
        headcount, trained = int(part["headcount"].sum()), int(part["trained"].sum())
        rows.append(
            (
                on.isoformat(),
                query.area or TOTAL,
                rank,
                headcount,
                trained,
                share(trained, headcount),
            )
        )
    return pd.DataFrame(rows, columns=columns)


def events(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    tables = grains.event_tables(hist)
    rows = [
        (
            m,
            t,
            tables["events"].figure([m], event_type=t, area=query.area),
            tables["attendance"].figure([m], event_type=t, area=query.area),
        )
        for m in query.months
        for t in [*EVENT_TYPES, TOTAL]
    ]
    return pd.DataFrame(rows, columns=["month", "event_type", "events", "attendance"])


def commitments(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    with db.session() as session:
        frame = open_activities.public_commitments(session, hist.org_id)
    frame["due_on"] = frame["due_on"].map(lambda d: d.isoformat() if d else None)
    return frame.rename(columns={"text": "commitment"})


def actions(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    period = _period(query)
    columns = ["code", "raised_on", "forum", "issue", "response", "status", "due_on"]
    if period is None:
        return pd.DataFrame(columns=columns)
    with db.session() as session:
        frame = open_activities.public_actions(session, hist.org_id, period)
    for column in ("raised_on", "due_on"):
        frame[column] = frame[column].map(lambda d: d.isoformat() if d else None)
    return frame


def rates(viewer: Viewer, hist: History, query: Query) -> pd.DataFrame:
    table = grains.referral_tables(viewer, hist)["referrals"]
    with db.session() as session:
        people = open_data.area_populations(session, hist.org_id).set_index("area")
    wanted = [query.area] if query.area else [*hist.areas, TOTAL]
    rows = []
    for area in wanted:
        count = table.figure(list(query.months), area=area) if query.months else 0
        if area == TOTAL:
            population, name = int(people["population"].sum()), TOTAL
            known = people["source"].dropna().unique()
            source = "; ".join(sorted(known)) if len(known) else None
        else:
            row = people.loc[area]
            population, name, source = int(row["population"]), row["name"], row["source"]
        rate = round(count * 100_000 / population, 1) if count is not None and population else None
        rows.append((area, name, population, source, len(query.months), count, rate))
    columns = ["area", "area_name", "population", "population_source", "months", "referrals"]
    return pd.DataFrame(rows, columns=[*columns, "referrals_per_100k"])


def _period(query: Query) -> Period | None:
    if not query.months:
        return None
    first = query.months[0]
    start = pd.Timestamp(f"{first}-01").date()
    end = query.as_of()
    return Period(start, end)
