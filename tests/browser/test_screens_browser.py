"""In Chromium at phone and tablet widths: no sideways scrolling, a menu button that opens the
menu; at 360 px and at 200% zoom nothing runs off the side; printed (print media, A4 width)
the navigation and filters are gone and nothing is wider than the paper; a visible focus ring
and readable links on the bar, no chart toolbar in the tab order; Back undoes a filter change,
and period and area follow the reader between pages."""

from __future__ import annotations

import pytest

from tests.browser.conftest import NO_SIDEWAYS, check_menu_opens, screenshot, sign_in, visit
from tests.browser.waiting import settle
from tests.conftest import OUTPUT

pytestmark = pytest.mark.browser

PAGES = {
    "public": ["/public", "/commitments"],  # anonymous visitors land on /public
    "leadership": ["/workload", "/accountability", "/commitments"],
    "coordinator": ["/register", "/channels"],
}
LOADED = {  # wait for the slowest part of a page before measuring it
    "/": "#overview-trend-table .ag-row",
    "/public": ".public-table",
    "/commitments": ".scorecard-card table",
    "/workload": "#workload-funnel-table .ag-row",
    "/register": "#register-grid .ag-row",
}
# Visible elements of the page running past its right edge, other than inside a box that
# scrolls sideways on purpose (a wide table's own scroll bar).
CUT_OFF = """() => Array.from(document.querySelectorAll('main *')).filter(el => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= document.documentElement.clientWidth + 1) {
        return false;
    }
    for (let up = el.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && up.tagName !== 'MAIN'
            && up.tagName !== 'BODY' && up.tagName !== 'HTML') { return false; }
    }
    return true;
}).slice(0, 5).map(el => el.tagName + '.' + el.className + '#' + el.id)"""
# 200% zoom of a 1366 x 768 screen: half as many CSS pixels, each drawn twice as large.
VIEWPORTS = {
    "360px": {"viewport": {"width": 360, "height": 740}},
    "zoom200": {"viewport": {"width": 683, "height": 384}, "device_scale_factor": 2},
}
SMALL_PAGES = {"public": ["/public", "/how-to-report"], "leadership": ["/", "/commitments"]}
WIDTHS = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
NARROW = (390, 1024)  # a phone and a tablet on its side, both below the 1200 px collapse
A4_WIDTH = 718  # CSS px inside A4's 14 mm side margins (print.css): 182 mm at 96 dpi
PRINTED = {"public": ["/public", "/how-to-report"], "leadership": ["/", "/workload"]}


@pytest.mark.parametrize("role", sorted(PAGES))
def test_narrow_screens_have_a_working_menu_and_no_sideways_scroll(new_tab, role):
    """Each page at 390 px, then the same page turned to 1024 px (both below the 1200 px
    collapse): no sideways scroll and a menu button that opens the menu."""
    page = new_tab(NARROW[0], 900)
    for path in visit(page, role, PAGES[role]):
        if path in LOADED:
            page.wait_for_selector(LOADED[path], timeout=30000)
        for width in NARROW:
            page.set_viewport_size({"width": width, "height": 900})
            settle(page)
            name = f"screen-{width}-{role}-{path.strip('/') or 'overview'}"
            if width == 390:
                screenshot(page, name)
                if path == "/commitments":  # a card close up: whole-word headers, badges
                    card = page.locator(".scorecard-card").nth(1)
                    card.screenshot(path=screenshot(page, name).replace(".png", "-card.png"))
            assert page.evaluate(NO_SIDEWAYS), (path, width, page.evaluate(WIDTHS))
            check_menu_opens(page, "Sign out" if role != "public" else "Sign in")
            screenshot(page, name + "-menu")
            page.click("#shell-navbar-toggler")
            page.wait_for_selector("#shell-navbar-collapse", state="hidden", timeout=15000)
        page.set_viewport_size({"width": NARROW[0], "height": 900})
    page.click("#shell-navbar-toggler")
    page.wait_for_selector("#shell-navbar-collapse.show", timeout=15000)
    page.locator("#shell-navbar-collapse a.nav-link").last.click()
    settle(page)
    assert page.url.startswith(page.base_url)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("role", sorted(SMALL_PAGES))
def test_360_pixels_and_200_percent_zoom_fit_the_screen(browser, live_server, role, viewport):
    context = browser.new_context(**VIEWPORTS[viewport])
    page = context.new_page()
    page.base_url = live_server
    try:
        for path in visit(page, role, SMALL_PAGES[role]):
            if path in LOADED:
                page.wait_for_selector(LOADED[path], timeout=30000)
            settle(page)
            screenshot(page, f"screen-{viewport}-{role}-{path.strip('/') or 'overview'}")
            assert page.evaluate(NO_SIDEWAYS), (path, page.evaluate(WIDTHS))
            assert page.evaluate(CUT_OFF) == [], path
    finally:
        context.close()


@pytest.mark.parametrize("role", sorted(PRINTED))
def test_printed_pages_lose_the_navigation_and_fit_a4(new_tab, role):
    page = new_tab(A4_WIDTH, 1000)
    if role != "public":
        sign_in(page, role)  # on screen: print.css hides the sign-in form's button
    page.emulate_media(media="print")
    for path in PRINTED[role]:
        page.goto(page.base_url + path)
        if path in LOADED:
            page.wait_for_selector(LOADED[path], timeout=30000)
        settle(page)
        assert not page.locator(".shell-navbar").is_visible(), path
        assert page.locator(".filter-bar").evaluate_all(
            "bars => bars.every(bar => !bar.offsetParent)"
        ), path
        assert page.evaluate(NO_SIDEWAYS), (path, page.evaluate(WIDTHS))
        assert page.evaluate(CUT_OFF) == [], path
        links = page.locator("main a[href^='/']")
        if links.count():
            shown = links.first.evaluate("a => getComputedStyle(a, '::after').content")
            assert "(" in shown, (path, shown)
        page.pdf(path=str(OUTPUT / f"print-{role}-{path.strip('/') or 'overview'}.pdf"))


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: list[float], b: list[float]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


RGB = """(value) => {
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = value; probe.fillRect(0, 0, 1, 1);
    return Array.from(probe.getImageData(0, 0, 1, 1).data);
}"""


def test_menu_focus_is_visible_and_links_readable(page):
    sign_in(page, "leadership")
    settle(page)
    bar = page.evaluate(
        f"() => ({RGB})(getComputedStyle(document.querySelector('.shell-navbar')).backgroundColor)"
    )
    inactive = page.locator(".shell-navbar a.nav-link:not(.active)").first
    color = page.evaluate(f"(el) => ({RGB})(getComputedStyle(el).color)", inactive.element_handle())
    assert _contrast(color[:3], bar[:3]) >= 4.5
    seen = 0
    for _step in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement; const s = getComputedStyle(el);
            return {nav: !!el.closest('.shell-navbar'), link: el.matches('a.nav-link'),
                    style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    color: s.outlineColor}; }"""
        )
        if not focused["nav"]:
            continue
        assert focused["style"] == "solid" and focused["width"] >= 3, focused
        ring = page.evaluate(f"(c) => ({RGB})(c)", focused["color"])
        assert _contrast(ring[:3], bar[:3]) >= 3, focused
        seen += focused["link"]
    assert seen >= 3
    screenshot(page, "menu-focus")


def test_charts_add_no_tab_stops_and_dropdowns_show_focus(page):
    sign_in(page, "leadership")
    page.wait_for_selector("#overview-trend-graph .main-svg", timeout=60000)
    stops = page.evaluate(
        """() => Array.from(document.querySelectorAll('.dash-graph, .js-plotly-plot')).map(g =>
            g.querySelectorAll('a[href], button, input, select, textarea, '
                               + '[tabindex]:not([tabindex="-1"])').length)"""
    )
    assert stops and max(stops) == 0, stops
    assert page.locator(".modebar").count() == 0
    page.focus("#overview-period")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        """() => { const el = document.activeElement; const s = getComputedStyle(el);
        const box = el.closest('.dash-dropdown') || el; const b = getComputedStyle(box);
        return Math.max(parseFloat(s.outlineWidth) || 0, parseFloat(b.outlineWidth) || 0); }"""
    )
    assert outline >= 3
    screenshot(page, "dropdown-focus")


def _choose(page, dropdown: str, option: str | None = None) -> None:
    page.click(dropdown)
    choice = page.get_by_role("option", name=option) if option else page.get_by_role("option")
    choice.first.click() if option is None else choice.click()


def test_back_undoes_a_filter_change_and_filters_follow_the_reader(page):
    sign_in(page, "leadership")
    page.wait_for_selector("#overview-trend-table .ag-row", timeout=60000)
    page.wait_for_function("() => location.search.includes('period=12m')", timeout=60000)
    rows = "#overview-trend-table .ag-center-cols-container .ag-row"
    count = f"() => document.querySelectorAll('{rows}').length === "
    _choose(page, "#overview-period", "Last 3 months")
    page.wait_for_function("() => location.search.includes('period=3m')", timeout=60000)
    page.wait_for_function(count + "3", timeout=60000)
    page.go_back()
    page.wait_for_function("() => location.search.includes('period=12m')", timeout=60000)
    assert page.url.startswith(page.base_url)
    page.wait_for_function(count + "12", timeout=60000)
    page.wait_for_function(
        "() => document.querySelector('#overview-period').innerText.includes('Last 12 months')",
        timeout=60000,
    )

    _choose(page, "#overview-period", "Last 24 months")
    page.wait_for_function("() => location.search.includes('period=24m')", timeout=60000)
    _choose(page, "#overview-area")
    page.wait_for_function("() => location.search.includes('area=')", timeout=60000)
    area = page.evaluate("() => new URLSearchParams(location.search).get('area')")
    area_name = page.inner_text("#overview-area")
    page.locator(".shell-navbar a.nav-link", has_text="workload").first.click()
    page.wait_for_url("**/workload**", timeout=60000)
    page.wait_for_function(
        f"() => location.search.includes('period=24m') && location.search.includes('area={area}')",
        timeout=60000,
    )
    assert "Last 24 months" in page.inner_text("#workload-period")
    assert area_name.strip() in page.inner_text("#workload-area")
    screenshot(page, "filters-follow-to-workload")
    page.go_back()
    page.wait_for_url(lambda url: "/workload" not in url, timeout=60000)
    assert "period=24m" in page.url and f"area={area}" in page.url
    assert page.errors == []
