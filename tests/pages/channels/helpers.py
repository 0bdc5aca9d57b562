"""Shared by the reporting channels page tests: the hand-worked Q1 2026 dataset, the page's
callback sections and response walkers, SQL cross-checks and the joint LP attacker."""

from __future__ import annotations

from datetime import date

import pandas as pd
from scipy.optimize import linprog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.disclosure import MARKER
from dashboard.filters import period_bounds
from dashboard.published import exact_cube
from data_access.db import make_engine
from data_access.models import Area, ChannelVolume, Organisation, Referral
from data_access.vocab import CHANNELS, STRANDS
from tests.dash_client import call, find_callback, response_data
from tests.disclosure_oracle import published_lines

# ----------------------------------------------------------------------------- shaping

# Q1 2026 volumes (month, channel, area, strand, count): the dataset of
# tests/data_access/test_channel_queries.py. By hand: Jan 11, Feb 13, Mar 15, all 39.
VOLUMES = pd.DataFrame(
    [
        ("2026-01", "101", "NO", "homophobic", 6),
        ("2026-01", "online", "SO", "biphobic", 2),
        ("2026-01", "third_party", "NO", "transphobic", 3),
        ("2026-02", "101", "NO", "homophobic", 8),
        ("2026-02", "partner_referral", "SO", "transphobic", 1),
        ("2026-02", "third_party", "SO", "homophobic", 4),
        ("2026-03", "101", "SO", "transphobic", 5),
        ("2026-03", "online", "NO", "homophobic", 10),
        ("2026-03", "third_party", "NO", "homophobic", 0),
    ],
    columns=["month", "channel", "area", "strand", "count"],
)
MONTHS = ["2026-01", "2026-02", "2026-03"]
CATEGORIES = {
    "month": MONTHS,
    "channel": list(CHANNELS),
    "area": ["NO", "SO"],
    "strand": list(STRANDS),
}


def monthly(dims=("month", "channel")) -> pd.DataFrame:
    return exact_cube(VOLUMES, list(dims), "count", CATEGORIES)


# ----------------------------------------------------------------------------- callbacks

SECTIONS = ("volumes", "breakdown", "share", "campaigns", "referrals")
# Count columns of each table (shares, changes and labels are not counts).
COUNTS = {
    "channels-volumes-table": lambda field: field != "month",
    "channels-by-area-table": lambda field: field != "channel",
    "channels-by-strand-table": lambda field: field != "channel",
    "channels-share-table": lambda field: (
        field in ("third_party", "partner_referral", "all_reports")
    ),
    "channels-campaigns-table": lambda field: field in ("before", "after"),
    "channels-referrals-table": lambda field: field == "count",
}


def store(period="12m", **filters):
    query = {"period": period, **{k: v for k, v in filters.items() if v}}
    return {"query": query, "search": ""}


def section(app, client, name, **filters):
    response = call(
        client,
        find_callback(app, f"channels-{name}.children"),
        {"channels-filters.data": store(**filters)},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response_data(response)[f"channels-{name}"]["children"]


def components(node, kind):
    """Every component of a type (AgGrid, Graph, ...) in a callback response."""
    if isinstance(node, dict):
        if node.get("type") == kind:
            yield node["props"]
        for child in node.values():
            yield from components(child, kind)
    elif isinstance(node, list):
        for child in node:
            yield from components(child, kind)


def tables(node) -> dict[str, list[dict]]:
    return {props["id"]: props["rowData"] for props in components(node, "AgGrid")}


def graphs(node) -> dict[str, dict]:
    return {props["id"]: props["figure"] for props in components(node, "Graph")}


def demo_org(session: Session) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))


def volumes_by(demo_url, period, column, area=None):
    """Reports in the period from channel_volume grouped by a column, straight from SQL."""
    bounds = period_bounds(period, date.today())
    engine = make_engine(demo_url)
    with Session(engine) as session:
        stmt = (
            select(column, func.sum(ChannelVolume.count))
            .join(Area, Area.id == ChannelVolume.area_id)
            .where(
                ChannelVolume.organisation_id == demo_org(session),
                ChannelVolume.month >= bounds.start,
                ChannelVolume.month < bounds.end,
            )
            .group_by(column)
        )
        if area:
            stmt = stmt.where(Area.code == area)
        result = {key: int(total) for key, total in session.execute(stmt)}
    engine.dispose()
    return result


def referrals_by_channel(demo_url, period):
    bounds = period_bounds(period, date.today())
    engine = make_engine(demo_url)
    with Session(engine) as session:
        stmt = (
            select(Referral.channel, func.count())
            .where(
                Referral.organisation_id == demo_org(session),
                Referral.reported_on >= bounds.start,
                Referral.reported_on < bounds.end,
            )
            .group_by(Referral.channel)
        )
        result = dict(session.execute(stmt).all())
    engine.dispose()
    return result


def counts_in(node) -> list[object]:
    """Every count cell of every table and every count in the count charts of a response."""
    values = []
    for table_id, rows in tables(node).items():
        values += [v for row in rows for k, v in row.items() if COUNTS[table_id](k)]
    for graph_id, figure in graphs(node).items():
        for trace in figure["data"]:
            if graph_id == "channels-volumes-graph" and trace.get("yaxis") != "y2":
                values += trace["y"]
            elif graph_id == "channels-referrals-graph":
                values += trace["x"]
    return values


PARTNER_VIEWS = [
    {},
    {"period": "3m"},
    {"period": "36m"},
    {"strand": "transphobic", "area": "MO"},
    {"channel": "direct_to_lo", "strand": "biphobic"},
]


def single_hidden_lines(rows: list[dict], key: str, fields: list[str]) -> list[str]:
    """Rows or columns of a table with totals (last row, last field) holding exactly one [c]:
    those would give it away by subtraction."""
    grid = [[row[f] for f in fields] for row in rows]
    lines = grid + [list(column) for column in zip(*grid, strict=True)]
    return [str(line) for line in lines if line.count(MARKER) == 1]


# ----------------------------------------------------------------------------- joint attack


def joint_ranges(tables: dict[str, tuple[pd.DataFrame, list[str]]], same: dict) -> dict:
    """An LP attacker who sees several published cubes at once: `same` maps a (table, key) to
    the (table, key) it equals. Returns {(table, key): (min, max)} for every hidden value."""

    def var(name, key):
        return same.get((name, key), (name, key))

    value, lines = {}, []
    for name, (published, dims) in tables.items():
        keys = published[dims].itertuples(index=False, name=None)
        for key, count in zip(keys, published["count"], strict=True):
            value[var(name, key)] = count
        lines += [
            (var(name, margin), [var(name, m) for m in members])
            for margin, members in published_lines(published, dims)
        ]
    hidden = sorted({k for k, v in value.items() if pd.isna(v)}, key=repr)
    column = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for margin, members in lines:
        coef, const = [0.0] * len(hidden), 0.0
        for key, sign in [(margin, -1.0)] + [(m, 1.0) for m in members]:
            if key in column:
                coef[column[key]] += sign
            else:
                const += sign * float(value[key])
        if any(coef):
            rows.append(coef)
            rhs.append(-const)
    ranges = {}
    for key in hidden:
        objective = [0.0] * len(hidden)
        objective[column[key]] = 1.0
        ends = []
        for sign in (1.0, -1.0):
            res = linprog([sign * c for c in objective], A_eq=rows, b_eq=rhs, bounds=(1, None))
            ends.append(sign * res.fun if res.status == 0 else float("inf"))
        ranges[key] = tuple(ends)
    return ranges
