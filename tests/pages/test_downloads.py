"""Every CSV download on every page: its header row is the shown table's own header names, and
its file name follows the one pattern `<page>-<table>-<period>[-<filters>].csv`."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.dash_client import request_body, response_data, server_callbacks

NAME = re.compile(r"^[a-z]+-[a-z0-9-]+-(\d+m|\d{4})(-[A-Za-z0-9_.]+)*\.csv$")
STORE = {"query": {"period": "24m"}, "search": "?period=24m"}
PAGES = ("overview", "commitments", "register", "channels", "workload", "accountability")
GRID_OF_BUTTON = {"register-table": "register-grid"}  # otherwise <button prefix>-table


def _grids(node, found: dict) -> None:
    """Every AG Grid in a callback answer: id → the headers it shows (hidden columns left out)."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props, dict) and "columnDefs" in props and "id" in props:
            found[props["id"]] = [c["headerName"] for c in props["columnDefs"] if not c.get("hide")]
        for value in node.values():
            _grids(value, found)
    elif isinstance(node, list):
        for value in node:
            _grids(value, found)


def _headings(node, found: list) -> None:
    """The column headings (Th) of the first HTML table in a callback answer."""
    if isinstance(node, dict):
        if node.get("type") == "Th":
            found.append(node["props"]["children"])
        if node.get("type") == "Tbody" and found:
            found.append("<end>")
        for value in node.values():
            _headings(value, found)
    elif isinstance(node, list):
        for value in node:
            _headings(value, found)


def call(client, cb: dict, values: dict, changed: str | None = None):
    """POST a callback request; `changed` is the one input the browser says changed."""
    body = request_body(cb, values)
    if changed:
        body["changedPropIds"] = [changed]
    return client.post("/_dash-update-component", json=body)


def _filter_callbacks(app, page: str) -> list[dict]:
    store = f"{page}-filters"
    return [
        cb
        for cb in server_callbacks(app)
        if any(i["id"] == store for i in cb["inputs"]) and "download" not in cb["output"]
    ]


def _downloads(app, page: str) -> list[tuple[dict, str]]:
    return [
        (cb, i["id"])
        for cb in server_callbacks(app)
        if cb["output"].startswith(f"{page}-") or f"..{page}-" in cb["output"]
        if "-download.data" in cb["output"]
        for i in cb["inputs"]
        if i["id"].endswith("-download-button")
    ]


@pytest.mark.parametrize("page", PAGES)
def test_each_download_has_the_tables_headers_and_one_name_pattern(app, login_as, page):
    client = login_as("leadership")
    store = f"{page}-filters.data"
    shown: dict[str, list[str]] = {}
    headings: list[str] = []
    for cb in _filter_callbacks(app, page):
        answer = call(client, cb, {store: STORE})
        if answer.status_code == 200:
            _grids(response_data(answer), shown)
            _headings(response_data(answer), headings)
    downloads = _downloads(app, page)
    assert downloads, page
    for cb, button in downloads:
        answer = call(client, cb, {f"{button}.n_clicks": 1, store: STORE}, f"{button}.n_clicks")
        assert answer.status_code == 200, button
        (payload,) = [v["data"] for v in response_data(answer).values() if v.get("data")]
        assert NAME.match(payload["filename"]), payload["filename"]
        assert payload["filename"].endswith("-24m.csv") or "-24m-" in payload["filename"]
        header_row = next(csv.reader(io.StringIO(payload["content"])))
        prefix = button.removesuffix("-download-button")
        if prefix == "commitments-scorecard":  # cards of HTML tables, one per key point: the
            # CSV adds the key point and the base and note shown under each indicator's name
            first = headings[: headings.index("<end>")]
            assert [h for h in header_row if h in first] == first
            continue
        grid = GRID_OF_BUTTON.get(prefix, f"{prefix}-table")
        assert grid in shown, (grid, sorted(shown))
        assert header_row == shown[grid], button


def test_download_names_carry_the_filters():
    from dashboard.downloads import download_name

    store = {"query": {"period": "2025", "area": "NE", "strand": None, "status": "met"}}
    assert download_name("register", "commitments", store) == "register-commitments-2025-NE-met.csv"
    assert download_name("overview", "trend", None) == "overview-trend-all.csv"
