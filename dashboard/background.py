"""Background jobs: the Dash background-callback manager (a disk cache and subprocesses on one
machine, or Celery workers on Redis), the job store the web process and the jobs share (staged
uploads, claims, cancel flags), and the request context a job runs in."""

from __future__ import annotations

import base64
import json
import secrets
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dash
import diskcache
from flask import Flask, current_app, has_app_context

from dashboard.config import INSTANCE_DIR
from dashboard.extensions import db

STAGED_SECONDS = 3600  # an uploaded file waits this long for its preview and confirmation


def jobs_dir(config: dict[str, Any]) -> Path:
    return Path(config.get("JOBS_DIR") or INSTANCE_DIR / "jobs")


def background_jobs(config: dict[str, Any]) -> str:
    """ "celery" or "diskcache": BACKGROUND_JOBS when it is set, else Celery exactly when
    REDIS_URL is set (load_config has refused other values, and Celery without Redis)."""
    chosen = str(config.get("BACKGROUND_JOBS") or "").strip().lower()
    return chosen or ("celery" if config.get("REDIS_URL") else "diskcache")


def create_manager(
    config: dict[str, Any], server: Flask | None = None
) -> dash.DiskcacheManager | dash.CeleryManager:
    """The app's background-callback manager.

    Celery (REDIS_URL set): a job is a task on Redis that a Celery worker runs (`make worker`,
    `celery -A dashboard.celery_app worker`) inside the app context of `server`, an app built
    from the same settings; results and progress go through Redis, so any web worker on any
    machine answers the browser's polls. Disk cache: a job is a subprocess of the web worker;
    results and progress go through a disk cache in the instance folder (one machine)."""
    if background_jobs(config) == "celery":
        if server is None:
            raise ValueError("Celery background jobs need the Flask server they run in")
        return AppCeleryManager(create_celery(config, server), expire=STAGED_SECONDS)
    return dash.DiskcacheManager(diskcache.Cache(str(jobs_dir(config) / "callbacks")), expire=3600)


class AppCeleryManager(dash.CeleryManager):
    """Dash's CeleryManager, making each callback's task once: Dash registers every background
    callback with every manager in the process each time an app is built (several apps in
    tests), under a name made from the callback's code, which Celery would refuse again with a
    warning (the task it has is the same code)."""

    def register(self, key: str, fn: Any, progress: Any) -> None:
        if key not in self.func_registry:
            super().register(key, fn, progress)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._delivered: OrderedDict[str, None] = OrderedDict()

    def get_result(self, key: str, job: Any) -> Any:
        # Dash terminates the job once its result is read, and again when Celery still
        # reports the task as running; but the task writes its result as its last step and
        # is returning, and terminating it then kills the worker's pool process (SIGTERM).
        # A job whose result was read is not terminated; a job superseded while it runs is.
        result = super().get_result(key, None)
        if job is not None and result is not self.UNDEFINED:
            self._delivered[str(job)] = None
            while len(self._delivered) > 1000:
                self._delivered.popitem(last=False)
        return result

    def terminate_job(self, job: Any) -> None:
        if job is not None and self._delivered.pop(str(job), "running") is None:
            return
        super().terminate_job(job)


def celery_queue(config: dict[str, Any]) -> str:
    """The Redis queue of the app's jobs: named after its key prefix, so that two installs (or
    two test runs) on one Redis never take each other's jobs."""
    return config.get("CACHE_KEY_PREFIX", "lgbtdash:") + "background"


def create_celery(config: dict[str, Any], server: Flask):
    """A Celery app on REDIS_URL (broker and result store) whose every task runs inside
    `server`'s app context: the job reaches the app's database, job store and settings exactly
    as the web worker does (`job_request_context` then signs the user in again)."""
    from celery import Celery, Task

    class AppContextTask(Task):
        abstract = True

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            with server.app_context():
                return self.run(*args, **kwargs)

    class AppCelery(Celery):
        def task(self, *args: Any, **opts: Any) -> Any:
            # Dash makes one task per background callback, closed over this app's result
            # store; Celery would share it with every Celery app in the process (several apps
            # in tests), where the first one registered under a name wins.
            opts.setdefault("shared", False)
            return super().task(*args, **opts)

    prefix = config.get("CACHE_KEY_PREFIX", "lgbtdash:")
    celery = AppCelery(
        "dashboard",
        broker=config["REDIS_URL"],
        backend=config["REDIS_URL"],
        task_cls=AppContextTask,
        set_as_current=False,
    )
    celery.conf.update(
        task_default_queue=celery_queue(config),
        result_backend_transport_options={"global_keyprefix": prefix},
        result_expires=STAGED_SECONDS,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        # an import is long and must run once: the worker takes one job at a time and a job
        # lost with its worker is not run again behind the user's back (its ticket is spent)
        worker_prefetch_multiplier=1,
        task_acks_late=False,
    )
    server.extensions["celery"] = celery
    return celery


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
    # A disk-cache job is forked from the request that started it, so Flask's app context is
    # inherited; a Celery task runs inside its app's context (`create_celery`). Either names
    # the right app even when a process holds several (dash.get_app() is the last one built);
    # a job started without one (another manager) falls back to Dash's app.
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
