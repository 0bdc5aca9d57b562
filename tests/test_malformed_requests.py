"""Malformed or oversized callback requests: 400 or 413 with a plain message, never a 500 or a
traceback; 403 only for a well-formed request the policy refuses."""

from __future__ import annotations

import json

import pytest

from dashboard.access import key_for_output
from dashboard.policy import allowed
from tests.conftest import app_config, login
from tests.dash_client import call, find_callback, parse_outputs, request_body, server_callbacks


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def malformed_bodies(callback: dict) -> dict[str, tuple[str, bool]]:
    """name -> (raw JSON text, whether the shape alone is wrong before any access decision)."""
    body = request_body(callback)
    first = body["output"].lstrip(".").split("...")[0]
    wrong_prop = dict(body, output=body["output"].replace(first, first.rsplit(".", 1)[0] + ".nope"))
    too_few = dict(body, inputs=body["inputs"][:-1])
    extra = {"id": "x-extra", "property": "value", "value": 1}
    too_many = dict(body, inputs=[*body["inputs"], extra], state=[*body["state"], extra])
    nested = json.dumps(dict(body, inputs="@@")).replace('"@@"', _deep(5000))
    return {
        "array": (json.dumps([body]), True),
        "not json": ('{"output": "' + body["output"], True),
        "empty": ("", True),
        "scalar": ("42", True),
        "deeply nested": (nested, True),
        "inputs not a list": (json.dumps(dict(body, inputs={"id": 1})), True),
        "wrong output property": (json.dumps(wrong_prop), False),
        "too few values": (json.dumps(too_few), False),
        "too many values": (json.dumps(too_many), False),
    }


@pytest.mark.parametrize("role", ["admin", "network", "public"])
def test_malformed_callback_bodies_answer_400_never_500(app, role):
    """Issue 8.9: every callback, every malformed body: 400 (or 403 when refused), plain JSON."""
    client = app.server.test_client()
    if role != "public":
        assert login(client, role).status_code == 302
    checked = 0
    for callback in server_callbacks(app):
        ids = [o["id"] for o in parse_outputs(callback["output"])]
        key = key_for_output(ids[0] if isinstance(ids[0], str) else ids[0]["type"])
        for name, (text, shape_only) in malformed_bodies(callback).items():
            if name == "too few values" and not callback["inputs"]:
                continue
            response = client.post(
                "/_dash-update-component", data=text, content_type="application/json"
            )
            expected = 400 if shape_only or allowed(role, key) else 403
            assert response.status_code == expected, (role, callback["output"], name)
            answer = response.get_data(as_text=True)
            assert "Traceback" not in answer and response.is_json, (callback["output"], name)
            checked += 1
    assert checked >= len(server_callbacks(app)) * 8


def test_oversized_request_answers_413(demo_url):
    """Issue 8.9: MAX_REQUEST_MB caps every request body."""
    from dashboard import create_app

    small = create_app(app_config(demo_url, MAX_REQUEST_MB=1))
    client = small.server.test_client()
    padding = "x" * (1024 * 1024 + 10)
    response = client.post(
        "/_dash-update-component",
        data=json.dumps({"output": "overview-trend.children", "pad": padding}),
        content_type="application/json",
    )
    assert response.status_code == 413 and response.is_json
    assert client.post("/login", data={"username": padding}).status_code == 413


def test_a_failing_callback_answers_500_without_a_traceback(app, login_as, monkeypatch):
    """Issue 8.9: an unexpected error is logged; the answer is a generic message."""
    from data_access import users

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals /srv/app/db.py line 9")

    monkeypatch.setattr(users, "list_users", broken)
    client = login_as("admin")
    response = call(client, find_callback(app, "users-table.children"))
    assert response.status_code == 500 and response.is_json
    answer = response.get_data(as_text=True)
    assert "secret internals" not in answer and "Traceback" not in answer
