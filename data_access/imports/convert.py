"""From checked text cells to typed values, with codes resolved to ids within one organisation."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.imports.cells import parse_all
from data_access.imports.fields import REFERENCES, Field, Kind
from data_access.imports.kinds import KINDS
from data_access.imports.report import N_, Reject


def typed(spec: Field, cells: pd.Series) -> list:
    """A checked column as Python values (None when empty; the field's default if it has one)."""
    values = parse_all(cells.tolist(), spec.type)
    if spec.default is not None:
        values = [spec.default if v is None else v for v in values]
    return values


def reference_ids(session: Session, org_id: int, ref: str) -> dict[str, int]:
    """Code → id of the organisation's records a reference column may name."""
    model = KINDS[REFERENCES[ref][0]].model
    stmt = select(model.code, model.id).where(model.organisation_id == org_id)
    return {code: id_ for code, id_ in session.execute(stmt)}


def resolve(
    session: Session, org_id: int, kind: Kind, frame: pd.DataFrame
) -> tuple[dict[str, list], list[Reject], dict[str, dict[int, str]]]:
    """Typed values per model attribute for the file's columns, rejects for codes unknown in
    this organisation (another organisation's codes included), and id → code per reference."""
    values: dict[str, list] = {}
    rejects: list[Reject] = []
    codes_by_id: dict[str, dict[int, str]] = {}
    for spec in kind.fields:
        if spec.name not in frame:
            continue
        cells = frame[spec.name]
        if not spec.ref:
            values[spec.attribute] = typed(spec, cells)
            continue
        ids = reference_ids(session, org_id, spec.ref)
        codes_by_id[spec.attribute] = {id_: code for code, id_ in ids.items()}
        resolved = [None if code is None else ids.get(code) for code in cells.tolist()]
        what = REFERENCES[spec.ref][1]
        for row, code, found in zip(frame.index, cells.tolist(), resolved, strict=True):
            if code is not None and found is None:
                reason = N_("unknown %(what_label)s: no such record in this organisation")
                rejects.append(Reject.because(int(row), spec.name, code, reason, what_label=what))
        values[spec.attribute] = resolved
    return values, rejects, codes_by_id
