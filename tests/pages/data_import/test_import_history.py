"""The import history: who, when, file, SHA-256, kind, mapping, counts and status per attempt;
each batch's stored reject report; leadership reads it, other roles are refused; one force
never sees another's batches or reports."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.models import ImportBatch
from data_access.organisations import create_organisation
from tests.dash_client import call, find_callback, grid_rows, response_data
from tests.pages.data_import.helpers import (
    engine_import,
    recent_referrals,
    referrals_csv,
    signed_in,
)

H = "import_history"
BAD = referrals_csv("B1,ZZ,homophobic,crime,online,2024-02-01,2024-03-01")


@pytest.fixture(scope="module")
def history(force):
    assert engine_import(force.url, "referrals", recent_referrals(3)) == "applied"
    assert engine_import(force.url, "referrals", BAD) == "rejected"
    engine = make_engine(force.url)
    with Session(engine) as session:
        create_organisation(session, "OTHER", "Another force")
        session.commit()
    engine.dispose()
    assert engine_import(force.url, "areas", "code,name\nQ,Q\n", org="OTHER") == "applied"
    assert engine_import(force.url, "referrals", BAD, org="OTHER") == "rejected"
    return force


def batches(url: str, org_code: str | None = None) -> list[ImportBatch]:
    engine = make_engine(url)
    with Session(engine) as session:
        found = list(session.scalars(select(ImportBatch).order_by(ImportBatch.id)))
    engine.dispose()
    return found


def download(client, app, batch_id: int):
    callback = find_callback(app, f"{H}-report-download.data")
    values = {f"{H}-report.n_clicks": 1, f"{H}-grid.selectedRows": [{"id": batch_id}]}
    return call(client, callback, values)


@pytest.mark.parametrize("role", ["leadership", "coordinator"])
def test_history_lists_every_attempt_with_its_facts(history, role):
    client = signed_in(history, role)
    answer = call(client, find_callback(history, f"{H}-table.children"), {f"{H}-load.data": 0})
    rows = grid_rows(response_data(answer), f"{H}-table", f"{H}-grid")
    assert [r["status"] for r in rows] == ["rejected", "applied", "applied"]  # newest first
    assert {r["kind"] for r in rows} == {"areas", "referrals"}
    expected = hashlib.sha256(BAD.encode()).hexdigest()
    assert rows[0]["sha256"] == expected and rows[0]["filename"] == "referrals.csv"
    assert rows[0]["created_by"] == "cli" and rows[0]["report"] == "yes"
    assert (rows[1]["rows_inserted"], rows[1]["rows_rejected"]) == (3, 0)
    assert rows[0]["rows_rejected"] == 1


def test_leadership_downloads_a_stored_reject_report(history):
    client = signed_in(history, "leadership")
    ours = [b for b in batches(history.url) if b.status == "rejected"][0]
    sent = response_data(download(client, history, ours.id))[f"{H}-report-download"]["data"]
    assert sent["content"].startswith("row,column,value,reason") and "ZZ" in sent["content"]
    applied = [b for b in batches(history.url) if b.status == "applied"][0]
    answer = response_data(download(client, history, applied.id))
    assert "no reject report" in json.dumps(answer[f"{H}-report-note"])


def test_another_forces_report_is_never_sent(history):
    client = signed_in(history, "coordinator")
    theirs = [b for b in batches(history.url) if b.status == "rejected"][-1]
    answer = download(client, history, theirs.id)
    assert "data" not in json.dumps(response_data(answer).get(f"{H}-report-download", {}))


@pytest.mark.parametrize("role", ["network", "partner", "admin", "public"])
def test_other_roles_are_refused_the_history(history, role):
    client = signed_in(history, role)
    answer = call(client, find_callback(history, f"{H}-table.children"), {f"{H}-load.data": 0})
    assert answer.status_code == 403
    assert download(client, history, 1).status_code == 403
    assert client.get("/import/history").status_code in (302, 403)


def test_history_is_in_leaderships_navigation_coordinators_reach_it_from_import(force):
    from dashboard.shell import navigation_items

    with force.server.test_request_context("/"):
        leadership = [item.href for item in navigation_items("leadership")]
        coordinator = [item.href for item in navigation_items("coordinator")]
    assert "/import/history" in leadership and "/import" not in leadership
    assert "/import" in coordinator and "/import/history" not in coordinator
