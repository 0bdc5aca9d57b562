"""The disclosure audit (`python -m dashboard audit-disclosure`, and the intruder test): harvest
every figure a role can obtain by calling every data callback and download of the public pages
over every filter value and period, as the browser does, and every open dataset of the API
(dashboard.open_data.harvest), then let the LP intruder (dashboard.disclosure_intruder) bound
every protected cell of the release using pages and API together."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from dashboard.disclosure_intruder import Equations, Finding, equations, exposed_cells
from dashboard.open_data.harvest import request_body
from dashboard.policy import allowed
from dashboard.release import TABLES, TOTAL, Release, recording
from data_access.vocab import CHANNELS, STRANDS

#: Pages public and partner viewers see, with their page-specific filters.
PAGES = {"overview": {}, "channels": {"channel": CHANNELS}, "commitments": {}}


@dataclass
class Report:
    calls: int = 0
    harvested: int = 0  # distinct figures obtained (shown or hidden)
    hidden: int = 0
    protected: int = 0  # hidden cells of the release with a true count below the threshold
    exposed: list[Finding] = field(default_factory=list)
    small: list[tuple] = field(default_factory=list)  # published counts 1..threshold-1
    wrong: list[tuple] = field(default_factory=list)  # published sums that differ from the data

    @property
    def ok(self) -> bool:
        return not (self.exposed or self.small or self.wrong)

    def lines(self) -> list[str]:
        out = [
            f"callbacks called: {self.calls}",
            f"cells harvested: {self.harvested} ({self.hidden} hidden)",
            f"cells protected: {self.protected}",
            f"cells exposed: {len(self.exposed)}",
            f"small counts published: {len(self.small)}",
            f"figures not matching the data: {len(self.wrong)}",
        ]
        out += [
            f"  exposed {f.table} {f.key}: true {f.true}, possible {f.low}..{f.high}"
            for f in self.exposed[:20]
        ]
        return out


def store(period: str, **chosen: str | None) -> dict:
    """A filter store as the filter bar writes it."""
    query = {"period": period, **chosen}
    return {"query": {k: v for k, v in query.items() if v}, "search": ""}


def dimensions(prefix: str, areas: list[str]) -> dict[str, list]:
    """Every value (None: all) of each filter of the page, besides the period."""
    return {
        "area": [None, *areas],
        "strand": [None, *STRANDS],
        **{name: [None, *values] for name, values in PAGES[prefix].items()},
    }


def page_callbacks(dash_app, prefix: str) -> list[tuple[dict, str]]:
    """(callback, id.property that triggers it) for every server callback fed by the page's
    filter store: the data callbacks, and each download button."""
    store = f"{prefix}-filters.data"
    found = []
    for cb in dash_app._callback_list:
        if cb.get("clientside_function"):
            continue
        inputs = [f"{d['id']}.{d['property']}" for d in cb["inputs"]]
        states = [f"{d['id']}.{d['property']}" for d in cb["state"]]
        if store in inputs:
            found.append((cb, store))
        elif store in states:
            found += [(cb, i) for i in inputs if i.endswith(".n_clicks")]
    return found


def harvest(
    dash_app, client, role: str, areas: list[str], periods: list[str], downloads: bool = True
) -> tuple[int, list[tuple]]:
    """As `client` (signed in as `role`), call every callback of every page the role may use
    for every period, and every combination of the other filters that changes the figures it
    derives; (calls made, figures derived meanwhile).

    A filter whose every value, varied alone, derives only figures the callback derives
    without it (e.g. the area on a force-wide chart) is left at "all" in the combinations;
    every value of it has still been called once. `downloads=False` leaves out the download
    buttons (each returns a table its page's data callback already shows)."""
    counter = [0]

    def collect(cb, trigger, period, values):
        with recording() as figures:
            body = request_body(cb, store(period, **values), trigger)
            response = client.post("/_dash-update-component", json=body)
        if response.status_code not in (200, 204):
            raise RuntimeError(f"{cb['output']} answered {response.status_code}")
        counter[0] += 1
        return set(figures)

    found: set[tuple] = set()
    for prefix in [p for p in PAGES if allowed(role, p)]:
        dims = dimensions(prefix, areas)
        callbacks = [
            (cb, trigger)
            for cb, trigger in page_callbacks(dash_app, prefix)
            if downloads or trigger.endswith("-filters.data")
        ]
        for (cb, trigger), period in itertools.product(callbacks, periods):
            base = collect(cb, trigger, period, {})
            found |= base
            relevant = []
            for name, values in dims.items():
                new = set()
                for value in values[1:]:
                    new |= collect(cb, trigger, period, {name: value}) - base
                found |= new
                if new:
                    relevant.append(name)
            for chosen in itertools.product(*[dims[n] for n in relevant]):
                if sum(v is not None for v in chosen) >= 2:
                    found |= collect(cb, trigger, period, dict(zip(relevant, chosen, strict=True)))
    return counter[0], sorted(found, key=repr)


def group_levels(release: Release, group: str) -> dict[str, list]:
    """Values of each dim (TOTAL excluded) in the group's tables."""
    levels: dict[str, set] = {}
    for name, table in TABLES.items():
        if table.group == group:
            for key in release.cells[name]:
                for dim, value in zip(table.dims, key, strict=True):
                    if value != TOTAL:
                        levels.setdefault(dim, set()).add(value)
    return {d: sorted(v) for d, v in levels.items()}


def audit(release: Release, calls: int, figures: list[tuple], threshold: int) -> Report:
    """Check the harvested figures against the release and the intruder's LP."""
    mine = {f for f in figures if f[0] == release.org_id}
    report = Report(calls=calls, harvested=len(mine), hidden=sum(f[3] is None for f in mine))
    for _org, table, keys, value in mine:
        if value is None:
            continue
        true = sum(release.truth[table][k] for k in keys)
        if value != true:
            report.wrong.append((table, keys, value, true))
        if 1 <= value < threshold:
            report.small.append((table, keys, value))
    groups = {t.group for t in TABLES.values()}
    levels = {g: group_levels(release, g) for g in groups}
    by_group = equations(release, mine, levels)
    for group in sorted(groups):
        checked, findings = exposed_cells(
            release, by_group.get(group, Equations()), group, threshold, levels[group]
        )
        report.protected += checked
        report.exposed += findings
    return report


def per_period(counts):
    """`indicators.indicator_counts` computed once per (organisation, period, private) in this
    process (its session argument differs on every request)."""
    cached: dict[tuple, object] = {}

    def counted(session, org_id, period, include_private=False):
        key = (org_id, period, include_private)
        if key not in cached:
            cached[key] = counts(session, org_id, period, include_private)
        return cached[key].copy()

    return counted


def run(
    role: str,
    org_code: str | None = None,
    periods: list[str] | None = None,
    downloads: bool = True,
) -> Report:
    """Audit the figures `role` can obtain of one organisation (default: PUBLIC_ORG) on a fresh
    app from the environment's settings. A partner is simulated by fixing the request's viewer
    (no password needed); the public role goes through the anonymous path unchanged."""
    from flask import g

    from dashboard import create_app, published
    from dashboard.filters import period_choices
    from dashboard.open_data import harvest as open_data_harvest
    from dashboard.page_support import org_areas, today
    from dashboard.viewer import Viewer, public_organisation_id
    from data_access.queries import indicators

    if role not in ("public", "partner"):
        raise ValueError(f"role must be public or partner, not {role!r}")
    overrides = {"OPEN_DATA_RATE_LIMIT": "1000000 per minute"}  # the audit's own requests
    dash_app = create_app({**overrides, "PUBLIC_ORG": org_code} if org_code else overrides)
    server = dash_app.server
    with server.test_request_context("/"):
        org = public_organisation_id()
        if org is None:
            raise ValueError(f"no organisation {server.config['PUBLIC_ORG']!r}")
        areas = sorted(org_areas(org))
        release = published.release_for(org, today())
        threshold = published.threshold()
    if role == "partner":
        server.before_request_funcs.setdefault(None, []).insert(
            0, lambda: setattr(g, "viewer", Viewer("partner", org, "audit-disclosure"))
        )
    client = server.test_client()
    client.get("/")
    # The scorecard's exact (unprotected) counts depend on the period only: computing them
    # once per period in this process keeps the harvest fast and changes no figure.
    exact = indicators.indicator_counts
    indicators.indicator_counts = per_period(exact)
    try:
        calls, figures = harvest(
            dash_app, client, role, areas, periods or period_choices(today()), downloads
        )
        more, summary = open_data_harvest.harvest_summary(dash_app, client)
    finally:
        indicators.indicator_counts = exact
    ranges = open_data_harvest.year_ranges(release.months)
    api_calls, api = open_data_harvest.harvest_api(client, ranges, areas)
    return audit(release, calls + more + api_calls, [*figures, *summary, *api], threshold)
