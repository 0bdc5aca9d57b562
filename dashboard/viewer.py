"""Who is asking: role and organisation of the current request, from the session."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app, g
from flask_login import UserMixin, current_user
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from dashboard.extensions import db
from dashboard.policy import DISCLOSURE_CONTROLLED
from data_access.models import Organisation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Viewer:
    role: str
    organisation_id: int | None
    username: str | None = None

    @property
    def disclosure_controlled(self) -> bool:
        return self.role in DISCLOSURE_CONTROLLED

    @property
    def is_authenticated(self) -> bool:
        return self.username is not None


class LoginUser(UserMixin):
    """What Flask-Login keeps for a signed-in user."""

    def __init__(
        self, user_id: int, username: str, role: str, organisation_id: int, generation: int = 0
    ) -> None:
        self.id = user_id
        self.username = username
        self.role = role
        self.organisation_id = organisation_id
        self.generation = generation

    def get_id(self) -> str:
        """The session's login id: a bumped generation (sign-out, role or password change)
        makes every older session's id stale (Flask-Login's "alternative tokens")."""
        return f"{self.id}:{self.generation}"


def public_organisation_id() -> int | None:
    """The organisation anonymous visitors see (PUBLIC_ORG), looked up once per app."""
    cached = current_app.extensions.get("public_org_id")
    if cached is None:
        try:
            with db.session() as session:
                cached = session.scalar(
                    select(Organisation.id).where(
                        Organisation.code == current_app.config["PUBLIC_ORG"]
                    )
                )
        except SQLAlchemyError:
            logger.exception("cannot look up the public organisation")
            return None
        if cached is not None:
            current_app.extensions["public_org_id"] = cached
    return cached


def current_viewer() -> Viewer:
    """The viewer of this request; anonymous visitors are the `public` role."""
    if "viewer" not in g:
        if current_user.is_authenticated:
            g.viewer = Viewer(
                current_user.role, current_user.organisation_id, current_user.username
            )
        else:
            g.viewer = Viewer("public", public_organisation_id())
    return g.viewer
