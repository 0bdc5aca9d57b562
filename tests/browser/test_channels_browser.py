"""In Chromium: a partner opens the reporting-channels page, sees suppressed months as gaps in
the chart and [c] in the table, and picks a channel that is kept in the address."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

GRAPH = "#channels-volumes-graph .js-plotly-plot"
ROWS = "#channels-volumes-table .ag-center-cols-container .ag-row"


def line_values(page) -> list[list[float | None]]:
    """The y values of the channel lines (not the event markers) as the browser holds them."""
    return page.evaluate(
        f"() => document.querySelector('{GRAPH}').data"
        ".filter(t => t.yaxis !== 'y2').map(t => Array.from(t.y))"
    )


def test_partner_sees_gaps_markers_and_keeps_the_channel_in_the_address(page):
    sign_in(page, "partner", "/channels?period=12m")
    page.wait_for_selector(GRAPH + " .main-svg", timeout=60000)
    page.wait_for_selector("#channels-referrals-table .ag-row", timeout=60000)
    page.wait_for_selector("#channels-share-card", timeout=60000)
    assert page.locator(ROWS).count() == 13  # 12 months and the period total
    lines = line_values(page)
    assert len(lines) == 7
    values = [v for line in lines for v in line]
    assert None in values, "suppressed months must be gaps"
    assert not any(v is not None and 1 <= v <= 4 for v in values)
    assert "[c]" in page.inner_text("#channels-volumes-table")
    assert "Campaigns and Pride" in page.inner_text("#channels-volumes-graph")
    screenshot(page, "channels-partner")

    page.click("#channels-channel")
    page.get_by_role("option", name="Third-party centre").click()
    page.wait_for_function(
        f"() => document.querySelector('{GRAPH}').data.filter(t => t.yaxis !== 'y2').length === 1",
        timeout=60000,
    )
    assert "channel=third_party" in page.url
    page.wait_for_function(
        "() => (document.querySelector('#channels-volumes-table .ag-header') || {})"
        ".innerText?.includes('Third-party centre')",
        timeout=60000,
    )
    headers = page.inner_text("#channels-volumes-table .ag-header")
    assert "Third-party centre" in headers and "Online" not in headers
    assert page.errors == []
