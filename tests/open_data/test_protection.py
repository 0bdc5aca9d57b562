"""The adapter's derivation rule (dashboard/open_data/protection.py): a figure is a margin
cell or the sum of the published cells it covers, hidden when any of them is hidden."""

from __future__ import annotations

from datetime import date
from unittest import mock

import pandas as pd
import pytest

from dashboard import published
from dashboard.open_data import protection
from dashboard.open_data.protection import TOTAL, GrainTable, ReleaseTable, exact
from dashboard.release import TABLES, Release, Table, recording
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


def test_release_tables_read_the_release_cells():
    """Open data reads the organisation's release: the same cells, hidden where it hides;
    a figure over several months is the sum of the months (no cell spans months)."""
    cells = {k: v for k, v in CELLS.items() if k[0] != TOTAL}
    cells.update({("2024-12", a): 0 for a in {k[1] for k in cells}})
    truth = {k: (2 if v is None else v) for k, v in cells.items()}
    release = Release(1, ("2024-12", "2025-01", "2025-02"), {"t": cells}, {"t": truth})
    table = ReleaseTable(release, "t", ("2025-01", "2025-02"))
    with mock.patch.dict(TABLES, {"t": Table("t", ("month", "area"), "count", "t")}):
        with recording() as figures:
            assert table.figure(["2025-01"], area="S") is None
            assert table.figure(["2025-01", "2025-02"], area="S") is None  # one part hidden
            assert table.figure(["2025-02"], area="S") == cells[("2025-02", "S")]
        assert figures[0] == (1, "t", (("2025-01", "S"),), None)
        assert {("2025-01", "S"), ("2025-02", "S")} <= set(figures[1][2])


def test_staff_read_the_exact_cells(app):
    truth = {k: (2 if v is None else v) for k, v in CELLS.items()}
    release = Release(1, ("2025-01", "2025-02"), {"t": CELLS}, {"t": truth})
    with mock.patch.object(published, "release_for", lambda org, today: release):
        staff = protection.release_of(Viewer("leadership", 1), 1, date(2025, 3, 1))
        public = protection.release_of(Viewer("public", 1), 1, date(2025, 3, 1))
    assert staff.cells["t"][("2025-01", "S")] == 2
    assert public.cells["t"][("2025-01", "S")] is None
