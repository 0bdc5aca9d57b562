"""Every page as every role in Chromium with the CSP in force: no violation, no console error."""

from __future__ import annotations

import dash
import pytest

from dashboard.policy import allowed
from data_access.vocab import ROLES
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", ROLES)
def test_pages_load_without_csp_violations(page, role):
    if role != "public":
        sign_in(page, role)
    paths = sorted(p["path"] for p in dash.page_registry.values() if allowed(role, p["policy_key"]))
    assert paths, role
    for path in paths:
        page.goto(page.base_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        assert page.query_selector(".dash-fe-error__title") is None, (role, path)
        violations = [e for e in page.errors if "Content Security Policy" in e or "Refused" in e]
        assert violations == [], (role, path, violations)
    screenshot(page, f"walk-{role}-last")
    assert page.errors == [], (role, page.errors)
