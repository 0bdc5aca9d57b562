"""In Chromium, anonymous: "/" lands on the public summary, which reads at 360 px wide."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_anonymous_visitor_lands_on_the_public_summary(page):
    page.goto(page.base_url + "/")
    page.wait_for_url(page.base_url + "/public")
    page.wait_for_selector("#public-incidents .kpi-value", timeout=90000)
    page.wait_for_selector("#public-trend-graph .main-svg", timeout=90000)
    page.wait_for_selector("#public-outcomes-table td", timeout=90000)
    text = page.inner_text("main")
    for words in ("Transphobic incidents", "How to report", "You said", "third-party"):
        assert words.lower() in text.lower(), words
    assert "under-reported" in page.inner_text("#public-incidents")
    screenshot(page, "public-summary-anonymous")
    assert page.errors == []


def test_public_summary_reads_at_360_pixels(new_tab):
    tab = new_tab(360, 740)
    errors = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(tab.base_url + "/public")
    tab.wait_for_selector("#public-incidents .kpi-value", timeout=90000)
    tab.wait_for_selector("#public-trend-graph .main-svg", timeout=90000)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"
    card = tab.locator("#public-incidents").bounding_box()
    assert card["width"] <= 360 and card["x"] >= 0
    screenshot(tab, "public-summary-360px")
    assert errors == []
