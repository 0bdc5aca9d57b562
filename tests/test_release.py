"""Known answers for the one protected release: the same cell has the same published value in
every view and period, margins within a month are used where a view matches one, no cell spans
months, every published cell together narrows no hidden count, a derived figure is hidden as
soon as one cell it covers is hidden, and only sensitive indicators are protected."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest

from dashboard import published
from dashboard.disclosure_audit import group_levels
from dashboard.disclosure_intruder import equations, exposed_cells
from dashboard.page_support import today
from dashboard.release import TABLES, TOTAL, Release, figure, recording
from data_access.queries.indicators import INDICATORS
from tests.dash_client import call, find_callback, response_data
from tests.pages.test_overview import find_prop, store

SENSITIVE = {
    "victims_satisfied",
    "victim_contact_2_days",
    "internal_cases_supported",
    "offered_within_limit",
    "data_completeness",
    "outcome_recorded",
    "occurred_date_recorded",
    "third_party_share",
    "partner_referral_share",
}


@pytest.fixture
def release(app):
    with app.server.test_request_context("/"):
        return published.release_for(1, today())


def trend_rows(app, client, **filters) -> dict[str, dict]:
    callback = find_callback(app, "overview-trend.children")
    data = response_data(call(client, callback, {"overview-filters.data": store(**filters)}))
    return {row["month"]: row for row in find_prop(data, "rowData")}


@pytest.mark.parametrize("area", [None, "MO", "BG"])
def test_a_month_has_the_same_published_value_in_every_period(app, client, area):
    by_period = {p: trend_rows(app, client, period=p, area=area) for p in ("3m", "12m", "36m")}
    years = [str(today().year - 1), str(today().year - 2)]
    by_period.update({y: trend_rows(app, client, period=y, area=area) for y in years})
    seen: dict[str, dict] = {}
    for rows in by_period.values():
        for month, row in rows.items():
            assert seen.setdefault(month, row) == row, month
    assert len(seen) >= 36


def test_the_release_is_built_once_and_reused(app):
    with app.server.test_request_context("/"):
        first = published.release_for(1, today())
        assert published.release_for(1, today()) is first


def test_callbacks_arriving_together_wait_for_one_build(app, monkeypatch):
    """After a change to the data a page's callbacks ask for the release at once: one builds
    it, the others wait and read it (each building its own took over a minute in Chromium)."""
    builds = []
    started = threading.Event()

    def slow_build(session, org_id, when, threshold):
        builds.append(when)
        started.set()
        time.sleep(0.5)
        return Release(org_id, (), {}, {})

    monkeypatch.setattr(published, "build_release", slow_build)
    month = date(2031, 1, 15)  # a month no other test builds for: a key of its own
    found = []

    def ask() -> None:
        with app.server.test_request_context("/"):
            found.append(published.release_for(1, month))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert started.is_set() and builds == [month]
    assert len(found) == 4 and all(release == found[0] for release in found)


def test_whole_history_is_the_sum_of_its_months(release):
    """No cell spans months: a figure over several months adds up published months only."""
    with recording() as figures:
        value = figure(release, "referrals", release.months)
    assert figures[-1][2] == tuple((m, TOTAL, TOTAL) for m in release.months)
    parts = [release.cells["referrals"][(m, TOTAL, TOTAL)] for m in release.months]
    assert value == (None if None in parts else sum(parts))
    assert not any(key[0] == TOTAL for cells in release.cells.values() for key in cells)


def test_every_published_cell_together_narrows_no_hidden_count(release):
    """The intruder's LP over every cell of the release at once (more than any set of views
    can give): each hidden count 1-4 keeps at least 5 possible values."""
    figures = [
        (release.org_id, name, (key,), value)
        for name, cells in release.cells.items()
        for key, value in cells.items()
    ]
    groups = sorted({t.group for t in TABLES.values()})
    levels = {g: group_levels(release, g) for g in groups}
    by_group = equations(release, figures, levels)
    checked = 0
    for group in groups:
        count, found = exposed_cells(release, by_group[group], group, 5, levels[group])
        checked += count
        assert found == [], (group, found[:3])
    assert checked > 1000


def test_all_areas_figures_use_the_area_margin(release):
    month = release.months[-2]
    with recording() as figures:
        figure(release, "referrals", [month], strand="biphobic")
    assert figures[-1][2] == ((month, TOTAL, "biphobic"),)


def test_a_derived_sum_is_hidden_when_one_part_is_hidden(release):
    cells = release.cells["referrals"]
    hidden = next(k for k, v in cells.items() if v is None and k[0] != TOTAL)
    month, area, strand = hidden
    shown = next(m for m in release.months if cells[(m, area, strand)] is not None and m != month)
    assert figure(release, "referrals", [month, shown], area=area, strand=strand) is None
    assert (
        figure(release, "referrals", [shown], area=area, strand=strand)
        == cells[(shown, area, strand)]
    )


def test_visible_sums_are_exact_and_never_small(release):
    months = list(release.months[-12:])
    for table in ("referrals", "channels_area", "surveys.responses"):
        width = len(next(iter(release.truth[table])))
        keys = [(m, *[TOTAL] * (width - 1)) for m in months]
        parts = [release.cells[table][k] for k in keys]
        expected = None if None in parts else sum(release.truth[table][k] for k in keys)
        assert figure(release, table, months) == expected
    for table, cells in release.cells.items():
        assert not any(v is not None and 1 <= v < 5 for v in cells.values()), table


def test_zeros_are_shown_and_hidden_cells_are_never_zero(release):
    for table, cells in release.cells.items():
        for key, value in cells.items():
            if release.truth[table][key] == 0:
                assert value == 0, (table, key)


def test_only_counts_of_people_are_protected():
    protected = {i.code for i in INDICATORS if i.protect}
    assert protected == SENSITIVE


def test_public_channel_shares_and_scorecard_share_agree(app, login_as):
    """The scorecard's third-party share is computed from the same release cells as the
    channels page's period share."""
    client = login_as("partner")
    channels = find_callback(app, "channels-share.children")
    share = json.dumps(
        response_data(call(client, channels, {"channels-filters.data": store(period="12m")}))
    )
    callback = find_callback(app, "commitments-headlines.children")
    text = json.dumps(
        response_data(call(client, callback, {"commitments-filters.data": store(period="12m")}))
    )
    rows = find_prop(json.loads(share), "rowData")
    value = rows[-1]["third_party_share"]
    assert value == "[c]" or f"{value}%" in text
