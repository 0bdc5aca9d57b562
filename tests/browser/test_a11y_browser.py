"""One walk over the pages in Chromium, with the app's Content Security Policy in force, checks
two things: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices:
landmarks, heading order) reports no violation on the pages each role sees, in each language
of dashboard.i18n.LANGUAGES; and no page breaks the CSP, logs a console error, shows Dash's
error box or gets an HTTP error (a page's scripts and styles do not depend on who reads it).

Which triples: `make test` allows this walk about 90 s, and axe takes seconds on a page of
charts and grids, so it checks in English every registered page once, by the first role
that sees it (the disclosure-controlled roles first, so shared pages are checked as the
public reads them), and every role at least once (its frame and navigation differ); in
each other language, the public summary and the
easy-read page for anonymous visitors and the overview for the role that sees most pages.
Pages and roles come from the page registry and the policy table. Every (page, role,
language) triple is walked by `python benchmarks/a11y_walk.py` (the lead runs it). The count
checked is printed in the terminal summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from dashboard.i18n import LANGUAGES
from dashboard.policy import DISCLOSURE_CONTROLLED
from tests.browser.axe_walk import (
    count_by_rule,
    describe,
    pages_for,
    violations,
    walk_roles,
)
from tests.browser.conftest import screenshot, visit, watch_errors
from tests.browser.waiting import settle
from tests.conftest import OUTPUT

pytestmark = pytest.mark.browser

ENGLISH = "en"
OTHER_LANGUAGE_PAGES = {"public": ["/public", "/how-to-report"]}


def plan() -> dict[str, list[tuple[str, str]]]:
    """role -> [(path, language)] to check (see the module docstring): in English each page
    once, the disclosure-controlled roles first (their views of a page shared with staff are
    the ones the public reads), every role at least once; then the other languages."""
    roles = sorted(
        walk_roles(), key=lambda role: (role not in DISCLOSURE_CONTROLLED, -len(pages_for(role)))
    )
    seen: set[str] = set()
    chosen: dict[str, list[tuple[str, str]]] = {}
    for role in roles:
        fresh = [path for path in pages_for(role) if path not in seen]
        fresh = fresh or pages_for(role)[:1]
        seen.update(fresh)
        chosen[role] = [(path, ENGLISH) for path in fresh]
    most = max(roles, key=lambda role: len(pages_for(role)))
    for language in (lang for lang in LANGUAGES if lang != ENGLISH):
        chosen[most].append(("/", language))
        for role, paths in OTHER_LANGUAGE_PAGES.items():
            chosen[role] += [(path, language) for path in paths]
    return chosen


@dataclass
class Walk:
    checked: int = 0
    failing: int = 0
    found_by_rule: Counter = field(default_factory=Counter)
    report: list[str] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # role, page, error


@pytest.fixture(scope="module")
def walk(shared_context, live_server) -> Walk:
    """Every triple of `plan()` opened once: axe's findings and the errors seen on the way."""
    done = Walk()
    for role, triples in plan().items():
        shared_context.clear_cookies()  # signed out
        page = shared_context.new_page()
        page.base_url = live_server
        errors: list[str] = []
        watch_errors(page, errors)
        try:
            addresses = [f"{path}?lang={language}" for path, language in triples]
            for address in visit(page, role, addresses):
                path, language = address.split("?lang=")
                settle(page)
                if page.query_selector(".dash-fe-error__title") is not None:
                    errors.append("Dash's error box is shown")
                done.errors += [(role, address, error) for error in errors]
                errors.clear()
                found = violations(page, best_practice=True)
                done.checked += 1
                count_by_rule(found, done.found_by_rule)
                if found:
                    done.failing += 1
                    done.report += [f"{path} {role} {language}:", *describe(found)]
            screenshot(page, f"walk-{role}-last")
        finally:
            page.close()
    total = sum(len(pages_for(role)) for role in walk_roles()) * len(LANGUAGES)
    summary = (f"a11y walk: {done.checked} (page, role, language) triples checked by axe of "
               f"{total} (all: benchmarks/a11y_walk.py), {done.failing} with violations, "
               f"{len(done.errors)} browser errors")  # fmt: skip
    print(summary)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "a11y-walk.txt").write_text(summary + "\n")
    return done


def test_axe_finds_no_wcag_violation(walk):
    assert walk.checked >= len(walk_roles()), "every role is checked at least once"
    assert walk.failing == 0, "\n".join(walk.report + [str(dict(walk.found_by_rule))])


def test_pages_load_without_csp_violations_or_errors(walk):
    """Every page (and the sign-in form) of the walk: no CSP refusal, console error, page error,
    Dash error box or HTTP error."""
    assert {path.split("?")[0] for _, triples in plan().items() for path, _ in triples} >= {
        path for role in walk_roles() for path in pages_for(role)
    }, "the walk opens every page"
    refused = [e for e in walk.errors if "Content Security Policy" in e[2] or "Refused" in e[2]]
    assert refused == [], refused
    assert walk.errors == [], walk.errors
