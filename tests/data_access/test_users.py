"""User accounts (data_access/users.py): creation rules and authentication."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from data_access import users
from data_access.db import make_engine
from data_access.models import Organisation, User

PASSWORD = "correct horse battery"


@pytest.fixture
def session(empty_url):
    engine = make_engine(empty_url)
    with Session(engine) as session:
        session.add_all(
            [Organisation(code="KNW", name="Known"), Organisation(code="OTH", name="Other")]
        )
        session.commit()
        yield session
        session.rollback()
    engine.dispose()


def test_create_user(session):
    user = users.create_user(session, "analyst.one", PASSWORD, "leadership", "KNW")
    session.commit()
    assert user.id is not None
    assert user.role == "leadership"
    assert user.is_active is True
    org = session.query(Organisation).filter_by(code="KNW").one()
    assert user.organisation_id == org.id
    assert user.password_hash != PASSWORD
    assert PASSWORD not in user.password_hash
    assert users.get_user(session, user.id) is user


@pytest.mark.parametrize("role", ["public", "superuser", "", "Admin"])
def test_create_user_bad_role(session, role):
    with pytest.raises(ValueError, match="role"):
        users.create_user(session, "someone", PASSWORD, role, "KNW")


@pytest.mark.parametrize("username", ["", "has space", "semi;colon", "a" * 81, "x@y"])
def test_create_user_bad_username(session, username):
    with pytest.raises(ValueError, match="username"):
        users.create_user(session, username, PASSWORD, "partner", "KNW")


def test_create_user_username_limits(session):
    assert users.create_user(session, "a" * 80, PASSWORD, "partner", "KNW").id
    assert users.create_user(session, "first.last_2", PASSWORD, "partner", "KNW").id


def test_create_user_short_password(session):
    with pytest.raises(ValueError, match="password"):
        users.create_user(session, "someone", "x" * 11, "network", "KNW")
    assert users.create_user(session, "someone", "x" * 12, "network", "KNW").id


def test_create_user_unknown_org(session):
    with pytest.raises(ValueError, match="organisation"):
        users.create_user(session, "someone", PASSWORD, "network", "NOPE")
    assert session.query(User).count() == 0


def test_create_user_refuses_a_taken_username_in_any_organisation(session):
    """Issue 8.1: creating never resets an existing user, here or in another organisation."""
    first = users.create_user(session, "Carol", PASSWORD, "network", "KNW")
    session.commit()
    with pytest.raises(users.UserError, match="taken") as refused:
        users.create_user(session, "carol", "a brand new password", "coordinator", "OTH")
    assert refused.value.code == "username_taken" and "KNW" not in str(refused.value)
    session.rollback()
    assert session.query(User).count() == 1
    assert first.role == "network"
    assert first.organisation_id == session.query(Organisation).filter_by(code="KNW").one().id
    assert users.authenticate(session, "carol", PASSWORD) is first
    assert users.authenticate(session, "carol", "a brand new password") is None


def _org_id(session, code):
    return session.query(Organisation).filter_by(code=code).one().id


def test_changes_are_limited_to_the_own_organisation(session):
    """Issue 8.1: role, status and password changes reach only the admin's organisation."""
    other = users.create_user(session, "olga", PASSWORD, "partner", "OTH")
    session.commit()
    knw = _org_id(session, "KNW")
    with pytest.raises(users.UserError, match="no user") as refused:
        users.set_password(session, knw, "olga", "a brand new password")
    assert refused.value.code == "no_such_user"
    with pytest.raises(users.UserError, match="no user"):
        users.update_user(session, knw, "OLGA", "coordinator", False)
    session.rollback()
    assert (other.role, other.is_active, other.session_generation) == ("partner", True, 0)
    assert users.authenticate(session, "olga", PASSWORD) is other


def test_set_password_and_changes_end_sessions(session):
    """Issue 8.2: a password reset, role change or deactivation bumps the session generation."""
    user = users.create_user(session, "gina", PASSWORD, "network", "KNW")
    knw = _org_id(session, "KNW")
    assert user.session_generation == 0
    users.set_password(session, knw, "Gina", "another long password")
    assert user.session_generation == 1
    assert users.authenticate(session, "gina", "another long password") is user
    assert users.update_user(session, knw, "gina", "leadership", None) == {
        "role": ("network", "leadership")
    }
    assert users.update_user(session, knw, "gina", None, False) == {"active": (True, False)}
    assert user.session_generation == 3
    assert users.update_user(session, knw, "gina", "leadership", False) == {}
    assert user.session_generation == 3
    with pytest.raises(users.UserError, match="password"):
        users.set_password(session, knw, "gina", "short")


def test_authenticate(session):
    created = users.create_user(session, "dave", PASSWORD, "admin", "KNW")
    session.commit()
    assert created.last_login_at is None
    user = users.authenticate(session, "dave", PASSWORD)
    assert user is created
    assert user.last_login_at is not None
    assert users.authenticate(session, "DAVE", PASSWORD) is created  # case-insensitive


def test_authenticate_wrong_password_or_unknown_user(session):
    users.create_user(session, "erin", PASSWORD, "partner", "KNW")
    session.commit()
    assert users.authenticate(session, "erin", PASSWORD + "!") is None
    assert users.authenticate(session, "erin", "") is None
    assert users.authenticate(session, "nobody", PASSWORD) is None


def test_authenticate_inactive_user(session):
    user = users.create_user(session, "frank", PASSWORD, "partner", "KNW")
    user.is_active = False
    session.commit()
    assert users.authenticate(session, "frank", PASSWORD) is None
    assert user.last_login_at is None
