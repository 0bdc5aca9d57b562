"""Reporting channels: the shaping of published cubes (known answers worked by hand), and the
page's callbacks over HTTP as leadership (figures match the database) and as partner
(disclosure-controlled: no count from 1 to 4 anywhere, [c] in tables, gaps in charts, and no
hidden value recoverable from the tables together)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from scipy.optimize import linprog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from components import channels_frames as frames
from dashboard.disclosure import MARKER, TOTAL, protect_cube
from dashboard.filters import period_bounds
from dashboard.labels import channel_label
from dashboard.published import exact_cube, month_keys, select_cells
from data_access.db import make_engine
from data_access.models import Area, ChannelVolume, Organisation, Referral
from data_access.queries.channels import monthly_volumes
from data_access.vocab import CHANNELS, STRANDS
from tests.dash_client import call, find_callback, response_data
from tests.data_access.helpers import records
from tests.test_disclosure import published_lines, whole_numbers_in

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


def test_volume_table_and_series_known_answers():
    series, table = frames.volume_frames(monthly(), None, "Period total")
    assert list(table.columns) == ["month", *CHANNELS, TOTAL]
    assert list(table["month"]) == [*MONTHS, "Period total"]
    assert list(table["101"]) == [6, 8, 5, 19]
    assert list(table["third_party"]) == [3, 4, 0, 7]
    assert list(table[TOTAL]) == [11, 13, 15, 39]
    assert len(series) == 7 * 3 and set(series["month"]) == set(MONTHS)
    one, only = frames.volume_frames(monthly(), "online", "Period total")
    assert list(only.columns) == ["month", "online"] and list(only["online"]) == [2, 0, 10, 12]
    assert list(one["count"]) == [2, 0, 10]


def test_volume_cells_for_one_area_and_strand():
    cube = monthly(("month", "channel", "area", "strand"))
    cells = select_cells(cube, area="NO", strand="homophobic")
    table = frames.volume_table(cells, [*CHANNELS, TOTAL], "Period total")
    assert list(table[TOTAL]) == [6, 8, 10, 24]  # 6 | 8 | 10 + 0


def test_share_frame_known_answers():
    shares = frames.share_frame(monthly())
    assert list(shares.columns) == [
        "month",
        "third_party",
        "partner_referral",
        "all_reports",
        "third_party_share",
        "partner_referral_share",
    ]
    assert records(shares) == [
        ("2026-01", 3, 0, 11, 27.3, 0.0),  # 3/11, 0/11
        ("2026-02", 4, 1, 13, 30.8, 7.7),  # 4/13, 1/13
        ("2026-03", 0, 0, 15, 0.0, 0.0),
        (TOTAL, 7, 1, 39, 17.9, 2.6),  # 7/39, 1/39
    ]


def test_share_is_suppressed_with_its_numerator_or_denominator():
    cells = monthly().copy()
    hide = (cells["month"] == "2026-01") & (cells["channel"] == "third_party")
    hide |= (cells["month"] == "2026-02") & (cells["channel"] == TOTAL)
    cells.loc[hide, "count"] = pd.NA
    shares = frames.share_frame(cells).set_index("month")
    assert pd.isna(shares.loc["2026-01", "third_party_share"])
    assert shares.loc["2026-01", "partner_referral_share"] == 0.0
    assert pd.isna(shares.loc["2026-02", "third_party_share"])
    assert pd.isna(shares.loc["2026-02", "partner_referral_share"])
    assert shares.loc["2026-03", "third_party_share"] == 0.0


def test_no_reports_gives_no_share():
    empty = exact_cube(VOLUMES.iloc[:0], ["month", "channel"], "count", CATEGORIES)
    assert frames.share_frame(empty)["third_party_share"].isna().all()


def test_breakdown_tables_known_answers():
    cube = exact_cube(VOLUMES, ["channel", "area", "strand"], "count", CATEGORIES)
    by_area, by_strand = frames.breakdown_tables(cube, "SO", None, ["NO", "SO"])
    rows = by_area.set_index("channel")
    assert list(by_area.columns) == ["channel", "NO", "SO", TOTAL]
    assert list(by_area["channel"]) == [*CHANNELS, TOTAL]
    assert rows.loc["101"].tolist() == [14, 5, 19]
    assert rows.loc["online"].tolist() == [10, 2, 12]
    assert rows.loc["third_party"].tolist() == [3, 4, 7]
    assert rows.loc["partner_referral"].tolist() == [0, 1, 1]
    assert rows.loc["999"].tolist() == [0, 0, 0]
    assert rows.loc[TOTAL].tolist() == [27, 12, 39]
    columns = by_strand.set_index("channel")  # area SO only
    assert list(by_strand.columns) == ["channel", *STRANDS, TOTAL]
    assert columns.loc["101"].tolist() == [0, 0, 5, 5]
    assert columns.loc["third_party"].tolist() == [4, 0, 0, 4]
    assert columns.loc[TOTAL].tolist() == [4, 2, 6, 12]


def test_referral_table_known_answers():
    referrals = pd.DataFrame(
        [
            ("101", "NO", "homophobic", 2),
            ("direct_to_lo", "SO", "homophobic", 1),
            ("online", "NO", "biphobic", 1),
            ("third_party", "SO", "transphobic", 2),
        ],
        columns=["channel", "area", "strand", "count"],
    )
    cube = exact_cube(referrals, ["channel", "area", "strand"], "count", CATEGORIES)
    cells = cube[(cube["area"] == TOTAL) & (cube["strand"] == TOTAL)]
    table = frames.referral_table(cells, list(CHANNELS)).set_index("channel")
    assert table.loc["101"].tolist() == [2, 33.3]
    assert table.loc["direct_to_lo"].tolist() == [1, 16.7]
    assert table.loc["999"].tolist() == [0, 0.0]
    assert table.loc[TOTAL].tolist() == [6, 100.0]


def test_referral_share_suppressed_with_its_count():
    cube = protect_cube(
        pd.DataFrame({"channel": ["101", "online", "third_party"], "count": [20, 2, 9]}),
        ["channel"],
        categories={"channel": list(CHANNELS)},
    )
    table = frames.referral_table(cube, list(CHANNELS)).set_index("channel")
    assert pd.isna(table.loc["online", "count"]) and pd.isna(table.loc["online", "share"])
    hidden = table[table["count"].isna()]
    assert len(hidden) >= 2 and hidden["share"].isna().all()  # the partner cell too
    assert table.loc["101", "share"] == round(100 * 20 / 31, 1)


# Monthly totals for campaign windows (<NA>: suppressed).
SERIES = pd.Series(
    [10, 12, 8, 20, 15, 9, pd.NA, 30, 25, 5, 7, 6],
    index=[
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
    ],
    dtype="Int64",
)
EVENTS = pd.DataFrame(
    [
        (date(2025, 8, 1), "campaign", "Too early"),  # before window May-Jul: left out
        (date(2025, 10, 11), "campaign", "Awareness week"),
        (date(2025, 11, 2), "forum", "Forum meeting"),  # not a campaign: ignored
        (date(2026, 2, 14), "pride", "Pride"),
        (date(2026, 5, 17), "campaign", "Too late"),  # after window May-Jul: left out
    ],
    columns=["held_on", "event_type", "title"],
)


def test_campaign_changes_known_answers():
    changes, left_out = frames.campaign_changes(SERIES, EVENTS)
    assert left_out == 2
    assert records(changes.astype(object).where(changes.notna(), None)) == [
        # before Jul+Aug+Sep = 30; after Oct+Nov+Dec = 44; +14 = +46.7%
        (date(2025, 10, 11), "campaign", "Awareness week", 30, 44, 14, 46.7),
        # before Nov+Dec+Jan: Jan suppressed, so the sum and the change are too
        (date(2026, 2, 14), "pride", "Pride", None, 60, None, None),
    ]


def test_linked_totals_visible():
    period = exact_cube(VOLUMES, ["channel", "area", "strand"], "count", CATEGORIES)
    assert frames.linked_totals_visible(monthly(), period)
    hidden = monthly().copy()
    hidden.loc[(hidden["month"] == TOTAL) & (hidden["channel"] == "online"), "suppressed"] = True
    assert not frames.linked_totals_visible(hidden, period)
    inner = period.copy()
    inner.loc[(inner["area"] == "NO") & (inner["strand"] == TOTAL), "suppressed"] = True
    assert frames.linked_totals_visible(monthly(), inner)  # not a shared value


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


@pytest.mark.parametrize("period", ["12m", "3m", "2025"])
def test_leadership_volumes_match_the_database(app, login_as, demo_url, period):
    client = login_as("leadership")
    rows = tables(section(app, client, "volumes", period=period))["channels-volumes-table"]
    expected = volumes_by(demo_url, period, ChannelVolume.channel)
    total = rows[-1]
    assert total["month"] == "Period total"
    assert {c: total[c] for c in CHANNELS} == {c: expected.get(c, 0) for c in CHANNELS}
    assert total[TOTAL] == sum(expected.values())
    months = len(rows) - 1
    assert months == {"12m": 12, "3m": 3, "2025": 12}[period]
    assert all(row[TOTAL] == sum(row[c] for c in CHANNELS) for row in rows)
    assert MARKER not in json.dumps(rows)


def test_leadership_area_and_channel_filters(app, login_as, demo_url):
    client = login_as("leadership")
    children = section(app, client, "volumes", area="NE", channel="third_party")
    rows = tables(children)["channels-volumes-table"]
    assert set(rows[0]) == {"month", "third_party"}
    expected = volumes_by(demo_url, "12m", ChannelVolume.channel, area="NE")
    assert rows[-1]["third_party"] == expected["third_party"]
    figure = graphs(children)["channels-volumes-graph"]
    lines = [t for t in figure["data"] if t.get("yaxis") != "y2"]
    assert len(lines) == 1 and sum(lines[0]["y"]) == expected["third_party"]


def test_leadership_breakdown_share_and_referrals(app, login_as, demo_url):
    client = login_as("leadership")
    found = tables(section(app, client, "breakdown"))
    by_area = {row["channel"]: row for row in found["channels-by-area-table"]}
    areas = volumes_by(demo_url, "12m", Area.code)
    assert {a: by_area["All channels"][a] for a in areas} == areas
    by_strand = {row["channel"]: row for row in found["channels-by-strand-table"]}
    assert {s: by_strand["All channels"][s] for s in STRANDS} == volumes_by(
        demo_url, "12m", ChannelVolume.strand
    )
    channel = volumes_by(demo_url, "12m", ChannelVolume.channel)
    share_children = section(app, client, "share")
    period = tables(share_children)["channels-share-table"][-1]
    assert period["third_party"] == channel["third_party"]
    assert period["third_party_share"] == round(
        100 * channel["third_party"] / sum(channel.values()), 1
    )
    assert "channels-share-card" in json.dumps(share_children)
    referral_rows = tables(section(app, client, "referrals"))["channels-referrals-table"]
    expected = referrals_by_channel(demo_url, "12m")
    assert referral_rows[-1]["count"] == sum(expected.values())
    assert [row["count"] for row in referral_rows[:-1]] == [expected.get(c, 0) for c in CHANNELS]


def test_leadership_campaign_table(app, login_as):
    client = login_as("leadership")
    rows = tables(section(app, client, "campaigns", period="36m"))["channels-campaigns-table"]
    assert rows, "the demo force runs campaigns every year"
    for row in rows:
        assert row["change"] == row["after"] - row["before"]
        assert row["event_type"] in ("Campaign", "Pride")


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


@pytest.mark.parametrize("filters", PARTNER_VIEWS)
def test_partner_sees_no_small_count_anywhere(app, login_as, filters):
    client = login_as("partner")
    seen = []
    for name in SECTIONS:
        seen += counts_in(section(app, client, name, **filters))
    assert seen
    small = [v for v in seen if isinstance(v, int | float) and 1 <= v <= 4]
    assert small == []
    assert all(v is None or v == MARKER or v == 0 or v >= 5 for v in seen)


def test_partner_suppressed_months_are_markers_in_tables_and_gaps_in_charts(app, login_as):
    client = login_as("partner")
    children = section(app, client, "volumes")
    rows = tables(children)["channels-volumes-table"][:-1]
    figure = graphs(children)["channels-volumes-graph"]
    markers = 0
    for trace in (t for t in figure["data"] if t.get("yaxis") != "y2"):
        channel = next(c for c in CHANNELS if trace["name"] == channel_label(c))
        column = [row[channel] for row in rows]
        assert [v is None for v in trace["y"]] == [v == MARKER for v in column]
        assert [v for v in trace["y"] if v is not None] == [v for v in column if v != MARKER]
        markers += column.count(MARKER)
    assert markers > 0, "the demo data has small monthly counts"
    share_rows = tables(section(app, client, "share"))["channels-share-table"]
    for row in share_rows:
        if MARKER in (row["third_party"], row["all_reports"]):
            assert row["third_party_share"] == MARKER
    share_figure = graphs(section(app, client, "share"))["channels-share-graph"]
    third_party = share_figure["data"][0]["y"]
    assert [v is None for v in third_party] == [
        r["third_party_share"] == MARKER for r in share_rows[:-1]
    ]


def test_partner_monthly_figures_are_one_whole_force_cube(app, login_as):
    """Area and strand filters cannot be used to difference partner monthly figures."""
    client = login_as("partner")
    whole = tables(section(app, client, "volumes"))["channels-volumes-table"]
    filtered = tables(section(app, client, "volumes", area="MO", strand="biphobic"))
    assert filtered["channels-volumes-table"] == whole
    shares = tables(section(app, client, "share"))["channels-share-table"]
    assert [r["third_party"] for r in shares] == [r["third_party"] for r in whole]
    assert [r["all_reports"] for r in shares] == [r[TOTAL] for r in whole]


def single_hidden_lines(rows: list[dict], key: str, fields: list[str]) -> list[str]:
    """Rows or columns of a table with totals (last row, last field) holding exactly one [c]:
    those would give it away by subtraction."""
    grid = [[row[f] for f in fields] for row in rows]
    lines = grid + [list(column) for column in zip(*grid, strict=True)]
    return [str(line) for line in lines if line.count(MARKER) == 1]


@pytest.mark.parametrize("filters", PARTNER_VIEWS[:4])
def test_partner_tables_cannot_be_differenced(app, login_as, filters):
    client = login_as("partner")
    volumes = tables(section(app, client, "volumes", **filters))["channels-volumes-table"]
    assert single_hidden_lines(volumes, "month", [*CHANNELS, TOTAL]) == []
    breakdown = tables(section(app, client, "breakdown", **filters))
    if breakdown:
        by_area = breakdown["channels-by-area-table"]
        by_strand = breakdown["channels-by-strand-table"]
        areas = [k for k in by_area[0] if k not in ("channel",)]
        assert single_hidden_lines(by_area, "channel", areas) == []
        assert single_hidden_lines(by_strand, "channel", [*STRANDS, TOTAL]) == []
        # The only values the monthly and period tables share: channel totals, shown in both.
        if not filters.get("area") and not filters.get("strand"):
            for row, total in zip(by_area, [*CHANNELS, TOTAL], strict=True):
                assert row[TOTAL] == volumes[-1][total] != MARKER


def test_partner_download_is_the_table_shown(app, login_as):
    client = login_as("partner")
    shown = tables(section(app, client, "volumes"))["channels-volumes-table"]
    callback = find_callback(app, "channels-volumes-download.data")
    response = call(
        client,
        callback,
        {"channels-volumes-download-button.n_clicks": 1, "channels-filters.data": store()},
    )
    content = response_data(response)["channels-volumes-download"]["data"]["content"]
    lines = content.strip().splitlines()
    assert lines[0] == (
        "Month,999,101,Online,Third-party centre,In person,Direct to LO,Partner referral,"
        "All channels"
    )
    assert len(lines) == len(shown) + 1
    assert lines[-1].split(",")[0] == "Period total"
    cells = [cell for line in lines[1:] for cell in line.split(",")[1:]]
    assert MARKER in cells
    assert not any(cell.isdigit() and 1 <= int(cell) <= 4 for cell in cells)


@pytest.mark.parametrize(
    "bad", [{"query": {"period": "x" * 999, "channel": "<b>"}}, {"query": "x"}, "string", None]
)
def test_malformed_filters_fall_back_to_defaults(app, login_as, bad):
    client = login_as("partner")
    for name in SECTIONS:
        response = call(
            client, find_callback(app, f"channels-{name}.children"), {"channels-filters.data": bad}
        )
        assert response.status_code in (200, 204)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("partner", 200),
        ("network", 200),
        ("leadership", 200),
        ("coordinator", 200),
        ("admin", 403),
        ("public", 302),
    ],
)
def test_page_and_callbacks_follow_the_policy(app, login_as, role, status):
    client = login_as(role)
    assert client.get("/channels").status_code == status
    response = call(
        client, find_callback(app, "channels-volumes.children"), {"channels-filters.data": store()}
    )
    assert (response.status_code == 403) == (status != 200)


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


@pytest.mark.parametrize("period", ["3m", "6m", "12m", "36m"])
def test_monthly_and_breakdown_tables_together_reveal_nothing(demo_url, period):
    """What a partner is shown from channel_volume: the (month, channel) cube, and the
    (channel, area, strand) cube when their shared channel totals are visible in both."""
    bounds = period_bounds(period, date.today())
    engine = make_engine(demo_url)
    with Session(engine) as session:
        volumes = monthly_volumes(session, demo_org(session), bounds)
        areas = sorted(
            session.scalars(select(Area.code).where(Area.organisation_id == demo_org(session)))
        )
    engine.dispose()
    categories = {
        "month": month_keys(bounds),
        "channel": list(CHANNELS),
        "area": areas,
        "strand": list(STRANDS),
    }
    month_dims, period_dims = ["month", "channel"], ["channel", "area", "strand"]
    monthly_cube = protect_cube(volumes, month_dims, "count", 5, categories)
    period_cube = protect_cube(volumes, period_dims, "count", 5, categories)
    if not frames.linked_totals_visible(monthly_cube, period_cube):
        pytest.skip("the page withholds the breakdown for this period")
    same = {("P", (c, TOTAL, TOTAL)): ("M", (TOTAL, c)) for c in [*CHANNELS, TOTAL]}
    ranges = joint_ranges({"M": (monthly_cube, month_dims), "P": (period_cube, period_dims)}, same)
    assert ranges, "the demo data has suppressed values"
    pinned = {k: r for k, r in ranges.items() if whole_numbers_in(*r) < 2}
    assert pinned == {}


def test_the_joint_attacker_finds_a_leak():
    dims = ["month", "channel"]
    published = protect_cube(VOLUMES, dims, "count", 5, CATEGORIES)
    truth = exact_cube(VOLUMES, dims, "count", CATEGORIES)
    hidden = published.index[published["suppressed"]]
    assert len(hidden) >= 2
    leaky = published.copy()
    leaky.loc[hidden[1:], "count"] = truth.loc[hidden[1:], "count"]  # all but one shown
    key = tuple(published.loc[hidden[0], dims])
    assert joint_ranges({"M": (leaky, dims)}, {}) == {
        ("M", key): (truth.loc[hidden[0], "count"],) * 2
    }
