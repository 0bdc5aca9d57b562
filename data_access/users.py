"""User accounts: lookup, creation, changes within one organisation and password checks
(hashing with Werkzeug's scrypt)."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from data_access.models import Organisation, User
from data_access.vocab import ROLES

ASSIGNABLE_ROLES = tuple(role for role in ROLES if role != "public")
MIN_STORED_PASSWORD = 12  # floor for every stored password; the full policy: data_access.passwords

# A real hash of a random string, checked when the username is unknown so that a wrong
# username costs the same time as a wrong password (no account enumeration by timing).
_DUMMY_HASH = generate_password_hash("no-such-user-placeholder")

ENGLISH = {
    "bad_role": "role must be one of " + ", ".join(ASSIGNABLE_ROLES),
    "bad_username": "username must be 1-80 letters, digits, '.' or '_'",
    "short_password": f"password must be at least {MIN_STORED_PASSWORD} characters",
    "unknown_org": "no organisation with code {org!r}",
    "username_taken": "that username is taken",
    "no_such_user": "no user of that name in this organisation",
}


class UserError(ValueError):
    """A refused account change; `code` names the reason, `params` fill its message."""

    def __init__(self, code: str, **params: str) -> None:
        self.code = code
        self.params = params
        super().__init__(ENGLISH[code].format(**params))


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def _by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or None (same cost whether or not it exists)."""
    user = _by_name(session, username)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        return None
    user.last_login_at = datetime.now(UTC)
    return user


def _check_role(role: str | None) -> None:
    if role not in ASSIGNABLE_ROLES:
        raise UserError("bad_role")


def _check_password_floor(password: str) -> None:
    if len(password or "") < MIN_STORED_PASSWORD:
        raise UserError("short_password")


def organisation_by_code(session: Session, org_code: str) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.code == org_code))
    if org is None:
        raise UserError("unknown_org", org=org_code)
    return org


def create_user(session: Session, username: str, password: str, role: str, org_code: str) -> User:
    """Create a new user; never touches an existing one (UserError "username_taken")."""
    _check_role(role)
    if (
        not username
        or len(username) > 80
        or not username.replace("_", "").replace(".", "").isalnum()
    ):
        raise UserError("bad_username")
    _check_password_floor(password)
    org = organisation_by_code(session, org_code)
    if _by_name(session, username) is not None:
        raise UserError("username_taken")
    user = User(
        username=username,
        organisation_id=org.id,
        role=role,
        password_hash=generate_password_hash(password),
        is_active=True,
        session_generation=0,
    )
    session.add(user)
    session.flush()
    return user


def org_user(session: Session, org_id: int, username: str | None) -> User:
    """The user of this name in organisation `org_id` (UserError "no_such_user" otherwise)."""
    user = session.scalar(
        select(User).where(
            func.lower(User.username) == (username or "").strip().lower(),
            User.organisation_id == org_id,
        )
    )
    if user is None:
        raise UserError("no_such_user")
    return user


def end_sessions(user: User) -> None:
    """Invalidate every session of `user` (their login id carries the generation)."""
    user.session_generation = (user.session_generation or 0) + 1


def update_user(
    session: Session, org_id: int, username: str, role: str | None, active: bool | None
) -> dict[str, tuple]:
    """Change a user's role and/or active flag within one organisation; returns the changes.

    A change ends the user's sessions. Raises UserError (no such user here, bad role)."""
    user = org_user(session, org_id, username)
    changes: dict[str, tuple] = {}
    if role is not None and role != user.role:
        _check_role(role)
        changes["role"] = (user.role, role)
        user.role = role
    if active is not None and active != user.is_active:
        changes["active"] = (user.is_active, active)
        user.is_active = active
    if changes:
        end_sessions(user)
    return changes


def set_password(session: Session, org_id: int, username: str, password: str) -> User:
    """Reset the password of a user of organisation `org_id`; ends their sessions."""
    user = org_user(session, org_id, username)
    _check_password_floor(password)
    user.password_hash = generate_password_hash(password)
    end_sessions(user)
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
