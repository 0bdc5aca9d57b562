"""The open-data part of the disclosure audit: call every dataset of the API a client may
download over the given month ranges and every area, and collect the release figures each
answer was derived from (`release.recording`), for the LP intruder to add to the pages'."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from dashboard.release import recording

Range = tuple[str | None, str | None]


def year_ranges(months: Sequence[str]) -> list[Range]:
    """The whole range (no filter) and each calendar year the months touch."""
    years = sorted({m[:4] for m in months})
    return [(None, None), *((f"{y}-01", f"{y}-12") for y in years)]


def api_params(filters: Sequence[str], ranges: Sequence[Range], areas: Sequence[str]) -> list:
    """Every combination of the filters a dataset accepts: each range (for `to` alone, each
    range's end) and each area and none."""
    if "from" in filters:
        periods = [{"from": start, "to": end} for start, end in ranges]
    elif "to" in filters:
        periods = [{"to": end} for _start, end in ranges]
    else:
        periods = [{}]
    chosen = [None, *areas] if "area" in filters else [None]
    out = []
    for period, area in product(periods, chosen):
        params = {**period, "area": area}
        out.append({k: v for k, v in params.items() if v is not None})
    return list({tuple(sorted(p.items())): p for p in out}.values())


def harvest_api(client, ranges: Sequence[Range], areas: Sequence[str]) -> tuple[int, list]:
    """(requests made, release figures derived meanwhile) for every dataset the client may
    download, as JSON, over `ranges` and each area."""
    listing = client.get("/api/v1/datasets")
    if listing.status_code != 200:
        raise RuntimeError(f"the dataset list answered {listing.status_code}")
    calls, found = 1, set()
    for entry in listing.get_json()["datasets"]:
        for params in api_params(entry["filters"], ranges, areas):
            with recording() as figures:
                answer = client.get(f"/api/v1/datasets/{entry['name']}.json", query_string=params)
            if answer.status_code != 200:
                raise RuntimeError(f"{entry['name']} {params} answered {answer.status_code}")
            calls += 1
            found |= set(figures)
    return calls, sorted(found, key=repr)


def request_body(cb: dict, store: dict, trigger: str) -> dict:
    """The JSON body the browser sends for `cb` with this store, `trigger` just changed."""
    output = cb["output"]
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    outputs = [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True)) for p in parts]

    def items(deps):
        values = []
        for d in deps:
            name = f"{d['id']}.{d['property']}"
            value = store if name.endswith("-filters.data") else (1 if name == trigger else None)
            values.append({"id": d["id"], "property": d["property"], "value": value})
        return values

    return {
        "output": output,
        "outputs": outputs if output.startswith("..") else outputs[0],
        "inputs": items(cb["inputs"]),
        "state": items(cb["state"]),
        "changedPropIds": [trigger],
    }


def harvest_summary(dash_app, client) -> tuple[int, list]:
    """(calls made, release figures derived) for the public summary page's callbacks (fed
    by its ready flag, not a filter store)."""
    calls, found = 0, set()
    for cb in dash_app._callback_list:
        inputs = [f"{d['id']}.{d['property']}" for d in cb["inputs"]]
        if "public-ready.data" not in inputs:
            continue
        with recording() as figures:
            body = request_body(cb, {}, "public-ready.data")
            response = client.post("/_dash-update-component", json=body)
        if response.status_code not in (200, 204):
            raise RuntimeError(f"{cb['output']} answered {response.status_code}")
        calls += 1
        found |= set(figures)
    return calls, sorted(found, key=repr)
