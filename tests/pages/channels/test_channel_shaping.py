"""Reporting channels: the shaping of published cubes (known answers worked by hand)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.disclosure import TOTAL, protect_cube
from dashboard.published import exact_cube, select_cells
from data_access.vocab import CHANNELS, STRANDS
from pages.channels import frames
from tests.data_access.helpers import records
from tests.pages.channels.helpers import (
    CATEGORIES,
    MONTHS,
    VOLUMES,
    monthly,
)


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
