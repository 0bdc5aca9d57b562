"""The Celery worker's entry point: `celery -A dashboard.celery_app worker`.

It builds the dashboard from the same settings as the web app (`load_config`: the environment,
so the worker must be started with the web app's DATABASE_URL, SECRET_KEY, REDIS_URL and
CACHE settings). Building the app registers every background callback as a Celery task, and
each task runs inside this app's context: its database, job store and settings. The web app
only sends the tasks; this process runs them."""

from __future__ import annotations

from celery.signals import worker_process_init

from dashboard import create_app
from dashboard.background import background_jobs
from dashboard.config import load_config

_config = load_config()
if background_jobs(_config) != "celery":
    raise SystemExit(
        "The Celery worker needs REDIS_URL set (and BACKGROUND_JOBS empty or celery): "
        "without it the web app runs imports itself and sends the worker nothing."
    )

dash_app = create_app()
celery_app = dash_app.server.extensions["celery"]


@worker_process_init.connect
def _fresh_connections(**_kwargs) -> None:
    """A pool process is forked from the worker: it opens database connections of its own
    instead of sharing the parent's."""
    dash_app.server.extensions["database"].engine.dispose(close=False)
