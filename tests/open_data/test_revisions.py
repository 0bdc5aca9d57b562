"""The revisions log: each applied import with its date and what it changed, newest first;
imports that were rejected changed nothing and are not listed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.models import ImportBatch, Organisation


def _batch(org_id: int, when: datetime, kind: str, status: str, added: int, updated: int):
    return ImportBatch(
        organisation_id=org_id,
        kind=kind,
        filename=f"{kind}.csv",
        sha256=f"{kind}{when:%m%d}".ljust(64, "0"),
        status=status,
        rows_inserted=added,
        rows_updated=updated,
        rows_unchanged=3,
        created_at=when,
    )


def test_revisions_list_applied_imports_newest_first(empty_url):
    from dashboard import create_app
    from dashboard.open_data.revisions import revisions
    from tests.conftest import app_config

    engine = make_engine(empty_url)
    with Session(engine) as session:
        org = Organisation(code="REV", name="Revised force")
        other = Organisation(code="OTH", name="Other force")
        session.add_all([org, other])
        session.flush()
        session.add_all(
            [
                _batch(org.id, datetime(2026, 1, 5, tzinfo=UTC), "referrals", "applied", 40, 0),
                _batch(org.id, datetime(2026, 2, 9, tzinfo=UTC), "referrals", "applied", 12, 4),
                _batch(
                    org.id, datetime(2026, 2, 10, tzinfo=UTC), "channel_volume", "rejected", 0, 0
                ),
                _batch(other.id, datetime(2026, 3, 1, tzinfo=UTC), "referrals", "applied", 9, 9),
            ]
        )
        session.commit()
        org_id = org.id
    engine.dispose()
    app = create_app(app_config(empty_url, PUBLIC_ORG="REV"))
    with app.server.app_context():
        frame = revisions(org_id)
    assert frame.to_dict("records") == [
        {"published": "2026-02-09", "data": "referrals", "added": 12, "updated": 4, "unchanged": 3},
        {"published": "2026-01-05", "data": "referrals", "added": 40, "updated": 0, "unchanged": 3},
    ]
