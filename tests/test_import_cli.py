"""The import command line: create-org, import (dry run, applied, rejected), templates, export."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.cli import cli
from data_access.db import make_engine
from data_access.models import AuditEvent, Organisation, Referral
from tests.conftest import new_database
from tests.data_access.imports.helpers import AREAS_CSV, referrals_csv

ROW = "R-1,N,homophobic,crime,online,2024-01-02,2024-01-03"


@pytest.fixture
def empty_url(tmp_path):
    """A migrated, empty SQLite database (the engine's behaviour on both backends is tested
    under tests/data_access/imports; these tests are about the command line)."""
    url, drop = new_database("sqlite", tmp_path)
    yield url
    drop()


@pytest.fixture
def invoke(empty_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", empty_url)
    monkeypatch.setenv("DASHBOARD_ENV", "testing")
    runner = CliRunner()

    def call(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return call


def _count(url: str, model) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        found = session.scalar(select(func.count()).select_from(model))
    engine.dispose()
    return found


def test_create_org_then_import_builds_a_force_without_demo_data(invoke, empty_url, tmp_path):
    assert invoke("create-org", "NEWF", "--name", "New Force").exit_code == 0
    duplicate = invoke("create-org", "NEWF", "--name", "Again")
    assert duplicate.exit_code == 1 and "already exists" in duplicate.output
    areas, referrals = tmp_path / "areas.csv", tmp_path / "referrals.csv"
    areas.write_text(AREAS_CSV)
    referrals.write_text(referrals_csv(ROW))
    assert invoke("import", str(areas), "--kind", "areas").exit_code == 0
    dry = invoke("import", str(referrals), "--kind", "referrals", "--org", "NEWF", "--dry-run")
    assert dry.exit_code == 0 and "preview" in dry.output and "1 added" in dry.output
    assert _count(empty_url, Referral) == 0
    done = invoke("import", str(referrals), "--kind", "referrals", "--org", "NEWF")
    assert done.exit_code == 0 and "applied" in done.output and "1 added" in done.output
    assert _count(empty_url, Referral) == 1 and _count(empty_url, Organisation) == 1


def test_a_rejected_import_exits_non_zero_with_the_first_reasons_and_a_report(
    invoke, empty_url, tmp_path
):
    invoke("create-org", "NEWF", "--name", "New Force")
    bad = tmp_path / "referrals.csv"
    bad.write_text(referrals_csv(ROW.replace(",N,", ",NOWHERE,"), ROW.replace("R-1", "R-2")))
    report = tmp_path / "rejects.csv"
    events = _count(empty_url, AuditEvent)
    result = invoke("import", str(bad), "--kind", "referrals", "--report", str(report))
    assert result.exit_code == 1
    assert "row 2, column area_code (value 'NOWHERE'): unknown area code" in result.output
    assert report.read_text().splitlines()[1].startswith("2,area_code,NOWHERE,")
    assert _count(empty_url, Referral) == 0
    assert _count(empty_url, AuditEvent) == events + 1  # the refusal is audited
    assert invoke("import", str(bad), "--kind", "referrals", "--report").exit_code == 1
    assert (tmp_path / "referrals.rejects.csv").read_text() == report.read_text()


def test_import_needs_an_organisation_when_there_are_several(invoke, tmp_path):
    invoke("create-org", "ONE", "--name", "One")
    invoke("create-org", "TWO", "--name", "Two")
    areas = tmp_path / "areas.csv"
    areas.write_text(AREAS_CSV)
    result = invoke("import", str(areas), "--kind", "areas")
    assert result.exit_code == 1 and "--org" in result.output and "ONE, TWO" in result.output


def test_templates_and_an_export_are_written(invoke, tmp_path):
    result = invoke("import-template", "all", str(tmp_path / "templates"))
    assert result.exit_code == 0 and "26 template(s)" in result.output
    assert (tmp_path / "templates" / "referrals.csv").read_text().startswith("log_number,")
    invoke("create-org", "NEWF", "--name", "New Force")
    areas = tmp_path / "areas.csv"
    areas.write_text(AREAS_CSV)
    invoke("import", str(areas), "--kind", "areas")
    assert invoke("export-records", str(tmp_path / "out")).exit_code == 0
    assert (tmp_path / "out" / "areas.csv").read_text() == AREAS_CSV
