"""In Chromium, as a partner: the open data page lists the whole catalogue, shows a dataset
for the choices made, and downloads it as CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

ROWS = "#data-table .ag-center-cols-container .ag-row"


def test_partner_views_and_downloads_a_dataset(page):
    sign_in(page, "partner", "/data?dataset=lo_timeliness&from=2025-01&to=2025-12")
    page.wait_for_selector("#data-card-training_coverage", timeout=90000)
    page.wait_for_selector(ROWS, timeout=90000)
    assert page.locator(ROWS).count() == 4  # four quarters of 2025
    assert "Liaison officer scheme timeliness" in page.inner_text("#data-dataset")

    page.click("#data-area")
    page.get_by_role("option", name="Newport").click()
    page.wait_for_function(
        "() => document.querySelector('#data-api-link')?.innerText.includes('area=NE')",
        timeout=60000,
    )
    assert "offerable" in page.inner_text("#data-dictionary")
    page.wait_for_function("() => window.location.search.includes('area=NE')", timeout=10000)
    assert "dataset=lo_timeliness" in page.url
    screenshot(page, "data-partner")

    with page.expect_download() as csv_download:
        page.click("#data-csv-button")
    csv_text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("quarter,area,months_covered,offerable")
    assert csv_download.value.suggested_filename == "lo_timeliness-2025-01-2025-12-NE.csv"
    with page.expect_download() as json_download:
        page.click("#data-json-button")
    body = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert body["filters"] == {"from": "2025-01", "to": "2025-12", "area": "NE"}
    assert len(body["rows"]) == 4
    assert page.errors == []


def test_data_page_at_360_pixels(new_tab):
    tab = new_tab(360, 740)
    tab.goto(tab.base_url + "/data")
    tab.wait_for_selector("#data-card-referrals", timeout=90000)
    tab.wait_for_selector(ROWS, timeout=90000)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"
    assert tab.locator("#data-card-lo_timeliness").count() == 0  # partners only
    screenshot(tab, "data-public-360px")
