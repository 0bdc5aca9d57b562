"""The import page through HTTP as the browser drives it: upload, preview, confirm (a background
job), the reject report, double clicks, cancelling, size limits and refusals for other roles."""

from __future__ import annotations

import json
import time

from data_access.models import AuditEvent, ImportBatch, Referral
from tests.dash_client import call, find_callback, response_data
from tests.pages.data_import.helpers import (
    data_url,
    end_id,
    poll_background,
    recent_referrals,
    referrals_csv,
    signed_in,
    start_background,
)
from tests.pages.data_import.steps import (
    P,
    call_triggered,
    confirm,
    count,
    preview,
    text_of,
    upload,
)


def test_upload_preview_confirm_imports_and_records_history(force):
    client = signed_in(force, "coordinator")
    staged = upload(client, force, recent_referrals(30))
    file = staged[f"{P}-file"]["data"]
    assert file["filename"] == "referrals.csv" and file["token"]
    assert staged[f"{P}-sheet-area"]["hidden"] is True  # a CSV has no sheets

    shown = preview(client, force, file)
    panel = text_of(shown[f"{P}-preview"]["children"])
    assert "Ready to import" in panel and "UTF-8" in panel and "to be added" in panel
    assert shown[f"{P}-confirm"]["disabled"] is False
    assert count(force.url, Referral) == 0  # a preview writes nothing

    ticket = shown[f"{P}-ticket"]["data"]
    result, progress = confirm(client, force, ticket)
    assert "Imported" in text_of(result[f"{P}-result"]) and "/import/history" in text_of(result)
    assert result[f"{P}-confirm"]["disabled"] is True  # stays disabled after success
    assert progress, "no progress reported"
    assert count(force.url, Referral) == 30
    assert count(force.url, ImportBatch, status="applied", kind="referrals") >= 1
    assert count(force.url, AuditEvent, action="import") >= 2  # areas (setup) and this one

    again, _progress = confirm(client, force, ticket)  # a double click, or a replay
    assert "already imported" in text_of(again[f"{P}-result"])
    assert count(force.url, Referral) == 30


def test_rejected_file_shows_rejects_and_offers_the_report(force):
    client = signed_in(force, "coordinator")
    bad = referrals_csv("X1,N,homophobic,crime,online,2024-02-31,2024-03-01",
                        "X2,ZZ,homophobic,crime,online,2024-02-01,2024-03-01")  # fmt: skip
    file = upload(client, force, bad, "bad.csv")[f"{P}-file"]["data"]
    shown = preview(client, force, file)
    panel = text_of(shown[f"{P}-preview"]["children"])
    assert "rejected" in panel and f"{P}-rejects" in panel and "ZZ" in panel
    assert shown[f"{P}-confirm"]["disabled"] is True
    assert shown[f"{P}-report-area"]["hidden"] is False
    ticket = shown[f"{P}-ticket"]["data"]
    values = {f"{P}-report.n_clicks": 1, f"{P}-ticket.data": ticket}
    answer = call(client, find_callback(force, f"{P}-report-download.data"), values)
    report = response_data(answer)[f"{P}-report-download"]["data"]
    assert report["filename"] == "bad-rejects.csv"
    assert report["content"].startswith("Row,Column,Value,Reason") and "ZZ" in report["content"]


def test_rejects_and_their_report_are_in_the_viewers_language(force):
    """The same rejects in Spanish: the panel's reasons and the downloaded report."""
    client = signed_in(force, "coordinator")
    client.set_cookie("lang", "es")
    bad = referrals_csv("X1,N,homophobic,crime,online,2024-02-31,2024-03-01",
                        "X2,ZZ,homophobic,crime,online,2024-02-01,2024-03-01")  # fmt: skip
    file = upload(client, force, bad, "bad.csv")[f"{P}-file"]["data"]
    shown = preview(client, force, file)
    panel = json.dumps(shown[f"{P}-preview"]["children"], ensure_ascii=False)
    assert "no es una fecha real con el formato YYYY-MM-DD" in panel
    assert "código de zona desconocido: no existe ese registro en esta organización" in panel
    assert "not a real date" not in panel
    values = {f"{P}-report.n_clicks": 1, f"{P}-ticket.data": shown[f"{P}-ticket"]["data"]}
    answer = call(client, find_callback(force, f"{P}-report-download.data"), values)
    content = response_data(answer)[f"{P}-report-download"]["data"]["content"]
    assert content.startswith("Fila,Columna,Valor,Motivo") and "no es una fecha real" in content


def test_cancelled_import_keeps_nothing_and_is_in_the_history(force):
    client = signed_in(force, "coordinator")
    before = count(force.url, Referral)
    file = upload(client, force, recent_referrals(5, start=500))[f"{P}-file"]["data"]
    ticket = preview(client, force, file)[f"{P}-ticket"]["data"]
    note = call(client, find_callback(force, f"{P}-cancel-note.children"),
                {f"{P}-cancel.n_clicks": 1, f"{P}-ticket.data": ticket})  # fmt: skip
    assert "Cancelling" in text_of(response_data(note))
    result, _progress = confirm(client, force, ticket)
    assert "cancelled" in text_of(result[f"{P}-result"])
    assert result[f"{P}-confirm"]["disabled"] is False
    assert count(force.url, Referral) == before
    assert count(force.url, ImportBatch, status="cancelled") == 1


def test_mapping_choice_sets_the_kind_and_bad_mapping_is_explained(force):
    client = signed_in(force, "coordinator")
    chooser = find_callback(force, f"{P}-mapping.data")
    shipped = response_data(call(client, chooser, {f"{P}-mapping-choice.value":
                                                   "toronto_hate_crimes"}))  # fmt: skip
    assert shipped[f"{P}-kind"]["value"] == "referrals"
    bad = {f"{P}-mapping-upload.contents": data_url(b"kind: referrals\ncolumns: {nope: X}\n"),
           f"{P}-mapping-upload.filename": "mine.yaml"}  # fmt: skip
    answer = call_triggered(client, chooser, bad, f"{P}-mapping-upload.contents")
    assert "nope" in text_of(response_data(answer)[f"{P}-mapping-note"])


def test_templates_download_as_csv_and_xlsx(force):
    client = signed_in(force, "coordinator")
    download = find_callback(force, f"{P}-template-download.data")
    csv = response_data(call(client, download, {f"{P}-template-csv.n_clicks": 1,
                                                f"{P}-kind.value": "areas"}))  # fmt: skip
    assert csv[f"{P}-template-download"]["data"]["content"].startswith("code,name")
    values = {f"{P}-template-xlsx.n_clicks": 1, f"{P}-kind.value": "areas"}
    xlsx = response_data(call_triggered(client, download, values, f"{P}-template-xlsx.n_clicks"))
    sent = xlsx[f"{P}-template-download"]["data"]
    assert sent["filename"] == "areas.xlsx" and sent["base64"] is True


def test_other_roles_are_refused_every_import_callback_even_the_background_polls(force):
    coordinator = signed_in(force, "coordinator")
    file = upload(coordinator, force, recent_referrals(2, start=900))[f"{P}-file"]["data"]
    ticket = preview(coordinator, force, file)[f"{P}-ticket"]["data"]
    callback = find_callback(force, f"{P}-result.children@")
    for role in ("leadership", "network", "partner", "admin", "public"):
        client = signed_in(force, role)
        started = call(client, callback, {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket})
        assert started.status_code == 403, role
        poll = {"output": callback["output"], "outputs": [], "inputs": []}
        polled = client.post("/_dash-update-component?cacheKey=x&job=1&endId=y", json=poll)
        assert polled.status_code == 403, role
        assert client.get("/import").status_code in (302, 403), role
    assert count(force.url, Referral, log_number="R00900") == 0


def test_the_app_answers_while_an_import_runs(force):
    """The apply runs in a job process: other callbacks answer meanwhile."""
    client = signed_in(force, "coordinator")
    file = upload(client, force, recent_referrals(20000, start=20000))[f"{P}-file"]["data"]
    ticket = preview(client, force, file)[f"{P}-ticket"]["data"]
    values = {f"{P}-confirm.n_clicks": 1, f"{P}-ticket.data": ticket}
    callback, url = start_background(client, force, f"{P}-result.children@", values,
                                     end_id(client))  # fmt: skip
    started = time.monotonic()
    other = call(client, find_callback(force, "import_history-table.children"),
                 {"import_history-load.data": 0})  # fmt: skip
    answered = time.monotonic() - started
    assert other.status_code == 200
    still_running, _progress = poll_background(client, callback, url)
    assert still_running is None, "the import finished before the other request: not a test"
    assert answered < 2.0
    deadline = time.monotonic() + 120
    while (result := poll_background(client, callback, url)[0]) is None:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert "Imported" in text_of(result[f"{P}-result"])
