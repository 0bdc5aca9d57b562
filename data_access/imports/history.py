"""The import history and the revisions imports made, for the history page and publication."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import ImportBatch, RecordRevision
from data_access.queries.common import check_org, frame

HISTORY_COLUMNS = [
    "id", "created_at", "created_by", "filename", "sha256", "kind", "mapping_name", "encoding",
    "sheet", "status", "rows_total", "rows_inserted", "rows_updated", "rows_unchanged",
    "rows_rejected", "rows_skipped", "message",
]  # fmt: skip
REVISION_COLUMNS = [
    "batch_id", "changed_at", "changed_by", "table_name", "natural_key", "field", "old_value",
    "new_value",
]  # fmt: skip


def list_batches(session: Session, org_id: int, limit: int = 200) -> pd.DataFrame:
    """The organisation's latest import attempts, newest first: columns HISTORY_COLUMNS
    (rows_inserted is the number added)."""
    check_org(session, org_id)
    stmt = (
        select(*(getattr(ImportBatch, c) for c in HISTORY_COLUMNS))
        .where(ImportBatch.organisation_id == org_id)
        .order_by(ImportBatch.id.desc())
        .limit(limit)
    )
    return frame(session, stmt, HISTORY_COLUMNS)


def batch_report(session: Session, org_id: int, batch_id: int) -> str | None:
    """The reject report (CSV text, formula-neutralised) of one of the organisation's imports;
    None when it had no rejects or is not the organisation's."""
    check_org(session, org_id)
    return session.scalar(
        select(ImportBatch.report).where(
            ImportBatch.id == batch_id, ImportBatch.organisation_id == org_id
        )
    )


def list_revisions(
    session: Session, org_id: int, table_name: str | None = None, batch_id: int | None = None
) -> pd.DataFrame:
    """Field changes imports made to the organisation's records, newest first: columns
    REVISION_COLUMNS (values as text; references by code)."""
    check_org(session, org_id)
    stmt = select(*(getattr(RecordRevision, c) for c in REVISION_COLUMNS)).where(
        RecordRevision.organisation_id == org_id
    )
    if table_name is not None:
        stmt = stmt.where(RecordRevision.table_name == table_name)
    if batch_id is not None:
        stmt = stmt.where(RecordRevision.batch_id == batch_id)
    return frame(session, stmt.order_by(RecordRevision.id.desc()), REVISION_COLUMNS)
