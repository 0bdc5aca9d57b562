"""The accessibility walk shared by tests/browser/test_a11y_browser.py and
benchmarks/a11y_walk.py: which pages each role sees (from the page registry and the policy
table) and axe-core's WCAG A/AA violations."""

from __future__ import annotations

from collections import Counter

import dash
from axe_playwright_python.sync_playwright import Axe

from dashboard.policy import allowed
from data_access.vocab import ROLES

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's rule tags).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_axe = Axe()


def pages_for(role: str) -> list[str]:
    """Paths of the registered pages `role` may open, in registry order. Anonymous visitors
    asking for "/" are sent to the public summary, which is walked under its own path."""
    pages = sorted(dash.page_registry.values(), key=lambda page: page.get("order", 100))
    return [
        page["path"]
        for page in pages
        if allowed(role, page["policy_key"]) and not (role == "public" and page["path"] == "/")
    ]


def walk_roles() -> list[str]:
    """Every role, anonymous ("public") first."""
    return sorted(ROLES, key=lambda role: (role != "public", role))


def violations(page, best_practice: bool = False) -> list[dict]:
    """axe-core's WCAG A/AA violations on the page as it is now (and its best-practice rules:
    landmarks, heading order, when asked)."""
    tags = WCAG_TAGS + (["best-practice"] if best_practice else [])
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def describe(found: list[dict]) -> list[str]:
    """One line per violated rule: id, impact, element count and the first target."""
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} "
        f"{v['nodes'][0].get('failureSummary', '')[:160]!r}"
        for v in found
    ]


def count_by_rule(found: list[dict], into: Counter) -> None:
    """Add each violated rule's element count to `into`."""
    for violation in found:
        into[violation["id"]] += len(violation["nodes"])
