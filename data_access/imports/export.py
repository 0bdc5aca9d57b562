"""An organisation's records written back out in the import templates' shape (round trips)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.imports.convert import reference_ids
from data_access.imports.fields import Field, Kind
from data_access.imports.kinds import KINDS
from data_access.imports.report import neutralise
from data_access.queries.common import check_org


def _text(spec: Field, value: object, codes: dict[int, str] | None) -> str | None:
    """One stored value as the import file writes it."""
    if value is None:
        return None
    if codes is not None:
        return codes[value]  # type: ignore[index]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if spec.type == "month" and isinstance(value, date):
        return value.strftime("%Y-%m")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    return neutralise(text) if spec.type in ("text", "code") else text  # type: ignore[return-value]


def export_kind(session: Session, org_id: int, kind: Kind) -> pd.DataFrame:
    """The organisation's records of one kind, as a frame with the template's columns."""
    check_org(session, org_id)
    model = kind.model
    stmt = select(*(getattr(model, f.attribute) for f in kind.fields)).where(
        model.organisation_id == org_id
    )
    order = [getattr(model, kind.field(c).attribute) for c in kind.key]
    codes = {
        f.attribute: {id_: code for code, id_ in reference_ids(session, org_id, f.ref).items()}
        for f in kind.fields
        if f.ref
    }
    rows = [
        [_text(f, v, codes.get(f.attribute)) for f, v in zip(kind.fields, row, strict=True)]
        for row in session.execute(stmt.order_by(*order, model.id))
    ]
    return pd.DataFrame(rows, columns=list(kind.columns), dtype=object)


def export_csv(session: Session, org_id: int, kind: Kind) -> str:
    """One kind's records as import-ready CSV text (text cells formula-neutralised)."""
    return export_kind(session, org_id, kind).to_csv(index=False, lineterminator="\n")


def export_all(session: Session, org_id: int, directory: Path) -> list[Path]:
    """Every kind's records as `<kind>.csv` in `directory`, in import order; the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS.values():
        path = directory / f"{kind.name}.csv"
        path.write_text(export_csv(session, org_id, kind), encoding="utf-8")
        written.append(path)
    return written
