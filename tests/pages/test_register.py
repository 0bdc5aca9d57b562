"""Commitments register callbacks over HTTP: what each role sees, and who may save edits.

These tests write, so they run on a private copy of the demo database (own `app` fixture)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from components.register_forms import field_id
from data_access import audit
from data_access.db import make_engine
from data_access.models import (
    AuditEvent,
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Organisation,
    Target,
)
from data_access.vocab import ROLES
from tests.conftest import app_config, login
from tests.dash_client import call, find_callback, response_data


def private_app(demo_url: str, directory: Path):
    """The app on a copy of the seeded demo database (so edits do not leak to other tests)."""
    from dashboard import create_app

    copy = directory / "demo.db"
    source, target = sqlite3.connect(demo_url.removeprefix("sqlite:///")), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    dash_app = create_app(app_config(f"sqlite:///{copy}"))
    dash_app.server.test_client().get("/")
    dash_app.url = f"sqlite:///{copy}"
    return dash_app


@pytest.fixture(scope="module")
def app(demo_url, tmp_path_factory):
    return private_app(demo_url, tmp_path_factory.mktemp("register"))


@pytest.fixture
def database(app):
    engine = make_engine(app.url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def commitments(session) -> dict[str, tuple[str, bool]]:
    """Demo force's commitments: code → (text, public)."""
    org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
    rows = session.execute(
        select(Commitment.code, Commitment.text, Commitment.is_public).where(
            Commitment.organisation_id == org
        )
    )
    return {code: (text, public) for code, text, public in rows}


def state(session) -> tuple:
    """What any save could change: row counts, and every commitment's editable values."""
    session.expire_all()
    counts = tuple(
        session.scalar(select(func.count()).select_from(model))
        for model in (Commitment, CommitmentHistory, CommunityReview, Target)
    )
    values = session.execute(
        select(Commitment.code, Commitment.owner, Commitment.status, Commitment.revision)
    ).all()
    return counts, sorted(tuple(v) for v in values)


FILTERS = {"query": {"period": "12m"}, "search": "?period=12m"}


def register_response(app, client, filters=FILTERS) -> str:
    callback = find_callback(app, "register-table.children")
    response = call(client, callback, {"register-filters.data": filters})
    assert response.status_code == 200
    return json.dumps(response_data(response))


def grid_rows(text: str) -> list[dict]:
    return json.loads(text)["register-table"]["children"]["props"]["children"][1]["props"][
        "rowData"
    ]


@pytest.mark.parametrize("role", ["public", "partner", "admin"])
def test_non_public_commitments_never_reach_controlled_roles(app, login_as, database, role):
    client = login_as(role)
    text = register_response(app, client)
    known = commitments(database)
    private = [code for code, (_t, public) in known.items() if not public]
    assert private, "the demo data should hold a non-public commitment"
    rows = grid_rows(text)
    assert sorted(r["code"] for r in rows) == sorted(c for c, (_t, p) in known.items() if p)
    for code in private:
        assert known[code][0] not in text
        assert f'"{code}"' not in text
    assert all("is_public" not in row for row in rows)
    history = find_callback(app, "register-history.children")
    answer = call(client, history, {"register-history-code.value": private[0]})
    assert "No recorded changes" in json.dumps(response_data(answer))
    download = find_callback(app, "register-table-download.data")
    answer = call(
        client,
        download,
        {"register-table-download-button.n_clicks": 1, "register-filters.data": FILTERS},
    )
    csv = response_data(answer)["register-table-download"]["data"]["content"]
    assert len(csv.strip().splitlines()) == len(rows) + 1
    assert all(known[code][0] not in csv for code in private)


def test_staff_see_every_commitment_with_its_public_flag(app, login_as, database):
    rows = grid_rows(register_response(app, login_as("network")))
    assert sorted(r["code"] for r in rows) == sorted(commitments(database))
    assert {r["is_public"] for r in rows} == {"Yes", "No"}
    assert not any("nan" in str(value) for row in rows for value in row.values())
    assert {r["verdict"].split(" (")[0] for r in rows} <= {
        "Agreed met",
        "Not yet",
        "Disputed",
        "Not reviewed",
    }


def test_filters_from_the_store_are_revalidated(app, login_as, database):
    client = login_as("leadership")
    chosen = {"query": {"key_point": "leadership_commitment", "status": "bogus"}, "search": ""}
    rows = grid_rows(register_response(app, client, chosen))
    assert rows and {r["key_point"] for r in rows} == {"Leadership commitment"}
    for bad in ({"query": "not a dict"}, "string", {"query": {"key_point": ["x"]}}):
        assert len(grid_rows(register_response(app, client, bad))) == len(commitments(database))


def test_overdue_rows_are_flagged_in_text(app, login_as, database):
    rows = grid_rows(register_response(app, login_as("coordinator")))
    today = date.today().isoformat()
    for row in rows:
        late = bool(row["due_on"]) and row["due_on"] < today and row["status"] != "Met"
        assert row["late"] is late and row["overdue"] == ("Overdue" if late else "")


def edit_values(code: str, **changes) -> dict:
    values = {
        "register-edit-save.n_clicks": 1,
        "register-edit-code.value": code,
        "register-edit-text.value": "Keep the liaison scheme running",
        "register-edit-owner.value": "Chief Constable",
        "register-edit-due-on.value": "2030-03-31",
        "register-edit-status.value": "in_progress",
        "register-edit-evidence.value": "",
        "register-edit-is-public.value": True,
    }
    values.update({f"{field_id('register-edit', k)}.value": v for k, v in changes.items()})
    return values


def test_coordinator_saves_an_update_with_history_and_audit(app, login_as, database):
    client = login_as("coordinator")
    code = sorted(commitments(database))[0]
    callback = find_callback(app, "register-edit-message.children")
    response = call(client, callback, edit_values(code))
    assert response.status_code == 200
    data = response_data(response)
    assert f"{code} saved" in json.dumps(data["register-edit-message"])
    assert data["register-edit-saved"]["data"]
    database.expire_all()
    saved = database.scalar(select(Commitment).where(Commitment.code == code))
    assert (saved.owner, saved.due_on, saved.text) == (
        "Chief Constable",
        date(2030, 3, 31),
        "Keep the liaison scheme running",
    )
    fields = database.scalars(
        select(CommitmentHistory.field).where(
            CommitmentHistory.commitment_id == saved.id,
            CommitmentHistory.changed_by == "coordinator",
        )
    ).all()
    assert "owner" in fields and "due_on" in fields
    event = database.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.username, event.target) == (
        "record_change",
        "coordinator",
        f"commitment:{code}",
    )
    assert audit.verify(database) is None


def test_coordinator_invalid_update_shows_errors_and_saves_nothing(app, login_as, database):
    client = login_as("coordinator")
    code = sorted(commitments(database))[1]
    before = state(database)
    callback = find_callback(app, "register-edit-message.children")
    response = call(
        client,
        callback,
        edit_values(code, due_on="1999-12-31", owner="", evidence="mail a.b@example.org"),
    )
    text = json.dumps(response_data(response))
    assert "Nothing was saved" in text
    assert "The date may not be before 2000-01-01." in text
    assert "Owner: " in text and "This is required." in text
    assert "Remove the email address or phone number" in text
    assert "register-edit-saved" not in response_data(response)
    assert state(database) == before


def form_values(form: str, **values) -> dict:
    answer = {f"register-{form}-save.n_clicks": 1}
    answer.update({f"{field_id(f'register-{form}', k)}.value": v for k, v in values.items()})
    return answer


FORMS = {
    "add": {
        "key_point": "reporting_channels",
        "text": "Third-party reporting centres in every area",
        "owner": "Head of Contact Management",
        "due_on": "2030-12-31",
        "status": "not_started",
        "evidence": "",
        "is_public": True,
    },
    "review": {
        "code": "C-01",
        "reviewed_on": date.today().isoformat(),
        "forum": "Valley LGBT+ Community Forum",
        "verdict": "not_yet",
        "comment": "Progress noted",
    },
    "target": {
        "kpi": "training_coverage",
        "target_value": "80",
        "direction": "at_least",
        "period_start": "2031-04-01",
        "period_end": "",
    },
    "edit": {"code": "C-01", "owner": "Deputy Chief Constable", "text": "x", "due_on": "2031-01-31",
             "status": "in_progress", "evidence": "", "is_public": True},
}  # fmt: skip


@pytest.mark.parametrize("role", [r for r in ROLES if r != "coordinator"])
@pytest.mark.parametrize("form", sorted(FORMS))
def test_save_refused_without_the_edit_permission(app, login_as, database, role, form):
    client = login_as(role)
    before = state(database)
    callback = find_callback(app, f"register-{form}-message.children")
    response = call(client, callback, form_values(form, **FORMS[form]))
    assert response.status_code in (200, 403)
    if response.status_code == 200:
        data = response_data(response)
        assert "Nothing was saved" in json.dumps(data[f"register-{form}-message"])
        assert f"register-{form}-saved" not in data
    assert state(database) == before
    database.expire_all()
    last = database.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last.action == "access_refused"


@pytest.mark.parametrize("form", ["add", "review", "target"])
def test_coordinator_saves_each_form(app, login_as, database, form):
    client = login_as("coordinator")
    before = state(database)
    callback = find_callback(app, f"register-{form}-message.children")
    data = response_data(call(client, callback, form_values(form, **FORMS[form])))
    assert data[f"register-{form}-saved"]["data"], data
    after = state(database)
    added = {"add": (1, 7, 0, 0), "review": (0, 1, 1, 0), "target": (0, 0, 0, 1)}[form]
    assert tuple(a - b for a, b in zip(after[0], before[0], strict=True)) == added


def test_coordinator_loads_a_commitment_into_the_form_but_others_cannot(app, login_as, database):
    private = next(code for code, (_t, public) in commitments(database).items() if not public)
    callback = find_callback(app, "register-edit-text.value")
    coordinator = response_data(
        call(login_as("coordinator"), callback, {"register-edit-code.value": private})
    )
    assert coordinator["register-edit-text"]["value"] == commitments(database)[private][0]
    other = app.server.test_client()
    login(other, "leadership")
    response = call(other, callback, {"register-edit-code.value": private})
    assert response.status_code == 204
    unknown = call(login_as("coordinator"), callback, {"register-edit-code.value": "X-99"})
    assert unknown.status_code == 204


@pytest.mark.parametrize("role", ROLES)
def test_register_page_opens_for_every_role(login_as, role):
    response = login_as(role).get("/register?key_point=accountability")
    assert response.status_code == 200


def test_coordinator_cannot_change_another_forces_commitment(app, login_as, database):
    other = Organisation(code="OTH-REG", name="Another force")
    database.add(other)
    database.flush()
    database.add(
        Commitment(
            organisation_id=other.id,
            code="C-99",
            key_point="accountability",
            text="Another force's commitment",
            owner="Chief Constable",
            due_on=date(2030, 1, 31),
            status="in_progress",
            is_public=True,
        )
    )
    database.commit()
    before = state(database)
    client = login_as("coordinator")
    for form in ("edit", "review"):
        callback = find_callback(app, f"register-{form}-message.children")
        values = form_values(form, **{**FORMS[form], "code": "C-99"})
        text = json.dumps(response_data(call(client, callback, values)))
        assert "No such commitment in your force." in text
    assert state(database) == before
    assert "Another force" not in register_response(app, client)
