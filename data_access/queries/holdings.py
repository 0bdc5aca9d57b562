"""Which kinds of record an organisation holds at all: pages tell "none recorded yet" apart
from a true zero (a force may import referrals and areas and nothing else)."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from data_access.models import (
    Action,
    ChannelVolume,
    Commitment,
    CommunityEvent,
    LiaisonOfficer,
    Referral,
    SurveyResponse,
    Target,
    TrainingAttendance,
    WorkforceCount,
)
from data_access.queries.common import check_org

KINDS = {
    "referrals": Referral,
    "officers": LiaisonOfficer,
    "channels": ChannelVolume,
    "workforce": WorkforceCount,
    "training": TrainingAttendance,
    "events": CommunityEvent,
    "surveys": SurveyResponse,
    "commitments": Commitment,
    "actions": Action,
    "targets": Target,
}


def held_kinds(session: Session, org_id: int) -> frozenset[str]:
    """The kinds (keys of KINDS) of which the organisation holds at least one record."""
    check_org(session, org_id)
    checks = [
        exists().where(model.organisation_id == org_id).label(kind) for kind, model in KINDS.items()
    ]
    row = session.execute(select(*checks)).one()
    return frozenset(kind for kind, held in zip(KINDS, row, strict=True) if held)
