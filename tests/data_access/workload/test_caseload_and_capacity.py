"""Workload queries: caseload, deployments and capacity, on the hand-made dataset of data.py."""

from __future__ import annotations

from data_access.queries import workload
from tests.data_access.helpers import records
from tests.data_access.workload.data import P, org


# ------------------------------------------------------------------------------ caseload
def test_area_caseload(session):
    """NA: LO-01 (W03 active; W01, W03 new), LO-02 (W00 active; W00, W02 new), LO-05 (W13);
    SO: LO-03 (W18 active as it closed on the period end; W14 new), LO-04 (W15). W17 is
    allocated after the period; W19 closed before its end."""
    frame = workload.area_caseload(session, org(session), P)
    assert list(frame.columns) == ["area", "active_cases", "new_allocations"]
    assert records(frame) == [("EA", 0, 0), ("NA", 3, 5), ("SO", 2, 2)]


def test_area_caseload_filters(session):
    homophobic = workload.area_caseload(session, org(session), P, strand="homophobic")
    assert records(homophobic) == [("EA", 0, 0), ("NA", 1, 3), ("SO", 2, 2)]
    assert records(workload.area_caseload(session, org(session), P, "SO")) == [("SO", 2, 2)]


def test_officer_caseload(session):
    """Officers active at the period end (LO-01..03, 06..09) or holding cases (LO-04 on leave,
    LO-05 left); LO-10 left in 2025 with none and LO-11 is recruited after: not listed."""
    frame = workload.officer_caseload(session, org(session), P)
    assert list(frame.columns) == ["officer", "area", "active_cases", "new_allocations"]
    assert records(frame) == [
        ("LO-01", "NA", 1, 2),
        ("LO-02", "NA", 1, 2),
        ("LO-03", "SO", 1, 1),
        ("LO-04", "SO", 1, 1),
        ("LO-05", "NA", 1, 1),
        ("LO-06", "SO", 0, 0),
        ("LO-07", "NA", 0, 0),
        ("LO-08", "NA", 0, 0),
        ("LO-09", "SO", 0, 0),
    ]
    by_area = frame.groupby("area")[["active_cases", "new_allocations"]].sum()
    areas = workload.area_caseload(session, org(session), P).set_index("area")
    assert (by_area == areas.loc[by_area.index]).all().all()


def test_officer_caseload_area_filter(session):
    frame = workload.officer_caseload(session, org(session), P, "SO", "homophobic")
    assert records(frame) == [
        ("LO-03", "SO", 1, 1),
        ("LO-04", "SO", 1, 1),
        ("LO-06", "SO", 0, 0),
        ("LO-09", "SO", 0, 0),
    ]


# ------------------------------------------------------------------------------ deployments
def test_deployments_by_month(session):
    """W03 on duty (Jan), W10 on duty (Feb), W15 off duty (Mar); internal W12 (Feb), W14 (Mar).
    W00 (internal, December) and W17 (off duty, 2026-04-01) are outside the period."""
    frame = workload.deployments_by_month(session, org(session), P)
    assert list(frame.columns) == ["month", "on_duty", "off_duty", "internal"]
    assert records(frame) == [("2026-01", 1, 0, 0), ("2026-02", 1, 0, 1), ("2026-03", 0, 1, 1)]
    so = workload.deployments_by_month(session, org(session), P, "SO")
    assert records(so) == [("2026-01", 0, 0, 0), ("2026-02", 0, 0, 1), ("2026-03", 0, 0, 1)]


# ------------------------------------------------------------------------------ capacity
def test_capacity(session):
    """Referrals reported in [2025-04-01, 2026-04-01): NA 10 (8 in P + W00 + W22), SO 8 (6 in P
    + W18 + W19), EA 3 (W08, W09, W20; W21 is a day too early). Active LOs at 2026-04-01:
    NA 4 (LO-01, 02, 07, 08), SO 3 (LO-03, 06, 09), EA none. Level 2.5: NA's 2.5 is not above."""
    frame = workload.capacity(session, org(session), P.end, 2.5)
    assert list(frame.columns) == ["area", "referrals", "active_officers", "per_officer", "gap"]
    assert records(frame) == [
        ("EA", 3, 0, None, "no_officer"),
        ("NA", 10, 4, 2.5, "none"),
        ("SO", 8, 3, 2.7, "above_level"),
    ]
    low = workload.capacity(session, org(session), P.end, 2)
    assert list(low["gap"]) == ["no_officer", "above_level", "above_level"]
    assert records(workload.capacity(session, org(session), P.end, 12, "NA")) == [
        ("NA", 10, 4, 2.5, "none")
    ]
