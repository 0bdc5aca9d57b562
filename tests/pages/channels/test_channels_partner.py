"""Reporting channels callbacks over HTTP as partner (disclosure-controlled: no count from 1 to
4 anywhere, [c] in tables, gaps in charts, and no hidden value recoverable from the tables
together)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.disclosure import MARKER, TOTAL, protect_cube
from dashboard.filters import period_bounds
from dashboard.labels import channel_label
from dashboard.published import exact_cube, month_keys
from data_access.db import make_engine
from data_access.models import Area
from data_access.queries.channels import monthly_volumes
from data_access.vocab import CHANNELS, STRANDS
from pages.channels import frames
from tests.dash_client import call, find_callback, response_data
from tests.disclosure_oracle import whole_numbers_in
from tests.pages.channels.helpers import (
    CATEGORIES,
    PARTNER_VIEWS,
    SECTIONS,
    VOLUMES,
    counts_in,
    demo_org,
    graphs,
    joint_ranges,
    section,
    single_hidden_lines,
    store,
    tables,
)


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
        # Channel totals for the period appear in both tables: one derived figure, the same
        # value (or the same marker) in each.
        if not filters.get("area") and not filters.get("strand"):
            for row, total in zip(by_area, [*CHANNELS, TOTAL], strict=True):
                assert row[TOTAL] == volumes[-1][total]


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
