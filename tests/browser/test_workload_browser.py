"""In Chromium: leadership opens the liaison workload page, sees every section filled, changes
the area filter and sees the address and the funnel follow; the page remembers the area for
the session, and an address with filters sets them again."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

FILLED = [
    "#workload-funnel-graph .main-svg",
    "#workload-funnel-table .ag-row",
    "#workload-dropouts-table .ag-row",
    "#workload-areas-graph .main-svg",
    "#workload-officers-table .ag-row",
    "#workload-deployments-graph .main-svg",
    "#workload-capacity-graph .main-svg",
    "#workload-due-table .ag-row",
]


def funnel_first_count(page) -> str:
    return page.inner_text("#workload-funnel-table .ag-row[row-index='0'] [col-id='count']")


def test_leadership_sees_the_workload_page(page):
    sign_in(page, "leadership", "/workload")
    for selector in FILLED:
        page.wait_for_selector(selector, timeout=60000)
    assert page.locator("#workload-officers-table .ag-row").first.inner_text().startswith("LO-")
    assert "Referrals in period" in page.inner_text("#workload-referrals-card")
    everything = funnel_first_count(page)

    page.click("#workload-area")
    page.get_by_role("option").first.click()
    page.wait_for_function(
        "(before) => { const c = document.querySelector("
        "\"#workload-funnel-table .ag-row[row-index='0'] [col-id='count']\");"
        " return c && c.innerText && c.innerText !== before; }",
        arg=everything,
        timeout=60000,
    )
    assert "area=" in page.url
    assert int(funnel_first_count(page).replace(",", "")) < int(everything.replace(",", ""))
    area = page.url.split("area=")[1].split("&")[0]

    # An address without filters takes the session's last choice (see url_filters): the area
    # just chosen, where no review or induction may be due, so the due section can be its
    # empty state. (This, not the grid, is why the due rows once "never became visible".)
    page.goto(page.base_url + "/workload")
    page.wait_for_selector("#workload-funnel-table .ag-row", timeout=60000)
    assert f"area={area}" in page.url
    page.wait_for_selector("#workload-due-table .ag-row, #workload-due [role=status]")

    # An address with a filter wins over the remembered one: all areas again, every section.
    page.goto(page.base_url + "/workload?period=12m")
    for selector in FILLED:
        page.wait_for_selector(selector, timeout=60000)
    assert "area=" not in page.url
    assert int(funnel_first_count(page).replace(",", "")) == int(everything.replace(",", ""))
    page.wait_for_timeout(500)
    screenshot(page, "workload-leadership")
    assert page.errors == []
