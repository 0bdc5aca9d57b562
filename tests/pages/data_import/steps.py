"""The import page's steps as the browser sends them: upload, preview, confirm; and reading
the database back."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from tests.dash_client import call, find_callback, request_body, response_data
from tests.pages.data_import.helpers import data_url, end_id, run_background

P = "data_import"


def count(url: str, model, **where) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        stmt = select(func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        found = session.scalar(stmt)
    engine.dispose()
    return found


def text_of(node) -> str:
    return json.dumps(node)


def upload(client, app, text: str, filename: str = "referrals.csv") -> dict:
    checked = {"contents": data_url(text.encode("utf-8")), "filename": filename}
    answer = call(client, find_callback(app, f"{P}-file.data"),
                  {f"{P}-upload-checked.data": checked})  # fmt: skip
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return response_data(answer)


def preview(client, app, file: dict, kind: str | None = "referrals", mapping=None) -> dict:
    values = {f"{P}-file.data": file, f"{P}-kind.value": kind, f"{P}-mapping.data": mapping,
              f"{P}-sheet.value": None, f"{P}-sheet-area.hidden": True}  # fmt: skip
    answer = call(client, find_callback(app, f"{P}-preview.children"), values)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return response_data(answer)


def call_triggered(client, callback: dict, values: dict, trigger: str):
    """A callback request as when only `trigger` changed (ctx.triggered_id is its id)."""
    body = request_body(callback, values)
    body["changedPropIds"] = [trigger]
    return client.post("/_dash-update-component", json=body)


def confirm(client, app, ticket: str):
    values = {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket}
    return run_background(client, app, f"{P}-result.children@", values, end_id(client))
