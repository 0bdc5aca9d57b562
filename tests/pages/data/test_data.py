"""The /data page's callbacks through HTTP, per role: the catalogue, the viewer (same values
as the API), downloads (same files as the API, audited) and refusals."""

from __future__ import annotations

import base64
import json

import pytest

from dashboard.open_data.catalogue import CATALOGUE
from tests.dash_client import call, find_callback, grid_rows, response_data

PUBLIC = {n for n, d in CATALOGUE.items() if d.audience == "public"}


def view(app, client, name, start=None, end=None, area=None):
    callback = find_callback(app, "data-view.children")
    values = {
        "data-dataset.value": name,
        "data-from.value": start,
        "data-to.value": end,
        "data-area.value": area,
    }
    response = call(client, callback, values)
    assert response.status_code == 200
    return response_data(response)


def catalogue(app, client) -> dict:
    response = call(
        client, find_callback(app, "data-catalogue.children"), {"data-ready.data": True}
    )
    assert response.status_code == 200
    return response_data(response)


@pytest.mark.parametrize(("role", "expected"), [("public", PUBLIC), ("partner", set(CATALOGUE))])
def test_catalogue_lists_what_the_role_may_use(app, login_as, role, expected):
    data = catalogue(app, login_as(role))
    assert {o["value"] for o in data["data-dataset"]["options"]} == expected
    text = json.dumps(data["data-catalogue"])
    for name in CATALOGUE:
        assert (f'"data-card-{name}"' in text) == (name in expected), name
    assert data["data-area"]["options"][0] == {"value": "BG", "label": "Blaenau Gwent"}
    assert "No revisions yet" in json.dumps(data["data-revisions"])


def test_viewer_shows_the_api_values(app, login_as):
    client = login_as("public")
    data = view(app, client, "referrals", "2025-01", "2025-03", "NE")
    rows = grid_rows(data, "data-view", "data-table")
    api = client.get("/api/v1/datasets/referrals.json?from=2025-01&to=2025-03&area=NE")
    expected = [
        {k: ("[c]" if v is None else v) for k, v in row.items()} for row in api.get_json()["rows"]
    ]
    assert rows == expected
    assert "/api/v1/datasets/referrals.csv?from=2025-01&amp;to=2025-03&amp;area=NE" not in str(
        data
    )  # the link is plain text, not HTML-escaped
    assert "referrals.csv?from=2025-01&to=2025-03&area=NE" in json.dumps(data["data-view"])
    assert [data[f"data-{f}"]["disabled"] for f in ("from", "to", "area")] == [False] * 3
    search = "?dataset=referrals&from=2025-01&to=2025-03&area=NE"
    assert data["data-address"]["data"] == {"search": search}  # kept in the address bar


def test_dictionary_comes_from_the_definition(app, login_as):
    data = view(app, login_as("public"), "outcomes")
    rows = grid_rows(data, "data-dictionary", "data-dictionary-table")
    assert [r["column"] for r in rows] == [c.name for c in CATALOGUE["outcomes"].columns]
    assert rows[0]["allowed"] == "YYYY-Qn"
    assert data["data-area"]["disabled"] is True  # outcomes has no area breakdown


def test_partner_dataset_is_refused_to_anonymous_visitors(app, login_as):
    client = login_as("public")
    data = view(app, client, "lo_timeliness")
    assert "for partner organisations" in json.dumps(data["data-view"])
    assert data["data-dictionary"]["children"] is None
    download = find_callback(app, "data-csv-download.data")
    values = {"data-csv-button.n_clicks": 1, "data-dataset.value": "lo_timeliness"}
    response = call(client, download, values)
    assert response.status_code in (200, 204)
    assert "content" not in response.get_data(as_text=True)  # no file sent


def test_bad_choices_get_the_api_message_and_keep_the_filters_usable(app, login_as):
    data = view(app, login_as("partner"), "channel_volumes", "2025-06", "2025-01")
    assert "'from' (2025-06) is after 'to' (2025-01)" in json.dumps(data["data-view"])
    assert data["data-from"]["disabled"] is False


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_downloads_are_the_api_files_and_audited(app, login_as, fmt):
    client = login_as("partner")
    download = find_callback(app, f"data-{fmt}-download.data")
    values = {
        f"data-{fmt}-button.n_clicks": 1,
        "data-dataset.value": "lo_timeliness",
        "data-from.value": "2025-01",
        "data-to.value": "2025-12",
        "data-area.value": "CA",
    }
    response = call(client, download, values)
    sent = response_data(response)[f"data-{fmt}-download"]["data"]
    content = sent["content"]
    if sent.get("base64"):
        content = base64.b64decode(content).decode()
    assert sent["filename"] == f"lo_timeliness-2025-01-2025-12-CA.{fmt}"
    api = client.get(f"/api/v1/datasets/lo_timeliness.{fmt}?from=2025-01&to=2025-12&area=CA")
    assert content == api.get_data(as_text=True)


def test_restored_choices_are_checked(app, login_as):
    restore = find_callback(app, "data-dataset.value")
    initial = {"dataset": "lo_timeliness", "from": "1999-01", "to": "2025-06", "area": "ZZ"}
    response = call(
        login_as("public"), restore, {"data-choices.data": True, "data-initial.data": initial}
    )
    data = response_data(response)
    assert data["data-dataset"]["value"] == "referrals"  # not the partner dataset
    assert (data["data-from"]["value"], data["data-to"]["value"]) == (None, "2025-06")
    assert data["data-area"]["value"] is None
