"""The scrutiny panel's themes in the one protected release, the open dataset scrutiny_themes
and the public summary, on SQLite and PostgreSQL: known answers, rare themes grouped as
"other", small counts hidden, and the public sees only published cells."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from dashboard import create_app
from dashboard.filters import add_months
from dashboard.release import OTHER_THEME, TOTAL, build_release, figure
from data_access.models import Area, Organisation, Referral, ScrutinyCase, ScrutinySample
from data_access.queries.open_data import quarter_of
from data_access.queries.release import NO_THEME, scrutiny_months
from tests.conftest import app_config, built_database, session_on
from tests.dash_client import find_callback, request_body

THRESHOLD = 5
TODAY = date.today()
FIRST = add_months(TODAY - timedelta(days=240), 0)  # a month well inside the release
MONTHS = [add_months(FIRST, i) for i in range(3)]
KEYS = [f"{m:%Y-%m}" for m in MONTHS]
# (month index, finding, theme as typed, cases): "victim updates" is named 8 times in three
# spellings; two rarer themes go to "other"; one finding has no theme; one case no finding.
PLAN = [
    (0, "improvement_needed", "Victim updates", 6),
    (1, "improvement_needed", "  victim   UPDATES ", 2),
    (1, "notable_practice", "Good communication", 3),
    (2, "notable_practice", "Named officer", 1),
    (2, "notable_practice", None, 1),
    (2, None, None, 1),
]


def build(session) -> None:
    org = Organisation(code="SCT", name="Scrutiny themes")
    session.add(org)
    session.flush()
    area = Area(organisation_id=org.id, code="N", name="North", population=100000)
    session.add(area)
    sample = ScrutinySample(organisation_id=org.id, quarter=quarter_of(KEYS[0]), seed=1, size=14,
                            drawn_on=TODAY, drawn_by="tester")  # fmt: skip
    session.add(sample)
    session.flush()
    number = 0
    for month, finding, theme, cases in PLAN:
        for _ in range(cases):
            number += 1
            referral = Referral(
                organisation_id=org.id, log_number=f"S-{number:03d}", area_id=area.id,
                strand="homophobic", incident_type="crime", channel="101",
                reported_on=MONTHS[0] - timedelta(days=20), outcome="nfa",
                closed_on=MONTHS[month] + timedelta(days=3),
            )  # fmt: skip
            session.add(referral)
            session.flush()
            session.add(ScrutinyCase(sample_id=sample.id, referral_id=referral.id,
                                     finding=finding, theme=theme))  # fmt: skip
    session.flush()


@pytest.fixture(scope="module")
def url(backend, tmp_path_factory):
    built, drop = built_database(backend, tmp_path_factory.mktemp("themes"), build)
    yield built
    drop()


@pytest.fixture(scope="module")
def release(url):
    with session_on(url) as session:
        org = session.query(Organisation).filter_by(code="SCT").one().id
        return build_release(session, org, TODAY, THRESHOLD)


def test_findings_are_counted_by_month_closed_finding_and_normalised_theme(url):
    from dashboard.filters import add_months as plus
    from data_access.queries.common import Period

    with session_on(url) as session:
        org = session.query(Organisation).filter_by(code="SCT").one().id
        found = scrutiny_months(session, org, Period(MONTHS[0], plus(MONTHS[2], 1)))
    got = {tuple(r[:3]): r[3] for r in found.itertuples(index=False)}
    assert got == {
        (KEYS[0], "improvement_needed", "victim updates"): 6,
        (KEYS[1], "improvement_needed", "victim updates"): 2,
        (KEYS[1], "notable_practice", "good communication"): 3,
        (KEYS[2], "notable_practice", "named officer"): 1,
        (KEYS[2], "notable_practice", NO_THEME): 1,
    }  # the case without a finding is not counted


def test_the_release_holds_known_answers_with_rare_themes_grouped(release):
    truth = release.truth["scrutiny"]
    assert {k[2] for k in truth} == {"victim updates", OTHER_THEME, NO_THEME, TOTAL}
    assert truth[(KEYS[0], "improvement_needed", "victim updates")] == 6
    assert truth[(KEYS[1], "improvement_needed", "victim updates")] == 2
    assert truth[(KEYS[1], "notable_practice", OTHER_THEME)] == 3
    assert truth[(KEYS[2], "notable_practice", OTHER_THEME)] == 1

    def whole(finding, theme):  # no cell spans months: the history is the sum of its months
        return sum(truth[(m, finding, theme)] for m in release.months)

    assert whole(TOTAL, "victim updates") == 8
    assert whole("notable_practice", TOTAL) == 5
    assert whole(TOTAL, TOTAL) == 13


def test_small_counts_are_hidden_and_shown_counts_are_exact(release):
    cells, truth = release.cells["scrutiny"], release.truth["scrutiny"]
    assert cells[(KEYS[1], "improvement_needed", "victim updates")] is None  # 2
    assert cells[(KEYS[1], "notable_practice", OTHER_THEME)] is None  # 3
    assert cells[(KEYS[0], TOTAL, TOTAL)] == 6  # a month of one finding and theme
    assert figure(release, "scrutiny", None) is None  # it covers hidden months
    for key, value in cells.items():
        if value is not None:
            assert value == truth[key] and not 1 <= value < THRESHOLD, key
        else:
            assert truth[key] >= 1, key  # a zero is never hidden
    assert sum(v is None for v in cells.values()) >= 3  # primary and secondary


@pytest.fixture(scope="module")
def public_app(url, tmp_path_factory):
    app = create_app(app_config(url, PUBLIC_ORG="SCT", OPEN_DATA_RATE_LIMIT="10000 per minute"))
    app.server.test_client().get("/")
    return app


def test_the_open_dataset_publishes_only_protected_cells(public_app, release):
    client = public_app.server.test_client()
    listing = client.get("/api/v1/datasets").get_json()["datasets"]
    entry = next(d for d in listing if d["name"] == "scrutiny_themes")
    assert entry["audience"] == "public" and entry["disclosure_controlled"]
    answer = client.get("/api/v1/datasets/scrutiny_themes.json")
    assert answer.status_code == 200
    text = answer.get_data(as_text=True)
    assert "good communication" not in text and "named officer" not in text
    rows = json.loads(text)["rows"]
    quarter = quarter_of(KEYS[0])
    by_key = {(r["quarter"], r["finding"], r["theme"]): r["count"] for r in rows}
    assert {r["theme"] for r in rows} == {"victim updates", OTHER_THEME, NO_THEME, TOTAL}
    assert all(v is None or v == 0 or v >= THRESHOLD for v in by_key.values())
    quarters = {quarter_of(k) for k in KEYS}
    if len(quarters) == 1:  # the three months fall in one quarter: its cells are known
        assert by_key[(quarter, TOTAL, TOTAL)] in (13, None)
    csv = client.get("/api/v1/datasets/scrutiny_themes.csv").get_data(as_text=True)
    assert csv.splitlines()[0] == "quarter,finding,theme,count"


def test_the_public_summary_shows_themes_from_published_cells(public_app, release):
    client = public_app.server.test_client()
    callback = find_callback(public_app, "public-figures.children")
    body = request_body(callback, {"public-ready.data": True})
    page = client.post("/_dash-update-component", json=body).get_data(as_text=True)
    assert "What the community scrutiny panel found" in page
    assert "public-scrutiny-table" in page and "Victim updates" not in page
    assert "victim updates" in page and "Other themes" in page
    assert "good communication" not in page and "named officer" not in page
    whole = figure(release, "scrutiny", None)
    assert (str(whole) if whole is not None else "[c]") in page
