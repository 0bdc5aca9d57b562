"""Benchmark (not a test): import 100,000 synthetic referrals on SQLite and PostgreSQL.

Prints rows/s for the whole import (read, validate, plan, write, commit) and the ratio to the
database's own bulk load of the same rows in the same run (PostgreSQL COPY; SQLite executemany).
PostgreSQL comes from TEST_DATABASE_URL (default postgresql+psycopg://postgres@127.0.0.1/test).

    python benchmarks/import_referrals.py [--rows 100000] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from data_access import migrate  # noqa: E402
from data_access.db import make_engine  # noqa: E402
from data_access.imports import Source, apply_import  # noqa: E402
from data_access.imports.convert import resolve  # noqa: E402
from data_access.imports.kinds import KINDS  # noqa: E402
from data_access.imports.readers import read_table  # noqa: E402
from data_access.imports.write import _full_rows  # noqa: E402
from data_access.organisations import create_organisation  # noqa: E402
from data_access.vocab import CHANNELS, STRANDS  # noqa: E402

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HEADER = ("log_number,area_code,strand,also_race,incident_type,channel,occurred_on,reported_on,"
          "flagged_on,offer_status,offered_on,offer_outcome,lo_code,allocated_on,"
          "victim_contacted_on,victim_support,outcome,closed_on")  # fmt: skip


def synthetic(rows: int, seed: int = 7) -> bytes:
    """`rows` referrals, every procedure field filled as the demo force fills them."""
    rng = random.Random(seed)
    lines = [HEADER]
    for n in range(rows):
        occurred = date(2021, 1, 1) + timedelta(days=rng.randrange(1400))
        reported = occurred + timedelta(days=rng.randrange(3))
        flagged = reported + timedelta(days=rng.randrange(2))
        offered = flagged + timedelta(days=rng.randrange(5))
        allocated = offered + timedelta(days=rng.randrange(4))
        contacted = allocated + timedelta(days=rng.randrange(6))
        closed = contacted + timedelta(days=rng.randrange(60))
        lines.append(",".join([
            f"BM-{n:07d}", f"A{rng.randrange(10)}", rng.choice(STRANDS),
            rng.choice(("yes", "no")), rng.choice(("crime", "non_crime")), rng.choice(CHANNELS),
            occurred.isoformat(), reported.isoformat(), flagged.isoformat(), "offered",
            offered.isoformat(), "accepted", f"LO-{rng.randrange(50)}", allocated.isoformat(),
            contacted.isoformat(), "made", "nfa", closed.isoformat(),
        ]))  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def prepare(url: str, code: str) -> int:
    """An organisation with areas A0-A9 and officers LO-0..LO-49; its id."""
    engine = make_engine(url)
    with Session(engine) as session:
        org = create_organisation(session, code, f"Benchmark {code}")
        session.commit()
        areas = "code,name\n" + "".join(f"A{i},Area {i}\n" for i in range(10))
        officers = "code,area_code,officer_type,recruited_on\n" + "".join(
            f"LO-{i},A{i % 10},officer,2020-01-01\n" for i in range(50)
        )
        for kind, body in (("areas", areas), ("officers", officers)):
            apply_import(session, org, Source(body.encode(), f"{kind}.csv", kind), "bench")
    engine.dispose()
    return org


class Timer:
    """Wall-clock and this process's CPU seconds of a block (the machine may be shared)."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def bulk_load(url: str, org: int, data: bytes) -> Timer:
    """Seconds for the database's own bulk load of the same typed rows (no validation)."""
    engine = make_engine(url)
    kind = KINDS["referrals"]
    with Session(engine) as session:
        frame = read_table(data, "bulk.csv", 1000).frame
        values, _rejects, _codes = resolve(session, org, kind, frame)
        rows = list(zip(*values.values(), strict=True))
        table = kind.model.__table__
        names, tuples = _full_rows(table, org, list(values), rows, datetime.now(UTC))
        raw = session.connection().connection.driver_connection
        columns = ", ".join(f'"{n}"' for n in names)
        timer = Timer().__enter__()
        if engine.dialect.name == "postgresql":
            with (
                raw.cursor() as cursor,
                cursor.copy(f"COPY referral ({columns}) FROM STDIN") as copy,
            ):
                for row in tuples:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in names)
            insert_sql = f"INSERT INTO referral ({columns}) VALUES ({marks})"  # noqa: S608
            raw.executemany(insert_sql, tuples)
        session.commit()
        timer.__exit__()
    engine.dispose()
    return timer


def run_backend(name: str, url: str, data: bytes, rows: int) -> None:
    migrate.upgrade(make_engine(url))
    org = prepare(url, "BENCH")
    engine = make_engine(url)
    source = Source(data, "bench.csv", "referrals", max_mb=500)
    with Session(engine) as session:
        with Timer() as first:
            summary = apply_import(session, org, source, "bench")
        with Timer() as second:
            again = apply_import(session, org, source, "bench")
    engine.dispose()
    assert summary.added == rows and again.unchanged == rows, summary.first_reasons()
    bulk = bulk_load(url, prepare(url, "BULK"), data)
    print(
        f"{name}: import {rows:,} new rows {first.wall:.2f} s = {rows / first.wall:,.0f} rows/s "
        f"(client CPU {first.cpu:.2f} s); bulk load {bulk.wall:.2f} s = "
        f"{rows / bulk.wall:,.0f} rows/s (client CPU {bulk.cpu:.2f} s); ratio "
        f"{first.wall / bulk.wall:.1f}x; same file again, all unchanged: {second.wall:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    data = synthetic(args.rows)
    print(f"synthetic file: {len(data) / 1e6:.1f} MB, {args.rows:,} referrals")
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            run_backend("SQLite", f"sqlite:///{tmp}/bench.db", data, args.rows)
    if args.backend in ("postgresql", "both"):
        base = os.environ.get("TEST_DATABASE_URL", PG_DEFAULT)
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            separator = "&" if "?" in base else "?"
            run_backend(
                "PostgreSQL", f"{base}{separator}options=-csearch_path%3D{schema}", data, args.rows
            )
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


if __name__ == "__main__":
    main()
