"""In Chromium: network opens the training page, sees every section filled (the cascade as a
Sankey), changes the course and sees the address follow; and at phone width."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

FILLED = [
    "#training-courses-graph .main-svg",
    "#training-courses-table .ag-row",
    "#training-areas-table .ag-row",
    "#training-ranks-table .ag-row",
    "#training-leaders-table .ag-row",
    "#training-units-table .ag-row",
    "#training-delivery-graph .main-svg",
    "#training-partners-table .ag-row",
    "#training-cascade-graph .sankey",
    "#training-cascade-table .ag-row",
    "#training-refreshers-table .ag-row",
    "#training-scores-table .ag-row",
]


def test_network_sees_the_training_page(page):
    sign_in(page, "network", "/training?period=24m")
    for selector in FILLED:
        page.wait_for_selector(selector, timeout=30000)
    assert "%" in page.inner_text("#training-coverage-card")
    page.click("#training-course")
    page.get_by_role("option", name="Hate-crime investigation").click()
    page.wait_for_function("() => location.search.includes('course=investigation')",
                           timeout=60000)  # fmt: skip
    page.wait_for_selector("#training-areas-table .ag-row", timeout=60000)
    page.wait_for_timeout(800)
    screenshot(page, "training-network")
    assert page.errors == []


def test_training_page_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "leadership", "/training?period=24m")
    for selector in FILLED[:4]:
        page.wait_for_selector(selector, timeout=30000)
    page.wait_for_selector("#training-cascade-graph .sankey", timeout=30000)
    page.wait_for_timeout(800)
    screenshot(page, "training-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    assert page.errors == []
