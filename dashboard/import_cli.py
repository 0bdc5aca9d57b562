"""Command-line import tasks: create-org, import, import-template, export-records, data-dictionary.

Registered on the main group by `add_import_commands(cli)` (see dashboard/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from sqlalchemy import select

from data_access import audit, migrate
from data_access.imports import KINDS, Source, apply_import, load_mapping, preview_import
from data_access.imports.export import export_all
from data_access.imports.templates import data_dictionary, write_templates
from data_access.models import Organisation
from data_access.organisations import create_organisation, org_id_for_code

CLI_USER = "cli"
NEXT_TO_FILE = "<next to the file>"
DICTIONARY = Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md"


def fail(message: str, details: list[str] = ()) -> None:  # type: ignore[assignment]
    click.echo(f"error: {message}", err=True)
    for line in details:
        click.echo(f"  {line}", err=True)
    sys.exit(1)


def _organisation(session, code: str | None) -> int:
    """The organisation named by --org; the only one when there is just one."""
    if code:
        return org_id_for_code(session, code)
    codes = list(session.scalars(select(Organisation.code).order_by(Organisation.code)))
    if len(codes) == 1:
        return org_id_for_code(session, codes[0])
    raise ValueError(f"choose the organisation with --org (one of: {', '.join(codes) or 'none'})")


@click.command("create-org")
@click.argument("code")
@click.option("--name", required=True, help="The organisation's full name.")
@click.pass_obj
def create_org(obj, code: str, name: str) -> None:
    """Create an organisation (a force) with no records; fill it with `import`."""
    migrate.upgrade(obj.db.engine)
    try:
        with obj.db.session() as session:
            org_id = create_organisation(session, code, name)
            audit.record(session, "record_change", organisation_id=org_id, username=CLI_USER,
                         target=f"organisation:{code}", detail={"created": name})  # fmt: skip
    except ValueError as exc:
        fail(str(exc))
    click.echo(f"organisation {code} ({name}) created; import its areas first")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(list(KINDS)), help="Kind of records (or the mapping's).")
@click.option("--org", "org_code", help="Organisation code (needed when there are several).")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False), help="Mapping file.")
@click.option("--dry-run", is_flag=True, help="Validate and count only; write nothing.")
@click.option("--sheet", help="Sheet of an .xlsx workbook to read.")
@click.option(
    "--report",
    is_flag=False,
    flag_value=NEXT_TO_FILE,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every rejected row (row, column, value, reason) to this CSV file "
    "(no file name: FILE's name + .rejects.csv, next to it).",
)
@click.pass_obj
def import_file(obj, file: Path, kind, org_code, mapping, dry_run, sheet, report) -> None:
    """Validate and import FILE: all rows or none; the same file twice changes nothing."""
    if kind is None and mapping is None:
        fail("give --kind (one of: " + ", ".join(KINDS) + ") or --mapping")
    try:
        loaded = load_mapping(mapping) if mapping else None
        source = Source(file.read_bytes(), file.name, kind, loaded, sheet,
                        float(obj.config["IMPORT_MAX_MB"]))  # fmt: skip
        with obj.db.session() as session:
            org_id = _organisation(session, org_code)
            if dry_run:
                summary = preview_import(session, org_id, source)
                session.rollback()
            else:
                summary = apply_import(session, org_id, source, CLI_USER)
    except ValueError as exc:
        fail(str(exc))
    for line in summary.lines():
        click.echo(line)
    if report == Path(NEXT_TO_FILE):
        report = file.with_name(file.stem + ".rejects.csv")
    if report is not None and summary.rejects:
        report.write_text(summary.report_csv(), encoding="utf-8")
        click.echo(f"reject report written to {report}")
    if summary.rejects:
        fail(summary.message or "the file was not imported", summary.first_reasons(5))


@click.command("import-template")
@click.argument("kind", type=click.Choice(["all", *KINDS]))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "both"]), default="both",
              show_default=True)  # fmt: skip
def import_template(kind: str, directory: Path, fmt: str) -> None:
    """Write the import template(s) of KIND (or all kinds) into DIRECTORY."""
    formats = ("csv", "xlsx") if fmt == "both" else (fmt,)
    written = write_templates(list(KINDS) if kind == "all" else [kind], directory, formats)
    click.echo(f"{len(written)} template(s) written to {directory}")


@click.command("export-records")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--org", "org_code", help="Organisation code (needed when there are several).")
@click.pass_obj
def export_records(obj, directory: Path, org_code: str | None) -> None:
    """Write the organisation's records into DIRECTORY as import files, one per kind."""
    try:
        with obj.db.session() as session:
            written = export_all(session, _organisation(session, org_code), directory)
    except ValueError as exc:
        fail(str(exc))
    click.echo(f"{len(written)} file(s) written to {directory} (import them in name order)")


@click.command("data-dictionary")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=DICTIONARY,
              show_default=True)  # fmt: skip
def write_dictionary(output: Path) -> None:
    """Write the import data dictionary (Markdown), generated from the import definitions."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(data_dictionary(), encoding="utf-8")
    click.echo(f"data dictionary written to {output}")


def add_import_commands(group: click.Group) -> None:
    for command in (create_org, import_file, import_template, export_records, write_dictionary):
        group.add_command(command)
