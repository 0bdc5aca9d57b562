"""Background jobs: the Dash background-callback manager, the job store the web process and the
jobs share (staged uploads, claims, cancel flags), and the request context a job runs in."""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dash
import diskcache
from flask import current_app, has_app_context

from dashboard.config import INSTANCE_DIR
from dashboard.extensions import db

STAGED_SECONDS = 3600  # an uploaded file waits this long for its preview and confirmation


def jobs_dir(config: dict[str, Any]) -> Path:
    return Path(config.get("JOBS_DIR") or INSTANCE_DIR / "jobs")


def create_manager(config: dict[str, Any]) -> dash.DiskcacheManager:
    """Background callbacks run in a subprocess of the worker; results and progress go
    through a disk cache in the instance folder, so any worker on the machine can answer the
    browser's polls."""
    return dash.DiskcacheManager(diskcache.Cache(str(jobs_dir(config) / "callbacks")), expire=3600)


class JobStore:
    """Small values shared by the web workers and their jobs: Redis when REDIS_URL is set (every
    worker on every machine), else a disk cache in the instance folder (one machine)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.prefix = config.get("CACHE_KEY_PREFIX", "lgbtdash:") + "jobs:"
        if config.get("REDIS_URL"):
            import redis

            self.redis = redis.Redis.from_url(config["REDIS_URL"])
            self.disk = None
        else:
            self.redis = None
            self.disk = diskcache.Cache(str(jobs_dir(config) / "store"))

    def put(self, value: dict[str, Any], token: str | None = None) -> str:
        """Keep `value` (JSON-able; bytes under "data") for an hour; its new random token."""
        token = token or secrets.token_urlsafe(24)
        raw = dict(value)
        if isinstance(raw.get("data"), bytes):
            raw["data"] = base64.b64encode(raw["data"]).decode("ascii")
        text = json.dumps(raw)
        if self.redis is not None:
            self.redis.set(self.prefix + token, text, ex=STAGED_SECONDS)
        else:
            self.disk.set(self.prefix + token, text, expire=STAGED_SECONDS)
        return token

    def get(self, token: object) -> dict[str, Any] | None:
        if not isinstance(token, str) or not token:
            return None
        key = self.prefix + token
        text = self.redis.get(key) if self.redis is not None else self.disk.get(key)
        if text is None:
            return None
        value = json.loads(text)
        if isinstance(value.get("data"), str):
            value["data"] = base64.b64decode(value["data"])
        return value

    def claim(self, token: str) -> bool:
        """True for the first caller only (a confirmation runs once, however often it is sent)."""
        key = f"{self.prefix}claim:{token}"
        if self.redis is not None:
            return bool(self.redis.set(key, 1, nx=True, ex=STAGED_SECONDS))
        return bool(self.disk.add(key, 1, expire=STAGED_SECONDS))

    def cancel(self, token: str) -> None:
        key = f"{self.prefix}cancel:{token}"
        if self.redis is not None:
            self.redis.set(key, 1, ex=STAGED_SECONDS)
        else:
            self.disk.set(key, 1, expire=STAGED_SECONDS)

    def cancelled(self, token: str) -> bool:
        key = f"{self.prefix}cancel:{token}"
        return bool(self.redis.get(key) if self.redis is not None else self.disk.get(key))


def job_store() -> JobStore:
    """The current app's job store."""
    return current_app.extensions["job_store"]


@contextmanager
def job_request_context() -> Iterator[None]:
    """Inside a background job: the app and a request context rebuilt from the cookies of the
    request that started it, so Flask-Login loads the user from the database again and the
    job re-checks role and organisation like any request (nothing is trusted from the job's
    arguments)."""
    # The job is forked from the request that started it, so Flask's app context is inherited:
    # that names the right app even when a process holds several (dash.get_app() is the last
    # one built). A job started without one (another manager) falls back to Dash's app.
    server = current_app._get_current_object() if has_app_context() else dash.get_app().server
    context = dash.callback_context
    cookie = "; ".join(f"{name}={value}" for name, value in context.cookies.items())
    headers = {"Cookie": cookie, "User-Agent": context.headers.get("User-Agent", "")}
    environ = {"REMOTE_ADDR": context.remote or "127.0.0.1"}
    with server.test_request_context(
        "/_dash-update-component", method="POST", headers=headers, environ_base=environ
    ):
        import multiprocess

        if multiprocess.parent_process() is not None:
            db.engine.dispose(close=False)  # a forked job must not share the worker's connections
        yield
