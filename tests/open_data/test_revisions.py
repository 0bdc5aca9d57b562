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
        {"published": "2026-02-09", "data": "referrals", "added": 12, "updated": 4, "unchanged": 3,
         "changes": ""},
        {"published": "2026-01-05", "data": "referrals", "added": 40, "updated": 0, "unchanged": 3,
         "changes": ""},
    ]  # fmt: skip


def test_revisions_say_which_fields_were_corrected_without_values(tmp_path):
    """An import, then a corrected file: 6 records change channel, 2 the date it occurred.
    Coordinators see the exact counts; the public sees counts under the threshold as [c]."""
    import json
    from datetime import date, timedelta

    from dashboard.open_data.revisions import revisions
    from data_access.organisations import org_id_for_code
    from tests.dash_client import find_callback, request_body
    from tests.pages.data_import.helpers import (
        AREAS_CSV,
        FORCE,
        engine_import,
        force_app,
        new_force,
        referrals_csv,
    )

    url, drop = new_force("sqlite", tmp_path)
    day = date.today() - timedelta(days=40)
    early = day - timedelta(days=3)

    def rows(changed: bool) -> str:
        out = []
        for n in range(1, 13):
            channel = "101" if changed and n <= 6 else "online"
            occurred = early if changed and n in (7, 8) else day
            out.append(f"R{n:03d},N,homophobic,crime,{channel},{occurred},{day}")
        return referrals_csv(*out)

    assert engine_import(url, "areas", AREAS_CSV) == "applied"
    assert engine_import(url, "referrals", rows(False)) == "applied"
    assert engine_import(url, "referrals", rows(True)) == "applied"
    app = force_app(url, PUBLIC_ORG=FORCE)
    try:
        with app.server.test_request_context("/"):
            from dashboard.extensions import db

            with db.session() as session:
                org = org_id_for_code(session, FORCE)
            exact = revisions(org).to_dict("records")
            public = revisions(org, 5).to_dict("records")
        assert exact[0] == {"published": exact[0]["published"], "data": "referrals", "added": 0,
                            "updated": 8, "unchanged": 4,
                            "changes": "channel ×6, occurred on ×2"}  # fmt: skip
        assert exact[1]["added"] == 12 and exact[1]["changes"] == ""
        assert public[0]["changes"] == "channel ×6, occurred on ×[c]"
        assert public[0]["updated"] == 8 and public[0]["unchanged"] is None  # 4: hidden
        assert exact[2]["data"] == "areas" and exact[2]["added"] == 2
        assert public[2]["added"] == 2  # areas are not people: shown as they are
        # The anonymous visitor's /data page shows the hidden form and no value.
        callback = find_callback(app, "data-revisions.children")
        body = request_body(callback, {"data-ready.data": True})
        shown = app.server.test_client().post("/_dash-update-component", json=body)
        text = json.dumps(shown.get_json()["response"]["data-revisions"])
        assert "occurred on \\u00d7[c]" in text and "channel \\u00d76" in text
        assert "online" not in text and early.isoformat() not in text
    finally:
        drop()
