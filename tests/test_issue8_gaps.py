"""Issue 8 audit: regression tests for parts of items 2, 9, 10, 13 and 14 that no other test
asserted (deactivation ending an open session, the default body limit, translated /users
errors, the strand following the reader, CSV headers on the newer pages)."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.conftest import login
from tests.dash_client import call, find_callback, response_data
from tests.pages import test_downloads as downloads
from tests.pages.test_users import STRONG, change, create, message


def test_deactivating_a_user_ends_their_open_session(app, login_as):
    """Issue 8.2: a session already open when the admin deactivates the user ends too."""
    admin = login_as("admin")
    name = "d" + uuid.uuid4().hex[:8]
    assert f"Created {name}" in message(create(app, admin, name, "network"))
    user = app.server.test_client()
    assert login(user, name, STRONG).status_code == 302
    assert user.get("/channels").status_code == 200
    assert "Saved changes" in message(change(app, admin, name, active="inactive"))
    response = user.get("/channels")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_default_body_limit_refuses_a_20_mb_callback(app):
    """Issue 8.9: MAX_CONTENT_LENGTH is set without any setting; 20 MB answers 413, as JSON."""
    assert app.server.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    client = app.server.test_client()
    assert login(client, "network").status_code == 302
    body = json.dumps({"output": "overview-trend.children", "pad": "x" * (20 * 1024 * 1024)})
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 413 and response.is_json
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "taken", "other"),
    [
        (
            "es",
            "Ese nombre de usuario ya existe.",
            "No hay ningún usuario con ese nombre en su organización.",
        ),
        (
            "cy",
            "Mae'r enw defnyddiwr hwnnw eisoes yn cael ei ddefnyddio.",
            "Nid oes defnyddiwr o'r enw hwnnw yn eich sefydliad.",
        ),
    ],
)
def test_users_page_errors_are_translated(app, lang, taken, other):
    """Issue 8.10: /users refusals arrive in the reader's language, not raw English."""
    client = app.server.test_client()
    assert login(client, "admin").status_code == 302
    client.set_cookie("lang", lang)
    refused = json.dumps(response_data(create(app, client, "nsc_partner", "coordinator")),
                         ensure_ascii=False)  # fmt: skip
    assert taken in refused
    assert "username is taken" not in refused.lower()
    missing = json.dumps(response_data(change(app, client, "nsc_partner", "coordinator")),
                         ensure_ascii=False)  # fmt: skip
    assert other in missing
    assert "no user of that name" not in missing.lower()


def _router(app, client, path: str) -> str:
    response = call(
        client,
        find_callback(app, "_pages_content.children"),
        {"_pages_location.pathname": path, "_pages_location.search": ""},
    )
    assert response.status_code == 200
    return json.dumps(response.get_json())


def _value_of(layout: str, component_id: str):
    """The `value` of the component with `component_id` in a serialised layout."""

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props")
            if isinstance(props, dict) and props.get("id") == component_id:
                return props.get("value", None), True
            for value in node.values():
                found = walk(value)
                if found[1]:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = walk(value)
                if found[1]:
                    return found
        return None, False

    value, seen = walk(json.loads(layout))
    assert seen, component_id
    return value


def test_period_area_and_strand_follow_the_reader_to_the_next_page(app, login_as):
    """Issue 8.13: the strand (as well as period and area) carries from page to page."""
    client = login_as("leadership")
    sync = find_callback(app, "overview-filters.data")
    answer = call(
        client,
        sync,
        {
            "overview-period.value": "24m",
            "overview-area.value": None,
            "overview-strand.value": "transphobic",
        },  # fmt: skip
    )
    assert answer.status_code == 200
    assert response_data(answer)["overview-filters"]["data"]["query"]["strand"] == "transphobic"
    layout = _router(app, client, "/workload")
    assert _value_of(layout, "workload-strand") == "transphobic"
    assert _value_of(layout, "workload-period") == "24m"
    other = app.server.test_client()
    assert login(other, "leadership").status_code == 302
    assert _value_of(_router(app, other, "/workload"), "workload-strand") in (None, "")


@pytest.mark.parametrize(
    "page",
    [
        "engagement",
        "training",
    ],
)
def test_newer_pages_downloads_carry_the_tables_headers(app, login_as, page):
    """Issue 8.14 on the pages test_downloads.py does not list: same check, same pattern."""
    downloads.test_each_download_has_the_tables_headers_and_one_name_pattern(app, login_as, page)
