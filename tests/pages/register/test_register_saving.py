"""Commitments register callbacks over HTTP: who may save edits, and what a save changes (on a
private demo copy)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from data_access import audit
from data_access.models import (
    AuditEvent,
    Commitment,
    CommitmentHistory,
    Organisation,
)
from data_access.vocab import ROLES
from tests.conftest import login
from tests.dash_client import call, find_callback, response_data
from tests.pages.register.helpers import (
    FORMS,
    commitments,
    edit_values,
    form_values,
    register_response,
    state,
)


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
