"""Tests for dashboard.disclosure: known answers, checked against an independent LP attacker
(tests/disclosure_oracle.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.disclosure import (
    MARKER,
    TOTAL,
    display_frame,
    primary_mask,
    protect_cube,
    protect_series,
    suppress_derived,
)
from tests.disclosure_oracle import attacker_ranges, check_protected


def test_constants():
    assert MARKER == "[c]"
    assert TOTAL == "All"


def test_primary_mask_boundaries():
    counts = pd.Series([0, 1, 2, 3, 4, 5, 6, 100])
    assert primary_mask(counts, 5).tolist() == [False, True, True, True, True, False, False, False]
    ten = primary_mask(pd.Series([0, 1, 9, 10, 11]), 10)
    assert ten.tolist() == [False, True, True, False, False]
    nullable = primary_mask(pd.Series([pd.NA, 2, 7], dtype="Int64"), 5)
    assert nullable.tolist() == [False, True, False]
    assert nullable.dtype == bool


def test_protect_series_primary_and_zero():
    frame = pd.DataFrame({"channel": list("abcde"), "count": [0, 1, 4, 5, 12]})
    out = protect_series(frame)
    assert out["count"].tolist()[0] == 0
    assert out["count"].isna().tolist() == [False, True, True, False, False]
    assert out["suppressed"].tolist() == [False, True, True, False, False]
    assert out["count"].dtype == "Int64"
    assert out["channel"].tolist() == list("abcde")
    ten = protect_series(frame, threshold=10)
    assert ten["count"].isna().tolist() == [False, True, True, True, False]
    assert frame["count"].tolist() == [0, 1, 4, 5, 12], "input must not be modified"


def test_protect_series_derived_columns():
    frame = pd.DataFrame(
        {
            "count": [0, 3, 8, 20],
            "rate": [0.0, 1.5, 4.0, 10.0],
            "median_days": [np.nan, 2.0, 5.0, 7.0],
        }
    )
    out = protect_series(frame, derived={"rate": "count", "median_days": ["count"]})
    assert out["rate"].isna().tolist() == [False, True, False, False]
    assert out["rate"].tolist()[0] == 0.0
    assert out["median_days"].isna().tolist() == [True, True, False, False]
    assert out["rate"].tolist()[2:] == [4.0, 10.0]


def test_suppress_derived_any_base():
    frame = pd.DataFrame(
        {
            "count": pd.array([10, pd.NA, 12], dtype="Int64"),
            "total": pd.array([40, 40, pd.NA], dtype="Int64"),
            "percent": [25.0, 5.0, 30.0],
            "ranked": [1, 2, 3],
        }
    )
    out = suppress_derived(frame, "percent", ["count", "total"])
    assert out["percent"].isna().tolist() == [False, True, True]
    assert out["percent"].iloc[0] == 25.0
    ints = suppress_derived(frame, "ranked", "count")
    assert str(ints["ranked"].dtype) == "Int64"
    assert ints["ranked"].isna().tolist() == [False, True, False]
    assert frame["percent"].notna().all(), "input must not be modified"


def test_display_frame():
    frame = pd.DataFrame(
        {
            "area": ["North", "South", TOTAL],
            "count": pd.array([12, pd.NA, 30], dtype="Int64"),
            "rate": [1.25, np.nan, 2.5],
            "suppressed": [False, True, False],
        }
    )
    out = display_frame(frame)
    assert out["count"].tolist() == [12, MARKER, 30]
    assert out["rate"].tolist() == [1.25, MARKER, 2.5]
    assert out["area"].tolist() == ["North", "South", TOTAL]
    assert out["suppressed"].tolist() == [False, True, False]
    only = display_frame(frame, columns=["count"])
    assert only["count"].tolist() == [12, MARKER, 30]
    assert np.isnan(only["rate"].iloc[1])
    assert frame["count"].isna().sum() == 1, "input must not be modified"
    clean = display_frame(pd.DataFrame({"count": [1, 2]}))
    assert clean["count"].dtype == np.int64


def test_one_dimension_single_small_cell_gets_partner():
    frame = pd.DataFrame({"area": ["A", "B", "C"], "count": [3, 10, 20]})
    out = protect_cube(frame, ["area"])
    assert out["area"].tolist() == ["A", "B", "C", TOTAL]
    assert out["count"].isna().tolist() == [True, True, False, False]
    assert out["count"].tolist()[2:] == [20, 33]
    check_protected(frame, ["area"], {"area": ["A", "B", "C"]}, 5)


def test_one_dimension_tie_goes_to_first_cell():
    frame = pd.DataFrame({"k": ["a", "b", "c"], "count": [2, 8, 8]})
    assert protect_cube(frame, ["k"])["suppressed"].tolist() == [True, True, False, False]


def test_hidden_ones_against_visible_total_get_a_partner():
    # [c] [c] 50 | 52: an attacker knowing [c] >= 1 would get 1 and 1, so 50 is hidden too.
    frame = pd.DataFrame({"k": ["a", "b", "c"], "count": [1, 1, 50]})
    out = protect_cube(frame, ["k"])
    assert out["suppressed"].tolist() == [True, True, True, False]
    assert out["count"].iloc[3] == 52


def test_zero_dimensions_is_primary_only():
    assert protect_cube(pd.DataFrame({"count": [1, 2]}), [])["count"].isna().all()
    out = protect_cube(pd.DataFrame({"count": [4, 3]}), [])
    assert out["count"].tolist() == [7]
    assert out.columns.tolist() == ["count", "suppressed"]


def _grid(rows: list[list[int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(f"r{i}", f"c{j}", v) for i, row in enumerate(rows) for j, v in enumerate(row)],
        columns=["r", "c", "count"],
    )


def _hidden(out: pd.DataFrame) -> set[tuple[str, str]]:
    return set(out.loc[out["suppressed"], ["r", "c"]].itertuples(index=False, name=None))


def test_known_three_by_three_pattern():
    frame = _grid([[2, 10, 20], [12, 15, 30], [25, 40, 50]])
    out = protect_cube(frame, ["r", "c"])
    assert _hidden(out) == {("r0", "c0"), ("r0", "c1"), ("r1", "c0"), ("r1", "c1")}
    margins = out[(out["r"] == TOTAL) | (out["c"] == TOTAL)]
    assert margins["count"].tolist() == [32, 57, 115, 39, 65, 100, 204]
    assert out["r"].dtype == object and out["c"].dtype == object
    assert len(out) == 16
    check_protected(frame, ["r", "c"], {"r": ["r0", "r1", "r2"], "c": ["c0", "c1", "c2"]}, 5)


def test_known_three_by_three_with_small_margin():
    # Row r0 is 0, 3, 0 so its total (3) is hidden too; the partners are the smallest visible
    # values of the lines: 20 in column c1 and the row total 60 in the column of totals.
    frame = _grid([[0, 3, 0], [10, 20, 30], [15, 25, 35]])
    out = protect_cube(frame, ["r", "c"])
    assert _hidden(out) == {("r0", "c1"), ("r0", TOTAL), ("r1", "c1"), ("r1", TOTAL)}
    assert out.loc[(out["r"] == "r0") & (out["c"] == "c0"), "count"].tolist() == [0]
    check_protected(frame, ["r", "c"], {"r": ["r0", "r1", "r2"], "c": ["c0", "c1", "c2"]}, 5)


def test_audit_catches_what_the_line_rule_misses():
    #       c0  c1  c2 | All        The line rule hides the 1s, the row-2 total, and partners
    # r0    16  11  14 |  41        16, 14 and 19: every line then has 0 or >= 2 hidden values,
    # r1    18   0   1 |  19        yet r1: T1 = 18 + x; totals: T1 + T2 = 21; r2: T2 = a + b >= 2
    # r2     1   0   1 |   2        gives x = 1, a = b = 1, ... The LP audit finds it and hides
    # All   35  11  16 |  62        the cheapest box through (r0, c0): only 18 is new.
    frame = _grid([[16, 11, 14], [18, 0, 1], [1, 0, 1]])
    out = protect_cube(frame, ["r", "c"])
    line_rule = {("r0", "c0"), ("r0", "c2"), ("r1", "c2"), ("r1", TOTAL)}
    line_rule |= {("r2", "c0"), ("r2", "c2"), ("r2", TOTAL)}
    assert _hidden(out) == line_rule | {("r1", "c0")}
    check_protected(frame, ["r", "c"], {"r": ["r0", "r1", "r2"], "c": ["c0", "c1", "c2"]}, 5)
    without_audit = out.copy()
    without_audit.loc[(out["r"] == "r1") & (out["c"] == "c0"), "count"] = 18
    ranges = attacker_ranges(without_audit, ["r", "c"])
    assert ranges[("r1", "c2")] == pytest.approx((1.0, 1.0))
    assert ranges[("r0", "c0")] == pytest.approx((16.0, 16.0))
    # An attacker (or audit) assuming only values >= 0 gets 0..3 here and would miss the leak.
    assert attacker_ranges(without_audit, ["r", "c"], lower=0.0)[("r1", "c2")] == (0.0, 3.0)


def test_categories_fill_zeros_and_set_order():
    frame = pd.DataFrame({"strand": ["trans", "sexual orientation"], "count": [7, 9]})
    cats = {"strand": ["sexual orientation", "trans", "both"]}
    out = protect_cube(frame, ["strand"], categories=cats)
    assert out["strand"].tolist() == ["sexual orientation", "trans", "both", TOTAL]
    assert out["count"].tolist() == [9, 7, 0, 16]
    assert not out["suppressed"].any()


def test_values_outside_categories_are_left_out_and_empty_input_works():
    frame = pd.DataFrame({"k": ["a", "b", "zz", None], "count": [7, 8, 100, 100]})
    out = protect_cube(frame, ["k"], categories={"k": ["b", "a"]})
    assert out["k"].tolist() == ["b", "a", TOTAL]
    assert out["count"].tolist() == [8, 7, 15]
    empty = pd.DataFrame({"k": pd.Series(dtype=object), "count": []})
    out = protect_cube(empty, ["k"], categories={"k": ["a", "b"]})
    assert out["count"].tolist() == [0, 0, 0]
    assert not out["suppressed"].any()


def test_repeated_rows_are_added_and_missing_rows_are_zero():
    frame = pd.DataFrame({"a": ["x", "x", "y"], "b": [1, 1, 2], "count": [3, 4, 9]})
    out = protect_cube(frame, ["a", "b"])
    cell = out.set_index(["a", "b"])["count"]
    assert cell[("x", 1)] == 7 and cell[("x", 2)] == 0 and cell[("y", 1)] == 0
    assert cell[(TOTAL, TOTAL)] == 16


def test_deterministic_and_row_order_independent():
    rng = np.random.default_rng(7)
    rows = [(a, m, rng.poisson(2)) for a in "ABCD" for m in range(12)]
    frame = pd.DataFrame(rows, columns=["area", "month", "count"])
    first = protect_cube(frame, ["area", "month"])
    again = protect_cube(frame.sample(frac=1, random_state=3), ["area", "month"])
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, protect_cube(frame, ["area", "month"]))


@pytest.mark.parametrize(
    ("frame", "dims", "kwargs"),
    [
        (pd.DataFrame({"k": ["a"], "count": [-1]}), ["k"], {}),
        (pd.DataFrame({"k": ["a"], "count": [1.5]}), ["k"], {}),
        (pd.DataFrame({"k": ["a"], "count": [None]}), ["k"], {}),
        (pd.DataFrame({"k": [TOTAL], "count": [3]}), ["k"], {}),
        (pd.DataFrame({"k": ["a"], "count": [3]}), ["k"], {"categories": {"k": ["b", TOTAL]}}),
        (pd.DataFrame({"k": ["a"], "count": [3]}), ["k"], {"categories": {"k": ["a", "a"]}}),
        (pd.DataFrame({"k": ["a"], "count": [3]}), ["k"], {"threshold": 0}),
    ],
)
def test_bad_input_is_rejected(frame, dims, kwargs):
    with pytest.raises(ValueError):
        protect_cube(frame, dims, **kwargs)
