"""User accounts: lookup, creation and password checks (hashing with Werkzeug's scrypt)."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from data_access.models import Organisation, User
from data_access.vocab import ROLES

# A real hash of a random string, checked when the username is unknown so that a wrong
# username costs the same time as a wrong password (no account enumeration by timing).
_DUMMY_HASH = generate_password_hash("no-such-user-placeholder")


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same cost whether or not it exists)."""
    user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        return None
    user.last_login_at = datetime.now(UTC)
    return user


def create_user(session: Session, username: str, password: str, role: str, org_code: str) -> User:
    """Create (or reset) a user; raises ValueError with a one-line reason on bad input."""
    if role not in ROLES or role == "public":
        raise ValueError(f"role must be one of {', '.join(r for r in ROLES if r != 'public')}")
    if (
        not username
        or len(username) > 80
        or not username.replace("_", "").replace(".", "").isalnum()
    ):
        raise ValueError("username must be 1-80 letters, digits, '.' or '_'")
    if len(password) < 12:
        raise ValueError("password must be at least 12 characters")
    org = session.scalar(select(Organisation).where(Organisation.code == org_code))
    if org is None:
        raise ValueError(f"no organisation with code {org_code!r}")
    user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        user = User(username=username)
        session.add(user)
    user.organisation_id = org.id
    user.role = role
    user.password_hash = generate_password_hash(password)
    user.is_active = True
    session.flush()
    return user


def list_users(session: Session, org_id: int) -> pd.DataFrame:
    """Users of an organisation: columns username, role, active, created_at, last_login_at."""
    stmt = (
        select(User.username, User.role, User.is_active, User.created_at, User.last_login_at)
        .where(User.organisation_id == org_id)
        .order_by(User.username)
    )
    rows = session.execute(stmt).all()
    return pd.DataFrame(
        [tuple(r) for r in rows],
        columns=["username", "role", "active", "created_at", "last_login_at"],
    )


def update_user(
    session: Session, org_id: int, username: str, role: str | None, active: bool | None
) -> dict[str, tuple]:
    """Change a user's role and/or active flag within one organisation; returns the changes.

    Raises ValueError with a one-line reason (unknown user in this organisation, bad role)."""
    user = session.scalar(
        select(User).where(
            func.lower(User.username) == (username or "").lower(), User.organisation_id == org_id
        )
    )
    if user is None:
        raise ValueError("no such user in your organisation")
    changes: dict[str, tuple] = {}
    if role is not None and role != user.role:
        if role not in ROLES or role == "public":
            raise ValueError("unknown role")
        changes["role"] = (user.role, role)
        user.role = role
    if active is not None and active != user.is_active:
        changes["active"] = (user.is_active, active)
        user.is_active = active
    return changes
