"""The service funnel: where referrals reported in a period left it, as cumulative stage counts
and as drop-outs by reason between consecutive stages."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from data_access.models import Referral
from data_access.queries.common import Period, check_org, cohort, frame

STAGES = (
    "referred",
    "flagged",
    "offered",
    "accepted",
    "allocated",
    "oic_contacted",
    "victim_contacted",
    "closed",
)
# Drop-out reason -> index in STAGES of the last stage the referral reached.
REASONS = {
    "not_flagged": 0,
    "closed_incorrectly": 1,
    "already_supported": 1,
    "uncontactable": 1,
    "not_appropriate_other": 1,
    "not_offered_unrecorded": 1,
    "offer_pending": 1,
    "declined": 2,
    "offer_unanswered": 2,
    "not_allocated": 3,
    "no_oic_contact": 4,
    "no_victim_contact": 5,
    "still_open": 6,
}


def _reason():
    """The first stage a referral has not reached, as a drop-out reason ('closed': none)."""
    r = Referral
    return type_coerce(
        case(
            (r.flagged_on.is_(None), "not_flagged"),
            (
                r.offer_status == "not_offered",
                func.coalesce(type_coerce(r.not_offered_reason, String), "not_offered_unrecorded"),
            ),
            (r.offer_status != "offered", "offer_pending"),
            (r.offer_outcome.is_(None), "offer_unanswered"),
            (r.offer_outcome != "accepted", "declined"),
            (r.allocated_on.is_(None), "not_allocated"),
            (r.oic_contacted_on.is_(None), "no_oic_contact"),
            (r.victim_contacted_on.is_(None), "no_victim_contact"),
            (r.closed_on.is_(None), "still_open"),
            else_="closed",
        ),
        String,
    ).label("reason")


def funnel_outcomes(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Referrals reported in the period by where they left the funnel: columns reason (a key
    of REASONS, or 'closed' for those that reached the last stage), count."""
    check_org(session, org_id)
    reason = _reason()
    stmt = select(reason, func.count(Referral.id)).group_by(reason).order_by(reason)
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    result = frame(session, stmt, ["reason", "count"])
    result["count"] = result["count"].astype("int64")
    return result


def funnel_stages(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Cumulative stage counts from `funnel_outcomes`: columns stage, count. A referral counts
    at a stage only if it reached that stage and every earlier one."""
    last = {**REASONS, "closed": len(STAGES) - 1}
    reached = [0] * len(STAGES)
    for reason, count in zip(outcomes["reason"], outcomes["count"], strict=True):
        for index in range(last[reason] + 1):
            reached[index] += int(count)
    return pd.DataFrame({"stage": list(STAGES), "count": reached}).astype({"count": "int64"})


def funnel_dropouts(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Drop-outs between consecutive stages by reason (every reason, zeros included): columns
    from_stage, to_stage, reason, count. Counts for a step add up to the stage difference."""
    counts = dict(zip(outcomes["reason"], outcomes["count"], strict=True))
    rows = [
        (STAGES[index], STAGES[index + 1], reason, int(counts.get(reason, 0)))
        for reason, index in REASONS.items()
    ]
    result = pd.DataFrame(rows, columns=["from_stage", "to_stage", "reason", "count"])
    return result.astype({"count": "int64"})
