"""Issue 8.11 audit: the widths and checks test_screens_browser.py leaves out: 768 px (the
menu button opens the menu, nothing runs sideways), the widths just above the menu's collapse
(the staff menu fits), and at 390 px the scorecard keeps whole words in its headers and whole
status badges."""

from __future__ import annotations

import pytest

from tests.browser.conftest import NO_SIDEWAYS, check_menu_opens, sign_in
from tests.browser.waiting import settle

pytestmark = pytest.mark.browser

# Words of the scorecard's column headers drawn on more than one line (split mid-word).
SPLIT_WORDS = """() => {
    const split = [];
    for (const th of document.querySelectorAll('.scorecard-card thead th')) {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
                if (lines.size > 1) { split.push(word[0]); }
            }
        }
    }
    return split;
}"""
# Status badges wider than their box or running past their cell or card (cut off).
CUT_BADGES = """() => Array.from(document.querySelectorAll('.scorecard-card .badge')).filter(b => {
    const box = b.getBoundingClientRect();
    const cell = (b.closest('td') || b.parentElement).getBoundingClientRect();
    const card = b.closest('.scorecard-card').getBoundingClientRect();
    return b.scrollWidth > b.clientWidth + 1 || box.right > cell.right + 1
        || box.left < cell.left - 1 || box.right > card.right + 1;
}).map(b => b.innerText)"""


@pytest.fixture
def narrow(new_tab):
    return lambda width: new_tab(width, 900)


def test_768_pixels_menu_button_opens_the_menu_without_sideways_scroll(narrow):
    page = narrow(768)
    sign_in(page, "admin")
    settle(page)
    assert page.evaluate(NO_SIDEWAYS)
    check_menu_opens(page, "Sign out", links_at_least=5)


def test_the_staff_menu_fits_just_above_the_collapse(narrow):
    """Between the collapse and about 1,250 px the admin's full menu stays on the screen."""
    page = narrow(1200)
    sign_in(page, "admin")
    settle(page)
    for width in (1200, 1250, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(200)
        assert page.evaluate(NO_SIDEWAYS), width
        overflow = page.evaluate(
            """() => Array.from(document.querySelectorAll('.shell-navbar a, .shell-navbar button'))
            .filter(el => el.offsetParent && el.getBoundingClientRect().right
                          > document.documentElement.clientWidth + 1).map(el => el.innerText)"""
        )
        assert overflow == [], (width, overflow)


def test_scorecard_at_390_pixels_keeps_whole_words_and_whole_badges(narrow):
    page = narrow(390)
    page.goto(page.base_url + "/commitments")
    page.wait_for_selector(".scorecard-card table .badge", timeout=30000)
    settle(page)
    assert page.locator(".scorecard-card thead th").count() >= 3
    assert page.evaluate(SPLIT_WORDS) == []
    assert page.evaluate(CUT_BADGES) == []
    assert page.evaluate(NO_SIDEWAYS)
