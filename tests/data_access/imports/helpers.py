"""Helpers for the import tests: small files as text, running an import, and table digests."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.imports import ImportSummary, Source, apply_import, preview_import
from data_access.models import Base, Organisation

HISTORY_TABLES = ("audit_event", "import_batch")  # an attempt is logged even when refused

AREAS_CSV = "code,name,population,population_source\nN,North,120000,ONS 2023\nS,South,80000,\n"
OFFICERS_CSV = (
    "code,display_name,area_code,officer_type,status,recruited_on\n"
    "LO-1,Officer One,N,officer,active,2023-01-10\nLO-2,,S,staff,,2023-03-01\n"
)
COURSES_CSV = (
    "code,title,kind,mode,delivered_by,duration_hours\nC1,Awareness,awareness,online,police,2\n"
)
SESSIONS_CSV = "code,course_code,held_on,area_code\nS1,C1,2024-02-01,N\n"
REFERRALS_HEADER = "log_number,area_code,strand,incident_type,channel,occurred_on,reported_on"


def referrals_csv(*rows: str, header: str = REFERRALS_HEADER) -> str:
    return header + "\n" + "".join(row + "\n" for row in rows)


def org_id(session: Session, code: str) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def run(
    url: str,
    kind: str | None,
    data: str | bytes,
    org: str = "ALPHA",
    filename: str = "upload.csv",
    preview: bool = False,
    **options,
) -> ImportSummary:
    """Import (or preview) `data` into organisation `org` on `url`; the summary."""
    progress: Callable | None = options.pop("on_progress", None)
    cancelled: Callable | None = options.pop("cancelled", None)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    source = Source(raw, filename, kind, **options)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            target = org_id(session, org)
            if preview:
                summary = preview_import(session, target, source)
                session.rollback()
                return summary
            return apply_import(session, target, source, "tester", progress, cancelled)
    finally:
        engine.dispose()


def digest(url: str, skip: tuple[str, ...] = HISTORY_TABLES) -> dict[str, str]:
    """A hash of every table's full contents (ordered by primary key), table by table."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for table in Base.metadata.sorted_tables:
                if table.name in skip:
                    continue
                rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
                out[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
            return out
    finally:
        engine.dispose()


def count(url: str, table: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return len(conn.execute(select(Base.metadata.tables[table])).all())
    finally:
        engine.dispose()
