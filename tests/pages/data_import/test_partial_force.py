"""A force that imported only areas and referrals (no officers, training, events, surveys,
commitments or targets): every page it may open renders and runs its callbacks with no error."""

from __future__ import annotations

import dash
import pytest

from dashboard.policy import allowed
from tests.pages.data_import.helpers import USERS, engine_import, recent_referrals, signed_in
from tests.pages.data_import.walk import open_page


@pytest.fixture(scope="module")
def partial(force):
    assert engine_import(force.url, "referrals", recent_referrals(12)) == "applied"
    return force


@pytest.mark.parametrize("role", sorted(USERS))
def test_every_page_renders_for_a_force_with_only_areas_and_referrals(partial, role):
    client = signed_in(partial, role)
    opened, ran, problems = 0, 0, []
    for page in sorted(dash.page_registry.values(), key=lambda p: p["path"]):
        if not allowed(role, page["policy_key"]):
            continue
        assert client.get(page["path"]).status_code == 200, page["path"]
        count, found = open_page(client, partial, page["path"], page["policy_key"])
        problems += [(page["path"], *problem) for problem in found]
        opened, ran = opened + 1, ran + count
    assert opened >= 3 and ran >= 2 * opened  # the pages' callbacks really ran
    assert problems == []
