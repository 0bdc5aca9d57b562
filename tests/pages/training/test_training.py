"""Training page: callbacks over HTTP, the same coverage as the scorecard for every filter,
downloads, empty states and access."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from dashboard.filters import period_bounds
from data_access.models import Area, Organisation
from data_access.queries import indicators
from tests.conftest import session_on
from tests.dash_client import call, find_callback, grid_rows, request_body, response_data

FILTERS = "training-filters.data"


def store(period="12m", area=None, course=None) -> dict:
    query = {"period": period, **({"area": area} if area else {}),
             **({"course": course} if course else {})}  # fmt: skip
    return {"query": query, "search": ""}


def rows(client, app, output, component, table, value) -> list[dict]:
    response = call(client, find_callback(app, output), {FILTERS: value})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return grid_rows(response_data(response), component, table)


@pytest.fixture(scope="module")
def demo_areas(demo_url) -> tuple[int, list[str], dict[str, str]]:
    with session_on(demo_url) as session:
        org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
        areas = session.execute(select(Area.code, Area.name).where(Area.organisation_id == org))
        names = dict(areas.all())
    return org, sorted(names), names


@pytest.mark.parametrize("period", ["12m", "3m", str(date.today().year - 1)])
def test_coverage_equals_the_scorecard_for_every_area(app, login_as, demo_url, demo_areas,
                                                      period):  # fmt: skip
    org, codes, names = demo_areas
    client = login_as("leadership")
    with session_on(demo_url) as session:
        counts = indicators.indicator_counts(session, org, period_bounds(period, date.today()))
    for area in [None, *codes]:
        courses = rows(client, app, "training-courses.children", "training-courses",
                       "training-courses-table", store(period, area))  # fmt: skip
        for course, code in (("All-staff awareness", "training_coverage"),
                             ("Leadership briefing", "leadership_trained")):  # fmt: skip
            shown = next(row for row in courses if row["course"] == course)
            expected = [indicators.slice_sum(counts, code, column, area, None)
                        for column in ("numerator", "denominator")]  # fmt: skip
            assert [shown["trained"], shown["headcount"]] == expected, (area, course)
    by_area = rows(client, app, "training-areas.children", "training-areas",
                   "training-areas-table", store(period))  # fmt: skip
    for row in by_area:
        code = next(c for c, n in names.items() if n == row["area"])
        expected = [indicators.slice_sum(counts, "training_coverage", column, code, None)
                    for column in ("numerator", "denominator")]  # fmt: skip
        assert [row["trained"], row["headcount"]] == expected, code


def test_every_section_fills_for_the_demo_force(app, login_as):
    client = login_as("network")
    for name in ("courses", "areas", "ranks", "leaders", "units", "delivery", "partners",
                 "cascade", "refreshers", "scores"):  # fmt: skip
        callback = find_callback(app, f"training-{name}.children")
        response = call(client, callback, {FILTERS: store("24m")})
        assert response.status_code == 200, name
        text = json.dumps(response_data(response)[f"training-{name}"])
        assert f"training-{name}-table" in text, name


def test_ranks_keep_leadership_apart_and_scores_show_n(app, login_as):
    client = login_as("leadership")
    leaders = rows(client, app, "training-leaders.children", "training-leaders",
                   "training-leaders-table", store())  # fmt: skip
    others = rows(client, app, "training-ranks.children", "training-ranks",
                  "training-ranks-table", store())  # fmt: skip
    assert {row["group"] for row in leaders} <= {"Chief inspector", "Superintendent",
                                                 "Chief officer"}  # fmt: skip
    assert leaders and not {row["group"] for row in leaders} & {row["group"] for row in others}
    scores = rows(client, app, "training-scores.children", "training-scores",
                  "training-scores-table", store("24m"))  # fmt: skip
    for row in scores:
        assert (row["pre"] is None) == (row["scored"] < 5)
        assert (row["followup"] is None) == (row["followed_up"] < 5)


def test_cascade_draws_a_sankey_with_its_table(app, login_as):
    client = login_as("leadership")
    response = call(client, find_callback(app, "training-cascade.children"),
                    {FILTERS: store("36m")})  # fmt: skip
    data = response_data(response)
    assert '"type": "sankey"' in json.dumps(data)
    table = grid_rows(data, "training-cascade", "training-cascade-table")
    assert table and all(row["reached"] > 0 and row["trainers"] >= 1 for row in table)


def test_a_future_year_with_no_records_shows_empty_states(app, login_as):
    client = login_as("leadership")
    callback = find_callback(app, "training-delivery.children")
    response = call(client, callback, {FILTERS: store(course="train_the_trainer", period="3m")})
    assert response.status_code == 200


def test_download_gives_the_table_shown(app, login_as):
    client = login_as("coordinator")
    callback = find_callback(app, "training-courses-download.data")
    button = "training-partners-download-button.n_clicks"
    body = request_body(callback, {button: 1, FILTERS: store("24m")})
    body["changedPropIds"] = [button]
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    content = response_data(response)["training-partners-download"]["data"]["content"]
    assert content.splitlines()[0] == "Partner,Sessions,People completed"  # the table's headers


@pytest.mark.parametrize("role", ["public", "partner", "admin"])
def test_roles_outside_staff_are_refused(app, login_as, role):
    client = login_as(role)
    response = call(client, find_callback(app, "training-courses.children"), {FILTERS: store()})
    assert response.status_code == 403
