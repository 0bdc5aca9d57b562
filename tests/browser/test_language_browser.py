"""The language switch in a real browser: a shared `?lang=es` link opens in Spanish, tables
and charts use Spanish number marks, and switching keeps the page and its filters."""

from __future__ import annotations

import re

from tests.browser.conftest import screenshot, sign_in


def test_a_shared_spanish_link_opens_in_spanish(page):
    page.goto(page.base_url + "/public?lang=es")
    page.wait_for_selector("#public-figures .kpi-card")
    assert page.inner_text("h1") == "Cómo atiende la policía a las personas LGBT+"
    assert page.title().startswith("Resumen público")
    current = page.locator(".language-switch a[aria-current=true]")
    assert current.inner_text() == "Español" and current.get_attribute("hreflang") == "es"
    assert "Incidentes de odio denunciados" in page.inner_text("#public-figures")
    screenshot(page, "language-public-es")
    assert not page.errors, page.errors


def test_tables_use_the_locales_number_marks(page):
    sign_in(page, "leadership", "/training?lang=es")
    page.wait_for_selector(".ag-cell[col-id=coverage]")
    cells = page.locator(".ag-cell[col-id=coverage]").all_inner_texts()
    assert any(re.fullmatch(r"\d+,\d", cell) for cell in cells), cells  # 45,3 (not 45.3)
    assert not any("." in cell for cell in cells), cells
    screenshot(page, "language-training-es")
    assert not page.errors, page.errors


def test_switching_language_keeps_the_page_and_its_filters(page):
    sign_in(page, "leadership", "/workload?period=6m")
    page.wait_for_selector("#workload-funnel-graph")
    page.click(".language-switch a[hreflang=cy]")
    page.wait_for_url(re.compile(r"/workload\?.*lang=cy"))
    assert "period=6m" in page.url
    page.wait_for_selector(".language-switch a[aria-current=true][hreflang=cy]")
    page.click(".language-switch a[hreflang=en]")  # the cookie now says cy; en wins
    page.wait_for_url(re.compile(r"lang=en"))
    page.wait_for_selector(".language-switch a[aria-current=true][hreflang=en]")
    assert not page.errors, page.errors


def test_date_axes_name_the_months_in_the_language(page):
    sign_in(page, "leadership", "/channels?lang=es&period=24m")
    page.wait_for_selector("#channels-volumes-graph .xtick text", timeout=90000)
    ticks = " ".join(page.eval_on_selector_all(
        "#channels-volumes-graph .xtick text", "nodes => nodes.map(n => n.textContent)"
    ))  # fmt: skip
    spanish = r"\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b"
    assert re.search(spanish, ticks.lower()), ticks
    assert not re.search(r"\b(Jan|Apr|Aug|Dec)\b", ticks), ticks
    screenshot(page, "language-channels-es")
    assert not page.errors, page.errors


def test_the_browsers_own_upload_refusal_is_translated(page):
    """An oversized file is refused in the browser before it is sent, in the page's language."""
    sign_in(page, "coordinator", "/import?lang=es")
    upload = page.locator("#data_import-upload input[type=file]")
    upload.set_input_files(
        {"name": "grande.csv", "mimeType": "text/csv", "buffer": b"a,b\n" * (21 * 262144)}
    )
    note = page.locator("#data_import-upload-note")
    note.wait_for(state="visible", timeout=60000)
    page.wait_for_function(
        "() => document.querySelector('#data_import-upload-note').innerText.includes('MB')",
        timeout=60000,
    )
    text = note.inner_text()
    assert "El archivo grande.csv ocupa 21 MB" in text, text
    assert "por encima del límite de importación de 20 MB" in text, text
    assert not page.errors, page.errors


def test_the_public_summary_in_each_language(page):
    """Screenshots of the public summary in English, Welsh and Spanish, each page in its own
    language from `<html lang>` to the headline cards."""
    headings = {}
    for code in ("en", "cy", "es"):
        page.goto(page.base_url + f"/public?lang={code}")
        page.wait_for_selector("#public-figures .kpi-card")
        assert page.get_attribute("html", "lang") == code
        headings[code] = page.inner_text("h1")
        screenshot(page, f"language-public-summary-{code}")
    assert len(set(headings.values())) == 3, headings
    assert not page.errors, page.errors
