"""Keyboard only, in Chromium: the skip link is the first tab stop and moves focus to the main
content; the overview's period, area and strand filters are reached with Tab and changed with
Enter and the arrow keys, the figures follow, and every focused control shows a focus
indicator at least 2 px wide."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import screenshot, sign_in
from tests.browser.waiting import settle

pytestmark = pytest.mark.browser

TREND_ROWS = "#overview-trend-table .ag-center-cols-container .ag-row"
# The focused element's indicator: its outline (when drawn) or its box-shadow's widest ring.
FOCUSED = """() => {
    const el = document.activeElement; const style = getComputedStyle(el);
    const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) || 0;
    const rings = (style.boxShadow.match(/(-?[\\d.]+)px/g) || []).map(parseFloat);
    const spread = style.boxShadow === 'none' ? 0
        : Math.max(0, ...rings.filter((_, i) => i % 4 === 3));
    return {tag: el.tagName, id: el.id, text: (el.innerText || '').trim().slice(0, 60),
            expanded: el.getAttribute('aria-expanded'), ring: Math.max(outline, spread)};
}"""


def press(page, key: str) -> dict:
    page.keyboard.press(key)
    page.wait_for_timeout(150)
    return page.evaluate(FOCUSED)


def choose_with_keys(page, control: str, key: str) -> str:
    """Open the focused dropdown with Enter, move with `key`, choose with Enter; the control
    keeps focus and shows its new value."""
    before = page.inner_text(control)
    assert press(page, "Enter")["tag"] != "BODY"
    page.wait_for_selector(f"{control}[aria-expanded=true]", timeout=15000)
    press(page, key)
    focused = press(page, "Enter")
    assert focused["id"] == control.lstrip("#") and focused["expanded"] == "false", focused
    assert focused["ring"] >= 2, focused
    page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).innerText !== old", arg=[control, before]
    )
    return page.inner_text(control)


def test_overview_filters_work_from_the_keyboard_alone(page):
    sign_in(page, "leadership")
    page.wait_for_selector(TREND_ROWS, timeout=60000)
    settle(page)
    page.wait_for_function("() => location.search.includes('period=12m')", timeout=60000)

    skip = press(page, "Tab")
    assert skip["tag"] == "A" and skip["text"] == "Skip to main content", skip
    assert skip["ring"] >= 2, skip
    assert page.locator(".skip-link").is_visible()
    screenshot(page, "keyboard-skip-link")
    assert press(page, "Enter")["id"] == "main"

    period = press(page, "Tab")
    assert period["id"] == "overview-period" and period["ring"] >= 2, period
    label = choose_with_keys(page, "#overview-period", "ArrowUp")
    months = int(re.search(r"period=(\d+)m", page.url).group(1))
    assert str(months) in label
    page.wait_for_function(
        f"() => document.querySelectorAll('{TREND_ROWS}').length === {months}", timeout=60000
    )

    area = press(page, "Tab")
    assert area["id"] == "overview-area" and area["ring"] >= 2, area
    settle(page)
    totals = page.inner_text("#overview-trend-table")
    chosen = choose_with_keys(page, "#overview-area", "ArrowDown")
    assert chosen != "All areas"
    page.wait_for_function("() => location.search.includes('area=')", timeout=60000)
    page.wait_for_function(
        "(old) => document.querySelector('#overview-trend-table').innerText !== old",
        arg=totals,
        timeout=60000,
    )

    strand = press(page, "Tab")
    assert strand["id"] == "overview-strand" and strand["ring"] >= 2, strand
    choose_with_keys(page, "#overview-strand", "ArrowDown")
    page.wait_for_function("() => location.search.includes('strand=')", timeout=60000)
    settle(page)
    screenshot(page, "keyboard-filters-chosen")
    assert page.errors == []
