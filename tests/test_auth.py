"""Login, logout, generic errors, CSRF and safe redirects."""

from __future__ import annotations

import pytest

from dashboard.auth import safe_next
from tests.conftest import csrf_token, login

GENERIC = "Those details were not recognised"


def test_login_and_logout(client):
    response = login(client, "leadership")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "leadership" in layout
    response = client.post("/logout", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302
    assert "leadership" not in client.get("/_dash-layout").get_data(as_text=True)


def test_wrong_password_and_unknown_user_get_the_same_generic_message(client):
    wrong = login(client, "leadership", "not-the-password")
    unknown = login(client, "nobody-here", "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    assert GENERIC in wrong.get_data(as_text=True)
    assert GENERIC in unknown.get_data(as_text=True)


def test_login_without_csrf_token_is_refused(client):
    response = client.post("/login", data={"username": "leadership", "password": "demo-password"})
    assert response.status_code == 400


def test_logout_without_csrf_token_is_refused(client):
    login(client, "leadership")
    assert client.post("/logout").status_code == 400


def test_next_redirect_is_followed_only_when_local(client):
    token = csrf_token(client, "/login?next=/?period=24m")
    response = client.post(
        "/login",
        data={
            "username": "network",
            "password": "demo-password",
            "csrf_token": token,
            "next": "/?period=24m",
        },
    )
    assert response.headers["Location"] == "/?period=24m"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "",
        None,
        "evil",
    ],
)
def test_safe_next_refuses_other_sites(target):
    assert safe_next(target) == "/"


def test_layout_shows_navigation_for_role(login_as):
    client = login_as("network")
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "Overview" in layout
