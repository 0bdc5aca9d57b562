"""Mappings: the Toronto Police Service hate-crime export, another city's export in a different
shape (no code change), and mappings that name an unknown column or meet an unmapped value."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.imports import load_mapping, parse_mapping
from data_access.queries.common import Period
from data_access.queries.referrals import total
from tests.data_access.imports.conftest import add_org
from tests.data_access.imports.helpers import digest, org_id, run

ROOT = Path(__file__).resolve().parents[3]
TORONTO = ROOT.parent / "shared" / "data" / "toronto_hate_crimes.csv"
MAPPINGS = ROOT / "mappings"
TRANS = ("transgender", "non-binary")


def toronto_expected() -> tuple[Counter, Counter]:
    """From the source file alone (csv module): in-scope occurrences by REPORTED_YEAR, and by
    strand group. In scope: a trans or non-binary GENDER_BIAS (transphobic), else any
    SEXUAL_ORIENTATION_BIAS (homophobic/biphobic); one strand each, gender bias first."""
    years, strands = Counter(), Counter()
    with TORONTO.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            gender = row["GENDER_BIAS"].strip().lower()
            if gender.startswith(TRANS):
                strands["gender"] += 1
            elif row["SEXUAL_ORIENTATION_BIAS"].strip():
                strands["sexual_orientation"] += 1
            else:
                continue
            years[int(row["REPORTED_YEAR"])] += 1
    return years, strands


def test_toronto_hate_crimes_import_matches_the_source_counts(imports_url):
    add_org(imports_url, "TPS")
    areas = (MAPPINGS / "toronto_divisions.csv").read_bytes()
    assert run(imports_url, "areas", areas, org="TPS").status == "applied"
    mapping = load_mapping(MAPPINGS / "toronto_hate_crimes.yaml")
    summary = run(imports_url, None, TORONTO.read_bytes(), org="TPS", mapping=mapping,
                  filename=TORONTO.name)  # fmt: skip
    years, strands = toronto_expected()
    assert summary.status == "applied", summary.first_reasons()
    assert (summary.rows_total, summary.encoding) == (2041, "UTF-8 with BOM")
    assert summary.added == sum(years.values()) and summary.skipped == 2041 - summary.added
    engine = make_engine(imports_url)
    with Session(engine) as session:
        org = org_id(session, "TPS")
        by_year = {
            year: total(session, org, Period(date(year, 1, 1), date(year + 1, 1, 1)))
            for year in range(2018, 2026)
        }
        everything = Period(date(2000, 1, 1), date(2100, 1, 1))
        trans = total(session, org, everything, strand="transphobic")
        orientation = sum(
            total(session, org, everything, strand=s) for s in ("homophobic", "biphobic")
        )
    engine.dispose()
    assert by_year == {year: years.get(year, 0) for year in range(2018, 2026)}
    assert trans == strands["gender"] == 80
    # two occurrences carry both biases: each is one referral, counted under gender bias
    assert orientation == strands["sexual_orientation"] == 293 - 2


OTHER_CITY = """Incident No;Year;Month;Motive;Beat;Cleared;Victim staff
A-1;2024;January;Anti-Gay;Central;C-991;N
A-1;2024;January;Anti-Gay;Central;C-991;N
A-2;2024;3;Anti-Bisexual;East;;N
A-3;2024;March;Anti-Transgender;Harbour;;Y
A-4;2024;April;Anti-Black;Central;;N
"""
OTHER_MAPPING = """
name: other_city
kind: channel_volumes
columns: {}
"""
OTHER_REFERRALS = """
name: other_city_referrals
kind: referrals
dedupe: Incident No
columns:
  log_number: Incident No
  reported_on: {year: Year, month: Month, day: 1}
  strand:
    from: Motive
    values: {Anti-Gay: homophobic, Anti-Lesbian: homophobic, Anti-Bisexual: biphobic,
             "Anti-Trans*": transphobic}
    default: skip
  area_code:
    from: Beat
    values: {Central: N, Harbour: S, East: S}
    default: reject
  outcome: {present: Cleared, then: charge_summons, else: ongoing}
  internal_case: {from: Victim staff, values: {Y: "yes", N: "no"}}
  incident_type: {constant: non_crime}
  channel: {constant: online}
"""


def test_another_city_export_needs_only_a_mapping(imports_url, fresh_org):
    mapping = parse_mapping(OTHER_REFERRALS, "other")
    summary = run(imports_url, None, OTHER_CITY, org=fresh_org, mapping=mapping)
    assert summary.status == "applied", summary.first_reasons()
    assert (summary.added, summary.skipped, summary.merged) == (3, 1, 1)
    engine = make_engine(imports_url)
    with Session(engine) as session:
        org = org_id(session, fresh_org)
        march = Period(date(2024, 3, 1), date(2024, 4, 1))
        assert total(session, org, march) == 2
        assert total(session, org, march, strand="transphobic", area_code="S") == 1
    engine.dispose()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("from: Beat", "from: Precinct"), "source column 'Precinct' (for area_code) is not in"),
        (("Harbour: S, ", ""), "no value in the mapping for area_code"),
        (("dedupe: Incident No\n", "dedupe: Incident No\nignore_other_columns: false\n"), None),
        (("  channel: {constant: online}\n", ""), "lacks required column(s) channel"),
    ],
)
def test_a_mapping_problem_is_named_and_changes_nothing(imports_url, fresh_org, change, words):
    before = digest(imports_url)
    mapping = parse_mapping(OTHER_REFERRALS.replace(*change), "other")
    summary = run(imports_url, None, OTHER_CITY, org=fresh_org, mapping=mapping)
    if words is None:
        assert summary.status == "applied"
        return
    assert summary.status in ("refused", "rejected")
    assert words in summary.message, summary.message
    assert digest(imports_url) == before


def test_unused_source_columns_must_be_mapped_or_ignored(imports_url, fresh_org):
    without = [line for line in OTHER_REFERRALS.splitlines() if "internal_case" not in line]
    mapping = parse_mapping("\n".join(without), "other")
    summary = run(imports_url, None, OTHER_CITY, org=fresh_org, mapping=mapping)
    assert summary.status == "refused" and "Victim staff" in summary.message
    assert "`ignore:`" in summary.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (OTHER_MAPPING, "`columns` must map"),
        ("kind: nonsense\ncolumns: {a: b}", "unknown kind 'nonsense'"),
        ("kind: areas\ncolumns: {colour: X}", "colour not column(s) of kind 'areas'"),
        ("kind: areas\ncolumns: {code: {from: X, default: maybe}}", "default must be skip"),
        ("kind: areas\ncolumns: {code: {form: X}}", "unknown option(s) form"),
        ("kind: [areas", "not valid YAML"),
    ],
)
def test_a_malformed_mapping_file_is_refused_with_a_reason(text, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_mapping(text, "bad")
