"""The coordinator's records of community events and "you said, we did" actions: validated
(no contact details), duplicates refused, every change audited with its old and new values
(the audit chain is the records' history)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.models import Action, Area, AuditEvent, CommunityEvent
from data_access.organisations import bump_data_version
from data_access.queries.common import check_org
from data_access.validation import Form, NotFound, ValidationError
from data_access.vocab import ACTION_STATUSES, EVENT_TYPES

EVENT_FIELDS = ("held_on", "area", "event_type", "title", "partners", "attendance",
                "police_attending", "senior_officer_present", "lo_present", "themes")  # fmt: skip
ACTION_FIELDS = ("raised_on", "forum", "issue", "theme", "owner", "status", "due_on",
                 "response", "is_public")  # fmt: skip
MODELS = {"event": (CommunityEvent, "EV", "community_event"), "action": (Action, "A", "action")}

__all__ = ["ACTION_FIELDS", "EVENT_FIELDS", "NotFound", "ValidationError", "choices", "find",
           "form_values", "history",
           "save_action", "save_event"]  # fmt: skip


def _stored(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else None if value is None else str(value)


def _whole(form: Form, field: str, required: bool) -> None:
    """A whole number of people, at least 0 (blank allowed unless `required`)."""
    value = form.values.get(field)
    if not required and (value is None or str(value).strip() == ""):
        return form.set_field(field, None)
    form.number(field, None)
    number = form.clean[field]
    if field not in form.errors and number != int(number):
        return form.set_field(field, None, ("not_whole", {}))
    form.clean[field] = None if number is None else int(number)


def _event_form(session: Session, org_id: int, values: Mapping, today: date) -> dict:
    form = Form(values)
    form.day("held_on", latest=today)
    stmt = select(Area.code, Area.id).where(Area.organisation_id == org_id)
    areas = {code: area_id for code, area_id in session.execute(stmt)}
    area = values.get("area")
    if area in (None, ""):
        form.set_field("area_id", None)
    elif area not in areas:
        form.errors["area"] = ("not_allowed", {})
    else:
        form.set_field("area_id", areas[area])
    form.choice("event_type", EVENT_TYPES)
    form.text("title", 200)
    form.text("partners", 400, required=False)
    form.text("themes", 400, required=False)
    _whole(form, "attendance", required=False)
    _whole(form, "police_attending", required=True)
    for flag in ("senior_officer_present", "lo_present"):
        form.set_field(flag, bool(values.get(flag)))
    return form.result()


def _action_form(values: Mapping, today: date) -> dict:
    form = Form(values)
    form.day("raised_on", latest=today)
    for field, limit, required in (("forum", 200, True), ("issue", 500, True),
                                   ("theme", 80, False), ("owner", 120, True),
                                   ("response", 500, False)):  # fmt: skip
        form.text(field, limit, required)
    form.choice("status", ACTION_STATUSES)
    form.day("due_on", required=False)
    form.set_field("is_public", bool(values.get("is_public")))
    clean = form.result()
    if clean["status"] == "done" and not clean["response"]:
        raise ValidationError({"response": ("response_needed", {})})
    return clean


def find(session: Session, org_id: int, kind: str, code: str):
    """The organisation's event or action `code`; NotFound otherwise."""
    model = MODELS[kind][0]
    found = session.scalar(select(model).where(model.organisation_id == org_id,
                                               model.code == code))  # fmt: skip
    if found is None:
        raise NotFound({"code": ("not_found", {})})
    return found


def _duplicate(session: Session, org_id: int, kind: str, clean: dict, code: str | None) -> bool:
    model = MODELS[kind][0]
    if kind == "event":
        same = (model.held_on == clean["held_on"], model.event_type == clean["event_type"],
                func.lower(model.title) == clean["title"].lower())  # fmt: skip
    else:
        same = (model.raised_on == clean["raised_on"],
                func.lower(model.issue) == clean["issue"].lower())  # fmt: skip
    stmt = select(model.code).where(model.organisation_id == org_id, *same)
    return any(found != code for found in session.scalars(stmt))


def _save(session, org_id, username, kind, clean, code) -> tuple[str, list[str]]:
    model, letters, target = MODELS[kind]
    record = None if code is None else find(session, org_id, kind, code)
    if _duplicate(session, org_id, kind, clean, code):
        raise ValidationError({"code": ("duplicate", {})})
    if record is None:
        codes = session.scalars(select(model.code).where(model.organisation_id == org_id))
        number = 1 + max((int(c.split("-")[-1]) for c in codes if c.split("-")[-1].isdigit()),
                         default=0)  # fmt: skip
        record = model(organisation_id=org_id, code=f"{letters}-{number:03d}", **clean)
        session.add(record)
        changes = {field: (None, value) for field, value in clean.items()}
    else:
        changes = {f: (getattr(record, f), v) for f, v in clean.items() if getattr(record, f) != v}
        for field, (_old, new) in changes.items():
            setattr(record, field, new)
    session.flush()
    if changes:
        detail = {f: {"old": _stored(o), "new": _stored(n)} for f, (o, n) in changes.items()}
        audit.record(session, "record_change", organisation_id=org_id, username=username,
                     target=f"{target}:{record.code}", detail=detail)  # fmt: skip
        bump_data_version(session, org_id)  # cached figures follow the data
    return record.code, sorted(changes)


def save_event(session: Session, org_id: int, username: str, values: Mapping, today: date,
               code: str | None = None) -> tuple[str, list[str]]:  # fmt: skip
    """Add (code None) or update an event; returns its code and the fields changed."""
    check_org(session, org_id)
    return _save(session, org_id, username, "event", _event_form(session, org_id, values, today),
                 code)  # fmt: skip


def save_action(session: Session, org_id: int, username: str, values: Mapping, today: date,
                code: str | None = None) -> tuple[str, list[str]]:  # fmt: skip
    """Add (code None) or update a "you said, we did" action; returns its code and changes."""
    check_org(session, org_id)
    return _save(session, org_id, username, "action", _action_form(values, today), code)


def history(session: Session, org_id: int, kind: str, code: str) -> pd.DataFrame:
    """Every recorded change of one record, newest first: columns changed_at, changed_by,
    field, old, new."""
    target = f"{MODELS[kind][2]}:{code}"
    stmt = (
        select(AuditEvent.occurred_at, AuditEvent.username, AuditEvent.detail)
        .where(AuditEvent.organisation_id == org_id, AuditEvent.target == target)
        .order_by(AuditEvent.id.desc())
    )
    rows = [
        (at, who, field, change.get("old"), change.get("new"))
        for at, who, detail in session.execute(stmt)
        for field, change in sorted(json.loads(detail or "{}").items())
    ]
    return pd.DataFrame(rows, columns=["changed_at", "changed_by", "field", "old", "new"])


def choices(session: Session, org_id: int, kind: str, limit: int = 300) -> list[tuple[str, str]]:
    """The latest records of a kind as (code, "code · date · title or issue"), newest first."""
    check_org(session, org_id)
    model = MODELS[kind][0]
    on, text = (model.held_on, model.title) if kind == "event" else (model.raised_on, model.issue)
    stmt = (
        select(model.code, on, text)
        .where(model.organisation_id == org_id)
        .order_by(on.desc(), model.code.desc())
        .limit(limit)
    )
    return [(code, f"{code} · {day.isoformat()} · {words[:60]}") for code, day, words in
            session.execute(stmt)]  # fmt: skip


def form_values(session: Session, org_id: int, kind: str, code: str) -> dict:
    """A record's values as its form shows them (dates as ISO text, the area as its code)."""
    record = find(session, org_id, kind, code)
    fields = EVENT_FIELDS if kind == "event" else ACTION_FIELDS
    values = {}
    for field in fields:
        if field == "area":
            area = session.get(Area, record.area_id) if record.area_id else None
            values[field] = area.code if area else None
            continue
        value = getattr(record, field)
        values[field] = value.isoformat() if isinstance(value, date) else value
    return values
