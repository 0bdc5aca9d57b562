"""Workload queries: the referral funnel and its drop-outs, on the hand-made dataset of
data.py."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import workload
from data_access.queries.common import Period
from tests.data_access.helpers import records
from tests.data_access.workload.data import P, org

# ------------------------------------------------------------------------------ funnel
STAGES_ALL = [16, 14, 9, 7, 6, 5, 4, 2]  # 16 - 2 not flagged - 5 not offered - 2 - 1 - 1 - 1 - 2
STAGES_NA = [8, 7, 6, 5, 5, 4, 4, 2]  # W01 W02 W03 W07 W10 W13 W15 W16
STAGES_TRANSPHOBIC = [4, 3, 1, 1, 1, 1, 1, 0]  # W03 W07 W09 W16
DROPOUTS_ALL = {
    "not_flagged": 2,  # W04, W16
    "closed_incorrectly": 1,
    "already_supported": 1,
    "uncontactable": 1,
    "not_appropriate_other": 0,
    "not_offered_unrecorded": 1,  # W08
    "offer_pending": 1,  # W09
    "declined": 1,  # W10
    "offer_unanswered": 1,  # W11
    "not_allocated": 1,  # W12
    "no_oic_contact": 1,  # W13
    "no_victim_contact": 1,  # W14
    "still_open": 2,  # W03, W15
}


@pytest.mark.parametrize(
    ("area", "strand", "expected"),
    [(None, None, STAGES_ALL), ("NA", None, STAGES_NA), (None, "transphobic", STAGES_TRANSPHOBIC)],
)
def test_funnel_stages(session, area, strand, expected):
    outcomes = workload.funnel_outcomes(session, org(session), P, area, strand)
    stages = workload.funnel_stages(outcomes)
    assert list(stages["stage"]) == list(workload.STAGES)
    assert list(stages["count"]) == expected
    assert str(stages["count"].dtype) == "int64"


def test_funnel_outcomes_by_reason(session):
    outcomes = workload.funnel_outcomes(session, org(session), P)
    found = dict(zip(outcomes["reason"], outcomes["count"], strict=True))
    expected = {k: v for k, v in DROPOUTS_ALL.items() if v} | {"closed": 2}
    assert found == expected


def test_dropouts_list_every_reason_and_add_up_to_stage_differences(session):
    for area, strand in [(None, None), ("NA", None), ("SO", "homophobic"), (None, "biphobic")]:
        outcomes = workload.funnel_outcomes(session, org(session), P, area, strand)
        stages = dict(zip(*workload.funnel_stages(outcomes).to_dict("list").values(), strict=True))
        dropouts = workload.funnel_dropouts(outcomes)
        assert list(dropouts["reason"]) == list(workload.REASONS)
        for before, after in zip(workload.STAGES, workload.STAGES[1:], strict=False):
            step = dropouts[dropouts["from_stage"] == before]
            assert set(step["to_stage"]) == {after}
            assert int(step["count"].sum()) == stages[before] - stages[after], (area, strand)
            assert stages[after] <= stages[before]


def test_dropouts_known_answer(session):
    dropouts = workload.funnel_dropouts(workload.funnel_outcomes(session, org(session), P))
    assert dict(zip(dropouts["reason"], dropouts["count"], strict=True)) == DROPOUTS_ALL
    assert records(dropouts[dropouts["reason"] == "declined"]) == [
        ("offered", "accepted", "declined", 1)
    ]


def test_funnel_empty_period(session):
    empty = Period(date(2020, 1, 1), date(2020, 2, 1))
    outcomes = workload.funnel_outcomes(session, org(session), empty)
    assert list(workload.funnel_stages(outcomes)["count"]) == [0] * 8
    assert int(workload.funnel_dropouts(outcomes)["count"].sum()) == 0
