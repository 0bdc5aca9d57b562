"""Waiting for a Dash page to settle: its callbacks have answered, nothing shows as loading and
the network has been quiet for a moment.

Playwright's "networkidle" waits for 500 ms without a request, which costs most of a second
on every page of the browser tests; `track_network` counts a context's requests in flight
instead, so `settle` can stop after a shorter quiet spell. Pages that are not tracked (a
script's own browser) fall back to "networkidle"."""

from __future__ import annotations

import time

# Busy while a callback runs: Dash's loading flag, dcc.Loading's spinner, the page router.
BUSY = """() => !document.querySelector(
    '[data-dash-is-loading="true"], ._dash-loading, ._dash-loading-callback, .dash-spinner')"""
#: Seconds without a request in flight before a page counts as settled: longer than the gap
#: between one callback's answer and the requests it sets off (under 100 ms when measured).
QUIET = 0.3
POLL_MS = 50


def track_network(context) -> None:
    """Count the requests in flight of every page `context` opens (on `page.network`)."""
    context.on("page", _track_page)


def _track_page(page) -> None:
    state = {"in_flight": 0, "changed": time.monotonic()}

    def started(_request) -> None:
        state["in_flight"] += 1
        state["changed"] = time.monotonic()

    def ended(_request) -> None:
        state["in_flight"] -= 1
        state["changed"] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.network = state


def settle(page, timeout: float = 60000) -> None:
    """Wait until the page's callbacks have answered and nothing shows as loading."""
    state = getattr(page, "network", None)
    if state is None:
        page.wait_for_load_state("networkidle", timeout=timeout)
        page.wait_for_function(BUSY, timeout=timeout)
        page.wait_for_load_state("networkidle", timeout=timeout)
        page.wait_for_timeout(150)  # plotly draws after its data arrive
        return
    deadline = time.monotonic() + timeout / 1000
    while True:
        page.wait_for_timeout(POLL_MS)  # lets Playwright deliver the request events
        quiet = state["in_flight"] <= 0 and time.monotonic() - state["changed"] >= QUIET
        if quiet and page.evaluate(BUSY):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle in {timeout / 1000:.0f} s: {page.url}")
