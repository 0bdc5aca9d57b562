"""The coordinator's edits to the commitments register: validated, recorded in each commitment's
history and audited. The register's reads live in data_access.queries.commitments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data_access import audit
from data_access.models import Commitment, CommitmentHistory, CommunityReview, Organisation
from data_access.organisations import bump_data_version
from data_access.queries.commitments import (
    REGISTER_COLUMNS,
    find_commitment,
    history,
    list_targets,
    register,
)
from data_access.queries.common import check_org
from data_access.targets import KPI_TARGETS, PERCENT_KPIS, TARGET_KPIS, save_target
from data_access.validation import Form, NotFound, ValidationError, has_contact_details
from data_access.vocab import COMMITMENT_STATUSES, KEY_POINTS, REVIEW_VERDICTS

COMMITMENT_FIELDS = ("text", "owner", "due_on", "status", "evidence", "is_public")

__all__ = [  # the edits, and the reads and refusals their callers reach through this module
    "COMMITMENT_FIELDS", "KPI_TARGETS", "PERCENT_KPIS", "REGISTER_COLUMNS", "TARGET_KPIS",
    "NotFound", "ValidationError", "add_commitment", "add_review", "find_commitment",
    "has_contact_details", "history", "list_targets", "register", "save_target",
    "update_commitment",
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


def _lock(session: Session, model, row_id: int) -> None:
    """Hold `row_id` of `model` until commit, so checks then inserts cannot interleave: FOR NO
    KEY UPDATE on PostgreSQL; on SQLite a no-op write takes the database's one write lock
    before anything is read."""
    if session.get_bind().dialect.name == "sqlite":
        table = model.__tablename__
        session.execute(text(f"UPDATE {table} SET id = id WHERE id = :id"), {"id": row_id})  # noqa: S608
    else:
        stmt = select(model.id).where(model.id == row_id).with_for_update(key_share=True)
        session.execute(stmt)


def _duplicate(session: Session, org_id: int, clean: dict) -> str | None:
    """The code of a commitment with the same key point, text, owner and due date, if any."""
    same = [getattr(Commitment, f) == clean[f] for f in ("key_point", "text", "owner", "due_on")]
    stmt = select(Commitment.code).where(Commitment.organisation_id == org_id, *same)
    return session.scalar(stmt.limit(1))


def add_commitment(
    session: Session, org_id: int, username: str, values: Mapping[str, object]
) -> Commitment:
    """Validate and add a commitment coded C-NN (next free number); its history records every
    field as first set. Nothing is written when a value is refused (ValidationError), including
    an exact duplicate (same key point, text, owner and due date). Safe under concurrent adds:
    the organisation row is locked, and a code taken meanwhile is retried with the next one."""
    check_org(session, org_id)
    clean = _commitment_form(values, ("key_point", *COMMITMENT_FIELDS))
    _lock(session, Organisation, org_id)
    for _attempt in range(5):
        existing = _duplicate(session, org_id, clean)
        if existing:
            raise ValidationError({"text": ("duplicate_commitment", {"code": existing})})
        codes = session.scalars(select(Commitment.code).where(Commitment.organisation_id == org_id))
        number = max((int(c[2:]) for c in codes if re.fullmatch(r"C-\d+", c)), default=0) + 1
        commitment = Commitment(organisation_id=org_id, code=f"C-{number:02d}", **clean)
        try:
            with session.begin_nested():
                session.add(commitment)
                session.flush()
        except IntegrityError:  # the code was taken by a concurrent add: try the next one
            continue
        _record(session, commitment, username, {f: (None, v) for f, v in clean.items()})
        return commitment
    raise ValidationError({"text": ("busy", {})})


def _chosen(session: Session, org_id: int, code: object, form: Form | None = None) -> Commitment:
    """The commitment picked in a form, locked until commit; "choose_commitment" when none was
    picked (with the form's other problems), NotFound when it is not the force's."""
    if code in (None, ""):
        errors = dict(form.errors) if form else {}
        raise ValidationError({"code": ("choose_commitment", {}), **errors})
    commitment = find_commitment(session, org_id, code)
    if form:
        form.result()
    _lock(session, Commitment, commitment.id)
    return commitment


def update_commitment(
    session: Session, org_id: int, username: str, code: str, values: Mapping[str, object]
) -> list[str]:
    """Validate and apply changes to the organisation's commitment `code`: one history row per
    changed field, an audit row, revision + 1. Returns the changed fields ([] when none)."""
    commitment = _chosen(session, org_id, code)
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
    later than `today`); the history gets one "community_review" row. The same forum's review
    of the same commitment on the same day is refused as a duplicate."""
    form = Form(values)
    form.day("reviewed_on", latest=today)
    form.text("forum", 200)
    form.choice("verdict", REVIEW_VERDICTS)
    form.text("comment", 500, required=False)
    commitment = _chosen(session, org_id, code, form)
    clean = form.result()
    same = select(CommunityReview.id).where(
        CommunityReview.commitment_id == commitment.id,
        func.lower(CommunityReview.forum) == clean["forum"].lower(),
        CommunityReview.reviewed_on == clean["reviewed_on"],
    )
    if session.scalar(same.limit(1)) is not None:
        when = clean["reviewed_on"].isoformat()
        raise ValidationError({"forum": ("duplicate_review", {"code": code, "date": when})})
    review = CommunityReview(commitment_id=commitment.id, **clean)
    session.add(review)
    summary = f"{clean['verdict']}: {clean['forum']}, {clean['reviewed_on'].isoformat()}"
    _record(session, commitment, username, {"community_review": (None, summary)})
    return review
