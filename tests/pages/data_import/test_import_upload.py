"""Uploads: the size limit (message, and the request-size allowance for coordinators only) and
workbooks of several sheets."""

from __future__ import annotations

from tests.dash_client import call, find_callback, response_data
from tests.pages.data_import.helpers import data_url, recent_referrals, signed_in
from tests.pages.data_import.steps import P, text_of, upload


def test_file_over_the_limit_is_refused_with_a_clear_message(force):
    client = signed_in(force, "coordinator")
    force.server.config["IMPORT_MAX_MB"] = 0.001  # about 1 KB
    try:
        staged = upload(client, force, recent_referrals(40))
    finally:
        force.server.config["IMPORT_MAX_MB"] = 20
    assert staged[f"{P}-file"]["data"] is None
    assert "over the import limit of 0.001 MB" in text_of(staged[f"{P}-file-note"])


def test_callback_body_up_to_the_import_limit_is_accepted_for_the_coordinator_only(force):
    """MAX_CONTENT_LENGTH stays small for everyone; a coordinator's upload may reach
    IMPORT_MAX_MB encoded."""
    force.server.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    big = recent_referrals(30000)  # ~1.6 MB, ~2.2 MB as base64 in the callback body
    try:
        staged = upload(signed_in(force, "coordinator"), force, big)
        assert staged[f"{P}-file"]["data"]["token"]
        checked = {"contents": data_url(big.encode()), "filename": "big.csv"}
        refused = call(signed_in(force, "leadership"), find_callback(force, f"{P}-file.data"),
                       {f"{P}-upload-checked.data": checked})  # fmt: skip
        assert refused.status_code == 413
    finally:
        force.server.config["MAX_CONTENT_LENGTH"] = None


def workbook(**sheets: str) -> bytes:
    """An .xlsx with one sheet per keyword, each filled from CSV text."""
    import csv
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, text in sheets.items():
        sheet = book.create_sheet(name)
        for row in csv.reader(io.StringIO(text)):
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_of_several_sheets_asks_for_the_sheet(force):
    client = signed_in(force, "coordinator")
    data = workbook(Notes="a,b\n1,2\n", Referrals=recent_referrals(3, start=700))
    checked = {"contents": data_url(data, "application/vnd.ms-excel"), "filename": "f.xlsx"}
    staged = response_data(call(client, find_callback(force, f"{P}-file.data"),
                                {f"{P}-upload-checked.data": checked}))  # fmt: skip
    assert staged[f"{P}-sheet-area"]["hidden"] is False
    assert [o["value"] for o in staged[f"{P}-sheet"]["options"]] == ["Notes", "Referrals"]
    file = staged[f"{P}-file"]["data"]
    values = {f"{P}-file.data": file, f"{P}-kind.value": "referrals", f"{P}-mapping.data": None,
              f"{P}-sheet.value": None, f"{P}-sheet-area.hidden": False}  # fmt: skip
    callback = find_callback(force, f"{P}-preview.children")
    waiting = response_data(call(client, callback, values))
    assert "choose the one to import" in text_of(waiting[f"{P}-preview"])
    chosen = response_data(call(client, callback, {**values, f"{P}-sheet.value": "Referrals"}))
    panel = text_of(chosen[f"{P}-preview"])
    assert "Ready to import" in panel and "Sheet: Referrals" in panel
