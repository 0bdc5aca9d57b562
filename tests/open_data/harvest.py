"""`harvest_open_data(client, role)`: every number the open-data API publishes to a role, over
every filter it accepts — each area and all areas, each calendar year and the full range —
for the intruder test to add to what it harvests from the pages.

The client must be signed in as `role` already ('public': anonymous) and its app must allow
the requests (OPEN_DATA_RATE_LIMIT): a few hundred on the demo force."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from dashboard.open_data.catalogue import CATALOGUE

#: Columns that describe a row (its cell), not a published figure.
KEYS = {"month", "quarter", "area", "strand", "incident_type", "outcome", "channel", "rank"}
KEYS |= {"event_type", "as_of", "area_name", "population_source", "code"}


@dataclass(frozen=True)
class Published:
    """One published number: dataset, the request's filters, the row's key values, the
    column, and the value (None: hidden)."""

    dataset: str
    params: tuple[tuple[str, str], ...]
    row: tuple[tuple[str, str], ...]
    column: str
    value: int | float | None


def filter_values(listing: dict, filters: list[str]) -> list[dict[str, str]]:
    """Every combination of filters the dataset accepts: each area and none; each calendar
    year and the full range (for `to` alone: each year's end and the latest)."""
    areas = [None, *listing["areas"]] if "area" in filters else [None]
    months = listing["months"]
    years = range(int(months["first"][:4]), int(months["last"][:4]) + 1) if months else []
    if "from" in filters:
        periods = [(None, None), *((f"{y}-01", f"{y}-12") for y in years)]
    elif "to" in filters:
        periods = [(None, None), *((None, f"{y}-12") for y in years)]
    else:
        periods = [(None, None)]
    combos = []
    for (start, end), area in product(periods, areas):
        params = {"from": start, "to": end, "area": area}
        combos.append({k: v for k, v in params.items() if v is not None})
    return combos


def harvest_open_data(client, role: str) -> list[Published]:
    """Every published number of every dataset the role may download, over every filter."""
    listing = client.get("/api/v1/datasets").get_json()
    assert listing is not None, f"the dataset list is not available to {role}"
    published = []
    for entry in listing["datasets"]:
        name = entry["name"]
        for params in filter_values(listing, entry["filters"]):
            answer = client.get(f"/api/v1/datasets/{name}.json", query_string=params)
            assert answer.status_code == 200, (role, name, params, answer.get_json())
            key = tuple(sorted(params.items()))
            for row in answer.get_json()["rows"]:
                cell = tuple((k, str(v)) for k, v in row.items() if k in KEYS)
                for column, value in row.items():
                    if column in KEYS or isinstance(value, str):
                        continue
                    published.append(Published(name, key, cell, column, value))
    return published


def protected_counts(harvest: list[Published]) -> list[Published]:
    """The harvested counts of people (disclosure-controlled datasets' integer columns that
    count people, not months or residents)."""
    not_people = {"months", "months_covered", "population"}
    out = []
    for item in harvest:
        dataset = CATALOGUE[item.dataset]
        types = {c.name: c.type for c in dataset.columns}
        counts_people = types.get(item.column) == "integer" and item.column not in not_people
        if dataset.protected and counts_people:
            out.append(item)
    return out
