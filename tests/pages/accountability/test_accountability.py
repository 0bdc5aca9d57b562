"""Accountability page: callbacks over HTTP as leadership and network against the query layer on
the same demo data, filters re-validated on the server, downloads, and access."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.filters import parse_filters
from data_access.db import make_engine
from data_access.models import Area, User
from data_access.queries import accountability as acc
from tests.dash_client import call, find_callback, grid_rows, request_body, response_data

FILTERS = "accountability-filters.data"
DATA_OUTPUTS = (
    "accountability-kpis.children",
    "accountability-delay-months.children",
    "accountability-support-months.children",
    "accountability-officers.children",
    "accountability-outcomes.children",
    "accountability-completeness.children",
    "accountability-actions.children",
)


def store(**query) -> dict:
    query = {"period": "12m", **query}
    return {"query": query, "search": "?" + "&".join(f"{k}={v}" for k, v in query.items())}


def days(value: float) -> str:
    return f"{value:g} day" + ("" if value == 1 else "s")


def fetch(client, app, output: str, filters: dict) -> dict:
    response = call(client, find_callback(app, output), {FILTERS: filters})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response_data(response)


@pytest.fixture(scope="module")
def demo(demo_url) -> Iterator[tuple[Session, int]]:
    """A session on the app's demo database and the demo force's id."""
    engine = make_engine(demo_url)
    with Session(engine) as session:
        org = session.scalar(select(User.organisation_id).where(User.username == "leadership"))
        yield session, org
    engine.dispose()


def period_12m(session: Session, org: int, **extra):
    codes = session.scalars(select(Area.code).where(Area.organisation_id == org)).all()
    return parse_filters({"period": "12m", **extra}, codes, date.today())


@pytest.mark.parametrize("role", ["leadership", "network"])
def test_kpi_table_matches_the_query_layer(app, login_as, demo, role):
    session, org = demo
    data = fetch(login_as(role), app, "accountability-kpis.children", store())
    shown = grid_rows(data, "accountability-kpis", "accountability-kpis-table")
    summary = acc.kpi_summary(session, org, period_12m(session, org).current)
    assert [r["rag"] for r in shown] == list(summary["status"])
    offer = summary.set_index("kpi").loc["offer_within_days"]
    assert shown[0]["result"] == days(offer.value) and shown[0]["p90"] == days(offer.p90)
    support = summary.set_index("kpi").loc["victim_support_rate"]
    assert shown[4]["result"] == f"{support.value:.1f}%"
    assert shown[4]["basis"].startswith(f"{int(support.numerator)} of {int(support.denominator)} ")
    assert {r["status"] for r in shown} <= {
        "On target", "Near target (within 10%)", "Off target", "No target", "No data",
    }  # fmt: skip


def test_delays_by_month_and_area_match_the_histograms(app, login_as, demo):
    session, org = demo
    filters = store(area="BG", delay="victim_contact_within_days")
    data = fetch(login_as("leadership"), app, "accountability-delay-months.children", filters)
    months = grid_rows(data, "accountability-delay-months", "accountability-delay-months-table")
    areas = grid_rows(data, "accountability-delay-areas", "accountability-delay-areas-table")
    period = period_12m(session, org).current
    kpi = "victim_contact_within_days"
    expected = acc.quantiles(
        acc.delay_histograms(session, org, kpi, period, "month", "BG"), "month"
    )
    assert len(months) == 12
    by_month = {r["month"]: (r["cases"], r["median"], r["p90"]) for r in months if r["cases"]}
    assert by_month == {
        m: (c, int(q50), int(q90)) for m, c, q50, q90 in expected.itertuples(index=False)
    }
    assert len(areas) == 6 and areas[-1]["area"] == "All areas"  # five areas, whatever the filter
    everything = acc.delay_histograms(session, org, kpi, period, "area")
    assert areas[-1]["cases"] == int(everything["count"].sum())


def test_support_rate_by_month_and_area_add_up(app, login_as, demo):
    session, org = demo
    data = fetch(login_as("network"), app, "accountability-support-months.children", store())
    months = grid_rows(data, "accountability-support-months", "accountability-support-months-table")
    areas = grid_rows(data, "accountability-support-areas", "accountability-support-areas-table")
    quality = acc.referral_quality(session, org, period_12m(session, org).current)
    assert sum(r["referrals"] for r in months) == areas[-1]["referrals"] == quality.referrals.sum()
    assert sum(r["victim_support"] for r in areas[:-1]) == quality.victim_support.sum()
    for row in months:
        assert row["rate"] == round(100 * row["victim_support"] / row["referrals"], 1)


@pytest.mark.parametrize("name", ["delay", "support"])
def test_long_periods_use_quarters(app, login_as, name):
    client, long = login_as("leadership"), store(period="36m")
    data = fetch(client, app, f"accountability-{name}-months.children", long)
    quarters = grid_rows(
        data, f"accountability-{name}-months", f"accountability-{name}-months-table"
    )
    assert 12 <= len(quarters) <= 13 and all(" Q" in r["quarter"] for r in quarters)
    section = f"accountability-{name}-areas"
    areas = grid_rows(data, section, f"{section}-table")
    counted = "cases" if name == "delay" else "referrals"
    assert sum(r[counted] for r in quarters) == areas[-1][counted]  # every quarter, all areas


def test_officers_outcomes_and_completeness(app, login_as, demo):
    session, org = demo
    client = login_as("leadership")
    filters = period_12m(session, org)
    data = fetch(client, app, "accountability-officers.children", store())
    officers = grid_rows(data, "accountability-officers", "accountability-officers-table")
    expected = acc.officer_compliance_by_month(session, org, filters.current)
    assert [r["active"] for r in officers] == list(expected["active"])
    assert [r["reviewed_in_date"] for r in officers] == list(expected["reviewed_in_date"])

    totals = {}
    for incident in (None, "crime", "non_crime"):
        query = store(incident=incident) if incident else store()
        data = fetch(client, app, "accountability-outcomes.children", query)
        table = grid_rows(data, "accountability-outcomes", "accountability-outcomes-table")
        assert [r["strand"] for r in table] == [
            "Homophobic",
            "Biphobic",
            "Transphobic",
            "All strands",
        ]
        totals[incident] = table[-1]
    for outcome in ("charge_summons", "nfa", "ongoing", "not_recorded", "referrals"):
        assert totals[None][outcome] == totals["crime"][outcome] + totals["non_crime"][outcome]

    data = fetch(client, app, "accountability-completeness.children", store())
    fields = grid_rows(data, "accountability-completeness", "accountability-completeness-table")
    quality = acc.referral_quality(session, org, filters.current)
    assert {r["missing"] for r in fields} == {
        int(quality[c].sum())
        for c in ("missing_flagged", "missing_victim_contact", "missing_outcome")
    }
    assert [r["missing"] for r in fields] == sorted((r["missing"] for r in fields), reverse=True)


@pytest.mark.parametrize("status", ["open", "in_progress", "done"])
def test_actions_log_filtered_by_status(app, login_as, status):
    data = fetch(login_as("leadership"), app, "accountability-actions.children",
                 store(period="36m", status=status))  # fmt: skip
    text = json.dumps(data)
    label = {"open": "Open", "in_progress": "In progress", "done": "Done"}[status]
    if "accountability-actions-table" in text:
        log = grid_rows(data, "accountability-actions", "accountability-actions-table")
        assert {r["status"] for r in log} == {label}
        assert all(r["late"] == (r["overdue"] == "Overdue") for r in log)
        assert status != "done" or not any(r["late"] for r in log)


def test_tampered_filters_fall_back_to_defaults(app, login_as):
    bad = {"query": {"period": "banana", "delay": "DROP TABLE", "status": "<b>", "area": "ZZ"}}
    for output in DATA_OUTPUTS:
        fetch(login_as("leadership"), app, output, bad)
    data = fetch(login_as("leadership"), app, "accountability-delay-months.children", bad)
    assert "Days from flag to offer" in json.dumps(data)  # the default delay


def press(client, app, name: str, filters: dict):
    callback = find_callback(app, "accountability-kpis-download.data")
    button = f"accountability-{name}-download-button.n_clicks"
    body = request_body(callback, {button: 1, FILTERS: filters})
    body["changedPropIds"] = [button]
    return client.post("/_dash-update-component", json=body)


@pytest.mark.parametrize("name", ["kpis", "delay-areas", "outcomes", "actions"])
def test_download_is_the_table_shown(app, login_as, name):
    client = login_as("coordinator")
    filters = store(period="36m")
    response = press(client, app, name, filters)
    assert response.status_code == 200
    payload = response_data(response)[f"accountability-{name}-download"]["data"]
    assert payload["filename"].startswith(f"accountability-{name}") and payload[
        "filename"
    ].endswith(".csv")
    downloaded = list(csv.reader(io.StringIO(payload["content"])))[1:]
    output = (
        "accountability-delay-months.children"
        if name == "delay-areas"
        else f"accountability-{name}.children"
    )
    shown = grid_rows(
        fetch(client, app, output, filters),
        f"accountability-{name}",
        f"accountability-{name}-table",
    )
    hidden = {"rag", "late"}
    assert len(downloaded) == len(shown)
    first = ["" if v is None else str(v) for k, v in shown[0].items() if k not in hidden]
    assert first == downloaded[0]  # the headers: tests/pages/test_downloads.py


@pytest.mark.parametrize("role", ["public", "partner", "admin"])
def test_other_roles_are_refused(app, login_as, role):
    client = login_as(role)
    for output in (*DATA_OUTPUTS, "accountability-delay-areas.children"):
        callback = find_callback(app, output)
        assert call(client, callback, {FILTERS: store()}).status_code == 403
    assert press(client, app, "kpis", store()).status_code == 403
    page = client.get("/accountability")
    assert page.status_code == (302 if role == "public" else 403)


@pytest.mark.parametrize("role", ["network", "leadership", "coordinator"])
def test_staff_can_open_the_page(login_as, role):
    response = login_as(role).get("/accountability?period=6m&incident=crime&status=open")
    assert response.status_code == 200


def test_empty_states_say_why(app):
    import pandas as pd

    from pages.accountability import frames, sections

    target = (2.0, "at_most")
    with app.server.test_request_context("/"):
        nothing = pd.DataFrame({"month": [], "days": [], "count": []})
        months = frames.delay_table(nothing, "month", ["2026-01", "2026-02"], {}, target)
        areas = frames.delay_table(
            nothing.rename(columns={"month": "area"}),
            "area",
            ["NO"],
            {"NO": "North"},
            target,
            "All",
        )
        assert list(months["cases"]) == [0, 0] and list(months["status"]) == ["No data"] * 2
        assert list(areas["area"]) == ["North", "All"]
        shown = sections.create_delay_sections(
            months, areas, "offer_within_days", "month", target, "x"
        )
        assert all("both dates of this stage recorded" in str(part.children) for part in shown)
        log = pd.DataFrame(columns=[*acc.ACTION_COLUMNS, "overdue", "is_public"])
        empty = sections.create_actions_section(frames.actions_table(log), "x", date(2026, 1, 1))
        assert "No actions raised in this period" in str(empty.children)
