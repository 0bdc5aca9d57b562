"""The commitments register: its queries and the validated, audited edits coordinators make."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.models import Commitment, CommitmentHistory, CommunityReview, Target
from data_access.queries.common import check_org, frame
from data_access.vocab import COMMITMENT_STATUSES, DIRECTIONS, KEY_POINTS, REVIEW_VERDICTS

PERCENT_KPIS = (
    "victim_support_rate", "data_completeness", "lo_reviews_in_date", "lo_inductions_completed",
    "training_coverage", "leadership_trained", "third_party_share", "senior_officer_event_share",
)  # fmt: skip
TARGET_KPIS = (
    "offer_within_days", "allocation_within_days", "oic_contact_within_days",
    "victim_contact_within_days", *PERCENT_KPIS, "lo_per_100k", "events_per_quarter",
)  # fmt: skip
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
COMMITMENT_FIELDS = ("text", "owner", "due_on", "status", "evidence", "is_public")
REGISTER_COLUMNS = [
    "code", "key_point", "text", "owner", "due_on", "status", "evidence", "is_public",
    "overdue", "verdict", "reviewed_on", "forum", "comment",
]  # fmt: skip
HISTORY_COLUMNS = ["changed_at", "changed_by", "field", "old_value", "new_value"]
TARGET_COLUMNS = ["kpi", "target_value", "direction", "period_start", "period_end", "revision"]
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")


class ValidationError(ValueError):
    """Input refused; `errors` maps each field to (message code, parameters)."""

    def __init__(self, errors: Mapping[str, tuple[str, dict]]) -> None:
        super().__init__("; ".join(f"{field}: {code}" for field, (code, _p) in errors.items()))
        self.errors = dict(errors)


class NotFound(ValidationError):
    """No such record in the viewer's organisation (other organisations' records included)."""


def has_contact_details(value: str) -> bool:
    """True when text looks like it holds an email address or a phone number."""
    phones = (m.group() for m in _PHONE.finditer(value))
    return bool(_EMAIL.search(value)) or any(sum(c.isdigit() for c in p) >= 9 for p in phones)


class _Form:
    """Cleans raw input field by field, collecting a (code, parameters) problem per field."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values, self.clean, self.errors = values, {}, {}

    def _set(self, field: str, value: object, problem: tuple[str, dict] | None = None) -> None:
        self.clean[field] = value
        if problem:
            self.errors[field] = problem

    def text(self, field: str, limit: int, required: bool = True) -> None:
        value = self.values.get(field)
        value = value.strip() if isinstance(value, str) else None
        if not value:
            self._set(field, None, ("required", {}) if required else None)
        elif len(value) > limit:
            self._set(field, None, ("too_long", {"limit": limit, "length": len(value)}))
        else:
            self._set(field, value, ("contact_details", {}) if has_contact_details(value) else None)

    def choice(self, field: str, allowed: tuple[str, ...] | set[str]) -> None:
        value = self.values.get(field)
        missing, known = value in (None, ""), isinstance(value, str) and value in allowed
        self._set(field, value if known else None, None if known else ("required", {}))
        if not missing and not known:
            self.errors[field] = ("not_allowed", {})

    def day(self, field: str, required: bool = True, latest: date = LATEST) -> None:
        value = self.values.get(field)
        if value in (None, ""):
            return self._set(field, None, ("required", {}) if required else None)
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
            day = date(day.year, day.month, day.day)
        except ValueError:
            return self._set(field, None, ("bad_date", {}))
        if day < EARLIEST:
            return self._set(field, None, ("date_too_early", {"earliest": EARLIEST.isoformat()}))
        self._set(
            field, day, ("date_too_late", {"latest": latest.isoformat()}) if day > latest else None
        )

    def number(self, field: str, most: float | None) -> None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return self._set(field, None, ("required", {}))
        try:
            number = math.nan if isinstance(value, bool) else float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            return self._set(field, None, ("not_a_number", {}))
        too_high = most is not None and number > most
        problem = ("negative", {}) if number < 0 else ("over_percent", {"most": most})
        self._set(field, number, problem if number < 0 or too_high else None)

    def result(self) -> dict:
        if self.errors:
            raise ValidationError(self.errors)
        return self.clean


def register(
    session: Session,
    org_id: int,
    today: date,
    include_private: bool = False,
    key_point: str | None = None,
    status: str | None = None,
) -> pd.DataFrame:
    """One row per commitment (REGISTER_COLUMNS) in key-point order: `overdue` is due before
    `today` and not met; verdict, reviewed_on, forum and comment are the community's latest
    review (None if never reviewed). Non-public commitments only with `include_private`."""
    check_org(session, org_id)
    latest = (
        select(CommunityReview.id)
        .where(CommunityReview.commitment_id == Commitment.id)
        .order_by(CommunityReview.reviewed_on.desc(), CommunityReview.id.desc())
        .limit(1)
        .correlate(Commitment)
        .scalar_subquery()
    )
    overdue = case(((Commitment.due_on < today) & (Commitment.status != "met"), 1), else_=0)
    order = case({point: i for i, point in enumerate(KEY_POINTS)}, value=Commitment.key_point)
    review = (CommunityReview.verdict, CommunityReview.reviewed_on, CommunityReview.forum)
    stmt = (
        select(*(getattr(Commitment, c) for c in REGISTER_COLUMNS[:8]), overdue, *review)
        .add_columns(CommunityReview.comment)
        .outerjoin(CommunityReview, CommunityReview.id == latest)
        .where(Commitment.organisation_id == org_id)
        .order_by(order, Commitment.code)
    )
    if not include_private:
        stmt = stmt.where(Commitment.is_public.is_(True))
    if key_point is not None:
        stmt = stmt.where(Commitment.key_point == key_point)
    if status is not None:
        stmt = stmt.where(Commitment.status == status)
    return frame(session, stmt, REGISTER_COLUMNS).astype({"overdue": bool, "is_public": bool})


def history(
    session: Session, org_id: int, code: str, include_private: bool = False
) -> pd.DataFrame:
    """Changes to one commitment of the organisation, newest first (HISTORY_COLUMNS); empty
    when the code is unknown, or not public and `include_private` is false."""
    check_org(session, org_id)
    stmt = (
        select(*(getattr(CommitmentHistory, c) for c in HISTORY_COLUMNS))
        .join(Commitment, Commitment.id == CommitmentHistory.commitment_id)
        .where(Commitment.organisation_id == org_id, Commitment.code == code)
        .order_by(CommitmentHistory.changed_at.desc(), CommitmentHistory.id.desc())
    )
    if not include_private:
        stmt = stmt.where(Commitment.is_public.is_(True))
    return frame(session, stmt, HISTORY_COLUMNS)


def list_targets(session: Session, org_id: int) -> pd.DataFrame:
    """Every KPI target of the organisation (TARGET_COLUMNS), by KPI and start."""
    check_org(session, org_id)
    stmt = select(*(getattr(Target, c) for c in TARGET_COLUMNS)).where(
        Target.organisation_id == org_id
    )
    return frame(session, stmt.order_by(Target.kpi, Target.period_start), TARGET_COLUMNS)


def find_commitment(session: Session, org_id: int, code: object) -> Commitment:
    """The organisation's commitment with this code; NotFound for any other code."""
    check_org(session, org_id)
    found = isinstance(code, str) and session.scalar(
        select(Commitment).where(Commitment.organisation_id == org_id, Commitment.code == code)
    )
    if not found:
        raise NotFound({"code": ("not_found", {})})
    return found


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
    form = _Form(values)
    for field in (f for f in fields if f in values or current is None):
        if field in ("key_point", "status"):
            form.choice(field, KEY_POINTS if field == "key_point" else COMMITMENT_STATUSES)
        elif field == "due_on":
            form.day(field)
        elif field == "is_public":
            form._set(field, bool(values.get(field)))
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
    form = _Form(values)
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
    form = _Form(values)
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
