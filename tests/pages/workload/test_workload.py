"""Liaison workload page: callbacks over HTTP as leadership and network (per-officer rows only
for management), downloads, and access."""

from __future__ import annotations

import json

import pytest

from tests.dash_client import (
    call,
    find_callback,
    grid_rows,
    request_body,
    response_data,
    server_callbacks,
)

PREFIX = "workload"
STORE = {"query": {"period": "12m"}, "search": "?period=12m"}
FILTERS = "workload-filters.data"


def text(data) -> str:
    return json.dumps(data)


def press(client, app, name: str, store=STORE):
    """Press one download button of the shared download callback."""
    callback = find_callback(app, "workload-funnel-download.data")
    button = f"workload-{name}-download-button.n_clicks"
    body = request_body(callback, {button: 1, FILTERS: store})
    body["changedPropIds"] = [button]
    return client.post("/_dash-update-component", json=body)


def test_funnel_stages_never_grow_and_dropouts_add_up(app, login_as):
    client = login_as("leadership")
    response = call(client, find_callback(app, "workload-funnel.children"), {FILTERS: STORE})
    assert response.status_code == 200
    data = response_data(response)
    counts = [row["count"] for row in grid_rows(data, "workload-funnel", "workload-funnel-table")]
    assert len(counts) == 8 and counts[0] > 100
    assert all(later <= earlier for earlier, later in zip(counts, counts[1:], strict=False))
    dropouts = grid_rows(data, "workload-dropouts", "workload-dropouts-table")
    steps = list(dict.fromkeys(row["step"] for row in dropouts))
    assert len(steps) == 7
    for index, step in enumerate(steps):
        lost = sum(row["count"] for row in dropouts if row["step"] == step)
        assert lost == counts[index] - counts[index + 1], step
    assert f"{counts[0]:,}" in text(data["workload-referrals-card"])


def test_leadership_sees_officer_codes(app, login_as):
    client = login_as("leadership")
    response = call(client, find_callback(app, "workload-officers.children"), {FILTERS: STORE})
    data = response_data(response)
    officers = grid_rows(data, "workload-officers", "workload-officers-table")
    assert officers and all(row["officer"].startswith("LO-") for row in officers)
    assert "display_name" not in text(data) and "Example" not in text(data)
    areas = grid_rows(data, "workload-areas", "workload-areas-table")
    assert sum(r["active_cases"] for r in areas) == sum(r["active_cases"] for r in officers)
    due = call(client, find_callback(app, "workload-due.children"), {FILTERS: STORE})
    assert "LO-0" in due.get_data(as_text=True)


def test_network_sees_no_per_officer_rows(app, login_as):
    client = login_as("network")
    for output in ("workload-officers.children", "workload-due.children"):
        response = call(client, find_callback(app, output), {FILTERS: STORE})
        assert response.status_code == 200
        assert "LO-0" not in response.get_data(as_text=True), output
    data = response_data(
        call(client, find_callback(app, "workload-due.children"), {FILTERS: STORE})
    )
    summary = grid_rows(data, "workload-due", "workload-due-table")
    assert [set(row) for row in summary] == [{"item", "officers"}] * 3
    download = call(
        client,
        find_callback(app, "workload-officers-download.data"),
        {"workload-officers-download-button.n_clicks": 1, FILTERS: STORE},
    )
    assert download.status_code in (200, 204)
    assert "LO-0" not in download.get_data(as_text=True)
    due_csv = press(client, app, "due")
    assert due_csv.status_code == 200 and "LO-0" not in due_csv.get_data(as_text=True)


def test_no_network_response_holds_an_officer_code(app, login_as):
    """Every workload callback, buttons pressed, as the network role: no LO code anywhere."""
    client = login_as("network")
    callbacks = [cb for cb in server_callbacks(app) if cb["output"].lstrip(".").startswith(PREFIX)]
    assert len(callbacks) >= 8
    for callback in callbacks:
        values = {FILTERS: STORE}
        values.update({f"{d['id']}.n_clicks": 1 for d in callback["inputs"]})
        response = call(client, callback, values)
        assert response.status_code in (200, 204), callback["output"]
        assert "LO-0" not in response.get_data(as_text=True), callback["output"]
    for name in ("funnel", "dropouts", "areas", "deployments", "capacity", "due"):
        assert "LO-0" not in press(client, app, name).get_data(as_text=True), name


@pytest.mark.parametrize("name", ["funnel", "dropouts", "areas", "deployments", "capacity", "due"])
def test_each_download_gives_its_own_csv(app, login_as, name):
    client = login_as("leadership")
    response = press(client, app, name)
    assert response.status_code == 200
    data = response_data(response)
    assert list(data) == [f"workload-{name}-download"]
    download = data[f"workload-{name}-download"]["data"]
    assert download["filename"].startswith(f"workload-{name}")
    assert download["filename"].endswith(".csv") and download["content"].count("\n") >= 2


def test_leadership_officer_download_is_the_officer_table(app, login_as):
    client = login_as("leadership")
    response = call(
        client,
        find_callback(app, "workload-officers-download.data"),
        {"workload-officers-download-button.n_clicks": 1, FILTERS: STORE},
    )
    content = response_data(response)["workload-officers-download"]["data"]["content"]
    assert content.splitlines()[0] == "Officer code,Area,Active cases,New allocations"
    assert "LO-0" in content


@pytest.mark.parametrize("role", ["public", "partner", "admin"])
def test_roles_without_the_page_are_refused(app, login_as, role):
    client = login_as(role)
    response = call(client, find_callback(app, "workload-funnel.children"), {FILTERS: STORE})
    assert response.status_code == 403
    assert client.get("/workload").status_code in (302, 403)


def test_forged_filters_are_revalidated(app, login_as):
    client = login_as("leadership")
    forged = {"query": {"period": "1900", "area": "'; DROP TABLE referral; --"}, "search": ""}
    response = call(client, find_callback(app, "workload-capacity.children"), {FILTERS: forged})
    assert response.status_code == 200
    capacity = grid_rows(response_data(response), "workload-capacity", "workload-capacity-table")
    assert len(capacity) == 5  # all five demo areas: the bad area and period were dropped
