"""The coordinator's edits to the commitments register: validated, recorded in each commitment's
history and audited. The register's reads live in data_access.queries.commitments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.models import Commitment, CommitmentHistory, CommunityReview, Target
from data_access.organisations import bump_data_version
from data_access.queries.commitments import (
    REGISTER_COLUMNS,
    find_commitment,
    history,
    list_targets,
    register,
)
from data_access.queries.common import check_org
from data_access.validation import Form, NotFound, ValidationError, has_contact_details
from data_access.vocab import COMMITMENT_STATUSES, DIRECTIONS, KEY_POINTS, REVIEW_VERDICTS

PERCENT_KPIS = (
    "victim_support_rate", "data_completeness", "lo_reviews_in_date", "lo_inductions_completed",
    "training_coverage", "leadership_trained", "third_party_share", "senior_officer_event_share",
)  # fmt: skip
TARGET_KPIS = (
    "offer_within_days", "allocation_within_days", "oic_contact_within_days",
    "victim_contact_within_days", *PERCENT_KPIS, "lo_per_100k", "events_per_quarter",
)  # fmt: skip
COMMITMENT_FIELDS = ("text", "owner", "due_on", "status", "evidence", "is_public")

__all__ = [  # the edits, and the reads and refusals their callers reach through this module
    "COMMITMENT_FIELDS", "PERCENT_KPIS", "REGISTER_COLUMNS", "TARGET_KPIS", "NotFound",
    "ValidationError", "add_commitment", "add_review", "find_commitment", "has_contact_details",
    "history", "list_targets", "register", "save_target", "update_commitment",
]  # fmt: skip


def _stored(value: object) -> str | None:
    """A value as written in history and audit rows."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else None if value is None else str(value)


def _audit(session: Session, org_id: int, username: str, target: str, changes: dict) -> None:
    detail = {f: {"old": _stored(old), "new": _stored(new)} for f, (old, new) in changes.items()}
    audit.record(
        session,
        "record_change",
        organisation_id=org_id,
        username=username,
        target=target,
        detail=detail,
    )
    bump_data_version(session, org_id)
    session.flush()


def _record(session: Session, commitment: Commitment, username: str, changes: dict) -> None:
    """One history row per changed field, then the audit row."""
    for field, (old, new) in changes.items():
        row = CommitmentHistory(commitment_id=commitment.id, changed_by=username, field=field)
        row.old_value, row.new_value = _stored(old), _stored(new)
        session.add(row)
    target = f"commitment:{commitment.code}"
    _audit(session, commitment.organisation_id, username, target, changes)


def _commitment_form(values: Mapping[str, object], fields: tuple[str, ...], current=None) -> dict:
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"fields that cannot be set: {sorted(unknown)}")
    form = Form(values)
    for field in (f for f in fields if f in values or current is None):
        if field in ("key_point", "status"):
            form.choice(field, KEY_POINTS if field == "key_point" else COMMITMENT_STATUSES)
        elif field == "due_on":
            form.day(field)
        elif field == "is_public":
            form.set_field(field, bool(values.get(field)))
        else:
            form.text(field, 120 if field == "owner" else 500, required=field != "evidence")
    status = form.clean.get("status", getattr(current, "status", None))
    evidence = form.clean.get("evidence", getattr(current, "evidence", None))
    if status == "met" and not evidence and "evidence" not in form.errors:
        form.errors["evidence"] = ("evidence_needed", {})
    return form.result()


def add_commitment(
    session: Session, org_id: int, username: str, values: Mapping[str, object]
) -> Commitment:
    """Validate and add a commitment coded C-NN (next free number); its history records every
    field as first set. Nothing is written when a value is refused (ValidationError)."""
    check_org(session, org_id)
    clean = _commitment_form(values, ("key_point", *COMMITMENT_FIELDS))
    codes = session.scalars(select(Commitment.code).where(Commitment.organisation_id == org_id))
    number = max((int(c[2:]) for c in codes if re.fullmatch(r"C-\d+", c)), default=0) + 1
    commitment = Commitment(organisation_id=org_id, code=f"C-{number:02d}", **clean)
    session.add(commitment)
    session.flush()
    _record(session, commitment, username, {f: (None, v) for f, v in clean.items()})
    return commitment


def update_commitment(
    session: Session, org_id: int, username: str, code: str, values: Mapping[str, object]
) -> list[str]:
    """Validate and apply changes to the organisation's commitment `code`: one history row per
    changed field, an audit row, revision + 1. Returns the changed fields ([] when none)."""
    commitment = find_commitment(session, org_id, code)
    clean = _commitment_form(values, COMMITMENT_FIELDS, commitment)
    changes = {f: (getattr(commitment, f), v) for f, v in clean.items()}
    changes = {f: pair for f, pair in changes.items() if pair[0] != pair[1]}
    if changes:
        for field, (_old, new) in changes.items():
            setattr(commitment, field, new)
        commitment.revision += 1
        _record(session, commitment, username, changes)
    return list(changes)


def add_review(
    session: Session,
    org_id: int,
    username: str,
    code: str,
    values: Mapping[str, object],
    today: date,
) -> CommunityReview:
    """Record a community forum's verdict on the organisation's commitment `code` (dated no
    later than `today`); the history gets one "community_review" row."""
    commitment = find_commitment(session, org_id, code)
    form = Form(values)
    form.day("reviewed_on", latest=today)
    form.text("forum", 200)
    form.choice("verdict", REVIEW_VERDICTS)
    form.text("comment", 500, required=False)
    clean = form.result()
    review = CommunityReview(commitment_id=commitment.id, **clean)
    session.add(review)
    summary = f"{clean['verdict']}: {clean['forum']}, {clean['reviewed_on'].isoformat()}"
    _record(session, commitment, username, {"community_review": (None, summary)})
    return review


def save_target(
    session: Session, org_id: int, username: str, values: Mapping[str, object]
) -> list[str]:
    """Add the KPI target starting on `period_start`, or update the one starting then (revision
    + 1); audited as target:<kpi>:<start>. Returns the fields set or changed."""
    check_org(session, org_id)
    known = set(session.scalars(select(Target.kpi).where(Target.organisation_id == org_id)))
    form = Form(values)
    form.choice("kpi", set(TARGET_KPIS) | known)
    form.number("target_value", 100.0 if values.get("kpi") in PERCENT_KPIS else None)
    form.choice("direction", DIRECTIONS)
    form.day("period_start")
    form.day("period_end", required=False)
    start, end = form.clean["period_start"], form.clean["period_end"]
    if start and end and end <= start:
        form.errors["period_end"] = ("end_before_start", {})
    clean = form.result()
    key = (Target.organisation_id == org_id, Target.kpi == clean["kpi"])
    target = session.scalar(select(Target).where(*key, Target.period_start == start))
    if target is None:
        target = Target(organisation_id=org_id, **clean)
        session.add(target)
        changes = {f: (None, v) for f, v in clean.items()}
    else:
        changes = {f: (getattr(target, f), v) for f, v in clean.items()}
        changes = {f: pair for f, pair in changes.items() if pair[0] != pair[1]}
        for field, (_old, new) in changes.items():
            setattr(target, field, new)
        target.revision += 1 if changes else 0
    if changes:
        _audit(session, org_id, username, f"target:{clean['kpi']}:{start.isoformat()}", changes)
    return list(changes)
