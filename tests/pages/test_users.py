"""Users page: admin creates users, changes role, status or password of users of the own
organisation only; every change is audited as what it was (issue 8.1, 8.2, 8.5, 8.10)."""

from __future__ import annotations

import json
import sys
import uuid

import dash
import pytest
from flask import g

from dashboard.extensions import db
from dashboard.viewer import Viewer
from data_access import audit
from data_access.models import Organisation, User
from tests.conftest import DEMO_PASSWORD, login
from tests.dash_client import call, find_callback, response_data

STRONG = "Tr4vel-lamp-orbit-87"


def create(app, client, username, role="partner", password=STRONG):
    return call(
        client,
        find_callback(app, "users-create-message.children"),
        {
            "users-create.n_clicks": 1,
            "users-new-username.value": username,
            "users-new-role.value": role,
            "users-new-password.value": password,
        },
    )


def change(app, client, username, role=None, active="keep", password=None):
    return call(
        client,
        find_callback(app, "users-change-message.children"),
        {
            "users-change.n_clicks": 1,
            "users-edit-username.value": username,
            "users-edit-role.value": role,
            "users-edit-active.value": active,
            "users-edit-password.value": password,
        },
    )


def message(response) -> str:
    return json.dumps(response_data(response))


def account(app, username: str) -> tuple[str, str, bool, int]:
    from data_access import users

    with app.server.app_context(), db.session() as session:
        user = session.query(User).filter_by(username=username).one()
        org = session.get(Organisation, user.organisation_id).code
        signs_in = users.authenticate(session, username, DEMO_PASSWORD) is not None
        return org, user.role, signs_in, user.is_active


def actions_for(app, username: str) -> list[str]:
    with app.server.app_context(), db.session() as session:
        events = audit.list_events(session, None, limit=200)
        assert audit.verify(session) is None
    return list(events[events["target"] == f"user:{username}"]["action"])[::-1]


def test_admin_creates_changes_resets_and_deactivates_a_user(app, login_as):
    client = login_as("admin")
    name = "u" + uuid.uuid4().hex[:8]
    assert f"Created {name}" in message(create(app, client, name, "partner"))
    assert "Saved changes" in message(change(app, client, name, "network"))
    assert "Saved changes" in message(change(app, client, name, password="Another-orbit-lamp-42"))
    other = app.server.test_client()
    assert login(other, name, "Another-orbit-lamp-42").status_code == 302
    assert "Saved changes" in message(change(app, client, name, active="inactive"))
    assert login(app.server.test_client(), name, "Another-orbit-lamp-42").status_code == 200
    assert actions_for(app, name) == [
        "user_created",
        "user_changed",
        "password_reset",
        "user_changed",
    ]


def test_creating_a_taken_username_of_another_organisation_changes_nothing(app, login_as):
    """Issue 8.1: DVP's admin cannot take over NSC's nsc_partner by "creating" it."""
    client = login_as("admin")
    before = account(app, "nsc_partner")
    answer = message(create(app, client, "nsc_partner", "coordinator"))
    assert "That username is taken." in answer and "NSC" not in answer
    assert account(app, "nsc_partner") == before == ("NSC", "partner", True, True)
    assert login(app.server.test_client(), "nsc_partner", STRONG).status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"role": "coordinator"},
        {"active": "inactive"},
        {"password": STRONG},
    ],
)
def test_changing_a_user_of_another_organisation_is_refused(app, login_as, fields):
    """Issue 8.1: a forged callback naming another organisation's user changes nothing."""
    client = login_as("admin")
    answer = message(change(app, client, "NSC_partner", **fields))
    assert "There is no user of that name in your organisation." in answer
    assert account(app, "nsc_partner") == ("NSC", "partner", True, True)


def test_page_callbacks_as_plain_functions_stay_in_the_organisation(app):
    """Issue 8.1: the callbacks themselves (not only the HTTP route) refuse other organisations."""
    page = next(p for p in dash.page_registry.values() if p["path"] == "/users")
    module = sys.modules[page["module"]]  # as Dash Pages imported it (importing again re-registers)
    create_user, change_user = module.create_user, module.change_user
    with app.server.test_request_context("/"), db.session() as session:
        dvp = session.query(Organisation).filter_by(code="DVP").one().id
        g.viewer = Viewer("admin", dvp, "admin")
        taken = json.dumps(create_user(1, "nsc_partner", "admin", STRONG).to_plotly_json())
        other = json.dumps(change_user(1, "nsc_partner", "admin", "keep", None).to_plotly_json())
    assert "That username is taken." in taken
    assert "There is no user of that name in your organisation." in other
    assert account(app, "nsc_partner") == ("NSC", "partner", True, True)


def test_changes_end_the_users_sessions(app, login_as):
    """Issue 8.2: deactivating, a role change or a password reset signs the user out."""
    admin = login_as("admin")
    name = "s" + uuid.uuid4().hex[:8]
    create(app, admin, name, "network")
    for fields in ({"role": "leadership"}, {"password": "Another-orbit-lamp-42"}):
        user = app.server.test_client()
        assert login(user, name, STRONG).status_code == 302
        assert user.get("/channels").status_code == 200
        assert "Saved changes" in message(change(app, admin, name, **fields))
        assert user.get("/channels").status_code == 302  # sent to sign in again


@pytest.mark.parametrize(
    ("password", "shown"),
    [
        (" " * 12, "Use at least 15 characters"),
        ("a" * 12, "Use at least 15 characters"),
        ("newbie3newbie3", "Use at least 15 characters"),
        ("newbie3newbie3newbie3", "repeats itself"),
        ("password12345678", "too common or easy to guess"),
    ],
)
def test_weak_passwords_are_refused_with_a_specific_message(app, login_as, password, shown):
    """Issue 8.5: the page applies the password policy to new users and resets alike."""
    client = login_as("admin")
    assert shown in message(create(app, client, "newbie3", "partner", password))
    assert shown in message(change(app, client, "partner", password=password))
    assert login(app.server.test_client(), "partner").status_code == 302


def test_a_password_naming_the_user_or_organisation_is_refused(app, login_as):
    client = login_as("admin")
    answer = message(create(app, client, "riverlamp", "partner", "riverlamp-orbit-87!"))
    assert "must not contain the username" in answer


def test_errors_are_sentences_not_codes(app, login_as):
    """Issue 8.10: translated sentences, not raw lower-case English from data_access."""
    client = login_as("admin")
    assert "Choose a role" in message(create(app, client, "nobody1", None))
    assert "Usernames are 1 to 80" in message(create(app, client, "has space", "partner"))
    assert "There is no user of that name" in message(change(app, client, "nobody-zz", "network"))
    assert "cannot change your own" in message(change(app, client, "admin", active="inactive"))
    assert "Nothing to change" in message(change(app, client, "partner"))


def test_other_roles_cannot_change_users(app, login_as):
    client = login_as("leadership")
    assert create(app, client, "partner", "admin").status_code == 403
    assert change(app, client, "partner", "admin").status_code == 403
