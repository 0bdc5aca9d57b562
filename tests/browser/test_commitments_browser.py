"""In Chromium: leadership opens the scorecard, sees the ten key points with their indicators,
opens the method notes, and reloads a bookmarked address with a strand chosen."""

from __future__ import annotations

import pytest

from data_access.queries.indicators import INDICATORS
from data_access.vocab import KEY_POINTS
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

ROWS = "[id^='commitments-'][id*='-table-']"


def test_leadership_sees_the_scorecard(page):
    sign_in(page, "leadership", "/commitments")
    page.wait_for_selector("#commitments-professionalism-table", timeout=30000)
    for point in KEY_POINTS:
        assert page.locator(f"#commitments-{point.replace('_', '-')}").count() == 1, point
    assert page.locator(f"tr{ROWS}").count() == len(INDICATORS)
    headline = page.inner_text("#commitments-on-target-card")
    assert "Indicators on target" in headline
    assert page.locator("a[href='/register?key_point=accountability']").count() == 1
    assert "[c]" not in page.inner_text("#commitments-scorecard")

    screenshot(page, "commitments-leadership")
    page.click("#commitments-method summary")
    assert page.locator("#commitments-method dt").count() == len(INDICATORS)
    assert page.errors == []


def test_filters_are_kept_in_the_address(page):
    """The strand filter (its options are fixed) survives loading a bookmarked address; the
    figures that cannot split by strand say so."""
    sign_in(page, "leadership", "/commitments?period=6m&strand=transphobic")
    page.wait_for_selector("#commitments-professionalism-table", timeout=30000)
    assert "strand=transphobic" in page.url and "period=6m" in page.url
    note = page.inner_text("#commitments-professionalism-table-victims_satisfied")
    assert "cannot be split by strand" in note
    referral = page.inner_text("#commitments-professionalism-table-victim_contact_2_days")
    assert "cannot be split" not in referral
    assert page.errors == []
