"""Session, header, throttling, download and audit-chain security."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from dashboard import create_app
from dashboard.config import load_config
from dashboard.downloads import neutralise, safe_frame
from data_access.db import make_engine
from tests.conftest import app_config, csrf_token, login

STRONG_KEY = "k" * 40


def test_production_refuses_to_start_without_a_real_secret_key(demo_url):
    with pytest.raises(ValueError, match="SECRET_KEY"):
        create_app(
            app_config(demo_url, DASHBOARD_ENV="production", SECRET_KEY="dev-only-not-secret")
        )
    with pytest.raises(ValueError, match="SECRET_KEY"):
        load_config({"DASHBOARD_ENV": "production", "SECRET_KEY": "short"})


def test_session_cookie_flags_in_production(demo_url):
    app = create_app(app_config(demo_url, DASHBOARD_ENV="production", SECRET_KEY=STRONG_KEY))
    client = app.server.test_client()
    response = login(client, "leadership")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_session_cookie_flags_in_development(client):
    cookie = login(client, "leadership").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


@pytest.mark.parametrize("path", ["/", "/login", "/healthz", "/_dash-layout", "/no-such"])
def test_security_headers_present(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "'sha256-" in script_src
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers  # development/testing only


def _failed_login(client, username: str, address: str):
    token = csrf_token(client)
    return client.post(
        "/login",
        data={"username": username, "password": "wrong-password", "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_throttled_per_account(demo_url):
    app = create_app(app_config(demo_url, LOGIN_LIMIT="3 per minute"))
    client = app.server.test_client()
    statuses = [_failed_login(client, "network", f"10.0.0.{i}").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    blocked = _failed_login(client, "network", "10.0.0.99")
    assert "Try again in 1 minute" in blocked.get_data(as_text=True)


def test_login_throttled_per_address(demo_url):
    app = create_app(app_config(demo_url, LOGIN_LIMIT="3 per minute"))
    client = app.server.test_client()
    statuses = [_failed_login(client, f"user{i}", "10.1.1.1").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert _failed_login(client, "someone", "10.1.1.2").status_code == 200


@pytest.mark.parametrize("cell", ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formulas_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    safe = safe_frame(pd.DataFrame({"=bad": [cell], "n": [3]}))
    assert safe.iloc[0, 0] == "'" + cell and list(safe.columns) == ["'=bad", "n"]
    assert safe.iloc[0, 1] == 3


def test_plain_values_are_unchanged():
    assert neutralise("Newport") == "Newport" and neutralise(-3) == -3 and neutralise(None) is None


def test_audit_chain_cli_detects_tampering(empty_url, monkeypatch):
    from dashboard.cli import cli
    from data_access import audit
    from data_access.db import Database

    database = Database(empty_url)
    with database.session() as session:
        for action in ("login", "download", "logout"):
            audit.record(session, action, username="tester", target="x")
    monkeypatch.setenv("DATABASE_URL", empty_url)
    runner = CliRunner()
    result = runner.invoke(cli, ["verify-audit"])
    assert result.exit_code == 0 and result.output.strip() == "ok"
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        second = conn.execute(
            text("SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 1")
        ).scalar()
        conn.execute(
            text("UPDATE audit_event SET target = 'changed' WHERE id = :id"), {"id": second}
        )
    engine.dispose()
    result = runner.invoke(cli, ["verify-audit"])
    assert result.exit_code == 1
    assert f"audit chain broken at event id {second}" in result.output


def test_logins_and_refusals_are_audited(app, client):
    from dashboard.extensions import db
    from data_access import audit

    login(client, "leadership", "wrong-password")
    login(client, "network")
    client.get("/audit")  # network may not: refused and audited
    with app.server.app_context(), db.session() as session:
        events = audit.list_events(session, None, limit=20)
    recent = list(events["action"])
    assert "login_failed" in recent and "login" in recent and "access_refused" in recent


def test_redis_backs_the_cache_and_login_throttling(demo_url):
    """Production path: with REDIS_URL the cache and the limiter share Redis (fails if down)."""
    import os

    from dashboard.extensions import cache, limiter

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    app = create_app(app_config(demo_url, REDIS_URL=url))
    with app.server.app_context():
        cache.set("probe", {"ok": 1})
        assert cache.get("probe") == {"ok": 1}
        assert type(cache.cache).__name__ == "RedisCache"
        assert "redis" in type(limiter._storage).__name__.lower()
        assert limiter._storage.check()
