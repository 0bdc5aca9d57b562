"""The motivated intruder (issue 9): harvest every figure a partner of the small demo force can
obtain through the data callbacks, over every filter value and two overlapping periods, and
bound every protected cell by linear programming (downloads, every period and the full demo
force: the CLI). The full demo force runs in
`python -m dashboard audit-disclosure --role public|partner`."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import create_app, published
from dashboard.disclosure_audit import audit, harvest, per_period
from dashboard.open_data.harvest import harvest_api, harvest_summary
from dashboard.page_support import org_areas, today
from dashboard.release import TOTAL
from dashboard.viewer import public_organisation_id
from data_access.queries import indicators
from tests.conftest import OUTPUT, app_config, login, session_on

PERIODS = ["12m", str(today().year - 1)]  # overlapping: months shared by both
API_COUNTS: dict[str, int] = {}


THEMES = ["victim updates", "Victim updates", "named officer", "communication",
          "communication", None, "victim updates"]  # fmt: skip


def record_scrutiny_findings(url: str, org_code: str = "NSC") -> int:
    """The scrutiny panel of `org_code` draws its last four quarters and records a finding
    and theme on every case (the demo data hold none), so the release's scrutiny table and
    the scrutiny_themes dataset have cells for the intruder; the number of findings."""
    from sqlalchemy import select

    from dashboard.filters import quarter_choices, quarter_period
    from data_access import scrutiny
    from data_access.models import Organisation, ScrutinyCase

    recorded = 0
    with session_on(url) as session:
        org = session.scalar(select(Organisation.id).where(Organisation.code == org_code))
        for number, quarter in enumerate(quarter_choices(today())[1:5]):
            if scrutiny.find_sample(session, org, quarter) is None:
                scrutiny.draw_sample(session, org, "tester", quarter, quarter_period(quarter),
                                     today(), 12, 100 + number)  # fmt: skip
            cases = scrutiny.sample_cases(session, org, quarter)
            for index, case in enumerate(cases["case"]):
                row = session.get(ScrutinyCase, int(case))
                row.finding = ("improvement_needed", "notable_practice")[index % 2]
                row.theme = THEMES[index % len(THEMES)]
                recorded += 1
        session.commit()
    return recorded


@pytest.fixture(scope="module")
def small_force(demo_url):
    """The app with the small second organisation (NSC) as the public one, its partner signed
    in, its release (with scrutiny findings recorded) and the figures harvested."""
    assert record_scrutiny_findings(demo_url) >= 10
    dash_app = create_app(
        app_config(demo_url, PUBLIC_ORG="NSC", OPEN_DATA_RATE_LIMIT="100000 per minute")
    )
    client = dash_app.server.test_client()
    client.get("/")
    assert login(client, "nsc_partner").status_code == 302
    with dash_app.server.test_request_context("/"):
        org_id = public_organisation_id()
        areas = sorted(org_areas(org_id))
        release = published.release_for(org_id, today())
    # The scorecard's exact (not protected) counts do not depend on the area or strand:
    # computing them once per period keeps the harvest fast without changing any figure.
    exact = per_period(indicators.indicator_counts)
    original, indicators.indicator_counts = indicators.indicator_counts, exact
    try:
        calls, figures = harvest(dash_app, client, "partner", areas, PERIODS, downloads=False)
        summary_calls, summary = harvest_summary(dash_app, client)
    finally:
        indicators.indicator_counts = original
    # The open data API over the same months (the last 12, last year) and every area.
    year = str(today().year - 1)
    ranges = [(release.months[-12], release.months[-1]), (f"{year}-01", f"{year}-12")]
    api_calls, api = harvest_api(client, ranges, areas)
    API_COUNTS.update(calls=api_calls + summary_calls, figures=len(set(api) | set(summary)))
    return release, calls + summary_calls + api_calls, [*figures, *summary, *api]


def test_intruder_recovers_no_small_count(small_force):
    release, calls, figures = small_force
    report = audit(release, calls, figures, 5)
    summary = "disclosure intruder (NSC partner, pages + open data): " + "; ".join(
        report.lines()[:6]
    )
    summary += (
        f"; open data + public summary: {API_COUNTS['calls']} requests, "
        f"{API_COUNTS['figures']} figures"
    )
    print(summary)
    OUTPUT.mkdir(exist_ok=True)
    (Path(OUTPUT) / "disclosure-intruder.txt").write_text(summary + "\n")
    assert report.harvested > 500 and report.hidden > 50 and report.protected > 100
    assert API_COUNTS["figures"] > 500  # the open data took part
    assert report.ok, "\n".join(report.lines())


def test_intruder_finds_a_planted_leak(small_force):
    """The attack is real: one extra figure that differences a hidden cell is caught."""
    release, calls, figures = small_force
    cells = release.cells["referrals"]
    hidden = next(
        k for k, v in cells.items() if v is None and 1 <= release.truth["referrals"][k] < 5
    )
    month, area, strand = hidden
    # "Everything in the month except this cell", as an unprotected page might have shown.
    others = [(month, a, strand) for a in {k[1] for k in cells} - {area, TOTAL}]
    leak = [
        (
            release.org_id,
            "referrals",
            tuple(others),
            sum(release.truth["referrals"][k] for k in others),
        )
    ]
    total = (
        release.org_id,
        "referrals",
        ((month, TOTAL, strand),),
        release.truth["referrals"][(month, TOTAL, strand)],
    )
    report = audit(release, calls, [*figures, *leak, total], 5)
    assert any(f.table == "referrals" and f.key == hidden for f in report.exposed)
    assert report.wrong == [] or all(w[0] == "referrals" for w in report.wrong)


def test_a_published_small_count_is_reported(small_force):
    release, calls, figures = small_force
    key, true = next(
        (k, release.truth["surveys.responses"][k])
        for k, v in release.cells["surveys.responses"].items()
        if v is None and 1 <= release.truth["surveys.responses"][k] < 5
    )
    report = audit(
        release, calls, [*figures, (release.org_id, "surveys.responses", (key,), true)], 5
    )
    assert report.small and not report.ok


def test_the_scrutiny_themes_take_part(small_force):
    """The panel's themes (public summary and the scrutiny_themes dataset) are harvested,
    mapped onto the release's base cells and bounded by the intruder like every table."""
    from dashboard.disclosure_audit import group_levels
    from dashboard.disclosure_intruder import Equations, equations, exposed_cells

    release, _calls, figures = small_force
    mine = [f for f in figures if f[0] == release.org_id and f[1] == "scrutiny"]
    assert len(mine) > 20 and any(f[3] is None for f in mine)
    small = [k for k, v in release.truth["scrutiny"].items() if 1 <= v < 5]
    assert small and all(release.cells["scrutiny"][k] is None for k in small)
    levels = {"scrutiny": group_levels(release, "scrutiny")}
    found = equations(release, mine, levels)["scrutiny"]
    checked, exposed = exposed_cells(release, found or Equations(), "scrutiny", 5,
                                     levels["scrutiny"])  # fmt: skip
    assert checked >= len(small) and exposed == []
