"""In Chromium: leadership opens the accountability page, sees every section filled, changes the
stage delay and the action status, and the address keeps the choice."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

SECTIONS = ("kpis", "delay-months", "delay-areas", "support-months", "support-areas", "officers")
SECTIONS += ("outcomes", "completeness", "actions")


def test_leadership_sees_the_accountability_page(page):
    sign_in(page, "leadership", "/accountability?period=12m")
    for name in SECTIONS:
        page.wait_for_selector(f"#accountability-{name}-table .ag-row", timeout=30000)
    for name in SECTIONS[1:-1]:
        assert page.locator(f"#accountability-{name}-graph .main-svg").count() >= 1, name
    assert page.locator("#accountability-kpis-table .ag-row").count() == 8
    assert "Off target" in page.inner_text("#accountability-kpis-table") or "On target" in (
        page.inner_text("#accountability-kpis-table")
    )

    caption = page.inner_text("#accountability-delay-months-caption")
    page.click("#accountability-delay")
    page.get_by_role("option", name="Days from allocation to first victim contact").click()
    page.wait_for_function(
        "(before) => document.querySelector('#accountability-delay-months-caption')"
        ".innerText !== before",
        arg=caption,
        timeout=60000,
    )
    assert "delay=victim_contact_within_days" in page.url

    page.click("#accountability-status")
    page.get_by_role("option", name="In progress").click()
    page.wait_for_function("() => location.search.includes('status=in_progress')", timeout=60000)
    page.wait_for_selector("#accountability-actions-table .ag-row", timeout=60000)
    statuses = page.locator(
        "#accountability-actions-table [col-id=status].ag-cell"
    ).all_inner_texts()
    assert statuses and set(statuses) == {"In progress"}
    page.wait_for_timeout(500)
    screenshot(page, "accountability-leadership")
    assert page.errors == []
