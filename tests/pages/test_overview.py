"""Overview callbacks through HTTP: figures match the database, per role."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.filters import period_bounds
from data_access.db import make_engine
from data_access.models import Organisation, Referral
from tests.dash_client import call, find_callback, response_data


def referrals_in(demo_url: str, period: str, area_code: str | None = None) -> int:
    bounds = period_bounds(period, date.today())
    engine = make_engine(demo_url)
    with Session(engine) as session:
        org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
        stmt = (
            select(func.count())
            .select_from(Referral)
            .where(
                Referral.organisation_id == org,
                Referral.reported_on >= bounds.start,
                Referral.reported_on < bounds.end,
            )
        )
        if area_code:
            from data_access.models import Area

            stmt = stmt.join(Area, Area.id == Referral.area_id).where(Area.code == area_code)
        total = session.scalar(stmt)
    engine.dispose()
    return total


def store(period="12m", area=None, strand=None):
    query = {"period": period, "area": area, "strand": strand}
    return {"query": {k: v for k, v in query.items() if v}, "search": ""}


def trend(app, client, **filters):
    callback = find_callback(app, "overview-trend.children")
    response = call(client, callback, {"overview-filters.data": store(**filters)})
    assert response.status_code == 200
    return json.dumps(response_data(response))


def total_in(text: str) -> int:
    return int(re.search(r"Total: ([\d,]+)\.", text).group(1).replace(",", ""))


@pytest.mark.parametrize("period", ["12m", "36m", "3m"])
def test_leadership_trend_total_matches_the_database(app, login_as, demo_url, period):
    client = login_as("leadership")
    assert total_in(trend(app, client, period=period)) == referrals_in(demo_url, period)


def test_leadership_area_filter(app, login_as, demo_url):
    client = login_as("leadership")
    assert total_in(trend(app, client, area="NE")) == referrals_in(demo_url, "12m", "NE")


def find_prop(node, name):
    """The first value of a component property anywhere in a callback response."""
    if isinstance(node, dict):
        if name in node:
            return node[name]
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = find_prop(child, name)
        if found is not None:
            return found
    return None


def test_public_trend_is_disclosure_controlled(app, client, demo_url):
    text = trend(app, client, area="MO")
    rows = find_prop(json.loads(text), "rowData")
    assert rows, "no table in the response"
    assert any(value == "[c]" for row in rows for value in row.values())
    for row in rows:
        for key, value in row.items():
            if key != "month":
                assert value == "[c]" or value == 0 or value >= 5, row
    # The period total is the sum of the published months: hidden as soon as one is hidden.
    assert "Total: [c]." in text


def test_public_force_total_is_the_sum_of_published_monthly_totals(app, client, demo_url):
    # Each month's all-strand force total is published (large), so the period total is too.
    assert total_in(trend(app, client)) == referrals_in(demo_url, "12m")


def test_public_headlines_have_no_kpi_status(app, client):
    callback = find_callback(app, "overview-headlines.children")
    text = json.dumps(response_data(call(client, callback, {"overview-filters.data": store()})))
    assert "Referrals in period" in text and "KPIs off target" not in text


def test_leadership_headlines_show_kpis_off_target(app, login_as):
    client = login_as("leadership")
    callback = find_callback(app, "overview-headlines.children")
    text = json.dumps(response_data(call(client, callback, {"overview-filters.data": store()})))
    assert "KPIs off target" in text


@pytest.mark.parametrize(
    "bad",
    [
        {"query": {"period": "x" * 999, "area": ["NE"]}},
        {"query": "not a dict"},
        {"nope": 1},
        None,
        "string",
    ],
)
def test_malformed_filter_store_falls_back_to_defaults(app, login_as, bad):
    client = login_as("leadership")
    callback = find_callback(app, "overview-trend.children")
    response = call(client, callback, {"overview-filters.data": bad})
    assert response.status_code in (200, 204)


def test_download_is_the_table_shown(app, login_as):
    client = login_as("leadership")
    callback = find_callback(app, "overview-trend-download.data")
    response = call(
        client,
        callback,
        {"overview-trend-download-button.n_clicks": 1, "overview-filters.data": store(period="3m")},
    )
    data = response_data(response)["overview-trend-download"]["data"]
    lines = data["content"].strip().splitlines()
    assert lines[0] == "Month,Homophobic,Biphobic,Transphobic"
    assert data["filename"] == "overview-trend-3m.csv"
    assert len(lines) == 4
