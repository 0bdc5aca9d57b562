"""Browser fixtures: the app served in a thread, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import quote, urlsplit

import pytest
from werkzeug.serving import make_server

from tests.browser.waiting import track_network
from tests.conftest import DEMO_PASSWORD, OUTPUT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def serving(app) -> Iterator[str]:
    """`app` served in a thread on a free port; its base URL."""
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """The shared demo app: tests that save records use `private_app` instead, so the data
    (and the protected release built from it) stay the same for every other test."""
    warm_release(app)
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def private_app(demo_url, tmp_path_factory):
    """The app on this module's own copy of the demo database, for tests that save records."""
    from tests.pages.register.helpers import private_app as app_on_copy

    return app_on_copy(demo_url, tmp_path_factory.mktemp("private-app"))


@pytest.fixture(scope="module")
def private_server(private_app) -> Iterator[str]:
    """`private_app` served (a module sets `live_server` to it to save records in Chromium)."""
    warm_release(private_app)
    with serving(private_app) as url:
        yield url


def warm_release(app) -> None:
    """Build the demo force's protected release (once per data version) before the browser
    arrives, so the first page a test opens does not wait for it."""
    from dashboard import published
    from dashboard.page_support import today
    from dashboard.viewer import public_organisation_id

    with app.server.test_request_context("/"):
        published.release_for(public_organisation_id(), today())


class TrackedBrowser:
    """Chromium whose new contexts count their requests in flight (for `settle`)."""

    def __init__(self, chromium) -> None:
        self._chromium = chromium

    def new_context(self, **options):
        context = self._chromium.new_context(**options)
        track_network(context)
        return context

    def __getattr__(self, name: str):
        return getattr(self._chromium, name)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield TrackedBrowser(chromium)
        chromium.close()


def watch_errors(tab, errors: list[str]) -> None:
    """Collect the tab's console errors, page errors and HTTP errors (4xx, 5xx) in `errors`."""
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on(
        "response",
        lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None,
    )


@pytest.fixture(scope="session")
def shared_context(browser) -> Iterator:
    """One browser context for this worker's pages: they share its HTTP and compiled-script
    caches, so a test's first page does not download and compile plotly.js (4.8 MB) again
    (a first page took 3.2 s, a later one 1.5 s). `new_tab` clears the cookies, so each
    page starts signed out; the app keeps nothing in the browser's storage."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context
    context.close()


@pytest.fixture
def new_tab(shared_context, live_server):
    """`new_tab(width, height)`: a new signed-out page of that size in the shared context
    (opening one signs the test's earlier pages out too: they share the cookies)."""
    tabs = []

    def open_tab(width: int = 1366, height: int = 900):
        shared_context.clear_cookies()
        tab = shared_context.new_page()
        tab.set_viewport_size({"width": width, "height": height})
        tab.base_url = live_server
        tabs.append(tab)
        return tab

    yield open_tab
    for tab in tabs:
        tab.close()


@pytest.fixture
def page(new_tab):
    """A new signed-out page, 1366 x 900; console errors are collected on `page.errors`."""
    tab = new_tab()
    tab.errors = []
    watch_errors(tab, tab.errors)
    return tab


def sign_in(page, role: str, then: str = "/") -> None:
    """Sign in through the form as a demo role and land on `then` (a path with its query),
    as the login page's `next` does: one page load fewer than signing in and going there."""
    page.goto(f"{page.base_url}/login?next={quote(then, safe='')}")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    path = urlsplit(then).path
    page.wait_for_url(lambda url: urlsplit(url).path == path and "/login" not in url)


def visit(page, role: str, paths: Iterable[str]) -> Iterator[str]:
    """Open each address in `paths` in turn as `role` (signing in on the way to the first,
    unless the role is the anonymous "public"); yields each once it has loaded."""
    for index, path in enumerate(paths):
        if index == 0 and role != "public":
            sign_in(page, role, path)
        else:
            page.goto(page.base_url + path)
        yield path


def screenshot(page, name: str) -> str:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return str(path)


NO_SIDEWAYS = "() => document.scrollingElement.scrollWidth <= window.innerWidth"


def check_menu_opens(page, account: str, links_at_least: int = 3) -> None:
    """Below the collapse: the menu is closed, its button opens it with page links and the
    sign-in or sign-out link visible, and nothing runs off the right edge."""
    menu = page.locator("#shell-navbar-collapse")
    assert not menu.is_visible()
    page.click("#shell-navbar-toggler")
    page.wait_for_selector("#shell-navbar-collapse.show", timeout=15000)
    page.wait_for_timeout(400)  # the collapse animation
    links = menu.locator("a.nav-link")
    assert links.count() >= links_at_least and links.last.is_visible()
    assert menu.get_by_text(account, exact=True).is_visible()
    assert page.evaluate(NO_SIDEWAYS)
