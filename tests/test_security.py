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


def test_login_limit_refuses_the_attempt_after_the_limit_even_when_concurrent(demo_url):
    """Issue 8.6: with 5 per minute, the 6th attempt is refused, also when requests overlap."""
    import threading

    from dashboard.extensions import db
    from data_access import audit

    app = create_app(app_config(demo_url, LOGIN_LIMIT="5 per minute", REDIS_URL=""))
    clients = [app.server.test_client() for _ in range(6)]
    tokens = [csrf_token(c) for c in clients]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def attempt(client, token):
        start.wait()
        response = client.post(
            "/login",
            data={"username": "network", "password": "wrong-password", "csrf_token": token},
            environ_base={"REMOTE_ADDR": "10.9.9.9"},
        )
        statuses.append(response.status_code)

    threads = [
        threading.Thread(target=attempt, args=pair) for pair in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 5 + [429]
    with app.server.app_context(), db.session() as session:
        assert audit.verify(session) is None  # concurrent audit rows still form one chain


def test_login_limit_is_a_moving_window(demo_url, monkeypatch):
    """Issue 8.6: no burst across a window edge: at most 5 attempts in any 60 seconds."""
    import limits.storage.memory as memory

    now = [1_000_000.0]

    class Clock:
        @staticmethod
        def time():
            return now[0]

        @staticmethod
        def sleep(seconds):
            now[0] += seconds

    monkeypatch.setattr(memory, "time", Clock)
    app = create_app(app_config(demo_url, LOGIN_LIMIT="5 per minute", REDIS_URL=""))
    client = app.server.test_client()
    statuses = []
    for offset in (0, 50, 50, 50, 50, 61, 62):
        now[0] = 1_000_000.0 + offset
        statuses.append(_failed_login(client, "coordinator", "10.7.7.7").status_code)
    # At 61 s the first attempt has left the window (4 in it); at 62 s five are: refused.
    assert statuses == [200, 200, 200, 200, 200, 200, 429]


def test_development_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    """Issue 8.3: without SECRET_KEY, development signs with a random key kept in instance/."""
    import stat

    from dashboard import config as settings

    monkeypatch.setattr(settings, "INSTANCE_DIR", tmp_path / "instance")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DASHBOARD_ENV", "development")
    first = load_config()["SECRET_KEY"]
    key_file = tmp_path / "instance" / "secret_key"
    assert first != settings.DEV_SECRET_KEY and len(first) >= 32
    assert key_file.read_text().strip() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_config()["SECRET_KEY"] == first  # kept: sessions survive a restart
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)
    assert load_config()["SECRET_KEY"] == STRONG_KEY


def test_production_never_uses_a_generated_key(tmp_path, monkeypatch):
    from dashboard import config as settings

    monkeypatch.setattr(settings, "INSTANCE_DIR", tmp_path)
    (tmp_path / "secret_key").write_text("g" * 64)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DASHBOARD_ENV", "production")
    with pytest.raises(ValueError, match="SECRET_KEY must be set"):
        load_config()
