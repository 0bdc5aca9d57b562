"""Access control from the one policy table: pages, callbacks and direct requests, per role."""

from __future__ import annotations

import json

import dash
import pytest

from dashboard.access import key_for_output
from dashboard.policy import POLICY, allowed
from data_access.vocab import ROLES
from tests.conftest import OUTPUT, login
from tests.dash_client import call, find_callback, parse_outputs, server_callbacks

PAGES = {
    "/": "overview",
    "/accountability": "accountability",
    "/channels": "channels",
    "/commitments": "commitments",
    "/register": "register",
    "/workload": "workload",
    "/audit": "audit",
    "/methodology": "methodology",
    "/users": "users",
    "/import": "data_import",
    "/import/history": "import_history",
    "/training": "training",
    "/engagement": "engagement",
    "/report": "report",
    "/scrutiny": "scrutiny",
    "/data": "data",
    "/public": "public",
    "/how-to-report": "how_to_report",
}


def test_every_callback_is_covered_by_the_policy(app):
    """Each registered callback's outputs map to exactly one policy key (deny by default)."""
    uncovered = []
    for callback in app._callback_list:
        keys = {
            key_for_output(o["id"] if isinstance(o["id"], str) else o["id"].get("type", ""))
            for o in parse_outputs(callback["output"])
        }
        if None in keys or len(keys) != 1 or not keys <= set(POLICY):
            uncovered.append(callback["output"])
    assert app._callback_list, "no callbacks registered"
    assert uncovered == []


def test_every_page_is_in_the_policy():
    for page in dash.page_registry.values():
        assert page["policy_key"] in POLICY
        assert page["roles"] == POLICY[page["policy_key"]]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_access_by_role(login_as, path, role):
    client = login_as(role)
    response = client.get(path)
    if path == "/" and role == "public":  # anonymous visitors land on the public summary
        assert response.status_code == 302 and response.headers["Location"] == "/public"
    elif allowed(role, PAGES[path]):
        assert response.status_code == 200
    elif role == "public":
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    else:
        assert response.status_code == 403


def test_callbacks_allowed_or_refused_as_policy_says(app):
    """Every server callback × every role (anonymous included), by direct HTTP requests."""
    pairs = refused = 0
    for role in ROLES:
        client = app.server.test_client()
        if role != "public":
            assert login(client, role).status_code == 302
        for callback in server_callbacks(app):
            ids = [o["id"] for o in parse_outputs(callback["output"])]
            key = key_for_output(ids[0] if isinstance(ids[0], str) else ids[0]["type"])
            response = call(client, callback)
            if allowed(role, key):
                assert response.status_code != 403, (role, callback["output"])
            else:
                assert response.status_code == 403, (role, callback["output"])
                refused += 1
            pairs += 1
    summary = f"access walk: {pairs} (callback x role) pairs checked, {refused} refused"
    print(summary)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "access-walk.txt").write_text(summary + "\n")
    assert pairs >= len(ROLES) * 5


def test_anonymous_html_carries_no_restricted_page(client):
    """The index and the layout anonymous visitors get hold no restricted page or its data."""
    index = client.get("/public").get_data(as_text=True)
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "validation_layout" not in index
    restricted = [key for key, roles in POLICY.items() if "public" not in roles]
    for key in restricted:
        assert f'"{key}-' not in index and f'"{key}-' not in layout, key
    for page in dash.page_registry.values():
        if "public" not in page["roles"]:
            assert page["path"] not in layout.replace('"/"', ""), page["path"]


def test_unknown_output_is_refused(client):
    body = {
        "output": "secret-thing.children",
        "outputs": {"id": "secret-thing", "property": "children"},
        "inputs": [],
        "changedPropIds": [],
    }
    assert client.post("/_dash-update-component", json=body).status_code == 403


def test_callback_without_json_is_refused(client):
    response = client.post("/_dash-update-component", data="output=overview-trend.children")
    assert response.status_code == 415


def test_unknown_page_is_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    [
        "?period=banana",
        "?period=1999&area=ZZ&strand=%00",
        "?area[]=x&period=",
        "?strand=../../etc",
        "?period=12m&period=36m",
        "?period=" + "9" * 5000,
    ],
)
def test_malformed_filters_never_500(login_as, query):
    client = login_as("leadership")
    assert client.get("/" + query).status_code == 200


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_unreachable_database(tmp_path):
    from dashboard import create_app
    from tests.conftest import app_config

    broken = create_app(app_config("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    response = broken.server.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_dispatch_key_cannot_be_smuggled_past_the_check(login_as):
    """Dash runs the callback named by "output"; a harmless "outputs" must not hide it."""
    client = login_as("network")
    body = {
        "output": "..audit-events.children...audit-chain.children..",
        "outputs": [{"id": "overview-trend", "property": "children"}],
        "inputs": [
            {"id": "audit-action", "property": "value", "value": None},
            {"id": "audit-username", "property": "value", "value": None},
        ],
        "changedPropIds": [],
    }
    assert client.post("/_dash-update-component", json=body).status_code == 403


ROUTES = {
    "/static/<path:filename>",
    "/login",
    "/logout",
    "/healthz",
    "/api/v1/datasets",
    "/api/v1/datasets/<name>.<fmt>",
    "/api/v1/<path:rest>",
    "/assets/<path:filename>",
    "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>",
    "/_dash-layout",
    "/_dash-dependencies",
    "/_dash-update-component",
    "/_reload-hash",
    "/_favicon.ico",
    "/",
    "/<path:path>",
    "/report.pdf",
}


def test_every_route_is_known(app):
    """A new route (download, API) must be added here and given a policy check."""
    assert {rule.rule for rule in app.server.url_map.iter_rules()} == ROUTES


@pytest.mark.parametrize("signed_in", [True, False])
def test_access_message_renders(app, signed_in):
    from dashboard.access import access_message

    with app.server.test_request_context("/"):
        assert "alert" in access_message(signed_in).className


def test_empty_state_renders():
    from components.chart_table import create_empty_state

    assert create_empty_state("Nothing here").role == "status"


@pytest.mark.parametrize(
    ("role", "path", "shown"),
    [
        ("network", "/audit", "You do not have access"),
        ("public", "/workload", "needs you to sign in"),
        ("admin", "/audit", "audit-events"),
    ],
)
def test_in_app_navigation_renders_only_allowed_layouts(app, login_as, role, path, shown):
    """Dash's page router (a callback) returns the guarded layout, never a restricted one."""

    from tests.dash_client import find_callback

    client = login_as(role)
    router = find_callback(app, "_pages_content.children")
    response = call(
        client, router, {"_pages_location.pathname": path, "_pages_location.search": ""}
    )
    assert response.status_code == 200
    assert shown in json.dumps(response.get_json())


def test_methodology_states_the_configured_threshold(demo_url):
    """The published rules follow SUPPRESSION_THRESHOLD (one source: the methodology page)."""
    from dashboard import create_app
    from tests.conftest import app_config

    strict = create_app(app_config(demo_url, SUPPRESSION_THRESHOLD=10))
    client = strict.server.test_client()
    client.get("/")
    router = find_callback(strict, "_pages_content.children")
    response = call(
        client, router, {"_pages_location.pathname": "/methodology", "_pages_location.search": ""}
    )
    assert "Counts from 1 to 9 are not shown" in response.get_data(as_text=True)
