"""Scorecard indicators from community events and victim-satisfaction surveys, by area (the
area of the event or response; none recorded → UNKNOWN_AREA)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Area, CommunityEvent, SurveyResponse
from data_access.queries.common import Period, check_org, frame
from data_access.queries.indicators_common import area_code, in_period, to_long
from data_access.sql import count_if

#: A victim-satisfaction score (1-5) of at least this counts as satisfied.
SATISFIED_SCORE = 4


def event_counts(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Community events held in the period, by area.

    - events_per_quarter: events held (numerator; the value is events × 3 / months).
    - senior_officer_event_share: events with a senior officer present, of events held.
    - lo_event_share: events with a liaison officer present, of events held.
    - event_feedback: the sum of feedback scores (numerator) over events with a feedback
      score (denominator): their mean score, 1-5.
    Columns: indicator, area, strand (None), numerator, denominator."""
    check_org(session, org_id)
    scored = CommunityEvent.feedback_score.is_not(None)
    stmt = (
        select(
            area_code(),
            func.count(CommunityEvent.id),
            count_if(CommunityEvent.senior_officer_present.is_(True)),
            count_if(CommunityEvent.lo_present.is_(True)),
            count_if(scored),
            func.coalesce(func.sum(CommunityEvent.feedback_score), 0.0),
        )
        .outerjoin(Area, Area.id == CommunityEvent.area_id)
        .where(CommunityEvent.organisation_id == org_id, *in_period(CommunityEvent.held_on, period))
        .group_by(Area.code)
    )
    columns = ["area", "events", "senior", "lo", "scored", "score_sum"]
    wide = frame(session, stmt, columns).sort_values("area", ignore_index=True)
    pairs = {
        "events_per_quarter": ("events", None),
        "senior_officer_event_share": ("senior", "events"),
        "lo_event_share": ("lo", "events"),
        "event_feedback": ("score_sum", "scored"),
    }
    return to_long(wide, pairs)


def survey_counts(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Victim-satisfaction survey responses in the period, by area.

    - victims_satisfied: responses scoring 4 or 5 (numerator) of all victim-satisfaction
      responses (denominator); community-confidence responses are not counted.
    Columns: indicator, area, strand (None), numerator, denominator."""
    check_org(session, org_id)
    stmt = (
        select(
            area_code(),
            func.count(SurveyResponse.id),
            count_if(SurveyResponse.score >= SATISFIED_SCORE),
        )
        .outerjoin(Area, Area.id == SurveyResponse.area_id)
        .where(
            SurveyResponse.organisation_id == org_id,
            SurveyResponse.kind == "victim_satisfaction",
            *in_period(SurveyResponse.responded_on, period),
        )
        .group_by(Area.code)
    )
    wide = frame(session, stmt, ["area", "responses", "satisfied"]).sort_values("area")
    return to_long(wide, {"victims_satisfied": ("satisfied", "responses")})
