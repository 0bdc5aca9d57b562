"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices: landmarks,
heading order) reports no violation on the pages each role sees, in each language of
dashboard.i18n.LANGUAGES.

Which triples: `make test` allows this test about 90 s, and axe takes seconds on a page of
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
from tests.browser.conftest import visit
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


def test_axe_finds_no_wcag_violation(browser, live_server):
    checked = failing = 0
    found_by_rule: Counter = Counter()
    report: list[str] = []
    for role, triples in plan().items():
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.base_url = live_server
        try:
            addresses = [f"{path}?lang={language}" for path, language in triples]
            for address in visit(page, role, addresses):
                path, language = address.split("?lang=")
                settle(page)
                found = violations(page, best_practice=True)
                checked += 1
                count_by_rule(found, found_by_rule)
                if found:
                    failing += 1
                    report += [f"{path} {role} {language}:", *describe(found)]
        finally:
            context.close()
    total = sum(len(pages_for(role)) for role in walk_roles()) * len(LANGUAGES)
    summary = (f"a11y walk: {checked} (page, role, language) triples checked by axe of "
               f"{total} (all: benchmarks/a11y_walk.py), {failing} with violations")  # fmt: skip
    print(summary)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "a11y-walk.txt").write_text(summary + "\n")
    assert checked >= len(walk_roles()), "every role is checked at least once"
    assert failing == 0, "\n".join(report + [str(dict(found_by_rule))])
