"""What an import would do: each valid row matched by natural key to the organisation's records
and sorted into added, updated (with the changed fields) or unchanged, without writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from sqlalchemy import and_, select
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


#: Files of up to this many keys look their records up by key; larger ones read every stored
#: record of the kind once (cheaper than many lookups when the file is most of the table).
LOOKUP_KEYS = 50_000
LOOKUP_CHUNK = 400  # keys per statement (two-column keys: 800 variables, under SQLite's limit)


def _stored(
    session: Session, org_id: int, kind: Kind, attributes: list[str], key_at: list[int], keys: set
) -> dict[object, tuple[int, tuple]]:
    """The organisation's stored records of the kind whose natural key is among `keys`:
    key → (id, values in `attributes` order)."""
    model = kind.model
    stmt = select(model.id, *(getattr(model, a) for a in attributes)).where(
        model.organisation_id == org_id
    )
    key_of = itemgetter(*key_at)
    columns = [getattr(model, attributes[i]) for i in key_at]

    def matching(batch: list):
        """Records whose key may be in the batch: each key column among the batch's values
        (for a two-column key a few more than asked, never fewer: the dict lookup below is
        exact). Plain IN lists, which both databases answer from the key's index."""
        if len(columns) == 1:
            return columns[0].in_(batch)
        return and_(*(c.in_(sorted({key[i] for key in batch})) for i, c in enumerate(columns)))

    batches = [None]
    if len(keys) <= LOOKUP_KEYS:
        ordered = sorted(keys, key=repr)
        batches = [ordered[i : i + LOOKUP_CHUNK] for i in range(0, len(ordered), LOOKUP_CHUNK)]
    existing: dict[object, tuple[int, tuple]] = {}
    for batch in batches:
        chosen = stmt if batch is None else stmt.where(matching(batch))
        for row in session.execute(chosen):
            stored = tuple(row[1:])
            existing[key_of(stored)] = (row[0], stored)
    return existing


def make_plan(
    session: Session,
    org_id: int,
    kind: Kind,
    values: dict[str, list],
    keep: list[bool],
    key_text: Callable[[int], str],
) -> Plan:
    """Sort the kept rows into inserts, updates and unchanged against the stored records."""
    attributes = list(values)
    key_at = [attributes.index(kind.field(c).attribute) for c in kind.key]
    key_of = itemgetter(*key_at)  # one column: the value itself; several: a tuple
    kept = [new for new, k in zip(zip(*values.values(), strict=True), keep, strict=True) if k]
    existing = _stored(session, org_id, kind, attributes, key_at, {key_of(new) for new in kept})
    plan = Plan(kind, attributes)
    for number, new in enumerate(zip(*values.values(), strict=True)):  # numbers: file rows
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
