"""Shared by the commitments register page tests: the private demo database copy, readers of
the database and of callback answers, and form values."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from data_access.models import (
    Commitment,
    CommitmentHistory,
    CommunityReview,
    Organisation,
    Target,
)
from pages.register.form_layout import field_id
from tests.conftest import app_config, copy_sqlite
from tests.dash_client import call, find_callback, response_data


def private_app(demo_url: str, directory: Path):
    """The app on a copy of the seeded demo database (so edits do not leak to other tests)."""
    from dashboard import create_app

    copy = directory / "demo.db"
    copy_sqlite(Path(demo_url.removeprefix("sqlite:///")), copy)
    dash_app = create_app(app_config(f"sqlite:///{copy}"))
    dash_app.server.test_client().get("/")
    dash_app.url = f"sqlite:///{copy}"
    return dash_app


def commitments(session) -> dict[str, tuple[str, bool]]:
    """Demo force's commitments: code → (text, public)."""
    org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
    rows = session.execute(
        select(Commitment.code, Commitment.text, Commitment.is_public).where(
            Commitment.organisation_id == org
        )
    )
    return {code: (text, public) for code, text, public in rows}


def state(session) -> tuple:
    """What any save could change: row counts, and every commitment's editable values."""
    session.expire_all()
    counts = tuple(
        session.scalar(select(func.count()).select_from(model))
        for model in (Commitment, CommitmentHistory, CommunityReview, Target)
    )
    values = session.execute(
        select(Commitment.code, Commitment.owner, Commitment.status, Commitment.revision)
    ).all()
    return counts, sorted(tuple(v) for v in values)


FILTERS = {"query": {"period": "12m"}, "search": "?period=12m"}


def register_response(app, client, filters=FILTERS) -> str:
    callback = find_callback(app, "register-table.children")
    response = call(client, callback, {"register-filters.data": filters})
    assert response.status_code == 200
    return json.dumps(response_data(response))


def grid_rows(text: str) -> list[dict]:
    return json.loads(text)["register-table"]["children"]["props"]["children"][1]["props"][
        "rowData"
    ]


def edit_values(code: str, **changes) -> dict:
    values = {
        "register-edit-save.n_clicks": 1,
        "register-edit-code.value": code,
        "register-edit-text.value": "Keep the liaison scheme running",
        "register-edit-owner.value": "Chief Constable",
        "register-edit-due-on.value": "2030-03-31",
        "register-edit-status.value": "in_progress",
        "register-edit-evidence.value": "",
        "register-edit-is-public.value": True,
    }
    values.update({f"{field_id('register-edit', k)}.value": v for k, v in changes.items()})
    return values


def form_values(form: str, **values) -> dict:
    answer = {f"register-{form}-save.n_clicks": 1}
    answer.update({f"{field_id(f'register-{form}', k)}.value": v for k, v in values.items()})
    return answer


FORMS = {
    "add": {
        "key_point": "reporting_channels",
        "text": "Third-party reporting centres in every area",
        "owner": "Head of Contact Management",
        "due_on": "2030-12-31",
        "status": "not_started",
        "evidence": "",
        "is_public": True,
    },
    "review": {
        "code": "C-01",
        "reviewed_on": date.today().isoformat(),
        "forum": "Valley LGBT+ Community Forum",
        "verdict": "not_yet",
        "comment": "Progress noted",
    },
    "target": {
        "kpi": "oic_contact_within_days",
        "target_value": "3",
        "period_start": "2031-04-01",
        "period_end": "",
    },
    "edit": {"code": "C-01", "owner": "Deputy Chief Constable", "text": "x", "due_on": "2031-01-31",
             "status": "in_progress", "evidence": "", "is_public": True},
}  # fmt: skip
