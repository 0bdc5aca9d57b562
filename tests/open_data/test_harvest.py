"""The open-data harvest the intruder test plugs in: it reaches every dataset and filter, no
count of people from 1 to 4 is published, and a cell has one value in every answer."""

from __future__ import annotations

from collections import defaultdict

import pytest

from dashboard.open_data.catalogue import CATALOGUE
from tests.open_data.harvest import harvest_open_data, protected_counts

PER_CELL = {"referrals", "incidents_and_crimes", "outcomes", "channel_volumes", "events"}


@pytest.mark.parametrize("role", ["partner"])  # the public datasets are a subset
def test_harvest_covers_the_catalogue_and_holds_disclosure(api, role):
    harvest = harvest_open_data(api(role), role)
    names = {item.dataset for item in harvest}
    audience = {"public"} if role == "public" else {"public", "partner"}
    assert names == {n for n, d in CATALOGUE.items() if d.audience in audience} - {"commitments"}
    counts = protected_counts(harvest)
    hidden = sum(item.value is None for item in counts)
    small = [item for item in counts if item.value is not None and 0 < item.value < 5]
    print(
        f"open-data harvest ({role}): {len(harvest)} numbers, {len(counts)} counts of people, "
        f"{hidden} hidden ({100 * hidden / len(counts):.1f}%), {len(small)} from 1 to 4"
    )
    assert small == []
    assert 0 < hidden < len(counts)
    values = defaultdict(set)
    for item in harvest:
        if item.dataset in PER_CELL:
            area = dict(item.params).get("area")  # events have no area column
            values[(item.dataset, item.row, area, item.column)].add(item.value)
    differing = [key for key, found in values.items() if len(found) > 1]
    assert differing == []
