"""The open data API on the demo force: list, CSV and JSON of every dataset, filters, errors."""

from __future__ import annotations

import pytest

from dashboard.open_data.catalogue import CATALOGUE
from tests.open_data.helpers import as_text, csv_rows

PUBLIC = sorted(n for n, d in CATALOGUE.items() if d.audience == "public")
PARTNER = sorted(n for n, d in CATALOGUE.items() if d.audience == "partner")


def test_catalogue_has_the_datasets_of_the_brief():
    assert set(CATALOGUE) == {
        "referrals",
        "incidents_and_crimes",
        "outcomes",
        "lo_timeliness",
        "channel_volumes",
        "training_coverage",
        "events",
        "commitments",
        "actions",
        "referral_rates",
        "scrutiny_themes",
    }
    assert PARTNER == ["channel_volumes", "lo_timeliness", "training_coverage"]


@pytest.mark.parametrize(("role", "expected"), [("public", PUBLIC), ("partner", sorted(CATALOGUE))])
def test_list_shows_what_the_role_may_download(api, role, expected):
    answer = api(role).get("/api/v1/datasets")
    assert answer.status_code == 200
    body = answer.get_json()
    assert sorted(d["name"] for d in body["datasets"]) == expected
    assert body["areas"] == ["BG", "CA", "MO", "NE", "TO"]
    for entry in body["datasets"]:
        assert entry["title"] and entry["description"] and entry["last_updated"]
        assert entry["audience"] in ("public", "partner")
        dataset = CATALOGUE[entry["name"]]
        assert [c["name"] for c in entry["columns"]] == [c.name for c in dataset.columns]
        assert all(c["type"] and c["meaning"] for c in entry["columns"])
        assert entry["links"]["csv"] == f"/api/v1/datasets/{entry['name']}.csv"


def test_area_allowed_values_are_the_forces_areas(api):
    body = api("public").get("/api/v1/datasets").get_json()
    referrals = next(d for d in body["datasets"] if d["name"] == "referrals")
    area = next(c for c in referrals["columns"] if c["name"] == "area")
    assert area["allowed_values"] == ["BG", "CA", "MO", "NE", "TO", "All"]


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_csv_and_json_of_every_dataset_hold_the_same_values(api, name):
    client = api("partner")
    query = "?from=2025-01&to=2025-06" if "from" in CATALOGUE[name].filters else ""
    as_csv = client.get(f"/api/v1/datasets/{name}.csv{query}")
    as_json = client.get(f"/api/v1/datasets/{name}.json{query}")
    assert as_csv.status_code == as_json.status_code == 200
    assert as_csv.content_type == "text/csv; charset=utf-8"
    assert as_csv.headers["Content-Disposition"].startswith("attachment; filename=")
    header, rows = csv_rows(as_csv.data.decode("utf-8"))
    body = as_json.get_json()
    assert header == body["columns"] == [c.name for c in CATALOGUE[name].columns]
    assert rows, f"{name} is empty on the demo force"
    assert rows == as_text(body["rows"])


@pytest.mark.parametrize("name", PARTNER)
def test_partner_datasets_refuse_anonymous_visitors(api, name):
    for fmt in ("csv", "json"):
        answer = api("public").get(f"/api/v1/datasets/{name}.{fmt}")
        assert answer.status_code == 403
        assert "partner" in answer.get_json()["error"]


@pytest.mark.parametrize("role", ["network", "leadership", "coordinator"])
def test_staff_roles_get_partner_datasets(api, role):
    assert api(role).get("/api/v1/datasets/lo_timeliness.json").status_code == 200


def test_admin_sees_the_public_subset_only(api):
    assert api("admin").get("/api/v1/datasets/channel_volumes.csv").status_code == 403
    assert api("admin").get("/api/v1/datasets/referrals.csv").status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2025-13", "'from' must be a month written YYYY-MM"),
        ("to=25-01", "'to' must be a month written YYYY-MM"),
        ("from=2025-1", "'from' must be a month written YYYY-MM"),
        ("from=2025-06&to=2025-01", "'from' (2025-06) is after 'to' (2025-01)"),
        ("area=ZZ", "Unknown area 'ZZ'; the area codes are: BG, CA, MO, NE, TO"),
        ("colour=red", "Unknown parameter 'colour'"),
    ],
)
def test_bad_parameters_are_400_with_a_clear_message(api, query, message):
    answer = api("public").get(f"/api/v1/datasets/referrals.json?{query}")
    assert answer.status_code == 400
    assert message in answer.get_json()["error"]


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("incidents_and_crimes", "area=BG", "does not take 'area'"),
        ("commitments", "from=2025-01", "does not take 'from'; it takes: no parameters"),
    ],
)
def test_filters_a_dataset_does_not_take_are_400(api, name, query, message):
    answer = api("public").get(f"/api/v1/datasets/{name}.csv?{query}")
    assert answer.status_code == 400 and message in answer.get_json()["error"]


@pytest.mark.parametrize("path", ["nope.csv", "referrals.xml", "referrals"])
def test_unknown_dataset_or_format_is_404(api, path):
    answer = api("partner").get(f"/api/v1/datasets/{path}")
    assert answer.status_code == 404
    assert "/api/v1/datasets" in answer.get_json()["error"]


def test_filters_slice_the_months_and_area(api):
    rows = api("public").get("/api/v1/datasets/referrals.json?from=2025-02&to=2025-04&area=CA")
    body = rows.get_json()
    assert {r["month"] for r in body["rows"]} == {"2025-02", "2025-03", "2025-04"}
    assert {r["area"] for r in body["rows"]} == {"CA"}
    assert body["filters"] == {"from": "2025-02", "to": "2025-04", "area": "CA"}


def test_a_cell_has_one_value_whatever_the_request(api):
    """A month's published count is the same in a one-month request and the full range."""
    client = api("public")
    whole = client.get("/api/v1/datasets/referrals.json").get_json()["rows"]
    one = client.get("/api/v1/datasets/referrals.json?from=2025-03&to=2025-03").get_json()["rows"]
    by_key = {(r["month"], r["area"], r["strand"]): r["count"] for r in whole}
    assert one and all(by_key[(r["month"], r["area"], r["strand"])] == r["count"] for r in one)


def test_quarterly_datasets_take_the_quarters_containing_the_months(api):
    body = api("partner").get("/api/v1/datasets/lo_timeliness.json?from=2025-02&to=2025-04")
    assert [r["quarter"] for r in body.get_json()["rows"]] == ["2025-Q1", "2025-Q2"]


def test_hidden_counts_are_marked_and_percentages_follow(api):
    text = api("partner").get("/api/v1/datasets/referrals.csv?area=BG").data.decode()
    assert ",[c]" in text
    body = api("partner").get("/api/v1/datasets/lo_timeliness.json").get_json()
    for row in body["rows"]:
        if row["contacted_in_time"] is None or row["allocated"] is None:
            assert row["contacted_in_time_pct"] is None


def test_no_published_count_of_people_is_between_1_and_4(api):
    client = api("partner")
    for name, dataset in CATALOGUE.items():
        if not dataset.protected:
            continue
        counts = [c.name for c in dataset.columns if c.type == "integer"]
        for row in client.get(f"/api/v1/datasets/{name}.json").get_json()["rows"]:
            for column in counts:
                if column in ("population", "months", "months_covered"):
                    continue
                assert row[column] is None or row[column] == 0 or row[column] >= 5, (name, row)
