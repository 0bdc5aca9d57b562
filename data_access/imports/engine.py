"""Preview and apply one import file: read, map, validate, plan, then write all rows or none."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.imports import rules
from data_access.imports.convert import resolve
from data_access.imports.kinds import get_kind
from data_access.imports.mapping import Mapping
from data_access.imports.plan import Plan, make_plan
from data_access.imports.readers import read_table
from data_access.imports.report import FILE_LEVEL, N_, ImportCancelled, ImportRefused, Reject
from data_access.imports.schema import check_cells
from data_access.imports.summary import (
    APPLIED,
    CANCELLED,
    FAILED,
    REFUSED,
    REJECTED,
    ImportSummary,
)  # fmt: skip
from data_access.imports.write import Progress, write_plan
from data_access.models import ImportBatch, TrainingAttendance, TrainingSession
from data_access.organisations import bump_data_version, data_version
from data_access.queries.common import check_org
from data_access.training_status import refresh_person_status

DEFAULT_MAX_MB = 20.0


# Kinds whose rows change who is trained, in what, and when a refresher is due.
TRAINING_KINDS = frozenset({"training_courses", "training_sessions", "training_attendance"})
# Per kind: the attributes whose change moves its attendees' training status, and how the
# attendees of the changed records are found (attendance rows name their person).
STATUS_INPUTS = {
    "training_courses": ({"kind"}, TrainingSession.course_id),
    "training_sessions": ({"held_on", "course_id"}, TrainingAttendance.session_id),
}


def touched_people(session: Session, org_id: int, plan: Plan) -> set[str]:
    """The people whose training status an applied plan may have changed: the persons of
    written attendance; the attendees of sessions whose date or course changed, and of the
    sessions of courses whose kind changed. New courses and sessions have no attendees."""
    if plan.kind.name == "training_attendance":
        at = plan.attributes.index("person_code")
        people = {row[at] for row in plan.inserts}
        for u in plan.updates:
            people.add(u.values["person_code"])
            people.update(str(v) for v in u.changes.get("person_code", ()))
        return people
    inputs, column = STATUS_INPUTS[plan.kind.name]
    ids = [u.id for u in plan.updates if inputs & u.changes.keys()]
    a, s = TrainingAttendance, TrainingSession
    people: set[str] = set()
    for start in range(0, len(ids), 500):
        stmt = (
            select(a.person_code)
            .join(s, s.id == a.session_id)
            .where(a.organisation_id == org_id, column.in_(ids[start : start + 500]))
            .distinct()
        )
        people.update(session.scalars(stmt))
    return people


@dataclass
class Source:
    """One uploaded file and how to read it."""

    data: bytes
    filename: str
    kind: str | None = None
    mapping: Mapping | None = None
    sheet: str | None = None
    max_mb: float = DEFAULT_MAX_MB


NO_ROWS = N_("the file has a header row but no data rows")


def _frame(source: Source, summary: ImportSummary) -> pd.DataFrame:
    table = read_table(source.data, source.filename, source.max_mb, source.sheet)
    summary.encoding, summary.sheet = table.encoding, table.sheet
    summary.rows_total = len(table.frame)
    if source.mapping is None:
        frame = table.frame
        frame.columns = [str(c).strip().lower() for c in frame.columns]
        if frame.empty:
            raise ImportRefused(NO_ROWS)
        return frame
    mapped = source.mapping.transform(table.frame)
    summary.skipped, summary.merged = mapped.skipped, mapped.merged
    summary.ignored_columns = mapped.ignored
    summary.rejects.extend(mapped.rejects)
    if table.frame.empty:
        raise ImportRefused(NO_ROWS)
    return mapped.frame


def _prepare(
    session: Session, org_id: int, source: Source
) -> tuple[ImportSummary, Plan | None, dict]:
    """Everything up to (not including) writing: the summary, and the plan when there is one."""
    check_org(session, org_id)
    kind_name = source.kind or (source.mapping.kind if source.mapping else None) or ""
    summary = ImportSummary(
        kind=kind_name, filename=source.filename, sha256=hashlib.sha256(source.data).hexdigest(),
        size_bytes=len(source.data), mapping_name=source.mapping.name if source.mapping else None,
    )  # fmt: skip
    try:
        kind = get_kind(kind_name)
        if source.mapping is not None and source.mapping.kind != kind.name:
            raise ImportRefused(
                N_("the mapping %(name)s is for kind '%(kind)s', not '%(chosen)s'"),
                name=repr(source.mapping.name),
                kind=source.mapping.kind,
                chosen=kind.name,
            )
        frame = _frame(source, summary)
        rules.check_header(kind, list(frame.columns))
    except (ImportRefused, ValueError) as exc:
        refused = exc if isinstance(exc, ImportRefused) else ImportRefused(str(exc))
        summary.status, summary.message = REFUSED, refused.message
        summary.rejects = refused.rejects
        return summary, None, {}
    rejects = summary.rejects + check_cells(kind, frame)
    rejects += rules.check_requirements(kind, frame) + rules.check_duplicates(kind, frame)
    values, unknown, codes_by_id = resolve(session, org_id, kind, frame)
    summary.rejects = rejects + rules.check_orders(kind, frame, values) + unknown
    bad = {r.row for r in summary.rejects}
    keep = [int(r) not in bad for r in frame.index]
    keys = frame[list(kind.key)]

    def key_text(number: int) -> str:
        cells = keys.iloc[number].tolist()
        return "|".join(f"{c}={v or ''}" for c, v in zip(kind.key, cells, strict=True))

    plan = make_plan(session, org_id, kind, values, keep, key_text)
    summary.added, summary.updated, summary.unchanged = (
        len(plan.inserts),
        len(plan.updates),
        plan.unchanged,
    )
    summary.changed_fields = sum(len(u.changes) for u in plan.updates)
    if summary.rejects:
        summary.message = (
            f"{summary.rejected} row(s) rejected: {summary.first_reasons(1)[0]}"
            if summary.rejected else summary.first_reasons(1)[0]
        )  # fmt: skip
    return summary, plan, codes_by_id


def preview_import(session: Session, org_id: int, source: Source) -> ImportSummary:
    """What importing the file would do (added, updated, unchanged, rejected); writes nothing."""
    summary, _plan, _codes = _prepare(session, org_id, source)
    return summary


def _batch_fields(summary: ImportSummary) -> dict[str, object]:
    return {
        "kind": summary.kind[:40],
        "filename": summary.filename[:255],
        "sha256": summary.sha256,
        "status": summary.status,
        "rows_total": summary.rows_total,
        "rows_inserted": summary.added,
        "rows_updated": summary.updated,
        "rows_unchanged": summary.unchanged,
        "rows_rejected": summary.rejected,
        "rows_skipped": summary.skipped,
        "mapping_name": summary.mapping_name,
        "encoding": summary.encoding,
        "sheet": summary.sheet,
        "size_bytes": summary.size_bytes,
        "message": summary.message or None,
        "report": summary.report_csv() if summary.rejects else None,
    }


def _record(session: Session, org_id: int, summary: ImportSummary, username: str | None) -> None:
    """The import-history row and the audit event for one import attempt (the caller commits)."""
    batch = session.get(ImportBatch, summary.batch_id) if summary.batch_id else None
    if batch is None:
        batch = ImportBatch(organisation_id=org_id, created_by=username)
        session.add(batch)
    for name, value in _batch_fields(summary).items():
        setattr(batch, name, value)
    batch.finished_at = datetime.now(UTC)
    session.flush()
    summary.batch_id = batch.id
    detail = {"batch": batch.id, "kind": summary.kind, "sha256": summary.sha256}
    detail |= {"status": summary.status, "mapping": summary.mapping_name, **summary.counts()}
    target = f"import:{summary.kind}:{summary.filename}"
    audit.record(
        session, "import", organisation_id=org_id, username=username, target=target, detail=detail
    )


def apply_import(
    session: Session,
    org_id: int,
    source: Source,
    username: str | None,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import the file in ONE transaction: every row or none. Owns the session's transaction:
    commits on success; on a reject, refusal, cancellation or error rolls back every record
    change and commits only the import-history row and the audit event saying why."""
    summary, plan, codes_by_id = _prepare(session, org_id, source)
    if plan is None or summary.rejects:
        summary.status = REFUSED if plan is None else REJECTED
        if summary.status == REJECTED:
            summary.message = f"nothing was imported: {summary.message}"
        session.rollback()
        _record(session, org_id, summary, username)
        session.commit()
        return summary
    try:
        batch = ImportBatch(organisation_id=org_id, created_by=username, **_batch_fields(summary))
        session.add(batch)
        session.flush()
        summary.batch_id = batch.id
        write_plan(session, org_id, plan, batch.id, username, codes_by_id, on_progress, cancelled)
        changed = summary.added or summary.updated
        if changed and summary.kind in TRAINING_KINDS:  # the status follows attendance
            refresh_person_status(session, org_id, touched_people(session, org_id, plan))
        summary.data_version = (
            bump_data_version(session, org_id) if changed else data_version(session, org_id)
        )
        summary.status = APPLIED
        _record(session, org_id, summary, username)
        session.commit()
    except BaseException as exc:
        session.rollback()
        summary.batch_id, summary.data_version = None, None
        summary.added = summary.updated = summary.unchanged = summary.changed_fields = 0
        summary.status = CANCELLED if isinstance(exc, ImportCancelled) else FAILED
        why, params = (str(exc), {}) if isinstance(exc, ImportCancelled) else (
            N_("the import stopped with an error and nothing was kept: %(error)s"),
            {"error": exc.__class__.__name__},
        )  # fmt: skip
        summary.rejects = [Reject.because(FILE_LEVEL, "", "", why, **params)]
        summary.message = summary.rejects[0].reason
        try:
            _record(session, org_id, summary, username)
            session.commit()
        except Exception:  # noqa: BLE001 - the connection may be gone; the data is rolled back
            session.rollback()
        if not isinstance(exc, ImportCancelled):
            raise
    return summary
