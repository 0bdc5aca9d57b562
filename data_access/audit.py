"""Append-only, hash-chained audit log: each row's hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from data_access.models import AuditEvent

GENESIS = "0" * 64
AUDITED_ACTIONS = (
    "login",
    "login_failed",
    "logout",
    "import",
    "record_change",
    "user_change",
    "user_created",
    "user_changed",
    "password_reset",
    "download",
    "access_refused",
)


def _digest(event: AuditEvent) -> str:
    occurred = event.occurred_at
    if occurred.tzinfo is None:  # SQLite drops the zone on the way back
        occurred = occurred.replace(tzinfo=UTC)
    payload = json.dumps(
        [
            event.prev_hash,
            occurred.astimezone(UTC).isoformat(timespec="microseconds"),
            event.organisation_id,
            event.username,
            event.action,
            event.target,
            event.detail,
            event.remote_addr,
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(
    session: Session,
    action: str,
    *,
    organisation_id: int | None = None,
    username: str | None = None,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
    remote_addr: str | None = None,
) -> AuditEvent:
    """Append one event to the chain (the caller commits)."""
    if action not in AUDITED_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7312001)"))
    elif dialect == "sqlite":  # take the write lock before reading the last hash (no fork)
        session.execute(text("UPDATE audit_event SET id = id WHERE 0"))
    last = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    event = AuditEvent(
        occurred_at=datetime.now(UTC),
        organisation_id=organisation_id,
        username=username,
        action=action,
        target=(target or "")[:200] or None,
        detail=json.dumps(detail, sort_keys=True, default=str) if detail else None,
        remote_addr=remote_addr,
        prev_hash=last or GENESIS,
    )
    event.hash = _digest(event)
    session.add(event)
    session.flush()
    return event


def verify(session: Session) -> int | None:
    """Id of the first event whose chain link is broken, or None when the chain is intact."""
    expected_prev = GENESIS
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(1000):
        if event.prev_hash != expected_prev or _digest(event) != event.hash:
            return event.id
        expected_prev = event.hash
    return None


def list_events(
    session: Session,
    organisation_id: int | None,
    action: str | None = None,
    username: str | None = None,
    limit: int = 500,
) -> pd.DataFrame:
    """Latest audit events: columns id, occurred_at, username, action, target, remote_addr."""
    stmt = select(
        AuditEvent.id,
        AuditEvent.occurred_at,
        AuditEvent.username,
        AuditEvent.action,
        AuditEvent.target,
        AuditEvent.remote_addr,
    ).order_by(AuditEvent.id.desc())
    if organisation_id is not None:
        stmt = stmt.where(AuditEvent.organisation_id == organisation_id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if username:
        stmt = stmt.where(func.lower(AuditEvent.username) == username.lower())
    return pd.read_sql(stmt.limit(limit), session.connection())
