"""Bad input, on SQLite and PostgreSQL: each refused with a message naming the problem, and no
record table changed (only the import history and the audit log record the attempt)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.data_access.imports.helpers import digest, referrals_csv, run

OK_ROW = "R-1,N,homophobic,crime,online,2024-01-02,2024-01-03"


def _workbook(*sheets: str) -> bytes:
    book = Workbook()
    book.active.title = sheets[0]
    for name in sheets[1:]:
        book.create_sheet(name)
    for sheet in book.worksheets:
        sheet.append(["code", "name"])
        sheet.append(["X1", "Somewhere"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# name: (kind, file content, options, words the message must contain)
CASES = {
    "empty file": ("areas", b"", {}, "empty"),
    "blank lines only": ("areas", b"\r\n \r\n", {}, "empty"),
    "header only": ("areas", b"code,name,population\n", {}, "no data rows"),
    "missing required column": (
        "referrals", referrals_csv(OK_ROW).replace("strand,", "kind,"), {}, "strand",
    ),
    "unknown extra column": ("areas", "code,name,colour\nX,Y,red\n", {}, "colour"),
    "wrong type": ("areas", "code,name,population\nX,Y,lots\n", {}, "not a whole number"),
    "impossible date": (
        "referrals", referrals_csv(OK_ROW.replace("2024-01-03", "2024-02-31")), {},
        "31 February does not exist",
    ),
    "dates out of order": (
        "referrals", referrals_csv(OK_ROW.replace("2024-01-02", "2024-03-01")), {},
        "`reported_on` on or after `occurred_on`",
    ),
    "unknown area": ("referrals", referrals_csv(OK_ROW.replace(",N,", ",ZZ,")), {}, "unknown area"),
    "unknown liaison officer": (
        "referrals",
        referrals_csv(OK_ROW + ",2024-01-04,2024-01-05,LO-9",
                      header=referrals_csv().strip() + ",flagged_on,allocated_on,lo_code"),
        {}, "unknown liaison-officer code",
    ),
    "unknown course": (
        "training_sessions", "code,course_code,held_on\nS9,NOPE,2024-01-01\n", {},
        "unknown course code",
    ),
    "duplicate keys": ("referrals", referrals_csv(OK_ROW, OK_ROW), {}, "already on row 2"),
    "e-mail in free text": (
        "training_courses",
        "code,title,kind,mode,delivered_by\nC9,Ask jo.bloggs@example.org,awareness,online,police\n",
        {}, "e-mail address or phone number",
    ),
    "phone in free text": (
        "actions",
        "code,raised_on,forum,issue,owner\nA9,2024-01-01,Forum,Call 07700 900123 back,Inspector\n",
        {}, "e-mail address or phone number",
    ),
    "file over IMPORT_MAX_MB": (
        "areas", "code,name\n" + "X,Y\n" * 300_000, {"max_mb": 1}, "over the import limit of 1 MB",
    ),
    "binary renamed .csv": ("areas", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8, {}, "binary"),
    "workbook renamed .csv": ("areas", _workbook("areas"), {}, "not CSV text"),
    "xlsx with several sheets": (
        "areas", _workbook("areas", "notes"), {"filename": "areas.xlsx"}, "areas, notes",
    ),
    "xlsx sheet not there": (
        "areas", _workbook("areas", "notes"), {"filename": "a.xlsx", "sheet": "Sheet9"},
        "no sheet 'Sheet9'",
    ),
    "file of another kind": ("areas", referrals_csv(OK_ROW), {}, "kind 'referrals'"),
    "another organisation's codes": (
        "officers", "code,area_code,officer_type,recruited_on\nLO-X,BX,officer,2023-01-01\n", {},
        "unknown area code",
    ),
    "required value missing": ("areas", "code,name\nX,\n", {}, "a value is required"),
    "value not allowed": (
        "referrals", referrals_csv(OK_ROW.replace("homophobic", "racist")), {},
        "not an allowed value",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def before(imports_url) -> dict[str, str]:
    """The record tables before any case of this module (every case must leave them so)."""
    return digest(imports_url)


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_and_changes_nothing(imports_url, before, case):
    kind, data, options, words = CASES[case]
    summary = run(imports_url, kind, data, **{"filename": "upload.csv", **options})
    assert summary.status in ("refused", "rejected")
    assert summary.added == summary.updated == 0 or summary.status == "rejected"
    assert words in summary.message + " ".join(r.reason for r in summary.rejects), summary.message
    assert summary.rejects and summary.report_csv().startswith("row,column,value,reason")
    assert digest(imports_url) == before
