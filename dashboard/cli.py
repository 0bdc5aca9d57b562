"""Command line: `python -m dashboard --help`. Exit 0 on success; otherwise a one-line reason
on stderr and a non-zero status."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from sqlalchemy import inspect

from dashboard.config import INSTANCE_DIR, load_config
from data_access import audit, migrate, users
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


@click.group()
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


@cli.command("create-user")
@click.argument("username")
@click.option("--role", required=True, help="partner, network, leadership, coordinator or admin")
@click.option("--org", "org_code", required=True, help="Organisation code, e.g. DVP")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.pass_obj
def create_user(obj: Context, username: str, role: str, org_code: str, password: str) -> None:
    """Create a user (or reset an existing user's role, organisation and password)."""
    if not inspect(obj.db.engine).has_table("user_account"):
        fail("the database has no schema; run `python -m dashboard init-db` first")
    try:
        with obj.db.session() as session:
            user = users.create_user(session, username, password, role, org_code)
            audit.record(
                session,
                "user_change",
                organisation_id=user.organisation_id,
                username="cli",
                target=f"user:{username}",
                detail={"role": role},
            )
    except ValueError as exc:
        fail(str(exc))
    click.echo(f"user {username} ({role}) saved")


@cli.command("verify-audit")
@click.pass_obj
def verify_audit(obj: Context) -> None:
    """Check the audit log's hash chain; print 'ok' or the first broken row."""
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
