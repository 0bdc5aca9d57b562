"""A force that imported only areas and referrals (no officers, training, events, surveys,
commitments or targets): every page it may open renders and runs its callbacks with no error,
and every card or section without data says so instead of showing a 0, a [c] or "0 / N"."""

from __future__ import annotations

import re

import dash
import pytest
from sqlalchemy.orm import Session

from dashboard.policy import allowed
from data_access.db import make_engine
from data_access.organisations import create_organisation
from data_access.users import create_user
from tests.conftest import login
from tests.pages.data_import.helpers import (
    PASSWORD,
    USERS,
    engine_import,
    recent_referrals,
    signed_in,
)
from tests.pages.data_import.walk import open_page

# What a page must say about the kinds this force never imported (checked for every role
# that may open the page; the overview's target card only for roles that see KPIs).
EMPTY_STATES = {
    "/": ["No liaison officers recorded yet.", "No workforce headcount recorded yet.",
          "No community events recorded yet."],
    "/commitments": ["No commitments recorded yet.",
                     "No indicator has both a figure and a target for this period."],
    "/training": ["No training attendance recorded yet.",
                  "No refresher due dates recorded for this period.",
                  "No workforce headcount by the end of this period."],
    "/workload": ["No liaison officers recorded yet."],
    "/engagement": ["No community events recorded in this period."],
    "/public": ["No closed cases recorded yet.", "No workforce headcount recorded yet.",
                "No public commitments recorded yet."],
}  # fmt: skip
KPI_ROLES = {"leadership", "coordinator", "network"}  # the overview's "KPIs off target" card
RATIO = re.compile(r"^\d[\d,]* / \d[\d,]*$")


@pytest.fixture(scope="module")
def partial(force):
    assert engine_import(force.url, "referrals", recent_referrals(12)) == "applied"
    return force


def strings(node, found: list[str]) -> list[str]:
    """Every string in a Dash component tree (children, labels, table cells ...)."""
    if isinstance(node, str):
        found.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            strings(value, found)
    elif isinstance(node, list):
        for value in node:
            strings(value, found)
    return found


def kpi_cards(node, found: list[list[str]]) -> list[list[str]]:
    """The strings of each KPI card (className kpi-card) in a component tree."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and "kpi-card" in str(props.get("className", "")):
            found.append(strings(props.get("children"), []))
            return found
        for value in node.values():
            kpi_cards(value, found)
    elif isinstance(node, list):
        for value in node:
            kpi_cards(value, found)
    return found


@pytest.mark.parametrize("role", sorted(USERS))
def test_every_page_renders_for_a_force_with_only_areas_and_referrals(partial, role):
    client = signed_in(partial, role)
    opened, ran, problems, missing, misleading = 0, 0, [], [], []
    for page in sorted(dash.page_registry.values(), key=lambda p: p["path"]):
        if not allowed(role, page["policy_key"]):
            continue
        assert client.get(page["path"]).status_code == 200, page["path"]
        answers: list = []
        count, found = open_page(client, partial, page["path"], page["policy_key"], answers)
        problems += [(page["path"], *problem) for problem in found]
        opened, ran = opened + 1, ran + count
        text = strings(answers, [])
        wanted = EMPTY_STATES.get(page["path"], [])
        if page["path"] == "/" and role in KPI_ROLES:
            wanted = [*wanted, "No KPI targets recorded yet."]
        missing += [(page["path"], message) for message in wanted if message not in text]
        # 12 referrals, 6 in each area, one month: no count is small, so no [c] is honest;
        # no targets and no commitments exist, so no card may show a ratio like "0 / 8".
        misleading += [(page["path"], s) for s in text if s.strip() == "[c]" or "[c]:" in s]
        for card in kpi_cards(answers, []):
            if any(RATIO.match(s) for s in card) or "—" in card and len(card) < 3:
                misleading.append((page["path"], " | ".join(card)))
    assert opened >= 3 and ran >= opened  # the callbacks ran (the easy-read page has none)
    assert problems == []
    assert missing == []
    assert misleading == []


def test_a_force_with_no_records_says_so_on_the_overview(force):
    """An organisation just made by create-org (no area, no record): the overview's cards are
    all empty states, none a 0 or a [c]."""
    engine = make_engine(force.url)
    with Session(engine) as session:
        create_organisation(session, "EMPTY", "An empty force")
        create_user(session, "empty_lead", PASSWORD, "leadership", "EMPTY")
        session.commit()
    engine.dispose()
    client = force.server.test_client()
    assert login(client, "empty_lead", PASSWORD).status_code == 302
    answers: list = []
    assert open_page(client, force, "/", "overview", answers)[1] == []
    text = strings(answers, [])
    assert "No referrals recorded yet." in text and "No KPI targets recorded yet." in text
    assert "[c]" not in " ".join(text)
