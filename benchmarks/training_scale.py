"""Times the training queries on the demo force's attendance copied many times, on SQLite and
PostgreSQL.

Not a test: `python benchmarks/training_scale.py [--copies 1000] [--backend sqlite|postgresql|
both] [--db PATH] [--pg-url URL]`. Seeds the demo, copies the demo force's attendance and
training status rows COPIES times under new person codes (the status of a copied person is the
copy of the original's: they are independent people with the same history; the copy runs
inside the database, INSERT ... SELECT sorted by the unique key with the plain indexes dropped
meanwhile; the count changes and session tallies are multiplied, as the copies are the same
people again), then prints for each scorecard people indicator and the training page's
delivery and scores its time before (the old distinct count or mean over attendance, one
run) and after (the count changes and session tallies, best of 3), every other
training page query, and an import of 1,000 attendance rows at that size, each also as a
ratio to a plain COUNT(*) over the attendance table timed in the same run (the machine's own
yardstick). The old queries are in benchmarks/training_before.py. PostgreSQL runs in a
schema of its own (default URL: TEST_DATABASE_URL), dropped at the end."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks.training_before import (  # noqa: E402
    old_assessment,
    old_cascade,
    old_coverage,
    old_delivery,
    old_refreshers,
    old_trained,
)
from dashboard.demo import seed_demo  # noqa: E402
from data_access import migrate  # noqa: E402
from data_access.db import make_engine  # noqa: E402
from data_access.imports import Source, apply_import  # noqa: E402
from data_access.models import (  # noqa: E402
    Area,
    Organisation,
    TrainingAttendance,
    TrainingCourse,
    TrainingPersonStatus,
    TrainingSession,
)
from data_access.queries import indicators, scheme, training  # noqa: E402
from data_access.queries import indicators_people as people_q  # noqa: E402
from data_access.queries.common import Period  # noqa: E402
from data_access.vocab import LEADERSHIP_RANKS  # noqa: E402

A, S, C = TrainingAttendance, TrainingSession, TrainingCourse
ATTENDANCE = ("session_id, rank, unit, area_id, completed, pre_score, post_score, "
              "followup_score, refresher_due_on, organisation_id, created_at, updated_at, "
              "revision, previous_completion_on, previous_completion_in_area_on")  # fmt: skip
# Copies are the same people again: every count change and session tally is multiplied.
SCALED = {
    "training_status_change": ("change",),
    "training_session_tally": ("attended", "scored", "pre_sum", "post_sum", "followed_up",
                               "followup_sum"),
}  # fmt: skip
STATUS = ("course_kind, valid_from, valid_to, first_completed_on, refresher_due_on, rank, "
          "unit, area_id, organisation_id")  # fmt: skip


def import_attendance(engine, org_id: int, rows: int) -> tuple[float, int]:
    """Import `rows` completions by new people on the ten latest sessions; seconds taken."""
    with Session(engine) as session:
        codes = session.scalars(
            select(S.code).where(S.organisation_id == org_id).order_by(S.held_on.desc()).limit(10)
        ).all()
        lines = ["session_code,person_code,rank,unit,completed"]
        lines += [f"{codes[i % len(codes)]},BENCH{i:06d},constable,response,true"
                  for i in range(rows)]  # fmt: skip
        source = Source(("\n".join(lines) + "\n").encode(), "bench.csv", "training_attendance")
        started = time.perf_counter()
        summary = apply_import(session, org_id, source, "benchmark")
        spent = time.perf_counter() - started
    if summary.status != "applied":
        raise SystemExit(f"benchmark import failed: {summary.message}")
    return spent, summary.added


def timed(call, runs: int = 3) -> float:
    """Best of `runs` (the first run also warms the cache)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


ORDER = {  # each table's unique key, so that the copies go into its index in order
    "training_attendance": "session_id, code",
    "training_person_status": "organisation_id, code, course_kind, valid_from",
}


SQLITE_INDEXES = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t "
                  "AND sql IS NOT NULL")  # fmt: skip
PG_INDEXES = ("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
              "AND tablename = :t "
              "AND indexname NOT IN (SELECT conname FROM pg_constraint)")  # fmt: skip
SERIES = {  # n = 1 .. :copies
    "sqlite": "(WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy "
              "WHERE n < :copies) SELECT n FROM copy) AS copy",
    "postgresql": "generate_series(1, :copies) AS copy(n)",
}  # fmt: skip


def copy_force(session: Session, org_id: int, copies: int) -> None:
    """COPIES more people per demo person: attendance and status rows under `code~n`,
    inserted in one sorted statement per table with the plain indexes dropped meanwhile."""
    dialect = session.get_bind().dialect.name
    for table, columns in (("training_attendance", ATTENDANCE),
                           ("training_person_status", STATUS)):  # fmt: skip
        listed = SQLITE_INDEXES if dialect == "sqlite" else PG_INDEXES
        indexes = session.execute(text(listed), {"t": table}).all()
        for name, _sql in indexes:
            session.execute(text(f"DROP INDEX {name}"))
        session.execute(text(
            f"INSERT INTO {table} (person_code, {columns}) "  # noqa: S608 - constants
            f"SELECT code, {columns} FROM (SELECT person_code || '~' || n AS code, {columns} "
            f"FROM {table}, {SERIES[dialect]} WHERE organisation_id = :org) AS copied "
            f"ORDER BY {ORDER[table]}"
        ), {"org": org_id, "copies": copies})  # fmt: skip
        for _name, sql in indexes:
            session.execute(text(sql))
        session.commit()
        print(f"  {table} copied", flush=True)
    for table, columns in SCALED.items():
        scaled = ", ".join(f"{c} = {c} * :times" for c in columns)
        session.execute(
            text(f"UPDATE {table} SET {scaled} WHERE organisation_id = :org"),  # noqa: S608
            {"times": copies + 1, "org": org_id},
        )
    session.commit()
    if dialect == "sqlite":
        session.execute(text("ANALYZE"))
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    else:
        session.execute(text("ANALYZE training_attendance"))
        session.execute(text("ANALYZE training_person_status"))
    session.commit()


def database(backend: str, args) -> tuple[str, object]:
    """A fresh database URL for the backend and a function that removes it."""
    if backend == "sqlite":
        return f"sqlite:///{args.db}", lambda: None
    from sqlalchemy import create_engine

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in args.pg_url else "?"

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()

    return f"{args.pg_url}{separator}options=-csearch_path%3D{schema}", drop


def run(backend: str, args) -> None:
    url, drop = database(backend, args)
    engine = make_engine(url)
    try:
        measure(engine, backend, args.copies)
    finally:
        engine.dispose()
        drop()


def measure(engine, backend: str, copies: int) -> None:
    migrate.upgrade(engine)
    today = date.today()
    with Session(engine) as session:
        started = time.perf_counter()
        seed_demo(session, seed=42, today=today)
        session.commit()
        org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
        print(f"[{backend}] demo seeded in {time.perf_counter() - started:.0f} s; copying its "
              f"training {copies} times", flush=True)  # fmt: skip
        started = time.perf_counter()
        copy_force(session, org, copies)
        rows = session.scalar(select(func.count()).select_from(A))
        people = session.scalar(select(func.count()).select_from(TrainingPersonStatus))
        print(f"[{backend}] {rows:,} attendance rows, {people:,} status rows "
              f"({time.perf_counter() - started:.0f} s to build)", flush=True)  # fmt: skip
        on = date(today.year, today.month, 1)
        areas = session.scalars(select(Area.code).where(Area.organisation_id == org)).all()
        period = Period(date(on.year - 1, on.month, 1), on)
        baseline = timed(lambda: session.execute(text("SELECT COUNT(*) FROM training_attendance")))
        print(f"[{backend}] baseline: COUNT(*) over training_attendance {baseline:.3f} s "
              "(ratio = query time / baseline)")  # fmt: skip
        pairs = {
            "scheme.training_coverage": (
                lambda: old_coverage(session, org, on),
                lambda: scheme.training_coverage(session, org, on),
            ),
            "indicators_people._trained": (
                lambda: old_trained(session, org, on),
                lambda: people_q._trained(
                    session, org, on, "leadership_briefing", "n", LEADERSHIP_RANKS
                ),
            ),  # fmt: skip
            "indicators_people._refreshers": (
                lambda: old_refreshers(session, org, on),
                lambda: people_q._refreshers(session, org, on),
            ),
            "indicators_people._cascade": (
                lambda: old_cascade(session, org, period),
                lambda: people_q._cascade(session, org, period),
            ),
            "training.delivery (12 months)": (
                lambda: old_delivery(session, org, period),
                lambda: training.delivery(session, org, period),
            ),
            "training.assessment (12 months)": (
                lambda: old_assessment(session, org, period),
                lambda: training.assessment(session, org, period),
            ),
        }
        print(f"{'query':34} {'before s':>9} {'after s':>9} {'speed-up':>9} {'÷ COUNT(*)':>10}")
        for name, (before, after) in pairs.items():
            old, new = timed(before, runs=1), timed(after)
            print(f"{name:34} {old:9.2f} {new:9.3f} {old / new:9.1f} {new / baseline:10.2f}",
                  flush=True)  # fmt: skip
        page = {
            "scorecard indicator_counts": lambda: indicators.indicator_counts(session, org, period),
            "training.coverage_by rank": lambda: training.coverage_by(
                session, org, on, "awareness", "rank"
            ),
            "training.delivery, one area": lambda: training.delivery(
                session, org, period, area=areas[0]
            ),
            "training.cascade (12 months)": lambda: training.cascade(session, org, period),
            "training.refreshers_due": lambda: training.refreshers_due(session, org, today),
        }
        print(f"training page and scorecard (after only)      {'s':>9} {'÷ COUNT(*)':>10}")
        for name, call in page.items():
            spent = timed(call)
            print(f"{name:44} {spent:9.3f} {spent / baseline:10.2f}", flush=True)
    spent, added = import_attendance(engine, org, 1000)
    print(f"import of {added:,} attendance rows (status, counts and tallies of the people and "
          f"sessions touched) {spent:9.3f} s {spent / baseline:10.2f}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--db", type=Path, default=Path(tempfile.mkdtemp()) / "scale.db")
    parser.add_argument("--pg-url", default=os.environ.get("TEST_DATABASE_URL"))
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    if "postgresql" in backends and not args.pg_url:
        parser.error("PostgreSQL needs --pg-url (or TEST_DATABASE_URL)")
    for backend in backends:
        run(backend, args)


if __name__ == "__main__":
    main()
