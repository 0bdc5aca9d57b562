"""In Chromium, on a new force (areas and 12 referrals imported): the coordinator uploads a file
of referrals, sees the preview, confirms, watches the progress, finds the batch in the import
history and the new figures on the overview; screenshots at desktop and phone width."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import screenshot
from tests.pages.data_import.helpers import (
    AREAS_CSV,
    PASSWORD,
    USERS,
    engine_import,
    force_app,
    new_force,
    recent_referrals,
)

pytestmark = pytest.mark.browser
ROWS = 30000  # three chunks of 10,000: the progress bar moves


@pytest.fixture(scope="module")
def force_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-force")
    url, drop = new_force("sqlite", tmp)
    assert engine_import(url, "areas", AREAS_CSV) == "applied"
    assert engine_import(url, "referrals", recent_referrals(12)) == "applied"
    app = force_app(url, JOBS_DIR=str(tmp / "jobs"))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    drop()


@pytest.fixture
def coordinator(browser, force_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.goto(force_server + "/login")
    tab.fill("input[name=username]", USERS["coordinator"])
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(force_server + "/")
    tab.base_url = force_server
    yield tab
    context.close()


def referrals_card(page) -> str:
    page.goto(page.base_url + "/")
    page.wait_for_selector("#overview-referrals-card", timeout=30000)
    return page.inner_text("#overview-referrals-card")


def test_coordinator_imports_a_file_and_sees_it_everywhere(coordinator):
    page = coordinator
    assert "12" in referrals_card(page)
    page.goto(page.base_url + "/import")
    page.click("#data_import-kind")
    page.get_by_role("option", name="Referrals (hate incidents in the liaison scheme)").click()
    page.wait_for_selector("text=Records are matched on: log_number")
    page.set_input_files(
        "#data_import-upload input[type=file]",
        files=[{"name": "referrals.csv", "mimeType": "text/csv",
                "buffer": recent_referrals(ROWS, start=1000).encode()}],
    )  # fmt: skip
    page.wait_for_selector("text=Ready to import", timeout=60000)
    assert f"{ROWS:,}" in page.inner_text("#data_import-counts")
    assert "UTF-8" in page.inner_text("#data_import-preview")
    screenshot(page, "import-preview")

    page.click("#data_import-confirm")
    page.wait_for_selector("#data_import-progress-area:not([hidden])", timeout=10000)
    assert page.is_disabled("#data_import-confirm")  # no second click while it runs
    page.wait_for_function(
        "() => /rows? written|Checking|Imported|Done/.test("
        "document.querySelector('#data_import-progress-area').innerText)",
        timeout=30000,
    )
    screenshot(page, "import-progress")
    page.wait_for_selector("text=Imported: referrals", timeout=120000)
    assert page.is_disabled("#data_import-confirm")  # and none after success
    screenshot(page, "import-done")

    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "import-done-390")
    page.set_viewport_size({"width": 1366, "height": 900})

    page.click("#data_import-history-link")
    page.wait_for_selector("#import_history-grid .ag-row", timeout=30000)
    first = page.locator("#import_history-grid .ag-row[row-index='0']").inner_text()
    assert "referrals.csv" in first and "applied" in first and "30000" in first
    screenshot(page, "import-history")

    assert f"{12 + ROWS:,}" in referrals_card(page)
    screenshot(page, "import-overview-after")
    assert page.errors == []
