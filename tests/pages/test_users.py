"""Users page: admin adds a user, changes a role, deactivates; every change is audited."""

from __future__ import annotations

import json
import uuid

from dashboard.extensions import db
from data_access import audit
from tests.conftest import login
from tests.dash_client import call, find_callback, response_data


def save(app, client, username, role=None, active="keep", password=None):
    callback = find_callback(app, "users-message.children")
    return call(
        client,
        callback,
        {
            "users-save.n_clicks": 1,
            "users-username.value": username,
            "users-role.value": role,
            "users-active.value": active,
            "users-password.value": password,
        },
    )


def message(response) -> str:
    return json.dumps(response_data(response))


def test_admin_creates_changes_and_deactivates_a_user(app, login_as):
    client = login_as("admin")
    name = "u" + uuid.uuid4().hex[:8]
    assert "Saved changes" in message(
        save(app, client, name, "partner", password="a-long-password-1")
    )
    assert "Saved changes" in message(save(app, client, name, "network"))
    assert "Saved changes" in message(save(app, client, name, active="inactive"))
    other = app.server.test_client()
    assert login(other, name, "a-long-password-1").status_code == 200  # deactivated: refused
    with app.server.app_context(), db.session() as session:
        events = audit.list_events(session, None, action="user_change", limit=50)
        assert (events["target"] == f"user:{name}").sum() == 3
        assert audit.verify(session) is None


def test_bad_input_is_refused_and_changes_nothing(app, login_as):
    client = login_as("admin")
    assert "at least 12" in message(save(app, client, "shortpw", "partner", password="short"))
    assert "no such user" in message(save(app, client, "nobody-" + uuid.uuid4().hex[:6], "network"))
    assert "cannot change your own" in message(save(app, client, "admin", active="inactive"))


def test_other_roles_cannot_change_users(app, login_as):
    client = login_as("leadership")
    assert save(app, client, "partner", "admin").status_code == 403
