"""Login, logout, generic errors, CSRF and safe redirects."""

from __future__ import annotations

import time

import pytest

from dashboard.auth import safe_next
from tests.conftest import CSRF_FIELD, csrf_token, login

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


def _signed_in_as(client, username: str) -> bool:
    layout = client.get("/_dash-layout").get_data(as_text=True)
    return username in layout and "Sign out" in layout


def test_logout_without_csrf_token_still_signs_out(client):
    """Issue 8.4: sign-out always signs out (a forced sign-out harms nobody); GET stays refused."""
    login(client, "leadership")
    assert client.get("/logout").status_code == 404  # a link or prefetch cannot sign out
    assert _signed_in_as(client, "leadership")
    response = client.post("/logout")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert not _signed_in_as(client, "leadership")


@pytest.fixture
def quick_expiry_app(demo_url):
    from dashboard import create_app
    from tests.conftest import app_config

    return create_app(app_config(demo_url, WTF_CSRF_TIME_LIMIT=1))


def test_logout_with_an_expired_token_signs_out(quick_expiry_app):
    """Issue 8.4: a page open past the token's lifetime still signs out."""
    client = quick_expiry_app.server.test_client()
    login(client, "network")
    token = csrf_token(client, "/login")
    time.sleep(2.2)
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert not _signed_in_as(client, "network")


def test_expired_login_form_is_shown_again_with_a_fresh_token(quick_expiry_app):
    """Issue 8.4: an expired login form gets the page again and a plain message, not a bare 400."""
    client = quick_expiry_app.server.test_client()
    stale = csrf_token(client)
    time.sleep(2.2)
    response = client.post(
        "/login", data={"username": "network", "password": "demo-password", "csrf_token": stale}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The form expired; please sign in again." in page
    fresh = CSRF_FIELD.search(page).group(1)
    assert fresh != stale
    again = client.post(
        "/login", data={"username": "network", "password": "demo-password", "csrf_token": fresh}
    )
    assert again.status_code == 302


def test_cookie_copied_before_sign_out_is_refused_after_it(app, client):
    """Issue 8.2: sign-out ends the session on the server, not only in this browser."""
    login(client, "leadership")
    copied = client.get_cookie("session").value
    assert client.get("/workload").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    thief = app.server.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/workload")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert not _signed_in_as(thief, "leadership")
    login(client, "leadership")  # signing in again works and starts a new session
    assert client.get("/workload").status_code == 200


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
