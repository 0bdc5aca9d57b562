"""Imports on Celery (REDIS_URL set): the manager the app picks, and the import page's background
job run by a real Celery worker through Dash's background-callback HTTP protocol (start, then
poll with the signed cacheKey and job), on a private copy of the demo database.

Redis is required (REDIS_URL, as in CI): if it is unset or down these tests fail, they never
skip. Each app gets its own key prefix, so its own queue: concurrent runs on one Redis do not
take each other's jobs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta

import dash
import pytest
import redis
from celery.contrib.testing.worker import start_worker
from flask import Flask
from sqlalchemy import select

from dashboard.background import celery_queue, create_manager
from dashboard.config import PROJECT_ROOT, load_config
from data_access.models import ImportBatch, Organisation, Referral
from tests.conftest import app_config, login, seeded_database, session_on
from tests.dash_client import call, find_callback, grid_rows, response_data
from tests.pages.data_import.helpers import (
    end_id,
    poll_background,
    referrals_csv,
    run_background,
    start_background,
)
from tests.pages.data_import.steps import P, count, preview, text_of, upload

CONFIRM = f"{P}-result.children@"


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("REDIS_URL is not set: the Celery import tests need Redis (see Makefile)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at REDIS_URL is unreachable: {exc}")
    return url


def demo_referrals(count_: int, start: int) -> str:
    """`count_` valid referrals for the demo force's areas, with log numbers of their own."""
    day = date.today() - timedelta(days=40)
    areas = ("BG", "CA", "MO", "NE", "TO")
    return referrals_csv(*(f"CEL{n:06d},{areas[n % 5]},homophobic,crime,online,{day},{day}"
                           for n in range(start, start + count_)))  # fmt: skip


def data_version(url: str) -> int:
    with session_on(url) as session:
        return session.scalar(select(Organisation.data_version).where(Organisation.code == "DVP"))


@pytest.fixture(scope="module")
def celery_app_on_demo(tmp_path_factory):
    """The app on its own copy of the demo database, with Celery background jobs, and an
    embedded Celery worker (one thread, solo pool) consuming the app's own queue."""
    url = redis_url()
    database, drop = seeded_database("sqlite", tmp_path_factory.mktemp("celery-demo"))
    from dashboard import create_app

    app = create_app(app_config(database, REDIS_URL=url, BACKGROUND_JOBS="celery",
                                JOBS_DIR=str(tmp_path_factory.mktemp("jobs"))))  # fmt: skip
    app.server.test_client().get("/")
    app.url = database
    celery = app.server.extensions["celery"]
    with start_worker(celery, pool="solo", perform_ping_check=False, shutdown_timeout=60,
                      loglevel="WARNING") as worker:  # fmt: skip
        app.worker = worker
        yield app
    drop()


def coordinator(app):
    client = app.server.test_client()
    assert login(client, "coordinator").status_code == 302
    return client


def tasks_run(app) -> int:
    """How many background-callback tasks the embedded worker has taken off the queue."""
    from celery.worker import state

    return sum(n for name, n in state.total_count.items() if name.startswith("background_call"))


def test_redis_url_gives_a_celery_manager_unless_diskcache_is_asked_for(tmp_path):
    url = redis_url()
    server = Flask(__name__)
    config = load_config({"REDIS_URL": url, "CACHE_KEY_PREFIX": "t-manager:",
                          "JOBS_DIR": str(tmp_path)})  # fmt: skip
    manager = create_manager(config, server)
    assert isinstance(manager, dash.CeleryManager)
    celery = manager.handle
    assert server.extensions["celery"] is celery
    assert celery.conf.broker_url == url and celery.conf.result_backend == url
    assert celery.conf.task_default_queue == celery_queue(config) == "t-manager:background"
    forced = load_config({**config, "BACKGROUND_JOBS": "diskcache"})
    assert isinstance(create_manager(forced, Flask(__name__)), dash.DiskcacheManager)
    plain = load_config({**config, "REDIS_URL": ""})
    assert isinstance(create_manager(plain, Flask(__name__)), dash.DiskcacheManager)
    with pytest.raises(ValueError, match="BACKGROUND_JOBS=celery needs REDIS_URL"):
        load_config({"REDIS_URL": "", "BACKGROUND_JOBS": "celery"})
    with pytest.raises(ValueError, match="BACKGROUND_JOBS must be celery or diskcache"):
        load_config({"REDIS_URL": url, "BACKGROUND_JOBS": "threads"})


def test_the_app_on_celery_registers_the_import_job_as_a_task(celery_app_on_demo):
    manager = celery_app_on_demo._background_manager
    assert isinstance(manager, dash.CeleryManager)
    celery = celery_app_on_demo.server.extensions["celery"]
    assert manager.handle is celery
    jobs = [name for name in celery.tasks if name.startswith("background_callback_")]
    assert jobs, "no background callback registered as a Celery task"


def test_a_celery_worker_imports_the_file_and_records_the_history(celery_app_on_demo):
    app = celery_app_on_demo
    client = coordinator(app)
    before, version, ran = count(app.url, Referral), data_version(app.url), tasks_run(app)
    file = upload(client, app, demo_referrals(30, start=1))[f"{P}-file"]["data"]
    ticket = preview(client, app, file)[f"{P}-ticket"]["data"]
    started = time.monotonic()
    result, progress = run_background(client, app, CONFIRM,
                                      {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket},
                                      end_id(client))  # fmt: skip
    took = time.monotonic() - started
    print(f"celery import of 30 rows: {took:.2f}s")
    assert "Imported" in text_of(result[f"{P}-result"]), text_of(result)[:500]
    assert result[f"{P}-confirm"]["disabled"] is True
    assert progress, "no progress came back through Redis"
    assert tasks_run(app) == ran + 1, "the job did not run on the Celery worker"
    assert count(app.url, Referral) == before + 30
    assert data_version(app.url) > version  # cached figures follow the import
    history = call(client, find_callback(app, "import_history-table.children"),
                   {"import_history-load.data": 0})  # fmt: skip
    rows = grid_rows(response_data(history), "import_history-table", "import_history-grid")
    newest = rows[0]
    assert (newest["status"], newest["kind"], newest["created_by"]) == (
        "applied", "referrals", "coordinator")  # fmt: skip
    assert newest["rows_inserted"] == 30

    again, _progress = run_background(client, app, CONFIRM,
                                      {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket},
                                      end_id(client))  # fmt: skip
    assert "already imported" in text_of(again[f"{P}-result"])  # a replay imports nothing
    assert count(app.url, Referral) == before + 30


def test_a_running_celery_import_can_be_cancelled_and_the_app_answers_meanwhile(
    celery_app_on_demo,
):
    app = celery_app_on_demo
    client = coordinator(app)
    before = count(app.url, Referral)
    cancelled_before = count(app.url, ImportBatch, status="cancelled")
    file = upload(client, app, demo_referrals(20000, start=100000))[f"{P}-file"]["data"]
    ticket = preview(client, app, file)[f"{P}-ticket"]["data"]
    values = {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket}
    callback, url = start_background(client, app, CONFIRM, values, end_id(client))

    deadline = time.monotonic() + 60
    while True:  # wait until the worker has taken the job (its first step: checking the rows)
        response, step = poll_background(client, callback, url)
        assert response is None, "the import finished before it could be cancelled: not a test"
        if step:
            break
        assert time.monotonic() < deadline, "no progress from the worker in 60s"
        time.sleep(0.05)

    asked = time.monotonic()
    note = call(client, find_callback(app, f"{P}-cancel-note.children"),
                {f"{P}-cancel.n_clicks": 1, f"{P}-ticket.data": ticket})  # fmt: skip
    assert "Cancelling" in text_of(response_data(note))
    other = call(client, find_callback(app, "import_history-table.children"),
                 {"import_history-load.data": 0})  # fmt: skip
    answered = time.monotonic() - asked
    assert other.status_code == 200 and answered < 2.0, answered
    running, _progress = poll_background(client, callback, url)
    assert running is None, "the import finished before the other request: not a test"

    deadline = time.monotonic() + 120
    while (result := poll_background(client, callback, url)[0]) is None:
        assert time.monotonic() < deadline, "the cancelled import did not stop in 120s"
        time.sleep(0.1)
    stopped = time.monotonic() - asked
    print(f"celery import cancelled: stopped {stopped:.2f}s after the cancel, other callback "
          f"answered in {answered:.3f}s")  # fmt: skip
    assert "cancelled" in text_of(result[f"{P}-result"]), text_of(result)[:500]
    assert result[f"{P}-confirm"]["disabled"] is False
    assert count(app.url, Referral) == before
    assert count(app.url, ImportBatch, status="cancelled") == cancelled_before + 1


def test_the_celery_command_line_worker_runs_an_import(tmp_path_factory):
    """`celery -A dashboard.celery_app worker` as production runs it (a prefork pool process
    forked from the worker), started from the environment alone: it builds the app from the
    same settings, takes the web app's job off the shared queue and imports as the user."""
    url = redis_url()
    folder = tmp_path_factory.mktemp("celery-cli")
    database, drop = seeded_database("sqlite", folder)
    token = uuid.uuid4().hex[:8]
    settings = {"DATABASE_URL": database, "REDIS_URL": url, "DASHBOARD_ENV": "testing",
                "SECRET_KEY": f"test-secret-key-cli-{token}-0123456789abcdef",
                "CACHE_KEY_PREFIX": f"test-cli-{token}:", "BACKGROUND_JOBS": "celery"}  # fmt: skip
    from dashboard import create_app

    app = create_app(app_config(database, **settings))
    app.server.test_client().get("/")
    env = {**os.environ, **settings, "PYTHONPATH": str(PROJECT_ROOT)}
    log_path = folder / "worker.log"
    command = [sys.executable, "-m", "celery", "-A", "dashboard.celery_app", "worker",
               "--pool", "prefork", "--concurrency", "1", "--loglevel", "INFO",
               "--hostname", f"test-{token}@%h", "--without-mingle",
               "--without-gossip"]  # fmt: skip
    with open(log_path, "w") as log:
        worker = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while " ready." not in log_path.read_text():
            assert worker.poll() is None, "the worker stopped:\n" + log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "no ready worker in 120s:\n" + log_path.read_text()
            time.sleep(0.5)
        client = coordinator(app)
        before = count(database, Referral)
        file = upload(client, app, demo_referrals(50, start=200000))[f"{P}-file"]["data"]
        ticket = preview(client, app, file)[f"{P}-ticket"]["data"]
        values = {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket}
        result, progress = run_background(client, app, CONFIRM, values, end_id(client))
        assert "Imported" in text_of(result[f"{P}-result"]), text_of(result)[:500]
        assert progress and count(database, Referral) == before + 50
        assert count(database, ImportBatch, status="applied", created_by="coordinator") == 1
        deadline = time.monotonic() + 20  # the worker logs the task once it has returned
        while "succeeded" not in (text := log_path.read_text()):
            assert "Terminating" not in text, "the finished job's pool process was killed"
            assert time.monotonic() < deadline, "the worker did not log the task:\n" + text
            time.sleep(0.2)
    finally:
        worker.terminate()
        try:
            worker.wait(60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        drop()


@pytest.mark.parametrize("settings", [{"REDIS_URL": ""},
                                      {"REDIS_URL": "redis://127.0.0.1:6379/0",
                                       "BACKGROUND_JOBS": "diskcache"}])  # fmt: skip
def test_the_worker_refuses_to_start_when_the_app_would_not_send_it_jobs(settings):
    env = {**os.environ, **settings, "PYTHONPATH": str(PROJECT_ROOT)}
    started = subprocess.run([sys.executable, "-c", "import dashboard.celery_app"],
                             cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                             timeout=120)  # fmt: skip
    assert started.returncode != 0
    assert "The Celery worker needs REDIS_URL set" in started.stderr


def test_a_job_whose_result_was_read_is_not_terminated(monkeypatch):
    """Dash terminates a job whose result it has read if Celery still reports it running: the
    task has written its result and is returning, and the SIGTERM killed the worker's pool
    process (seen in CI as "Terminating <task>"). Such a job is left to return; a job that is
    superseded before it delivers is still terminated."""
    from celery import Celery

    from dashboard.background import AppCeleryManager

    terminated = []
    results = {"done": {"imported": 50}}
    monkeypatch.setattr(
        dash.CeleryManager,
        "get_result",
        lambda self, key, job: results.get(key, self.UNDEFINED),
    )
    monkeypatch.setattr(
        dash.CeleryManager, "terminate_job", lambda self, job: terminated.append(job)
    )
    manager = AppCeleryManager(Celery("t", broker="memory://", backend="cache+memory://"))
    assert manager.get_result("done", "job-1") == {"imported": 50}
    manager.terminate_job("job-1")  # what Dash does next while the task is still returning
    assert manager.get_result("pending", "job-2") is manager.UNDEFINED
    manager.terminate_job("job-2")  # superseded before it delivered
    manager.terminate_job("job-3")
    assert terminated == ["job-2", "job-3"]
