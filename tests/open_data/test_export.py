"""`python -m dashboard export-open-data DIR`: every dataset as CSV and a Data Package that
validates against its own descriptor with the Frictionless validator."""

from __future__ import annotations

import json

import frictionless
from click.testing import CliRunner

from dashboard.open_data.catalogue import CATALOGUE


def run_export(monkeypatch, url: str, *args: str):
    from dashboard.cli import cli

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("REDIS_URL", "")
    return CliRunner().invoke(cli, ["export-open-data", *args])


def test_export_writes_a_valid_data_package(demo_url, tmp_path, monkeypatch):
    result = run_export(monkeypatch, demo_url, str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "wrote 11 datasets" in result.output
    out = tmp_path / "out"
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in descriptor["resources"]) == sorted(
        f"{name}.csv" for name in CATALOGUE
    )
    referrals = next(r for r in descriptor["resources"] if r["path"] == "referrals.csv")
    assert referrals["schema"]["missingValues"] == ["", "[c]"]
    assert "from 1 to 4 are hidden" in descriptor["description"]
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_validation_catches_a_value_outside_the_schema(demo_url, tmp_path, monkeypatch):
    """The check can fail: a strand the dictionary does not allow makes the package invalid."""
    assert run_export(monkeypatch, demo_url, str(tmp_path)).exit_code == 0
    path = tmp_path / "referrals.csv"
    path.write_text(path.read_text().replace("biphobic", "unknown", 1), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {e[2] for e in report.flatten(["rowNumber", "fieldName", "type"])}


def test_public_audience_exports_the_public_datasets_only(demo_url, tmp_path, monkeypatch):
    result = run_export(monkeypatch, demo_url, str(tmp_path), "--audience", "public")
    assert result.exit_code == 0, result.output
    written = {p.name for p in tmp_path.glob("*.csv")}
    assert written == {f"{n}.csv" for n, d in CATALOGUE.items() if d.audience == "public"}


def test_unknown_organisation_is_a_one_line_error(demo_url, tmp_path, monkeypatch):
    result = run_export(monkeypatch, demo_url, str(tmp_path), "--org", "NOPE")
    assert result.exit_code == 1
    assert result.output.strip() == "error: no organisation with code 'NOPE'"


def test_unwritable_directory_is_a_one_line_error(demo_url, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_export(monkeypatch, demo_url, str(blocker / "out"))
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write to")
