"""All ORM models; importing this package registers every table on `Base.metadata`."""

from data_access.models.base import Base
from data_access.models.engagement import CommunityEvent, SurveyResponse
from data_access.models.governance import (
    Action,
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Target,
)
from data_access.models.imports import ImportBatch, RecordRevision
from data_access.models.organisation import Area, Organisation, WorkforceCount
from data_access.models.referral import ChannelVolume, LiaisonOfficer, Referral
from data_access.models.scrutiny import ScrutinyCase, ScrutinySample
from data_access.models.security import AuditEvent, User
from data_access.models.training import (
    TrainingAttendance,
    TrainingCourse,
    TrainingPersonStatus,
    TrainingSession,
    TrainingSessionTally,
    TrainingStatusChange,
)

__all__ = [
    "Action",
    "Area",
    "AuditEvent",
    "Base",
    "ChannelVolume",
    "Commitment",
    "CommitmentHistory",
    "CommunityEvent",
    "CommunityReview",
    "ImportBatch",
    "LiaisonOfficer",
    "Organisation",
    "RecordRevision",
    "Referral",
    "ScrutinyCase",
    "ScrutinySample",
    "SurveyResponse",
    "Target",
    "TrainingAttendance",
    "TrainingCourse",
    "TrainingPersonStatus",
    "TrainingSession",
    "TrainingSessionTally",
    "TrainingStatusChange",
    "User",
    "WorkforceCount",
]
