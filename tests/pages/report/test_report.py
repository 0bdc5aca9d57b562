"""Network progress report: the page's headline figures, what changed, the PDF (page count and
the same headline figures in its text), and access to both."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from dashboard.filters import previous_quarter, quarter_choices, quarter_period
from pages.report.content import Headline
from pages.report.text import change_sentence
from tests.conftest import OUTPUT
from tests.dash_client import call, find_callback, response_data

QUARTER = quarter_choices(date.today())[1]


def find_node(node, component_id: str):
    """The component with `component_id` inside a Dash JSON tree."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == component_id:
            return node
        return find_node(props.get("children"), component_id) or next(
            (found for value in node.values() if (found := find_node(value, component_id))), None
        )
    if isinstance(node, list):
        return next((found for item in node if (found := find_node(item, component_id))), None)
    return None


def texts(node) -> list[str]:
    """Every string in a Dash JSON tree, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return texts(node.get("props", {}).get("children"))
    if isinstance(node, list):
        return [t for item in node for t in texts(item)]
    return []


def page_headlines(client, app) -> tuple[list[list[str]], list[str]]:
    response = call(client, find_callback(app, "report-body.children"),
                    {"report-quarter.value": QUARTER})  # fmt: skip
    assert response.status_code == 200
    body = response_data(response)["report-body"]["children"]
    table = find_node(body, "report-headlines")
    rows = table["props"]["children"][1]["props"]["children"]
    return [texts(row) for row in rows], texts(find_node(body, "report-changes"))


def test_the_pdf_has_the_page_headline_figures(app, login_as):
    client = login_as("network")
    rows, changed = page_headlines(client, app)
    assert len(rows) == 12 and len(changed) == 12
    response = client.get(f"/report.pdf?quarter={QUARTER}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert QUARTER in response.headers["Content-Disposition"]
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "report.pdf").write_bytes(response.data)
    reader = PdfReader(io.BytesIO(response.data))
    assert 2 <= len(reader.pages) <= 5
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for label, value, previous in rows:
        assert f"{' '.join(label.split())} {value} {previous}" in pdf_text, label
    for sentence in changed:
        assert " ".join(sentence.split()) in pdf_text


def test_quarters_and_the_previous_quarter():
    assert (quarter_period("2026-Q4").start, quarter_period("2026-Q4").end) == (
        date(2026, 10, 1), date(2027, 1, 1))  # fmt: skip
    assert previous_quarter("2026-Q1") == "2025-Q4"
    assert quarter_choices(date(2026, 5, 20), 3) == ["2026-Q1", "2025-Q4", "2025-Q3"]


@pytest.mark.parametrize(
    ("value", "previous", "unit", "expected"),
    [
        (12, 9, "count", "rose from 9 to 12 (3 more)"),
        (1200, 1500, "count", "fell from 1,500 to 1,200 (300 fewer)"),
        (65.5, 62.0, "percent", "rose from 62.0% to 65.5% (up 3.5 points)"),
        (40.0, 40.0, "percent", "stayed at 40.0%"),
        (0, 0, "count", "none in this quarter or the previous one"),  # not "stayed at 0"
    ],
)
def test_what_changed_is_said_in_words(app, value, previous, unit, expected):
    with app.server.test_request_context("/"):
        assert expected in change_sentence(Headline("events", value, previous, unit))


@pytest.mark.parametrize("role", ["public", "partner", "coordinator", "admin"])
def test_the_pdf_is_refused_outside_the_policy(login_as, role):
    response = login_as(role).get(f"/report.pdf?quarter={QUARTER}")
    assert response.status_code == 403
    assert response.mimetype != "application/pdf"
