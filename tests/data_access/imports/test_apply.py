"""Applying imports: idempotent, corrected files update exactly the changed records (with
revisions), interrupted or cancelled imports keep nothing, previews write nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.db import make_engine
from data_access.imports import history, plan
from data_access.models import ImportBatch, Organisation, RecordRevision, Referral
from tests.data_access.imports.helpers import HISTORY_TABLES, digest, org_id, referrals_csv, run

HEADER = referrals_csv().strip() + ",flagged_on,lo_code,allocated_on"
ROWS = [
    f"R-{n},{'N' if n % 2 else 'S'},homophobic,crime,online,2024-01-0{n},2024-01-0{n},,,"
    for n in range(1, 7)
]


def _referrals(url: str, org: str) -> dict[str, tuple]:
    engine = make_engine(url)
    with Session(engine) as session:
        stmt = select(Referral).where(Referral.organisation_id == org_id(session, org))
        found = {
            r.log_number: (r.strand, r.channel, r.flagged_on, r.updated_at, r.revision)
            for r in session.scalars(stmt)
        }
    engine.dispose()
    return found


def _version(url: str, org: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        version = session.scalar(select(Organisation.data_version).where(Organisation.code == org))
    engine.dispose()
    return version


@pytest.mark.parametrize("lookup", ["by key", "whole table"])
def test_import_twice_changes_nothing_then_a_correction_updates_exactly_the_changed_rows(
    imports_url, fresh_org, lookup, monkeypatch
):
    if lookup == "whole table":  # a file larger than the by-key lookup reads every record
        monkeypatch.setattr(plan, "LOOKUP_KEYS", 0)
    text = referrals_csv(*ROWS, header=HEADER)
    first = run(imports_url, "referrals", text, org=fresh_org)
    assert (first.status, first.added, first.updated, first.unchanged) == ("applied", 6, 0, 0)
    stored, version = _referrals(imports_url, fresh_org), _version(imports_url, fresh_org)

    again = run(imports_url, "referrals", text, org=fresh_org)
    assert (again.status, again.added, again.updated, again.unchanged) == ("applied", 0, 0, 6)
    assert _referrals(imports_url, fresh_org) == stored  # values and updated-at stamps
    assert _version(imports_url, fresh_org) == version  # nothing changed: no new data version

    corrected = list(ROWS)
    corrected[1] = corrected[1].replace("homophobic", "biphobic")
    corrected[4] = corrected[4].replace(
        "online,2024-01-05,2024-01-05,", "101,2024-01-05,2024-01-05,2024-01-06"
    )
    fixed = run(imports_url, "referrals", referrals_csv(*corrected, header=HEADER), org=fresh_org)
    assert (fixed.added, fixed.updated, fixed.unchanged, fixed.changed_fields) == (0, 2, 4, 3)
    after = _referrals(imports_url, fresh_org)
    changed = {k for k in stored if after[k] != stored[k]}
    assert changed == {"R-2", "R-5"}
    assert after["R-2"][0] == "biphobic" and after["R-2"][4] == 2
    assert after["R-2"][3] > stored["R-2"][3]
    assert _version(imports_url, fresh_org) == version + 1

    engine = make_engine(imports_url)
    with Session(engine) as session:
        revisions = session.execute(
            select(RecordRevision.natural_key, RecordRevision.field, RecordRevision.old_value,
                   RecordRevision.new_value, RecordRevision.changed_by)
            .where(RecordRevision.batch_id == fixed.batch_id).order_by(RecordRevision.id)
        ).all()  # fmt: skip
        batch = session.get(ImportBatch, fixed.batch_id)
        assert (batch.status, batch.rows_updated, batch.rows_unchanged) == ("applied", 2, 4)
        assert audit.verify(session) is None
    engine.dispose()
    assert sorted(tuple(r) for r in revisions) == [
        ("log_number=R-2", "strand", "homophobic", "biphobic", "tester"),
        ("log_number=R-5", "channel", "online", "101", "tester"),
        ("log_number=R-5", "flagged_on", None, "2024-01-06", "tester"),
    ]


def test_a_reference_change_is_recorded_by_code(imports_url, fresh_org):
    header = "code,area_code,officer_type,recruited_on\n"
    run(imports_url, "officers", header + "LO-1,N,officer,2023-01-01\n", org=fresh_org)
    moved = run(imports_url, "officers", header + "LO-1,S,officer,2023-01-01\n", org=fresh_org)
    assert moved.updated == 1
    engine = make_engine(imports_url)
    with Session(engine) as session:
        row = session.execute(
            select(RecordRevision.field, RecordRevision.old_value, RecordRevision.new_value)
            .where(RecordRevision.batch_id == moved.batch_id)
        ).one()  # fmt: skip
    engine.dispose()
    assert tuple(row) == ("area_code", "N", "S")


@pytest.mark.parametrize("stop", ["error", "cancel"])
def test_an_interrupted_import_keeps_nothing(imports_url, fresh_org, stop, monkeypatch):
    monkeypatch.setattr("data_access.imports.write.CHUNK", 2)  # several chunks: stop mid-way
    before = digest(imports_url)
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if stop == "error" and done >= 2:
            raise RuntimeError("worker killed")

    cancelled = (lambda: len(calls) >= 2) if stop == "cancel" else None  # noqa: E731
    text = referrals_csv(*ROWS, header=HEADER)
    if stop == "error":
        with pytest.raises(RuntimeError, match="worker killed"):
            run(imports_url, "referrals", text, org=fresh_org, on_progress=progress)
    else:
        summary = run(imports_url, "referrals", text, org=fresh_org, on_progress=progress,
                      cancelled=cancelled)  # fmt: skip
        assert summary.status == "cancelled" and "nothing was kept" in summary.message
    assert calls[0] == (2, 6)
    assert digest(imports_url) == before
    after = digest(imports_url, skip=())
    assert set(after) - set(before) == set(HISTORY_TABLES)  # the attempt itself is logged


def test_a_preview_writes_nothing_at_all(imports_url, fresh_org, backend):
    path = Path(imports_url.removeprefix("sqlite:///")) if backend == "sqlite" else None
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path else None
    everything = digest(imports_url, skip=())
    summary = run(imports_url, "referrals", referrals_csv(*ROWS, header=HEADER), org=fresh_org,
                  preview=True)  # fmt: skip
    assert (summary.status, summary.added, summary.rejected) == ("preview", 6, 0)
    assert digest(imports_url, skip=()) == everything
    if path:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_history_lists_attempts_and_revisions_of_this_organisation_only(imports_url, fresh_org):
    run(imports_url, "referrals", referrals_csv(*ROWS, header=HEADER), org=fresh_org)
    fixed = referrals_csv(ROWS[0].replace("online", "101"), *ROWS[1:], header=HEADER)
    changed = run(imports_url, "referrals", fixed, org=fresh_org)
    engine = make_engine(imports_url)
    with Session(engine) as session:
        org = org_id(session, fresh_org)
        batches = history.list_batches(session, org)
        revisions = history.list_revisions(session, org, table_name="referral")
        other = history.list_revisions(session, org_id(session, "ALPHA"), batch_id=changed.batch_id)
        report = history.batch_report(session, org_id(session, "ALPHA"), changed.batch_id)
    engine.dispose()
    assert batches["kind"].tolist()[:3] == ["referrals", "referrals", "areas"]
    assert batches.iloc[0][["status", "rows_updated", "rows_unchanged"]].tolist() == [
        "applied",
        1,
        5,
    ]
    assert revisions[["natural_key", "field", "old_value", "new_value"]].values.tolist() == [
        ["log_number=R-1", "channel", "online", "101"]
    ]
    assert other.empty and report is None


def test_a_rejected_file_is_logged_with_its_report(imports_url, fresh_org):
    bad = referrals_csv(ROWS[0], ROWS[1].replace("homophobic", "nope"), header=HEADER)
    summary = run(imports_url, "referrals", bad, org=fresh_org)
    assert (summary.status, summary.rejected) == ("rejected", 1)
    assert summary.message.startswith("nothing was imported: 1 row(s) rejected: row 3")
    engine = make_engine(imports_url)
    with Session(engine) as session:
        batch = session.get(ImportBatch, summary.batch_id)
        assert batch.status == "rejected" and "3,strand,nope," in batch.report
        event = audit.list_events(session, org_id(session, fresh_org), action="import").iloc[0]
        assert event["target"] == "import:referrals:upload.csv"
    engine.dispose()
