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


def test_create_user_resets_an_existing_user(session):
    first = users.create_user(session, "Carol", PASSWORD, "network", "KNW")
    first.is_active = False
    session.commit()
    again = users.create_user(session, "carol", "a brand new password", "coordinator", "OTH")
    session.commit()
    assert again.id == first.id
    assert session.query(User).count() == 1
    assert again.role == "coordinator"
    assert again.is_active is True
    assert again.organisation_id == session.query(Organisation).filter_by(code="OTH").one().id
    assert users.authenticate(session, "carol", PASSWORD) is None
    assert users.authenticate(session, "carol", "a brand new password") is again


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
