"""The adapter's derivation rule (dashboard/open_data/protection.py): a figure is a margin
cell or the sum of the published cells it covers, hidden when any of them is hidden."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.open_data.protection import TOTAL, GrainTable, exact
from dashboard.viewer import Viewer

CELLS = {
    ("2025-01", "N"): 7,
    ("2025-01", "S"): None,
    ("2025-01", TOTAL): 9,
    ("2025-02", "N"): 6,
    ("2025-02", "S"): 5,
    ("2025-02", TOTAL): 11,
    (TOTAL, "N"): 13,
    (TOTAL, "S"): 7,
    (TOTAL, TOTAL): 20,
}
TABLE = GrainTable(("month", "area"), CELLS, ("2025-01", "2025-02"))


def test_one_cell_and_sums():
    assert TABLE.figure(["2025-02"], area="S") == 5
    assert TABLE.figure(["2025-01", "2025-02"], area="N") == 13  # the margin cell
    assert TABLE.figure(["2025-02"]) == 11


def test_hidden_when_any_covered_cell_is_hidden():
    assert TABLE.figure(["2025-01"], area="S") is None
    assert TABLE.figure(["2025-01", "2025-02"], area="S") == 7  # the margin is published


def test_every_period_uses_the_margin_not_the_sum():
    assert TABLE.figure(None, area="S") == 7


def test_unknown_cell_is_an_error():
    with pytest.raises(KeyError):
        TABLE.figure(["2024-12"])


def test_exact_tables_for_activities():
    frame = pd.DataFrame({"month": ["2025-01", "2025-01"], "kind": ["a", "b"], "count": [1, 2]})
    table = exact(frame, ("month", "kind"), {"month": ["2025-01", "2025-02"], "kind": ["a", "b"]})
    assert table.figure(["2025-01"], kind="a") == 1
    assert table.figure(None) == 3
    assert table.figure(["2025-02"]) == 0


def test_protected_tables_hide_small_counts(app):
    from dashboard.open_data.protection import protect

    frame = pd.DataFrame(
        {"month": ["2025-01", "2025-01", "2025-02"], "area": ["N", "S", "N"], "count": [9, 2, 8]}
    )
    categories = {"month": ["2025-01", "2025-02"], "area": ["N", "S"]}
    with app.server.test_request_context("/"):
        public = protect(Viewer("public", 1), {"t": (frame, ("month", "area"), categories)})["t"]
        staff = protect(Viewer("leadership", 1), {"t": (frame, ("month", "area"), categories)})["t"]
    assert public.figure(["2025-01"], area="S") is None
    assert staff.figure(["2025-01"], area="S") == 2
    assert public.figure(None) == staff.figure(None) == 19
