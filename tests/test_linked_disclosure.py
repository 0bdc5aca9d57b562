"""Tables of one dataset protected together: a total two tables share is hidden in both or
neither, so one published table cannot reveal what another hides."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.disclosure import TOTAL
from dashboard.published import linked_tables
from dashboard.viewer import Viewer

PUBLIC = Viewer("public", 1)
AREAS, STRANDS, MONTHS, CHANNELS = ["a", "b", "c"], ["h", "b", "t"], ["m1", "m2"], ["x", "y"]


def shared_pattern(cube: pd.DataFrame, own: str) -> dict[tuple, bool]:
    """Suppression of the (area, strand) cells with the table's own dimension at TOTAL."""
    rows = cube[cube[own] == TOTAL]
    return {(r.area, r.strand): bool(r.suppressed) for r in rows.itertuples()}


def frames(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two breakdowns of the same synthetic records (small counts, so suppression happens)."""
    rng = random.Random(seed)
    records = [
        (rng.choice(MONTHS), rng.choice(CHANNELS), rng.choice(AREAS), rng.choice(STRANDS))
        for _ in range(rng.randint(20, 60))
    ]
    data = pd.DataFrame(records, columns=["month", "channel", "area", "strand"])
    by_month = data.groupby(["month", "area", "strand"]).size().reset_index(name="count")
    by_channel = data.groupby(["channel", "area", "strand"]).size().reset_index(name="count")
    return by_month, by_channel


@pytest.mark.parametrize("seed", range(25))
def test_shared_totals_are_hidden_in_both_tables_or_neither(app, seed):
    by_month, by_channel = frames(seed)
    base = {"area": AREAS, "strand": STRANDS}
    with app.server.app_context():
        cubes = linked_tables(
            PUBLIC,
            {
                "month": (by_month, ["month", "area", "strand"], {"month": MONTHS, **base}),
                "channel": (
                    by_channel,
                    ["channel", "area", "strand"],
                    {"channel": CHANNELS, **base},
                ),
            },
        )
    month_side = shared_pattern(cubes["month"], "month")
    channel_side = shared_pattern(cubes["channel"], "channel")
    assert month_side == channel_side
    visible = cubes["month"][~cubes["month"]["suppressed"]]
    assert not ((visible["count"] >= 1) & (visible["count"] < 5)).any()


def test_linked_totals_agree_with_the_data(app):
    by_month, by_channel = frames(3)
    base = {"area": AREAS, "strand": STRANDS}
    with app.server.app_context():
        cubes = linked_tables(
            PUBLIC,
            {
                "month": (by_month, ["month", "area", "strand"], {"month": MONTHS, **base}),
                "channel": (
                    by_channel,
                    ["channel", "area", "strand"],
                    {"channel": CHANNELS, **base},
                ),
            },
        )
    grand = cubes["channel"]
    total = grand[
        (grand["channel"] == TOTAL) & (grand["area"] == TOTAL) & (grand["strand"] == TOTAL)
    ]
    assert int(total["count"].iloc[0]) == int(by_channel["count"].sum())


def test_demo_overview_and_channels_tables_agree_for_the_public(app, demo_url):
    """On the demo force, the overview's and the channels page's referral tables hide the
    same area × strand totals."""
    from datetime import date

    from dashboard.extensions import db
    from dashboard.filters import period_bounds
    from dashboard.published import referral_cubes
    from data_access.queries import channels, referrals, scheme
    from data_access.vocab import CHANNELS as ALL_CHANNELS

    with app.server.test_request_context("/"), db.session() as session:
        org = 1
        period = period_bounds("3m", date.today())
        areas = sorted(scheme.area_names(session, org))
        cubes = referral_cubes(
            PUBLIC,
            referrals.monthly_counts(session, org, period),
            channels.referral_channels(session, org, period),
            period,
            areas,
            ALL_CHANNELS,
        )
    assert shared_pattern(cubes["month"], "month") == shared_pattern(cubes["channel"], "channel")
