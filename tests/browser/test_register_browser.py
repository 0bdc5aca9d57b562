"""In Chromium: the coordinator picks a commitment, is told why an invalid date is refused, then
saves a valid change and sees the register and the change history update."""

from __future__ import annotations

import sqlite3

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_server(private_server) -> str:
    return private_server  # these tests save edits


def test_coordinator_updates_a_commitment(page):
    sign_in(page, "coordinator", "/register?status=in_progress")
    page.wait_for_selector("#register-grid .ag-row", timeout=60000)
    assert "status=in_progress" in page.url
    row = page.locator("#register-grid .ag-center-cols-container .ag-row").first
    code = row.get_attribute("row-id")
    row.locator('[col-id="text"]').click()
    page.wait_for_function(
        "() => document.querySelector('#register-edit-owner').value !== ''", timeout=60000
    )
    page.wait_for_selector("#register-history-table .ag-row", timeout=60000)
    public = row.locator('[col-id="is_public"]').inner_text() == "Yes"
    assert page.is_checked("#register-edit-is-public") is public

    page.fill("#register-edit-due-on", "1999-12-31")
    page.click("#register-edit-save")
    error = page.wait_for_selector("#register-edit-message .alert-danger", timeout=60000)
    assert "Nothing was saved" in error.inner_text()
    assert "The date may not be before 2000-01-01." in error.inner_text()

    page.fill("#register-edit-due-on", "2031-06-30")
    page.fill("#register-edit-owner", "Chief Constable (interim)")
    page.click("#register-edit-save")
    done = page.wait_for_selector("#register-edit-message .alert-success", timeout=60000)
    assert f"{code} saved" in done.inner_text()
    cell = f'#register-grid .ag-row[row-id="{code}"] [col-id="owner"]'
    page.wait_for_function(
        f"""() => {{
            const cell = document.querySelector('{cell}');
            return cell && cell.innerText.includes('Chief Constable (interim)');
        }}""",
        timeout=60000,
    )
    due = page.inner_text(f'#register-grid .ag-row[row-id="{code}"] [col-id="due_on"]')
    assert due == "2031-06-30"
    page.wait_for_function(
        "() => document.querySelector('#register-history-table').innerText"
        ".includes('Chief Constable (interim)')",
        timeout=60000,
    )
    screenshot(page, "register-coordinator")
    assert page.errors == []


def test_public_sees_the_public_register_without_forms(page):
    page.goto(page.base_url + "/register?key_point=leadership_commitment")
    page.wait_for_selector("#register-grid .ag-row", timeout=60000)
    headers = page.inner_text("#register-grid .ag-header")
    assert "Community verdict" in headers and "Public" not in headers
    assert page.locator("#register-forms").count() == 0
    page.locator("#register-grid .ag-center-cols-container .ag-row").first.click()
    page.wait_for_selector("#register-history-table .ag-row", timeout=60000)
    assert "Changed by" not in page.inner_text("#register-history-table")
    assert "key_point=leadership_commitment" in page.url
    assert page.errors == []


def test_three_quick_clicks_on_add_save_one_commitment(page, private_app):
    """Clicks 150 ms apart: the button is disabled while saving, then the form is cleared."""
    sign_in(page, "coordinator", "/register")
    page.wait_for_selector("#register-grid .ag-row", timeout=60000)
    page.click("#register-add-key-point")
    page.get_by_role("option", name="Reporting channels").first.click()
    text = "Publish hate crime outcomes every quarter"
    page.fill("#register-add-text", text)
    page.fill("#register-add-owner", "Head of Performance")
    page.fill("#register-add-due-on", "2031-03-31")
    for _click in range(3):
        page.click("#register-add-save", force=True, no_wait_after=True)
        page.wait_for_timeout(150)
    done = page.wait_for_selector("#register-add-message .alert-success", timeout=60000)
    assert "added" in done.inner_text()
    # The grid shows the new row (its rows render in batches, so a count taken before the
    # save may be short; the text is the reliable mark).
    page.wait_for_function(
        """(text) => [...document.querySelectorAll('#register-grid [col-id="text"].ag-cell')]
            .some((cell) => cell.innerText.includes(text))""",
        arg=text,
        timeout=60000,
    )
    page.wait_for_timeout(1000)
    assert page.locator("#register-add-message .alert-danger").count() == 0
    cells = page.locator('#register-grid [col-id="text"].ag-cell').all_inner_texts()
    assert sum(text in cell for cell in cells) == 1
    with sqlite3.connect(private_app.url.removeprefix("sqlite:///")) as db:
        saved = db.execute("SELECT count(*) FROM commitment WHERE text = ?", (text,)).fetchone()
    assert saved == (1,)
    assert page.input_value("#register-add-text") == ""
    assert not page.is_disabled("#register-add-save")
    screenshot(page, "register-add-once")
    assert page.errors == []
