"""Commitments register callbacks over HTTP: what each role sees (on a private demo copy)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from data_access.vocab import ROLES
from tests.dash_client import call, find_callback, response_data
from tests.pages.register.helpers import (
    FILTERS,
    commitments,
    grid_rows,
    register_response,
)


@pytest.mark.parametrize("role", ["public", "partner", "admin"])
def test_non_public_commitments_never_reach_controlled_roles(app, login_as, database, role):
    client = login_as(role)
    text = register_response(app, client)
    known = commitments(database)
    private = [code for code, (_t, public) in known.items() if not public]
    assert private, "the demo data should hold a non-public commitment"
    rows = grid_rows(text)
    assert sorted(r["code"] for r in rows) == sorted(c for c, (_t, p) in known.items() if p)
    for code in private:
        assert known[code][0] not in text
        assert f'"{code}"' not in text
    assert all("is_public" not in row for row in rows)
    history = find_callback(app, "register-history.children")
    answer = call(client, history, {"register-history-code.value": private[0]})
    assert "No recorded changes" in json.dumps(response_data(answer))
    download = find_callback(app, "register-table-download.data")
    answer = call(
        client,
        download,
        {"register-table-download-button.n_clicks": 1, "register-filters.data": FILTERS},
    )
    csv = response_data(answer)["register-table-download"]["data"]["content"]
    assert len(csv.strip().splitlines()) == len(rows) + 1
    assert all(known[code][0] not in csv for code in private)


def test_staff_see_every_commitment_with_its_public_flag(app, login_as, database):
    rows = grid_rows(register_response(app, login_as("network")))
    assert sorted(r["code"] for r in rows) == sorted(commitments(database))
    assert {r["is_public"] for r in rows} == {"Yes", "No"}
    assert not any("nan" in str(value) for row in rows for value in row.values())
    assert {r["verdict"].split(" (")[0] for r in rows} <= {
        "Agreed met",
        "Not yet",
        "Disputed",
        "Not reviewed",
    }


def test_filters_from_the_store_are_revalidated(app, login_as, database):
    client = login_as("leadership")
    chosen = {"query": {"key_point": "leadership_commitment", "status": "bogus"}, "search": ""}
    rows = grid_rows(register_response(app, client, chosen))
    assert rows and {r["key_point"] for r in rows} == {"Leadership commitment"}
    for bad in ({"query": "not a dict"}, "string", {"query": {"key_point": ["x"]}}):
        assert len(grid_rows(register_response(app, client, bad))) == len(commitments(database))


def test_overdue_rows_are_flagged_in_text(app, login_as, database):
    rows = grid_rows(register_response(app, login_as("coordinator")))
    today = date.today().isoformat()
    for row in rows:
        late = bool(row["due_on"]) and row["due_on"] < today and row["status"] != "Met"
        assert row["late"] is late and row["overdue"] == ("Overdue" if late else "")


@pytest.mark.parametrize("role", ROLES)
def test_register_page_opens_for_every_role(login_as, role):
    response = login_as(role).get("/register?key_point=accountability")
    assert response.status_code == 200
