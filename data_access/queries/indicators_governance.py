"""Scorecard figures from the commitments register, community reviews and "you said, we did"
actions (force-wide: these records have no area or strand). Private items count only when
`include_private` (the caller decides from the policy table)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Action, Commitment, CommitmentHistory, CommunityReview
from data_access.queries.common import Period, check_org, frame
from data_access.queries.indicators_common import in_period, to_long
from data_access.sql import count_if
from data_access.vocab import COMMITMENT_STATUSES, KEY_POINTS, REVIEW_VERDICTS

SUMMARY_COLUMNS = [
    "key_point",
    "commitments",
    *COMMITMENT_STATUSES,
    "overdue",
    *REVIEW_VERDICTS,
    "unreviewed",
]


def _visible(model, org_id: int, include_private: bool) -> list:
    conditions = [model.organisation_id == org_id]
    if not include_private:
        conditions.append(model.is_public.is_(True))
    return conditions


def met_by(day: date) -> object:
    """SQL condition: no recorded change to "met", or the first such change before `day`."""
    to_met = (
        CommitmentHistory.commitment_id == Commitment.id,
        CommitmentHistory.field == "status",
        CommitmentHistory.new_value == "met",
    )
    start = datetime.combine(day, time.min, tzinfo=UTC)
    ever = select(CommitmentHistory.id).where(*to_met).exists()
    before = select(CommitmentHistory.id).where(*to_met, CommitmentHistory.changed_at < start)
    return ~ever | before.exists()


def governance_counts(
    session: Session, org_id: int, period: Period, include_private: bool
) -> pd.DataFrame:
    """Force-wide commitment and action indicators for the period.

    - policy_commitments_met: anti-discrimination-policy commitments (denominator) that are
      met and were met by the end of the period (numerator): their change history records
      the change to "met" before the period end, or holds no such change at all (recorded
      as met from the start).
    - commitments_reviewed: all commitments (denominator) with a community review dated
      before the end of the period (numerator).
    - actions_done: "you said, we did" actions due in the period (denominator) whose status
      is now "done" (numerator).
    Columns: indicator, area (None), strand (None), numerator, denominator."""
    check_org(session, org_id)
    reviewed = (
        select(CommunityReview.id)
        .where(
            CommunityReview.commitment_id == Commitment.id,
            CommunityReview.reviewed_on < period.end,
        )
        .exists()
    )
    policy = Commitment.key_point == "anti_discrimination_policy"
    commitments = select(
        count_if(policy & (Commitment.status == "met") & met_by(period.end)),
        count_if(policy),
        count_if(reviewed),
        func.count(Commitment.id),
    ).where(*_visible(Commitment, org_id, include_private))
    actions = select(count_if(Action.status == "done"), func.count(Action.id)).where(
        *_visible(Action, org_id, include_private), *in_period(Action.due_on, period)
    )
    wide = pd.concat(
        [
            frame(session, commitments, ["policy_met", "policy_due", "reviewed", "commitments"]),
            frame(session, actions, ["done", "actions_due"]),
        ],
        axis=1,
    )
    pairs = {
        "policy_commitments_met": ("policy_met", "policy_due"),
        "commitments_reviewed": ("reviewed", "commitments"),
        "actions_done": ("done", "actions_due"),
    }
    return to_long(wide, pairs)


def commitment_summary(
    session: Session, org_id: int, on: date, include_private: bool
) -> pd.DataFrame:
    """Commitments per key point (all ten, in vocab order): their current status, overdue
    and the community's latest verdict judged on `on`.

    Columns: key_point, commitments, one column per status (not_started, in_progress, met,
    missed), overdue (due before `on` and not met), one column per community verdict
    (agreed_met, not_yet, disputed: the latest review on or before `on`, ties → the later
    entered) and unreviewed (no review yet)."""
    check_org(session, org_id)
    latest = (
        select(CommunityReview.id)
        .where(CommunityReview.commitment_id == Commitment.id, CommunityReview.reviewed_on <= on)
        .order_by(CommunityReview.reviewed_on.desc(), CommunityReview.id.desc())
        .limit(1)
        .correlate(Commitment)
        .scalar_subquery()
    )
    sums = [
        func.count(Commitment.id),
        *[count_if(Commitment.status == status) for status in COMMITMENT_STATUSES],
        count_if((Commitment.due_on < on) & (Commitment.status != "met")),
        *[count_if(CommunityReview.verdict == verdict) for verdict in REVIEW_VERDICTS],
        count_if(CommunityReview.id.is_(None)),
    ]
    stmt = (
        select(Commitment.key_point, *sums)
        .outerjoin(CommunityReview, CommunityReview.id == latest)
        .where(*_visible(Commitment, org_id, include_private))
        .group_by(Commitment.key_point)
    )
    found = frame(session, stmt, SUMMARY_COLUMNS).set_index("key_point")
    summary = found.reindex(list(KEY_POINTS), fill_value=0).fillna(0).astype("int64")
    return summary.rename_axis("key_point").reset_index()
