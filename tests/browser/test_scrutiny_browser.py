"""In Chromium: the coordinator draws the scrutiny sample for a quarter with a chosen seed,
sees the cases and records a finding; and at phone width."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.filters import quarter_choices
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_server(private_server) -> str:
    return private_server  # the coordinator records a finding


def test_coordinator_draws_and_records(page):
    quarter = quarter_choices(date.today())[4]
    sign_in(page, "coordinator", f"/scrutiny?quarter={quarter}")
    page.wait_for_selector("#scrutiny-cases .alert", timeout=30000)  # nothing drawn yet
    page.fill("#scrutiny-seed", "2026")
    page.click("#scrutiny-draw")
    page.wait_for_selector("#scrutiny-cases-table .ag-row", timeout=30000)
    assert "seed 2026" in page.inner_text("#scrutiny-draw-message")
    page.click("#scrutiny-case")
    page.get_by_role("option").first.click()
    page.click("#scrutiny-finding")
    page.get_by_role("option", name="Notable practice").click()
    page.fill("#scrutiny-theme", "clear updates to the victim")
    page.click("#scrutiny-save")
    page.wait_for_selector("#scrutiny-save-message .alert-success", timeout=60000)
    page.wait_for_function(
        "() => document.querySelector('#scrutiny-cases-table')?.innerText"
        ".includes('Notable practice')", timeout=60000)  # fmt: skip
    page.wait_for_timeout(500)
    screenshot(page, "scrutiny-coordinator")
    assert page.errors == []


def test_scrutiny_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "leadership", "/scrutiny")
    page.wait_for_selector("#scrutiny-cases > div", timeout=30000)
    assert page.locator("#scrutiny-draw").count() == 0  # leadership reads only
    page.wait_for_timeout(500)
    screenshot(page, "scrutiny-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    assert page.errors == []
