"""The public summary through HTTP as an anonymous visitor: the landing page, its figures
(the same as the open datasets'), the under-reporting caveat, how to report and the glossary."""

from __future__ import annotations

import json

from tests.dash_client import call, find_callback, response_data


def figures(app, client) -> str:
    callback = find_callback(app, "public-figures.children")
    response = call(client, callback, {"public-ready.data": True})
    assert response.status_code == 200
    return json.dumps(response_data(response)["public-figures"])


def table_cells(node, table_id: str, inside: bool = False) -> list[str]:
    """Text of every data cell (Td) of the table `table_id` in a Dash component tree."""
    found = []
    if isinstance(node, dict):
        props = node.get("props", node)
        inside = inside or props.get("id") == table_id
        if inside and node.get("type") == "Td":
            found.append(props.get("children"))
        for value in props.values():
            found += table_cells(value, table_id, inside)
    elif isinstance(node, list):
        for item in node:
            found += table_cells(item, table_id, inside)
    return found


def test_anonymous_visitors_land_on_the_public_summary(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/public"
    assert client.get("/public").status_code == 200


def test_signed_in_users_keep_the_overview(login_as):
    assert login_as("leadership").get("/").status_code == 200


def test_figures_match_the_open_datasets(app, client):
    text = figures(app, client)
    api = client.get("/api/v1/datasets/incidents_and_crimes.json").get_json()["rows"]
    months = sorted({r["month"] for r in api})[-12:]
    cells = [
        r
        for r in api
        if r["month"] in months and r["strand"] == "All" and r["incident_type"] == "All"
    ]
    expected = (
        sum(r["count"] for r in cells) if all(r["count"] is not None for r in cells) else None
    )
    assert expected is not None
    assert f'"children": "{expected:,}", "className": "kpi-value' in text
    trans = [
        r["count"]
        for r in api
        if r["month"] in months and r["strand"] == "transphobic" and r["incident_type"] == "All"
    ]
    shown = "[c]" if None in trans else f"{sum(trans):,}"
    assert f'"children": "{shown}", "className": "kpi-value' in text


def test_every_figure_says_what_it_counts_and_the_caveat(app, client):
    text = figures(app, client)
    assert text.count("under-reported") >= 4
    for card in (
        "public-incidents",
        "public-transphobic",
        "public-crimes",
        "public-offers",
        "public-training",
        "public-events",
    ):
        assert f'"id": "{card}"' in text, card
    assert "You said: " in text and "We did: " in text
    assert "public commitments" in text


def test_no_count_of_people_from_1_to_4_on_the_page(app, client):
    tree = json.loads(figures(app, client))
    for table in ("public-strands-table", "public-outcomes-table", "public-rates-table"):
        cells = [c for c in table_cells(tree, table) if not c.endswith("%") and "." not in c]
        assert cells, table
        hidden = [c for c in cells if c == "[c]"]
        for value in (c for c in cells if c != "[c]"):
            number = int(value.replace(",", ""))
            assert number == 0 or number >= 5, (table, value)
        if table != "public-rates-table":  # single areas' period totals are mostly hidden
            assert len(hidden) < len(cells), table


def test_how_to_report_and_glossary_are_on_the_page(app, client):
    router = find_callback(app, "_pages_content.children")
    response = call(
        client, router, {"_pages_location.pathname": "/public", "_pages_location.search": ""}
    )
    text = response.get_data(as_text=True)
    for words in (
        "999",
        "101",
        "third-party reporting centre",
        "liaison officer",
        "Crime and non-crime incident",
        "Strands",
    ):
        assert words in text, words


def test_rates_per_100000_come_from_published_counts(app, client):
    tree = json.loads(figures(app, client))
    cells = table_cells(tree, "public-rates-table")
    api = client.get("/api/v1/datasets/referral_rates.json").get_json()["rows"]
    by_area = {r["area"]: r for r in api if r["area"] != "All"}
    counts = cells[0::2]
    assert counts == [
        "[c]" if by_area[a]["referrals"] is None else f"{by_area[a]['referrals']:,}"
        for a in sorted(by_area, key=lambda a: by_area[a]["area_name"])
    ]
    assert "Number of people: " in json.dumps(tree)  # where the population comes from
