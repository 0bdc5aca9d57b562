"""Command line: `python -m dashboard --help`. Exit 0 on success; otherwise a one-line reason
on stderr and a non-zero status."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from dashboard.config import INSTANCE_DIR, load_config
from data_access import audit, migrate, passwords, users
from data_access.db import Database


class Context:
    def __init__(self) -> None:
        self.config = load_config()
        url = self.config["DATABASE_URL"]
        if url.startswith("sqlite:///") and INSTANCE_DIR.as_posix() in url:
            INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        self.db = Database(url)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def describe(error: Exception, url: str | None) -> str:
    """One plain line for an error no command handled itself (never a traceback)."""
    if isinstance(error, NoSuchModuleError | ArgumentError):
        return f"DATABASE_URL is not a usable database URL ({_first_line(error)})"
    if isinstance(error, OperationalError) and url and url.startswith("sqlite"):
        where = make_url(url).database or "(memory)"
        return f"cannot open the SQLite database at {where}: {_first_line(error)}"
    if isinstance(error, OperationalError):
        return f"cannot reach the database: {_first_line(error)}"
    if isinstance(error, DBAPIError):
        return f"database error: {_first_line(error)}"
    if isinstance(error, ValueError):
        return str(error)
    return f"unexpected {type(error).__name__}: {_first_line(error)}"


class PlainErrors(click.Group):
    """Commands whose unexpected errors end as one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - reported in one line, by design
            context = ctx.obj if isinstance(ctx.obj, Context) else None
            fail(describe(error, context.config["DATABASE_URL"] if context else None))


def require_schema(obj: Context) -> None:
    if not inspect(obj.db.engine).has_table("user_account"):
        fail("the database has no schema; run `python -m dashboard init-db` first")


@click.group(cls=PlainErrors)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """LGBT+ liaison and accountability dashboard: database and data tasks."""
    try:
        ctx.obj = Context()
    except ValueError as exc:
        fail(str(exc))


@cli.command("init-db")
@click.pass_obj
def init_db(obj: Context) -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    migrate.upgrade(obj.db.engine)
    click.echo("database schema is up to date")


@cli.command("seed-demo")
@click.option("--seed", default=42, show_default=True, help="Random seed (same seed, same data).")
@click.option(
    "--scale",
    type=click.Choice(["force", "national"]),
    default="force",
    show_default=True,
    help="force: one demo force; national: 43 forces.",
)
@click.option("--if-empty", is_flag=True, help="Do nothing (exit 0) if data already exists.")
@click.pass_obj
def seed_demo(obj: Context, seed: int, scale: str, if_empty: bool) -> None:
    """Create the schema if needed and fill it with synthetic demo data."""
    from dashboard.demo import seed_demo as generate

    if obj.config["DASHBOARD_ENV"] == "production":
        fail("seed-demo refuses to run in production")
    if scale == "national":
        fail("the national-scale generator is not available yet; use --scale force")
    migrate.upgrade(obj.db.engine)
    try:
        with obj.db.session() as session:
            counts = generate(
                session, seed=seed, password=obj.config["DEMO_PASSWORD"], today=date.today()
            )
    except ValueError as exc:
        if if_empty and "already has data" in str(exc):
            click.echo("demo data already present; nothing to do")
            return
        fail(str(exc))
    click.echo("seeded: " + ", ".join(f"{table} {n}" for table, n in sorted(counts.items())))


def _record(session, action: str, user: users.User, detail: dict | None = None) -> None:
    audit.record(
        session,
        action,
        organisation_id=user.organisation_id,
        username="cli",
        target=f"user:{user.username}",
        detail=detail,
    )


def _check_password(password: str, username: str, org) -> None:
    passwords.check_password(password, [username, org.code, org.name])


@cli.command("create-user")
@click.argument("username")
@click.option("--role", required=True, help="partner, network, leadership, coordinator or admin")
@click.option("--org", "org_code", required=True, help="Organisation code, e.g. DVP")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.pass_obj
def create_user(obj: Context, username: str, role: str, org_code: str, password: str) -> None:
    """Create a new user; an existing username (in any organisation) is refused."""
    require_schema(obj)
    try:
        with obj.db.session() as session:
            _check_password(password, username, users.organisation_by_code(session, org_code))
            user = users.create_user(session, username, password, role, org_code)
            _record(session, "user_created", user, {"role": role})
    except ValueError as exc:
        fail(str(exc))
    click.echo(f"user {username} ({role}) created")


@cli.command("set-password")
@click.argument("username")
@click.option("--org", "org_code", required=True, help="The user's organisation code")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.pass_obj
def set_password(obj: Context, username: str, org_code: str, password: str) -> None:
    """Reset the password of a user of --org (ends the user's sessions)."""
    require_schema(obj)
    try:
        with obj.db.session() as session:
            org = users.organisation_by_code(session, org_code)
            user = users.org_user(session, org.id, username)
            _check_password(password, user.username, org)
            users.set_password(session, org.id, user.username, password)
            _record(session, "password_reset", user)
    except ValueError as exc:
        fail(f"{exc} ({org_code})" if getattr(exc, "code", "") == "no_such_user" else str(exc))
    click.echo(f"password of {username} reset")


@cli.command("set-role")
@click.argument("username")
@click.argument("role")
@click.option("--org", "org_code", required=True, help="The user's organisation code")
@click.pass_obj
def set_role(obj: Context, username: str, role: str, org_code: str) -> None:
    """Change the role of a user of --org (ends the user's sessions)."""
    require_schema(obj)
    try:
        with obj.db.session() as session:
            org = users.organisation_by_code(session, org_code)
            changes = users.update_user(session, org.id, username, role, None)
            if changes:
                user = users.org_user(session, org.id, username)
                _record(session, "user_changed", user, {k: list(v) for k, v in changes.items()})
    except ValueError as exc:
        fail(f"{exc} ({org_code})" if getattr(exc, "code", "") == "no_such_user" else str(exc))
    click.echo(f"{username} is {role}" + ("" if changes else " already"))


@cli.command("verify-audit")
@click.pass_obj
def verify_audit(obj: Context) -> None:
    """Check the audit log's hash chain; print 'ok' or the first broken row."""
    require_schema(obj)
    with obj.db.session() as session:
        broken = audit.verify(session)
    if broken is not None:
        fail(f"audit chain broken at event id {broken}")
    click.echo("ok")


# --- open data (export-open-data) ----------------------------------------------------------
@cli.command("export-open-data")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--org", "org_code", default=None, help="Organisation code (default: PUBLIC_ORG).")
@click.option(
    "--audience",
    type=click.Choice(["public", "partner"]),
    default="partner",
    show_default=True,
    help="public: the public datasets only; partner: the whole catalogue.",
)
@click.pass_obj
def export_open_data(obj: Context, directory: Path, org_code: str | None, audience: str) -> None:
    """Write every open dataset as CSV plus a Frictionless Data Package (datapackage.json),
    disclosure-controlled as the audience sees it."""
    from sqlalchemy import select

    from dashboard import create_app
    from dashboard.open_data.export import export
    from dashboard.viewer import Viewer
    from data_access.models import Organisation

    code = org_code or obj.config["PUBLIC_ORG"]
    if not inspect(obj.db.engine).has_table("organisation"):
        fail("the database has no schema; run `python -m dashboard init-db` first")
    with obj.db.session() as session:
        org_id = session.scalar(select(Organisation.id).where(Organisation.code == code))
    if org_id is None:
        fail(f"no organisation with code {code!r}")
    app = create_app(obj.config)
    try:
        with app.server.test_request_context("/"):
            written = export(directory, Viewer(audience, org_id), code, date.today())
    except OSError as exc:
        fail(f"cannot write to {directory}: {exc.strerror or exc}")
    with obj.db.session() as session:
        audit.record(
            session,
            "download",
            organisation_id=org_id,
            username="cli",
            target="export-open-data",
            detail={"audience": audience, "datasets": len(written)},
        )
    rows = sum(n for _name, n in written)
    click.echo(f"wrote {len(written)} datasets ({rows} rows) and datapackage.json to {directory}")


# --- imports: create-org, import, import-template, export-records, data-dictionary ---------
from dashboard.import_cli import add_import_commands  # noqa: E402 - registers on `cli` above

add_import_commands(cli)


# --- disclosure audit (issue 9) -------------------------------------------------------------
@cli.command("audit-disclosure")
@click.option("--role", type=click.Choice(["public", "partner"]), required=True)
@click.option("--org", "org_code", default=None, help="Organisation code (default PUBLIC_ORG).")
@click.option("--period", "periods", multiple=True, help="Only these periods (default: all).")
@click.option("--no-downloads", is_flag=True, help="Leave out the download buttons.")
def audit_disclosure(
    role: str, org_code: str | None, periods: tuple[str, ...], no_downloads: bool
) -> None:
    """Harvest every figure the role can obtain and bound each protected cell by LP; exit 1
    when any is exposed."""
    from dashboard.disclosure_audit import run

    try:
        report = run(role, org_code, list(periods) or None, not no_downloads)
    except (ValueError, RuntimeError) as exc:
        fail(str(exc))
    click.echo("\n".join(report.lines()))
    if not report.ok:
        fail(f"disclosure audit failed for role {role}: small counts can be recovered")
