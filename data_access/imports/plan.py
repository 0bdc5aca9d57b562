"""What an import would do: each valid row matched by natural key to the organisation's records
and sorted into added, updated (with the changed fields) or unchanged, without writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

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
    inserts: list[tuple] = field(default_factory=list)  # values in `attributes` order
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
    keep: list[bool],
    key_text: Callable[[int], str],
) -> Plan:
    """Sort the kept rows into inserts, updates and unchanged against the stored records."""
    model = kind.model
    attributes = list(values)
    key_at = [attributes.index(kind.field(c).attribute) for c in kind.key]
    stmt = select(model.id, *(getattr(model, a) for a in attributes)).where(
        model.organisation_id == org_id
    )
    key_of = itemgetter(*key_at)  # one column: the value itself; several: a tuple
    existing: dict[object, tuple[int, tuple]] = {}
    for row in session.execute(stmt):
        stored = tuple(row[1:])
        existing[key_of(stored)] = (row[0], stored)
    plan = Plan(kind, attributes)
    for number, new in enumerate(zip(*values.values(), strict=True)):
        if not keep[number]:
            continue
        found = existing.get(key_of(new))
        if found is None:
            plan.inserts.append(new)
            continue
        record_id, old = found
        changes = {}
        if old != new:
            pairs = zip(attributes, old, new, strict=True)
            changes = {a: (was, now) for a, was, now in pairs if not _same(was, now)}
        if changes:
            update = Update(
                record_id, key_text(number), dict(zip(attributes, new, strict=True)), changes
            )
            plan.updates.append(update)
        else:
            plan.unchanged += 1
    return plan
