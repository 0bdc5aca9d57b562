"""Writing a plan in bulk: inserts (PostgreSQL COPY, or executemany), updates and revision rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Dialect, Table, bindparam, insert, update
from sqlalchemy.orm import Session

from data_access.imports.plan import Plan, stored_text
from data_access.imports.report import N_, ImportCancelled
from data_access.models import RecordRevision

CHUNK = 10_000
Progress = Callable[[int, int], None]


def _full_rows(
    table: Table,
    org_id: int,
    attributes: list[str],
    rows: list[tuple],
    now: datetime,
    dialect: Dialect | None = None,
) -> tuple[list, list]:
    """Column names and value tuples for every column but the id (defaults filled in). With a
    dialect, the filled-in values are converted as SQLAlchemy would store them (SQLite keeps
    time stamps as text in its own format; the imported columns are dates, numbers, text)."""
    fixed: dict[str, object] = {"organisation_id": org_id}
    for column in table.columns:
        if column.name in ("created_at", "updated_at"):
            fixed[column.name] = now
        elif column.default is not None and column.default.is_scalar:
            fixed[column.name] = column.default.arg
        elif column.name == "data_version":
            fixed[column.name] = 0
    rest = [c for c in table.columns if c.name != "id" and c.name not in attributes]
    tail = []
    for column in rest:
        value = fixed.get(column.name)
        impl = column.type.dialect_impl(dialect) if dialect is not None else None
        process = impl.bind_processor(dialect) if impl is not None else None
        tail.append(process(value) if process and value is not None else value)
    return attributes + [c.name for c in rest], [row + tuple(tail) for row in rows]


def _insert_chunk(session: Session, table: Table, names: list[str], rows: list[tuple]) -> None:
    if session.get_bind().dialect.name == "postgresql":
        raw = session.connection().connection.driver_connection
        columns = ", ".join(f'"{n}"' for n in names)
        with (
            raw.cursor() as cursor,
            cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy,
        ):
            for row in rows:
                copy.write_row(row)
    else:  # the driver's executemany, without building a dict per row
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'  # noqa: S608 - our names
        session.connection().exec_driver_sql(sql, rows)


def _update_chunk(session: Session, table: Table, plan: Plan, updates: list, now) -> None:
    values = {a: bindparam(f"new_{a}") for a in plan.attributes}
    if "updated_at" in table.c:
        values.update(updated_at=now, revision=table.c.revision + 1)
    stmt = update(table).where(table.c.id == bindparam("record_id")).values(values)
    params = [
        {"record_id": u.id, **{f"new_{a}": u.values[a] for a in plan.attributes}} for u in updates
    ]
    session.execute(stmt, params, execution_options={"synchronize_session": False})


def _revisions(plan: Plan, org_id: int, batch_id: int, username, codes_by_id, now) -> list[dict]:
    names = {plan.kind.field(c).attribute: c for c in plan.kind.columns}
    return [
        {
            "organisation_id": org_id, "batch_id": batch_id,
            "table_name": plan.kind.model.__tablename__, "natural_key": u.key[:200],
            "field": names.get(attr, attr),
            "old_value": stored_text(old, codes_by_id.get(attr)),
            "new_value": stored_text(new, codes_by_id.get(attr)),
            "changed_by": username, "changed_at": now,
        }
        for u in plan.updates
        for attr, (old, new) in u.changes.items()
    ]  # fmt: skip


def write_plan(
    session: Session,
    org_id: int,
    plan: Plan,
    batch_id: int,
    username: str | None,
    codes_by_id: dict[str, dict[int, str]],
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Apply the plan in the session's transaction, chunk by chunk; ImportCancelled when the
    cancellation check says so (the caller rolls back: nothing is kept)."""
    table: Table = plan.kind.model.__table__
    now = datetime.now(UTC)
    total, done = len(plan.inserts) + len(plan.updates), 0
    dialect = session.get_bind().dialect
    raw_rows = dialect if dialect.name != "postgresql" else None  # COPY takes Python values
    names, rows = _full_rows(table, org_id, plan.attributes, plan.inserts, now, raw_rows)
    steps = [("insert", rows[i : i + CHUNK]) for i in range(0, len(rows), CHUNK)]
    steps += [("update", plan.updates[i : i + CHUNK]) for i in range(0, len(plan.updates), CHUNK)]
    for action, chunk in steps:
        if cancelled is not None and cancelled():
            raise ImportCancelled(N_("the import was cancelled; nothing was kept"))
        if action == "insert":
            _insert_chunk(session, table, names, chunk)
        else:
            _update_chunk(session, table, plan, chunk, now)
        done += len(chunk)
        if on_progress is not None:
            on_progress(done, total)
    revisions = _revisions(plan, org_id, batch_id, username, codes_by_id, now)
    if revisions:
        session.execute(insert(RecordRevision.__table__), revisions)
