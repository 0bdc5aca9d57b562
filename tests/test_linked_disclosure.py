"""Tables of one dataset protected together: a total two tables share is hidden in both or
neither, so one published table cannot reveal what another hides."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from dashboard.disclosure import TOTAL
from dashboard.release_protection import Table, protect_group

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


def protect(by_month, by_channel):
    """The two breakdowns as one group of the release (one frame of the records' counts)."""
    records = pd.concat([by_month.assign(channel=None), by_channel.assign(month=None)])
    tables = {
        "month": Table("t", ("month", "area", "strand"), "count", "g"),
        "channel": Table("t", ("channel", "area", "strand"), "count", "g"),
    }
    categories = {"month": MONTHS, "channel": CHANNELS, "area": AREAS, "strand": STRANDS}
    # Each table reads only its own rows: rows missing one of its dims are left out.
    return protect_group(records, tables, categories, 5)


@pytest.mark.parametrize("seed", range(25))
def test_shared_totals_are_hidden_in_both_tables_or_neither(seed):
    by_month, by_channel = frames(seed)
    cubes = {
        k: v.rename(columns={"value": "count"}) for k, v in protect(by_month, by_channel).items()
    }
    month_side = shared_pattern(cubes["month"], "month")
    channel_side = shared_pattern(cubes["channel"], "channel")
    assert month_side == channel_side
    visible = cubes["month"][~cubes["month"]["suppressed"]]
    assert not ((visible["count"] >= 1) & (visible["count"] < 5)).any()


def test_linked_totals_agree_with_the_data():
    by_month, by_channel = frames(3)
    grand = protect(by_month, by_channel)["channel"]
    total = grand[
        (grand["channel"] == TOTAL) & (grand["area"] == TOTAL) & (grand["strand"] == TOTAL)
    ]
    assert int(total["value"].iloc[0]) == int(by_channel["count"].sum())
