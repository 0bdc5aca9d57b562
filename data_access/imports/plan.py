"""What an import would do: each valid row matched by natural key to the organisation's records
and sorted into added, updated (with the changed fields) or unchanged, without writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.imports.fields import Kind


@dataclass
class Update:
    id: int
    key: str  # the natural key as written in the file, e.g. "log_number=DV-0001"
    values: dict[str, object]
    changes: dict[str, tuple[object, object]]  # attribute → (old, new)


@dataclass
class Plan:
    kind: Kind
    attributes: list[str]
    inserts: list[dict[str, object]] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0


def stored_text(value: object, codes: dict[int, str] | None = None) -> str | None:
    """A value as a revision row shows it (references by code, not id)."""
    if value is None:
        return None
    if codes is not None:
        return codes.get(value, str(value))  # type: ignore[arg-type]
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def _same(old: object, new: object) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        return old is not None and new is not None and abs(float(old) - float(new)) < 1e-9
    return old == new


def make_plan(
    session: Session,
    org_id: int,
    kind: Kind,
    values: dict[str, list],
    rows: list[int],
    keep: list[bool],
    key_text: list[str],
) -> Plan:
    """Sort the kept rows into inserts, updates and unchanged against the stored records."""
    model = kind.model
    attributes = list(values)
    key_attrs = [kind.field(c).attribute for c in kind.key]
    stmt = select(model.id, *(getattr(model, a) for a in attributes)).where(
        model.organisation_id == org_id
    )
    existing: dict[tuple, tuple] = {}
    for row in session.execute(stmt):
        stored = dict(zip(attributes, row[1:], strict=True))
        existing[tuple(stored[a] for a in key_attrs)] = (row[0], stored)
    plan = Plan(kind, attributes)
    for i in range(len(rows)):
        if not keep[i]:
            continue
        new = {a: values[a][i] for a in attributes}
        found = existing.get(tuple(new[a] for a in key_attrs))
        if found is None:
            plan.inserts.append(new)
            continue
        record_id, old = found
        changes = {a: (old[a], new[a]) for a in attributes if not _same(old[a], new[a])}
        if changes:
            plan.updates.append(Update(record_id, key_text[i], new, changes))
        else:
            plan.unchanged += 1
    return plan
