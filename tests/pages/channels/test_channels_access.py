"""Reporting channels: malformed filter stores and the access policy of the page and callbacks."""

from __future__ import annotations

import pytest

from tests.dash_client import call, find_callback
from tests.pages.channels.helpers import (
    SECTIONS,
    store,
)


@pytest.mark.parametrize(
    "bad", [{"query": {"period": "x" * 999, "channel": "<b>"}}, {"query": "x"}, "string", None]
)
def test_malformed_filters_fall_back_to_defaults(app, login_as, bad):
    client = login_as("partner")
    for name in SECTIONS:
        response = call(
            client, find_callback(app, f"channels-{name}.children"), {"channels-filters.data": bad}
        )
        assert response.status_code in (200, 204)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("partner", 200),
        ("network", 200),
        ("leadership", 200),
        ("coordinator", 200),
        ("admin", 403),
        ("public", 302),
    ],
)
def test_page_and_callbacks_follow_the_policy(app, login_as, role, status):
    client = login_as(role)
    assert client.get("/channels").status_code == status
    response = call(
        client, find_callback(app, "channels-volumes.children"), {"channels-filters.data": store()}
    )
    assert (response.status_code == 403) == (status != 200)
