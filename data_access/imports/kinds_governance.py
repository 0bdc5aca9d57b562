"""Definitions of the engagement and accountability kinds: events, surveys, commitments,
actions and targets."""

from __future__ import annotations

from data_access.commitments import TARGET_KPIS
from data_access.imports.fields import DateOrder, Field, Kind
from data_access.imports.report import N_
from data_access.models import Action, Commitment, CommunityEvent, SurveyResponse, Target
from data_access.vocab import (
    ACTION_STATUSES,
    COMMITMENT_STATUSES,
    DIRECTIONS,
    EVENT_TYPES,
    KEY_POINTS,
    SURVEY_KINDS,
)


def _text(name: str, meaning: str, limit: int, required: bool = False) -> Field:
    return Field(name, "text", meaning, required, max_length=limit, free_text=True)


def _area() -> Field:
    return Field("area_code", "code", "area, if any", max_length=32, ref="area", attr="area_id")


def _public() -> Field:
    return Field("is_public", "boolean", "shown on the public pages", default=True)


EVENTS = Kind(
    name="community_events",
    title=N_("Community events"),
    model=CommunityEvent,
    description=N_("Events the force attended or ran with LGBT+ communities."),
    key=("code",),
    after=("areas",),
    fields=(
        Field("code", "code", "event code", True, max_length=40),
        Field("held_on", "date", "date of the event", True),
        _area(),
        Field("event_type", "choice", "type of event", True, EVENT_TYPES),
        _text("title", "event title", 200, required=True),
        _text("partners", "partner organisations", 400),
        Field("attendance", "integer", "people attending", minimum=0),
        Field("police_attending", "integer", "police attending", minimum=0, default=0),
        Field("senior_officer_present", "boolean", "a senior officer was present", default=False),
        Field("lo_present", "boolean", "a liaison officer was present", default=False),
        _text("themes", "themes raised", 400),
        Field("feedback_score", "number", "average feedback score, 1-5", minimum=1, maximum=5),
    ),
)

SURVEYS = Kind(
    name="survey_responses",
    title=N_("Survey responses"),
    model=SurveyResponse,
    description=N_("Victim satisfaction or community confidence, scored 1-5; no free text."),
    key=("code",),
    after=("areas",),
    fields=(
        Field("code", "code", "response code", True, max_length=40),
        _area(),
        Field("responded_on", "date", "date of the response", True),
        Field("kind", "choice", "survey", True, SURVEY_KINDS),
        Field("score", "integer", "score, 1-5", True, minimum=1, maximum=5),
    ),
)

COMMITMENTS = Kind(
    name="commitments",
    title=N_("Leadership commitments"),
    model=Commitment,
    description=N_("Commitments mapped to the ten key points."),
    key=("code",),
    fields=(
        Field("code", "code", "commitment code (e.g. C-01)", True, max_length=32),
        Field("key_point", "choice", "the key point it serves", True, KEY_POINTS),
        _text("text", "the commitment", 500, required=True),
        _text("owner", "owner (a role, not a person's contact details)", 120, required=True),
        Field("due_on", "date", "due date"),
        Field("status", "choice", "progress", allowed=COMMITMENT_STATUSES, default="not_started"),
        _text("evidence", "evidence of progress", 500),
        _public(),
    ),
)

ACTIONS = Kind(
    name="actions",
    title=N_("Actions (you said, we did)"),
    model=Action,
    description=N_("Issues raised at community forums and the force's response."),
    key=("code",),
    fields=(
        Field("code", "code", "action code", True, max_length=32),
        Field("raised_on", "date", "date the issue was raised", True),
        _text("forum", "forum where it was raised", 200, required=True),
        _text("issue", "the issue raised", 500, required=True),
        _text("response", "the force's response", 500),
        _text("owner", "owner (a role)", 120, required=True),
        Field("status", "choice", "progress", allowed=ACTION_STATUSES, default="open"),
        Field("due_on", "date", "due date"),
        _public(),
    ),
    orders=(DateOrder("due_on", "raised_on"),),
)

TARGETS = Kind(
    name="targets",
    title=N_("KPI targets"),
    model=Target,
    description=N_("What each KPI is measured against, from a period start."),
    key=("kpi", "period_start"),
    fields=(
        Field("kpi", "choice", "the KPI", True, TARGET_KPIS),
        Field("target_value", "number", "target value", True, minimum=0),
        Field("direction", "choice", "at least or at most the target", True, DIRECTIONS),
        Field("period_start", "date", "first day the target applies", True),
        Field("period_end", "date", "day after the last day it applies (empty: open)"),
    ),
    orders=(DateOrder("period_end", "period_start", strict=True),),
)
