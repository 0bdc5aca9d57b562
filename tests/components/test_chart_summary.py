"""A chart's summary in words: the highest and lowest of each series, and the latest of a
time series, from the table beside it; the suppression marker is never read as a number."""

from __future__ import annotations

import pandas as pd
import pytest

from components.chart_summary import chart_summary
from components.chart_table import create_chart_with_table


@pytest.fixture
def request_context(app):
    with app.server.test_request_context("/"):
        yield


def test_a_time_series_names_its_highest_lowest_and_latest(request_context):
    frame = pd.DataFrame({"month": ["2026-01", "2026-02", "2026-03"], "count": [4, 9, 2]})
    assert chart_summary(frame, {"count": "Incidents"}) == (
        "Incidents: highest 9 (2026-02), lowest 2 (2026-03), latest 2 (2026-03)."
    )


def test_categories_have_no_latest_and_hidden_counts_are_left_out(request_context):
    frame = pd.DataFrame(
        {"area": ["North", "South", "East"], "rate": [12.5, "[c]", 3.0], "note": ["a", "b", "c"]}
    )
    assert chart_summary(frame, {"rate": "Per 100,000"}) == (
        "Per 100,000: highest 12.5 (North), lowest 3 (East)."
    )


def test_too_few_numbers_give_no_summary(request_context):
    frame = pd.DataFrame({"month": ["2026-01", "2026-02"], "count": ["[c]", 5]})
    assert chart_summary(frame, {}) == ""


def test_the_chart_is_one_image_named_by_its_caption_and_described_by_its_summary(
    request_context,
):
    import plotly.graph_objects as go

    frame = pd.DataFrame({"month": ["2026-01", "2026-02"], "count": [1, 3]})
    block = create_chart_with_table(
        go.Figure(), frame, "overview-trend", "Caption", {"count": "Referrals"}, {"table": "T"}
    )
    image = block.children[1].children[0].children.children[0]
    assert image.role == "img"
    assert image.to_plotly_json()["props"]["aria-labelledby"] == "overview-trend-caption"
    assert image.to_plotly_json()["props"]["aria-describedby"] == "overview-trend-summary"
    caption = block.children[1].children[0].children.children[1]
    assert caption.id == "overview-trend-summary" and "highest 3 (2026-02)" in caption.children
