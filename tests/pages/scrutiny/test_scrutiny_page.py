"""Scrutiny panel page: the coordinator draws (once), exports log numbers and records a finding
that raises an action; leadership reads but may not draw; the network is refused."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from dashboard.filters import quarter_choices
from data_access.models import Referral
from tests.conftest import session_on
from tests.dash_client import call, find_callback, grid_rows, request_body, response_data

QUARTER = quarter_choices(date.today())[2]


def draw(client, app, seed=5, size=12, clicks=1):
    values = {"scrutiny-draw.n_clicks": clicks, "scrutiny-quarter.value": QUARTER,
              "scrutiny-size.value": size, "scrutiny-seed.value": seed}  # fmt: skip
    response = call(client, find_callback(app, "scrutiny-draw-message.children"), values)
    assert response.status_code == 200
    return json.dumps(response_data(response)["scrutiny-draw-message"])


def cases(client, app) -> tuple[list[dict], list[dict]]:
    response = call(client, find_callback(app, "scrutiny-cases.children"),
                    {"scrutiny-quarter.value": QUARTER})  # fmt: skip
    choices = call(client, find_callback(app, "scrutiny-case.options"),
                   {"scrutiny-quarter.value": QUARTER})  # fmt: skip
    rows = grid_rows(response_data(response), "scrutiny-cases", "scrutiny-cases-table")
    return rows, response_data(choices)["scrutiny-case"]["options"]


def test_the_coordinator_draws_once_exports_and_records(app, login_as, demo_url):
    client = login_as("coordinator")
    assert "seed 5" in draw(client, app)
    assert "already been drawn" in draw(client, app, clicks=2)
    rows, options = cases(client, app)
    assert 1 <= len(rows) <= 12 and len(options) == len(rows)
    logs = [row["log_number"] for row in rows]
    with session_on(demo_url) as session:
        internal = set(session.scalars(select(Referral.log_number).where(Referral.internal_case)))
    assert not set(logs) & internal
    callback = find_callback(app, "scrutiny-logs-download.data")
    body = request_body(callback, {"scrutiny-logs-button.n_clicks": 1,
                                   "scrutiny-quarter.value": QUARTER})  # fmt: skip
    download = response_data(client.post("/_dash-update-component", json=body))[
        "scrutiny-logs-download"]["data"]  # fmt: skip
    content = download["content"]
    assert download["filename"] == f"scrutiny-log-numbers-{QUARTER}.csv"
    assert content.splitlines()[0] == "Log number,Strand"
    assert sorted(line.split(",")[0] for line in content.splitlines()[1:]) == sorted(logs)
    saved = call(client, find_callback(app, "scrutiny-save-message.children"), {
        "scrutiny-save.n_clicks": 1, "scrutiny-case.value": options[0]["value"],
        "scrutiny-finding.value": "improvement_needed", "scrutiny-theme.value": "victim updates",
        "scrutiny-raise.value": True})  # fmt: skip
    assert "action A-" in json.dumps(response_data(saved)["scrutiny-save-message"])
    rows, _options = cases(client, app)
    first = next(row for row in rows if row["log_number"] == options[0]["label"])
    assert first["finding"] == "Improvement needed" and first["action"].startswith("A-")


def test_leadership_reads_but_may_not_draw(app, login_as):
    client = login_as("leadership")
    assert "may not change" in draw(client, app, seed=9)
    response = call(client, find_callback(app, "scrutiny-cases.children"),
                    {"scrutiny-quarter.value": quarter_choices(date.today())[3]})  # fmt: skip
    assert "No sample drawn" in response.get_data(as_text=True)


def test_network_is_refused(app, login_as):
    client = login_as("network")
    response = call(client, find_callback(app, "scrutiny-cases.children"),
                    {"scrutiny-quarter.value": QUARTER})  # fmt: skip
    assert response.status_code == 403
