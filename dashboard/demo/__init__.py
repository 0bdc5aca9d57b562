"""Deterministic synthetic demo data: a full-sized demo force (DVP) and a small second
organisation (NSC) that proves isolation between organisations.

Everything is generated from `random.Random` streams derived from the seed, and every date
is relative to `today` (three years of history ending on `today`, never after it), so the
same seed and the same `today` give identical rows. No real names, addresses or narratives.
This package imports nothing from Dash or Flask.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.demo.channels import seed_channel_volumes
from dashboard.demo.commitments import seed_commitments
from dashboard.demo.engagement import seed_events, seed_surveys
from dashboard.demo.governance import seed_actions, seed_targets
from dashboard.demo.officers import seed_officers
from dashboard.demo.organisations import (
    build_roster,
    create_organisation,
    create_users,
    ensure_empty,
    seed_workforce,
)
from dashboard.demo.profiles import DVP, NSC, PROFILES
from dashboard.demo.referrals import seed_referrals
from dashboard.demo.training import seed_training
from data_access.models import (
    Action,
    Area,
    ChannelVolume,
    Commitment,
    CommitmentHistory,
    CommunityEvent,
    CommunityReview,
    LiaisonOfficer,
    Organisation,
    Referral,
    SurveyResponse,
    Target,
    TrainingAttendance,
    TrainingCourse,
    TrainingPersonStatus,
    TrainingSession,
    TrainingSessionTally,
    TrainingStatusChange,
    User,
    WorkforceCount,
)

__all__ = ["DEMO_ORG_CODE", "DEMO_USERS", "OTHER_ORG_CODE", "seed_demo"]

DEMO_ORG_CODE = DVP.code  # "DVP": the demo force
OTHER_ORG_CODE = NSC.code  # "NSC": second, small organisation used to prove isolation
DEMO_USERS = ("leadership", "network", "partner", "coordinator", "admin")  # role == username

SEEDED = (
    Organisation,
    Area,
    User,
    WorkforceCount,
    LiaisonOfficer,
    Referral,
    ChannelVolume,
    TrainingCourse,
    TrainingSession,
    TrainingAttendance,
    TrainingPersonStatus,
    TrainingStatusChange,
    TrainingSessionTally,
    CommunityEvent,
    SurveyResponse,
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Action,
    Target,
)


def seed_demo(
    session: Session,
    seed: int = 42,
    password: str = "demo-password",  # noqa: S107 - demo accounts only, never production
    today: date | None = None,
) -> dict[str, int]:
    """Fill an EMPTY, migrated database with a deterministic synthetic force; return row counts
    per table. Raises ValueError("database already has data ...") if any organisation exists.
    Same seed + same today -> identical rows. Rows are flushed, not committed: the caller
    owns the transaction."""
    today = today or date.today()
    ensure_empty(session)
    contexts = [create_organisation(session, profile, seed, today) for profile in PROFILES]
    for profile in PROFILES:
        create_users(session, profile, password)
    for ctx in contexts:
        roster = build_roster(ctx)
        seed_workforce(session, ctx, roster)
        officers = seed_officers(session, ctx)
        seed_referrals(session, ctx, officers)
        seed_channel_volumes(session, ctx)
        seed_training(session, ctx, roster, officers)
        seed_events(session, ctx)
        seed_surveys(session, ctx)
        seed_commitments(session, ctx)
        seed_actions(session, ctx)
        seed_targets(session, ctx)
    session.flush()
    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
        for model in SEEDED
    }
