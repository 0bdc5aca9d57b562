"""The import history of an organisation: one row per import attempt, and its reject report."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import ImportBatch
from data_access.queries.common import check_org

HISTORY_COLUMNS = [
    "id", "created_at", "created_by", "filename", "sha256", "kind", "mapping_name", "status",
    "rows_inserted", "rows_updated", "rows_unchanged", "rows_rejected", "has_report", "message",
]  # fmt: skip


def import_batches(session: Session, org_id: int, limit: int = 500) -> pd.DataFrame:
    """The organisation's latest import attempts, newest first: columns HISTORY_COLUMNS
    (`has_report`: a reject report is stored)."""
    check_org(session, org_id)
    stmt = (
        select(
            ImportBatch.id,
            ImportBatch.created_at,
            ImportBatch.created_by,
            ImportBatch.filename,
            ImportBatch.sha256,
            ImportBatch.kind,
            ImportBatch.mapping_name,
            ImportBatch.status,
            ImportBatch.rows_inserted,
            ImportBatch.rows_updated,
            ImportBatch.rows_unchanged,
            ImportBatch.rows_rejected,
            ImportBatch.report.is_not(None).label("has_report"),
            ImportBatch.message,
        )  # fmt: skip
        .where(ImportBatch.organisation_id == org_id)
        .order_by(ImportBatch.id.desc())
        .limit(limit)
    )
    rows = session.execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=HISTORY_COLUMNS)


def batch_report(session: Session, org_id: int, batch_id: int) -> tuple[str, str] | None:
    """(file name, reject report CSV) of one of the organisation's batches; None when the batch
    is another organisation's, unknown, or has no report."""
    check_org(session, org_id)
    row = session.execute(
        select(ImportBatch.filename, ImportBatch.report).where(
            ImportBatch.id == batch_id, ImportBatch.organisation_id == org_id
        )
    ).first()
    if row is None or row.report is None:
        return None
    return row.filename, row.report
