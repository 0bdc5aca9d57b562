"""Command line: plain one-line errors and user commands limited to one organisation (issue 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from dashboard.cli import cli
from data_access import users
from data_access.db import make_engine
from data_access.models import Organisation, User

ROOT = Path(__file__).resolve().parent.parent
STRONG = "Tr4vel-lamp-orbit-87"
OLD = "correct horse battery staple"


def cli_env(**env: str) -> dict[str, str | None]:
    """The environment of a CLI run: no DATABASE_URL or SECRET_KEY but those given."""
    environ: dict[str, str | None] = {"DATABASE_URL": None, "SECRET_KEY": None}
    environ.update(DASHBOARD_ENV="testing", SECRET_KEY="cli-test-secret-key")
    environ.update(env)
    return environ


def run_cli(*args: str, **env: str) -> tuple[int, str, str]:
    """The command line in this process (as `python -m dashboard` runs it): its exit status,
    stdout and stderr. An exception that escapes the command fails the test."""
    result = CliRunner().invoke(
        cli, list(args), env=cli_env(**env), prog_name="python -m dashboard"
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("the command raised instead of reporting") from result.exception
    return result.exit_code, result.stdout, result.stderr


def run_cli_process(*args: str, **env: str) -> tuple[int, str, str]:
    """The command line as its own `python -m dashboard` process."""
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    environ.update({k: v for k, v in cli_env(**env).items() if v is not None})
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout, done.stderr


def assert_one_plain_line(result: tuple[int, str, str], expected: str) -> None:
    status, stdout, stderr = result
    assert status != 0
    assert "Traceback" not in stderr + stdout
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]


def test_python_m_dashboard_reports_in_one_plain_line(tmp_path):
    """The real entry point, in a process of its own: a missing schema is one line, no traceback
    (the cases below run the same command line in this process)."""
    result = run_cli_process("verify-audit", DATABASE_URL=f"sqlite:///{tmp_path}/empty.db")
    assert_one_plain_line(result, "has no schema")


@pytest.mark.parametrize(
    ("args", "url", "expected"),
    [
        (("verify-audit",), "sqlite:///{tmp}/empty.db", "has no schema"),
        (("verify-audit",), "nonsense://what", "DATABASE_URL"),
        (("verify-audit",), "postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot reach"),
        (("init-db",), "sqlite:////nonexistent-dir/sub/x.db", "cannot open"),
        (("seed-demo",), "sqlite:////nonexistent-dir/sub/x.db", "cannot open"),
    ],
)
def test_database_problems_are_one_plain_line(tmp_path, args, url, expected):
    """Issue 8.15: no traceback for a missing schema, a bad URL, a server down, a bad path."""
    assert_one_plain_line(run_cli(*args, DATABASE_URL=url.format(tmp=tmp_path)), expected)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("SUPPRESSION_THRESHOLD", "abc", "SUPPRESSION_THRESHOLD must be a whole number, got 'abc'"),
        ("CACHE_TIMEOUT", "1.5", "CACHE_TIMEOUT must be a whole number, got '1.5'"),
        ("DASHBOARD_ENV", "staging", "DASHBOARD_ENV must be development, testing or production"),
    ],
)
def test_bad_settings_are_one_plain_line(tmp_path, name, value, expected):
    result = run_cli("verify-audit", DATABASE_URL=f"sqlite:///{tmp_path}/x.db", **{name: value})
    assert_one_plain_line(result, expected)


@pytest.fixture
def two_orgs(empty_url, monkeypatch):
    """Organisations DVP and NSC with one user each; DATABASE_URL points at them."""
    engine = make_engine(empty_url)
    with Session(engine) as session:
        session.add_all([Organisation(code="DVP", name="Demo"), Organisation(code="NSC", name="N")])
        session.flush()
        users.create_user(session, "dvp_admin", OLD, "admin", "DVP")
        users.create_user(session, "nsc_partner", OLD, "partner", "NSC")
        session.commit()
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", empty_url)
    monkeypatch.setenv("SECRET_KEY", "cli-test-secret-key")
    yield empty_url


def _user(url: str, username: str) -> tuple[str, str, bool, int]:
    engine = make_engine(url)
    with Session(engine) as session:
        user = session.query(User).filter_by(username=username).one()
        found = (
            session.get(Organisation, user.organisation_id).code,
            user.role,
            users.authenticate(session, username, OLD) is not None,
            user.session_generation,
        )
    engine.dispose()
    return found


def test_create_user_refuses_an_existing_username_of_another_organisation(two_orgs):
    """Issue 8.1 (CLI): create-user never resets an account, wherever it lives."""
    result = CliRunner().invoke(
        cli,
        [
            "create-user",
            "NSC_partner",
            "--role",
            "coordinator",
            "--org",
            "DVP",
            "--password",
            STRONG,
        ],
    )
    assert result.exit_code == 1
    assert "error: that username is taken" in result.output and "NSC" not in result.output
    assert _user(two_orgs, "nsc_partner") == ("NSC", "partner", True, 0)


def test_set_password_and_role_only_within_the_given_organisation(two_orgs):
    """Issue 8.1 (CLI): set-password / set-role reach only users of --org."""
    runner = CliRunner()
    refused = runner.invoke(
        cli, ["set-password", "nsc_partner", "--org", "DVP", "--password", STRONG]
    )
    assert refused.exit_code == 1 and "no user of that name" in refused.output
    refused = runner.invoke(cli, ["set-role", "nsc_partner", "coordinator", "--org", "DVP"])
    assert refused.exit_code == 1 and "no user of that name" in refused.output
    assert _user(two_orgs, "nsc_partner") == ("NSC", "partner", True, 0)
    done = runner.invoke(cli, ["set-role", "nsc_partner", "leadership", "--org", "NSC"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(cli, ["set-password", "nsc_partner", "--org", "NSC", "--password", STRONG])
    assert done.exit_code == 0, done.output
    assert _user(two_orgs, "nsc_partner") == ("NSC", "leadership", False, 2)


@pytest.mark.parametrize(
    "password", [" " * 12, "a" * 12, "newbie3newbie3", "newbie3newbie3newbie3"]
)
def test_cli_refuses_weak_passwords(two_orgs, password):
    """Issue 8.5 (CLI): the password policy applies to create-user and set-password."""
    runner = CliRunner()
    created = runner.invoke(
        cli, ["create-user", "newbie3", "--role", "partner", "--org", "DVP", "--password", password]
    )
    assert created.exit_code == 1 and "error: the password" in created.output
    reset = runner.invoke(
        cli, ["set-password", "dvp_admin", "--org", "DVP", "--password", password]
    )
    assert reset.exit_code == 1 and "error: the password" in reset.output
    assert _user(two_orgs, "dvp_admin")[2] is True
