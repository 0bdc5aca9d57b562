"""Command line: `python -m dashboard --help`. Exit 0 on success; otherwise a one-line reason
on stderr and a non-zero status."""

from __future__ import annotations

import sys
from datetime import date

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
