"""Workload queries: reviews due, organisation isolation and refusal of unknown
organisations, on the hand-made dataset of data.py."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import workload
from tests.data_access.helpers import records
from tests.data_access.workload.data import TODAY, P, org

# ------------------------------------------------------------------------------ reviews due
DUE = [
    ("LO-03", "SO", "review_overdue", date(2025, 8, 14), date(2025, 1, 15)),  # induction + 183
    ("LO-02", "NA", "review_overdue", date(2026, 3, 3), date(2024, 3, 1)),
    ("LO-09", "SO", "review_due", date(2026, 4, 10), date(2024, 6, 1)),  # due today
    ("LO-01", "NA", "review_due", date(2026, 6, 2), date(2024, 1, 10)),
    ("LO-08", "NA", "review_due", date(2026, 6, 9), date(2024, 1, 1)),  # today + 60
    ("LO-06", "SO", "induction_outstanding", None, date(2026, 3, 20)),
]


def test_reviews_due(session):
    """LO-07's review falls due on 2026-06-10 (61 days): not listed; LO-04 is on leave, LO-05
    and LO-10 have left, LO-11 is recruited on TODAY itself (not yet active)."""
    frame = workload.reviews_due(session, org(session), TODAY)
    assert list(frame.columns) == ["officer", "area", "item", "due_on", "recruited_on"]
    assert records(frame) == DUE
    summary = workload.due_summary(frame)
    assert records(summary) == [
        ("review_overdue", 2),
        ("review_due", 3),
        ("induction_outstanding", 1),
    ]


def test_reviews_due_area_and_horizon(session):
    assert records(workload.reviews_due(session, org(session), TODAY, area_code="SO")) == [
        row for row in DUE if row[1] == "SO"
    ]
    short = workload.reviews_due(session, org(session), TODAY, horizon_days=0)
    assert list(short["officer"]) == ["LO-03", "LO-02", "LO-09", "LO-06"]
    empty = workload.reviews_due(session, org(session), date(2020, 1, 1))
    assert records(workload.due_summary(empty)) == [
        ("review_overdue", 0),
        ("review_due", 0),
        ("induction_outstanding", 0),
    ]


# ------------------------------------------------------------------------------ isolation
def test_decoy_organisation_has_its_own_figures(session):
    decoy = org(session, "WKD")
    stages = workload.funnel_stages(workload.funnel_outcomes(session, decoy, P))
    assert list(stages["count"]) == [3, 3, 3, 3, 3, 3, 3, 3]
    assert records(workload.area_caseload(session, decoy, P)) == [("NA", 0, 3)]
    assert records(workload.officer_caseload(session, decoy, P)) == [("LO-01", "NA", 0, 3)]
    assert records(workload.capacity(session, decoy, P.end, 12)) == [("NA", 3, 1, 3.0, "none")]
    assert list(workload.reviews_due(session, decoy, TODAY)["item"]) == ["induction_outstanding"]


@pytest.mark.parametrize(
    "query",
    [
        lambda s, o: workload.funnel_outcomes(s, o, P),
        lambda s, o: workload.area_caseload(s, o, P),
        lambda s, o: workload.officer_caseload(s, o, P),
        lambda s, o: workload.deployments_by_month(s, o, P),
        lambda s, o: workload.capacity(s, o, P.end, 12),
        lambda s, o: workload.reviews_due(s, o, TODAY),
    ],
)
def test_unknown_organisation_is_refused(session, query):
    with pytest.raises(PermissionError):
        query(session, 987_654)
