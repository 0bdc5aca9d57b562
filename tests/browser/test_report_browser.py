"""In Chromium: the network opens the progress report, changes the quarter (the address and
the PDF link follow), and sees it as printed (print stylesheet) and at phone width."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_network_reads_and_prints_the_report(page):
    sign_in(page, "network", "/report")
    page.wait_for_selector("#report-headlines tbody tr", timeout=30000)
    page.wait_for_selector("#report-commitments tbody tr", timeout=30000)
    first = page.inner_text("#report-headlines")
    page.click("#report-quarter")
    page.get_by_role("option").nth(2).click()
    page.wait_for_function("() => location.search.includes('quarter=')", timeout=60000)
    page.wait_for_function(
        "(before) => document.querySelector('#report-headlines')?.innerText !== before",
        arg=first, timeout=60000,
    )  # fmt: skip
    quarter = page.url.split("quarter=")[1]
    assert page.get_attribute("#report-pdf", "href") == f"/report.pdf?quarter={quarter}"
    page.wait_for_timeout(500)
    screenshot(page, "report-network")
    page.emulate_media(media="print")
    assert not page.is_visible("#report-quarter")
    assert not page.is_visible("nav")
    screenshot(page, "report-print")
    assert page.errors == []


def test_report_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "leadership", "/report")
    page.wait_for_selector("#report-commitments tbody tr", timeout=30000)
    page.wait_for_timeout(500)
    screenshot(page, "report-phone")
    assert page.errors == []
