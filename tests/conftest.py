"""Shared fixtures: databases on SQLite and PostgreSQL, the app, clients and `login_as(role)`.

PostgreSQL is required: TEST_DATABASE_URL (set by the Makefile and CI) must reach a server;
if it does not, the PostgreSQL tests fail loudly instead of skipping."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from data_access import migrate
from data_access.db import make_engine

# The LP attacker lives in a helper module: give its asserts pytest's detailed messages.
pytest.register_assert_rewrite("tests.disclosure_oracle")

BACKENDS = ("sqlite", "postgresql")
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "dashboard" / "translations"
DEMO_PASSWORD = "demo-password"
DEMO_TODAY = date.today()


def _pg_base_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.fail("TEST_DATABASE_URL is not set: PostgreSQL tests cannot run (see Makefile)")
    return url


_TEMPLATES: list[tempfile.TemporaryDirectory] = []


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database file (through SQLite's backup)."""
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        reader.close()
        writer.close()


def _sqlite_template() -> Path:
    """A migrated, empty SQLite database made once per test process: new SQLite databases
    are copies of it (migrating each one took 0.2-0.3 s)."""
    if not _TEMPLATES:
        folder = tempfile.TemporaryDirectory(prefix="sqlite-template-")
        engine = make_engine(f"sqlite:///{folder.name}/template.db")
        migrate.upgrade(engine)
        engine.dispose()
        _TEMPLATES.append(folder)
    return Path(_TEMPLATES[0].name) / "template.db"


def new_database(backend: str, tmp_dir: Path) -> tuple[str, Callable[[], None]]:
    """A fresh, migrated database; returns its URL and a function that drops it."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        copy_sqlite(_sqlite_template(), tmp_dir / f"{name}.db")
        return f"sqlite:///{tmp_dir / name}.db", lambda: None  # pytest removes the temp dir
    base = _pg_base_url()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"PostgreSQL at TEST_DATABASE_URL is unreachable: {exc}")
    separator = "&" if "?" in base else "?"
    url = f"{base}{separator}options=-csearch_path%3D{name}"

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()

    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url, drop


def built_database(
    backend: str, tmp_dir: Path, build: Callable[[Session], None]
) -> tuple[str, Callable[[], None]]:
    """A fresh, migrated database filled by `build(session)`; its URL and a drop function."""
    url, drop = new_database(backend, tmp_dir)
    engine = make_engine(url)
    with Session(engine) as session:
        build(session)
        session.commit()
    engine.dispose()
    return url, drop


@contextmanager
def session_on(url: str) -> Iterator[Session]:
    """A session on `url`, rolled back afterwards (tests read, they do not keep changes)."""
    engine = make_engine(url)
    with Session(engine) as session:
        yield session
        session.rollback()
    engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def known_url(backend, tmp_path_factory) -> Iterator[str]:
    """A database holding the small hand-made dataset of tests/known_data/."""
    from tests.known_data import build_known_dataset

    url, drop = built_database(backend, tmp_path_factory.mktemp("known"), build_known_dataset)
    yield url
    drop()


@pytest.fixture
def known_session(known_url) -> Iterator[Session]:
    """A session on the known dataset; rolled back after the test."""
    with session_on(known_url) as session:
        yield session


@pytest.fixture
def empty_url(backend, tmp_path) -> Iterator[str]:
    """A fresh, migrated, empty database for tests that write."""
    url, drop = new_database(backend, tmp_path)
    yield url
    drop()


def seeded_database(backend: str, tmp_dir: Path) -> tuple[str, Callable[[], None]]:
    from dashboard.demo import seed_demo

    return built_database(
        backend,
        tmp_dir,
        lambda session: seed_demo(session, seed=42, password=DEMO_PASSWORD, today=DEMO_TODAY),
    )


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory) -> Iterator[str]:
    """The seeded demo database on SQLite (the app tests' default)."""
    url, drop = seeded_database("sqlite", tmp_path_factory.mktemp("demo"))
    yield url
    drop()


def app_config(url: str, **extra) -> dict:
    token = uuid.uuid4().hex[:8]
    config = {
        "DATABASE_URL": url,
        "DASHBOARD_ENV": "testing",
        "SECRET_KEY": "test-secret-key-" + token,
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "CACHE_KEY_PREFIX": f"test-{token}:",
        "RATELIMIT_KEY_PREFIX": f"test-{token}",
        "DEMO_PASSWORD": DEMO_PASSWORD,
        # The shared test app signs in hundreds of times from one address and some tests
        # fail sign-ins on purpose; the throttle itself is tested on apps of its own.
        "LOGIN_LIMIT": "10000 per minute",
        # Imports run in a subprocess unless a test starts a Celery worker and asks for Celery
        # (tests/pages/data_import/test_import_celery.py): with REDIS_URL set, the default
        # would send them to a worker that is not there.
        "BACKGROUND_JOBS": "diskcache",
    }
    config.update(extra)
    return config


@pytest.fixture(scope="session")
def app(demo_url):
    """The Dash app on the demo database (callbacks registered, first request made)."""
    from dashboard import create_app

    dash_app = create_app(app_config(demo_url))
    dash_app.server.test_client().get("/")  # Dash Pages registers its router on first request
    return dash_app


@pytest.fixture
def client(app):
    return app.server.test_client()


CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(client, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_FIELD.search(html) or re.search(r'id="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in the login form"
    return match.group(1)


def login(client, username: str, password: str = DEMO_PASSWORD):
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_token(client)},
    )


@pytest.fixture
def login_as(client):
    """Sign the test client in as a demo role ('public' leaves it anonymous)."""

    def sign_in(role: str):
        if role != "public":
            response = login(client, role)
            assert response.status_code == 302, f"login as {role} failed"
        return client

    return sign_in


def pytest_terminal_summary(terminalreporter):
    """Print the access walk's pair count, the intruder's counts and the accessibility walk's
    triple count (written by the tests, possibly in an xdist worker)."""
    for name in ("access-walk.txt", "disclosure-intruder.txt", "a11y-walk.txt"):
        summary = OUTPUT / name
        if summary.exists():
            terminalreporter.write_line(summary.read_text().strip())


def compile_translations() -> None:
    """Build the .mo files from the committed .po catalogues (like `make translations`)."""
    from babel.messages.frontend import CommandLineInterface

    failed = CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(TRANSLATIONS)])
    if failed:
        raise pytest.UsageError(f"the catalogues in {TRANSLATIONS} do not compile")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the controller, before any worker starts
        compile_translations()
        (OUTPUT / "access-walk.txt").unlink(missing_ok=True)
        (OUTPUT / "disclosure-intruder.txt").unlink(missing_ok=True)
        (OUTPUT / "a11y-walk.txt").unlink(missing_ok=True)


#: The slowest test modules, scheduled first so that `make test`'s two workers (xdist,
#: --dist loadfile, which hands out files in collection order) do not end on one of them.
SLOWEST_FIRST = (
    "tests/test_disclosure_intruder.py",
    "tests/browser/test_a11y_browser.py",
    "tests/test_release.py",
    "tests/browser/test_screens_browser.py",
    "tests/test_access.py",
    "tests/test_i18n.py",
)


def pytest_collection_modifyitems(session, config, items):
    rank = {path: i for i, path in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
