"""Community engagement page: sections over HTTP, the coordinator's forms (field errors and
nothing saved; saved and audited; double submit refused), other roles refused."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import func, select

from data_access.models import AuditEvent, CommunityEvent
from tests.conftest import session_on
from tests.dash_client import call, find_callback, grid_rows, response_data, server_callbacks

FILTERS = "engagement-filters.data"
STORE = {"query": {"period": "12m"}, "search": "?period=12m"}
FIELDS = ("held-on", "area", "event-type", "title", "partners", "attendance", "police-attending",
          "senior-officer-present", "lo-present", "themes")  # fmt: skip


def save_event(client, app, values: dict, code=None, clicks=1):
    callback = find_callback(app, "engagement-event-message.children")
    inputs = {f"engagement-event-{name}.value": values.get(name) for name in FIELDS}
    inputs.update({"engagement-event-save.n_clicks": clicks, "engagement-event-code.value": code})
    response = call(client, callback, inputs)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response_data(response)


def events(demo_url) -> int:
    with session_on(demo_url) as session:
        return session.scalar(select(func.count()).select_from(CommunityEvent))


def test_sections_fill_for_network(app, login_as):
    client = login_as("network")
    response = call(client, find_callback(app, "engagement-months.children"), {FILTERS: STORE})
    assert response.status_code == 200
    data = response_data(response)
    for name in ("months", "areas", "partners", "themes"):
        assert grid_rows(data, f"engagement-{name}", f"engagement-{name}-table"), name
    themes = grid_rows(data, "engagement-themes", "engagement-themes-table")
    assert any(row["actions"] for row in themes)
    areas = grid_rows(data, "engagement-areas", "engagement-areas-table")
    total = sum(row["events"] for row in areas)
    assert total > 10 and f'"{total:,}"' in json.dumps(data["engagement-events-card"])


def test_invalid_event_shows_field_errors_and_saves_nothing(app, login_as, demo_url):
    client = login_as("coordinator")
    before = events(demo_url)
    data = save_event(client, app, {"held-on": "2099-01-01", "title": "", "police-attending": "x",
                                    "event-type": "forum"})  # fmt: skip
    text = json.dumps(data["engagement-event-message"])
    assert "Nothing was saved" in text
    for words in ("Date held", "Title", "Police officers and staff attending"):
        assert words in text
    assert events(demo_url) == before


def test_coordinator_records_an_event_once_and_it_is_audited(app, login_as, demo_url):
    client = login_as("coordinator")
    before = events(demo_url)
    held = (date.today() - timedelta(days=3)).isoformat()
    values = {"held-on": held, "event-type": "surgery", "title": "Drop-in at the library",
              "police-attending": "1", "lo-present": True, "themes": "reporting"}  # fmt: skip
    data = save_event(client, app, values)
    assert "recorded" in json.dumps(data["engagement-event-message"])
    code = data["engagement-event-code"]["value"]
    assert code.startswith("EV-") and events(demo_url) == before + 1
    again = save_event(client, app, values, clicks=2)  # a second click before the form reloads
    assert "already recorded" in json.dumps(again["engagement-event-message"])
    assert events(demo_url) == before + 1
    with session_on(demo_url) as session:
        target = f"community_event:{code}"
        assert session.scalar(select(func.count()).where(AuditEvent.target == target)) == 1


def test_network_may_not_save(app, login_as, demo_url):
    client = login_as("network")
    before = events(demo_url)
    data = save_event(client, app, {"held-on": "2026-01-05", "event-type": "forum",
                                    "title": "Forum", "police-attending": "2"})  # fmt: skip
    assert "may not change" in json.dumps(data["engagement-event-message"])
    assert events(demo_url) == before
    choices = [
        cb for cb in server_callbacks(app) if cb["output"] == "engagement-event-code.options"
    ]
    options = call(client, choices[0], {FILTERS: STORE})
    assert response_data(options)["engagement-event-code"]["options"] == []


def test_public_and_partner_are_refused(app, login_as):
    for role in ("public", "partner"):
        client = login_as(role)
        response = call(client, find_callback(app, "engagement-months.children"),
                        {FILTERS: STORE})  # fmt: skip
        assert response.status_code == 403, role
