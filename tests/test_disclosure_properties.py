"""Property-based tests for dashboard.disclosure: random tables must survive the independent
LP attacker of tests/disclosure_oracle.py."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.disclosure import (
    protect_series,
)
from tests.disclosure_oracle import check_protected, small_or_large, tables

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(PROPERTY, max_examples=200)
@given(tables([(1, 8)]))
def test_property_one_dimension(table):
    check_protected(*table)


@PROPERTY
@given(tables([(2, 5), (2, 5)]))
def test_property_two_dimensions(table):
    check_protected(*table)


@settings(PROPERTY, max_examples=100)
@given(tables([(2, 3), (2, 3), (2, 3)]))
def test_property_three_dimensions(table):
    check_protected(*table)


@settings(max_examples=200, deadline=None)
@given(st.lists(small_or_large, min_size=1, max_size=12), st.sampled_from([3, 5, 10]))
def test_property_series_without_totals(counts, threshold):
    frame = pd.DataFrame({"count": counts, "rate": [c / 7 for c in counts]})
    out = protect_series(frame, threshold=threshold, derived={"rate": "count"})
    small = [1 <= c < threshold for c in counts]
    assert out["suppressed"].tolist() == small
    assert out["count"].isna().tolist() == small
    assert out["rate"].isna().tolist() == small
    shown = out.loc[~out["suppressed"], "count"]
    assert shown.tolist() == [c for c, hide in zip(counts, small, strict=True) if not hide]
