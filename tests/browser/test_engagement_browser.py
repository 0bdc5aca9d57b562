"""In Chromium: the coordinator opens the engagement page, sees every section filled, records
an event with a mistake (field errors shown), corrects it and sees it saved; phone width."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

FILLED = [
    "#engagement-months-graph .main-svg",
    "#engagement-months-table .ag-row",
    "#engagement-areas-table .ag-row",
    "#engagement-partners-table .ag-row",
    "#engagement-themes-table .ag-row",
    "#engagement-actions-table .ag-row",
]


@pytest.fixture(scope="module")
def live_server(private_server) -> str:
    return private_server  # the coordinator records an event


def test_coordinator_records_an_event(page):
    sign_in(page, "coordinator", "/engagement?period=12m")
    for selector in FILLED:
        page.wait_for_selector(selector, timeout=30000)
    page.fill("#engagement-event-title", "Browser test surgery")
    page.fill("#engagement-event-police-attending", "one")
    page.click("#engagement-event-save")
    page.wait_for_selector("#engagement-event-message .alert-danger", timeout=60000)
    message = page.inner_text("#engagement-event-message")
    assert "Nothing was saved" in message and "Date held" in message
    page.fill("#engagement-event-held-on", (date.today() - timedelta(days=2)).isoformat())
    page.click("#engagement-event-event-type")
    page.get_by_role("option", name="Surgery").click()
    page.fill("#engagement-event-police-attending", "1")
    page.click("#engagement-event-save")
    page.wait_for_selector("#engagement-event-message .alert-success", timeout=60000)
    assert "recorded" in page.inner_text("#engagement-event-message")
    page.wait_for_selector("#engagement-event-history .ag-row", timeout=60000)
    page.wait_for_timeout(500)
    screenshot(page, "engagement-coordinator")
    assert page.errors == []


def test_engagement_page_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "network", "/engagement?period=12m")
    for selector in FILLED:
        page.wait_for_selector(selector, timeout=30000)
    assert page.locator("#engagement-event-save").count() == 0  # network: no forms
    page.wait_for_timeout(800)
    screenshot(page, "engagement-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.errors == []
