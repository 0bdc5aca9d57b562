"""Organisations: creation, lookup by code and the per-organisation data version."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from data_access.models import Organisation

_CODE = re.compile(r"[A-Z][A-Z0-9_-]{1,31}")


def create_organisation(session: Session, code: str, name: str, kind: str = "force") -> int:
    """Add an organisation (no areas, officers or records); ValueError naming the problem."""
    code = (code or "").strip()
    if not _CODE.fullmatch(code):
        raise ValueError(
            f"organisation code {code!r} must be 2-32 capital letters, digits, '-' or '_', "
            "starting with a letter"
        )
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise ValueError("organisation name must be 1-200 characters")
    clash = session.scalar(
        select(Organisation.code).where(func.upper(Organisation.code) == code.upper())
    )
    if clash is not None:
        raise ValueError(f"an organisation with code {clash!r} already exists")
    org = Organisation(code=code, name=name, kind=kind, data_version=0)
    session.add(org)
    session.flush()
    return org.id


def org_id_for_code(session: Session, code: str) -> int:
    """The id of the organisation `code`; ValueError when there is none."""
    org_id = session.scalar(select(Organisation.id).where(Organisation.code == code))
    if org_id is None:
        raise ValueError(f"no organisation with code {code!r}")
    return org_id


def data_version(session: Session, org_id: int) -> int:
    """The organisation's data version: it changes whenever its records change."""
    return int(
        session.scalar(select(Organisation.data_version).where(Organisation.id == org_id)) or 0
    )


def bump_data_version(session: Session, org_id: int) -> int:
    """Mark the organisation's records as changed (in the caller's transaction); the new
    version. Every import and every register or form write calls this."""
    session.execute(
        update(Organisation)
        .where(Organisation.id == org_id)
        .values(data_version=Organisation.data_version + 1)
        .execution_options(synchronize_session=False)
    )
    return data_version(session, org_id)
