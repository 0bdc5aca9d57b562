"""Every page in Chromium with the CSP in force: no violation, no console error. A page's
scripts and styles do not depend on who reads it, so each page is opened once, by the first
role (in this order) that may see it; every role signs in and opens at least one page."""

from __future__ import annotations

import dash
import pytest

from dashboard.policy import allowed
from data_access.vocab import ROLES
from tests.browser.conftest import screenshot, visit
from tests.browser.waiting import settle

pytestmark = pytest.mark.browser


def paths_for(role: str) -> list[str]:
    """The pages `role` opens: those no earlier role in ROLES opened, else its first page."""
    seen: set[str] = set()
    for other in ROLES:
        visible = sorted(
            p["path"] for p in dash.page_registry.values() if allowed(other, p["policy_key"])
        )
        fresh = [path for path in visible if path not in seen] or visible[:1]
        if other == role:
            return fresh
        seen.update(fresh)
    raise ValueError(role)


@pytest.mark.parametrize("role", ROLES)
def test_pages_load_without_csp_violations(page, role):
    paths = paths_for(role)
    assert paths, role
    for path in visit(page, role, paths):
        settle(page)
        assert page.query_selector(".dash-fe-error__title") is None, (role, path)
        violations = [e for e in page.errors if "Content Security Policy" in e or "Refused" in e]
        assert violations == [], (role, path, violations)
    screenshot(page, f"walk-{role}-last")
    assert page.errors == [], (role, page.errors)
