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
from tests.conftest import OUTPUT, app_config, login

PERIODS = ["12m", str(today().year - 1)]  # overlapping: months shared by both
API_COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module")
def small_force(demo_url):
    """The app with the small second organisation (NSC) as the public one, its partner signed
    in, its release and the figures harvested."""
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
