"""Leadership-commitment scorecard callbacks through HTTP: exact figures for leadership,
disclosure-controlled figures for public and partner viewers."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.disclosure import MARKER
from dashboard.filters import period_bounds, previous_period
from data_access.db import make_engine
from data_access.models import Commitment, Organisation
from data_access.queries.indicators import BY_CODE, INDICATORS, indicator_counts, indicator_table
from data_access.vocab import KEY_POINTS
from tests.dash_client import call, find_callback, response_data

ROW_ID = re.compile(r"^commitments-[a-z-]+-table-(?P<code>[a-z0-9_]+)$")


def store(period="12m", area=None, strand=None):
    query = {"period": period, "area": area, "strand": strand}
    return {"query": {k: v for k, v in query.items() if v}, "search": ""}


def texts(node) -> list[str]:
    """Every string inside a component tree, in order."""
    if isinstance(node, dict):
        return texts(node.get("props", node).get("children"))
    if isinstance(node, list):
        return [t for child in node for t in texts(child)]
    return [] if node is None else [str(node)]


def indicator_rows(node, found=None) -> dict[str, list[str]]:
    """Scorecard table rows by indicator code: the text of each cell (name cell: its lines)."""
    found = {} if found is None else found
    if isinstance(node, dict):
        props = node.get("props", node)
        match = ROW_ID.match(str(props.get("id", "")))
        if match:
            cells = props["children"]
            found[match["code"]] = [texts(cells[0]), *[" ".join(texts(c)) for c in cells[1:]]]
        else:
            indicator_rows(props.get("children"), found)
    elif isinstance(node, list):
        for child in node:
            indicator_rows(child, found)
    return found


def scorecard(app, client, **filters) -> dict:
    callback = find_callback(app, "commitments-scorecard.children")
    response = call(client, callback, {"commitments-filters.data": store(**filters)})
    assert response.status_code == 200
    return response_data(response)


def exact_table(demo_url: str, period: str, area=None, strand=None, private=True):
    current = period_bounds(period, date.today())
    engine = make_engine(demo_url)
    with Session(engine) as session:
        org = session.scalar(select(Organisation.id).where(Organisation.code == "DVP"))
        counts = indicator_counts(session, org, current, private)
        before = indicator_counts(session, org, previous_period(current), private)
    engine.dispose()
    prior = indicator_table(before, previous_period(current), area, strand)
    return indicator_table(counts, current, area, strand), prior


def shown(code: str, value) -> str:
    """How the page writes an exact value of an indicator."""
    unit = BY_CODE[code].unit
    if value is None or value != value:
        return "No data"
    return {
        "percent": f"{value:.1f}%",
        "per_100k": f"{value:.2f}",
        "per_quarter": f"{value:.1f}",
        "score": f"{value:.2f}",
        "count": f"{value:,.0f}",
    }[unit]


@pytest.mark.parametrize(
    "filters", [{}, {"period": "3m"}, {"area": "NE", "strand": "transphobic"}], ids=str
)
def test_leadership_sees_exact_values_and_trends(app, login_as, demo_url, filters):
    """Every indicator's value and previous value equal the query's exact answer."""
    client = login_as("leadership")
    rows = indicator_rows(scorecard(app, client, **filters)["commitments-scorecard"])
    assert list(rows) == [i.code for i in INDICATORS]
    table, prior = exact_table(demo_url, filters.get("period", "12m"), filters.get("area"),
                               filters.get("strand"))  # fmt: skip
    for (code, value), before in zip(table[["indicator", "value"]].values, prior["value"],
                                     strict=True):  # fmt: skip
        cells = rows[code]
        assert cells[1] == shown(code, value), code
        if value == value and before == before and value is not None and before is not None:
            assert shown(code, before) in cells[3], code
            arrow = "↑" if value > before else ("↓" if value < before else "→")
            assert cells[3].startswith(arrow), code
    assert MARKER not in str(rows)
    assert "commitments-suppression-note" not in str(rows)


def test_leadership_area_filter_notes_force_wide_figures(app, login_as):
    client = login_as("leadership")
    rows = indicator_rows(scorecard(app, client, area="NE")["commitments-scorecard"])
    for indicator in INDICATORS:
        note = " ".join(rows[indicator.code][0])
        assert ("cannot be split by area" in note) == (not indicator.by_area), indicator.code


def test_leadership_cards_status_in_words_and_register_links(app, login_as):
    client = login_as("leadership")
    data = scorecard(app, client)
    text = " ".join(texts(data["commitments-scorecard"]))
    for point in KEY_POINTS:
        assert f"/register?key_point={point}" in str(data)
    assert "On target" in text or "Off target" in text or "Near target" in text
    rows = indicator_rows(data["commitments-scorecard"])
    assert rows["training_coverage"][2] == "at least 75.0%"  # the demo target
    assert rows["victims_satisfied"][4] == "No target"


def commitments_in(demo_url: str, public_only: bool) -> int:
    engine = make_engine(demo_url)
    with Session(engine) as session:
        stmt = select(func.count(Commitment.id)).join(
            Organisation, Organisation.id == Commitment.organisation_id
        )
        stmt = stmt.where(Organisation.code == "DVP")
        if public_only:
            stmt = stmt.where(Commitment.is_public.is_(True))
        total = session.scalar(stmt)
    engine.dispose()
    return total


def headline_commitments(data) -> int:
    text = " | ".join(texts(data["commitments-headlines"]))
    return int(re.search(r"Commitments met \| \d+ / (\d+)", text).group(1))


@pytest.mark.parametrize("role", ["leadership", "public"])
def test_commitment_counts_follow_the_private_feature(app, login_as, demo_url, role):
    client = login_as(role)
    data = scorecard(app, client)
    assert headline_commitments(data) == commitments_in(demo_url, role == "public")


SMALL = [
    {"period": "3m", "area": "BG", "strand": "biphobic"},
    {"period": "3m", "area": "TO"},
    {"period": "12m", "area": "MO", "strand": "transphobic"},
]


def protected_counts(code: str, cells: list) -> list[int]:
    """The counts a row shows in its 'based on' line for its protected columns."""
    base = cells[0][1] if len(cells[0]) > 1 else ""
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", base)]
    return numbers if BY_CODE[code].protect else []


@pytest.mark.parametrize("role", ["public", "partner"])
@pytest.mark.parametrize("filters", SMALL, ids=str)
def test_controlled_viewers_never_see_counts_of_one_to_four(app, login_as, role, filters):
    client = login_as(role)
    rows = indicator_rows(scorecard(app, client, **filters)["commitments-scorecard"])
    for code, cells in rows.items():
        if code in ("lo_per_100k",):  # population is not a protected count
            counts = protected_counts(code, cells)[:1]
        else:
            counts = protected_counts(code, cells)
        assert not [n for n in counts if 1 <= n <= 4], (code, cells)


def small_counts(exact) -> dict[str, list[float]]:
    """Protected counts from 1 to 4 per indicator in an exact table."""
    found = {}
    for code, numerator, denominator in exact[["indicator", "numerator", "denominator"]].values:
        pairs = (("numerator", numerator), ("denominator", denominator))
        small = [n for c, n in pairs if c in BY_CODE[code].protect and n == n and 1 <= n <= 4]
        if small:
            found[code] = small
    return found


def test_public_sees_suppressed_values_as_marker(app, login_as, demo_url):
    """In a small slice (the first area and strand with a count of 1-4 in the last 3 months)
    each indicator built on such a count shows [c] and "Not available", never its value."""
    slices = [(a, s) for a in ("BG", "CA", "MO", "NE", "TO") for s in ("biphobic", None)]
    for area, strand in slices:
        exact, _prior = exact_table(demo_url, "3m", area, strand)
        if small := small_counts(exact):
            break
    assert small, "the demo data has no small count in any slice"
    client = login_as("public")
    data = scorecard(app, client, period="3m", area=area, strand=strand)
    assert "commitments-suppression-note" in str(data)
    rows = indicator_rows(data["commitments-scorecard"])
    for code in small:
        assert rows[code][1] == MARKER, code
        assert rows[code][4] == "Not available", code
        assert MARKER in rows[code][0][1], code  # the hidden count in the "based on" line


def test_download_is_the_table_shown(app, login_as):
    client = login_as("leadership")
    callback = find_callback(app, "commitments-scorecard-download.data")
    response = call(
        client,
        callback,
        {
            "commitments-scorecard-download-button.n_clicks": 1,
            "commitments-filters.data": store(),
        },
    )
    assert response.status_code == 200
    content = response_data(response)["commitments-scorecard-download"]["data"]["content"]
    lines = content.strip().splitlines()
    assert lines[0].startswith("Key point,Indicator,Current,Target")
    assert len(lines) == 1 + len(INDICATORS)
