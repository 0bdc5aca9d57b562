"""In Chromium: leadership signs in, changes a filter, and sees the chart and table update."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def table_rows(page) -> int:
    return page.locator("#overview-trend-table .ag-center-cols-container .ag-row").count()


def test_leadership_changes_period_and_sees_chart_and_table_update(page):
    sign_in(page, "leadership")
    page.wait_for_selector("#overview-trend-graph .main-svg", timeout=60000)
    page.wait_for_selector("#overview-trend-table .ag-row", timeout=60000)
    assert table_rows(page) == 12
    caption_before = page.inner_text("#overview-trend-caption")

    page.click("#overview-period")
    page.get_by_role("option", name="Last 3 months").click()
    rows = "#overview-trend-table .ag-center-cols-container .ag-row"
    page.wait_for_function(f"() => document.querySelectorAll('{rows}').length === 3", timeout=60000)
    assert "period=3m" in page.url
    assert page.inner_text("#overview-trend-caption") != caption_before
    assert page.locator("#overview-trend-graph .main-svg").count() >= 1
    screenshot(page, "overview-leadership-3m")
    assert page.errors == []


def test_copied_url_reproduces_the_view(page):
    sign_in(page, "leadership", "/?period=6m&strand=transphobic")
    page.wait_for_selector("#overview-trend-table .ag-row", timeout=60000)
    assert table_rows(page) == 6
    headers = page.inner_text("#overview-trend-table .ag-header")
    assert "Transphobic" in headers and "Homophobic" not in headers
    screenshot(page, "overview-leadership-url")


@pytest.mark.parametrize("attempt", range(3))
def test_area_from_the_address_is_kept(page, attempt):
    """The area in a shared link survives the area names arriving after the page loads."""
    sign_in(page, "leadership", "/?period=12m&area=NE")
    page.wait_for_selector("#overview-trend-table .ag-row", timeout=60000)
    page.wait_for_timeout(500)
    assert "area=NE" in page.url
    assert "Newport" in page.inner_text("#overview-area")
