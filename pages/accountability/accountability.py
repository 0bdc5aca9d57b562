"""Accountability: stage delays and rates against targets over time and by area, LO reviews and
inductions, outcomes by strand, data completeness and the "you said, we did" actions log."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
from dash import Input, Output, callback, html, no_update

from dashboard.access import register_page
from dashboard.downloads import labelled
from dashboard.extensions import db
from dashboard.i18n import N_, _
from dashboard.page_support import (
    org_areas,
    page_filter_bar,
    register_filter_callbacks,
    register_section_downloads,
    today,
    url_filters,
    viewer_filters,
)
from dashboard.viewer import current_viewer
from data_access.queries import accountability as acc
from data_access.queries import kpis
from data_access.vocab import ACTION_STATUSES, INCIDENT_TYPES
from pages.accountability import frames, sections, text

register_page(__name__, path="/accountability", title=N_("Accountability"), order=50)

PREFIX = "accountability"
DEFAULT_DELAY = "offer_within_days"
EXTRAS = {"delay": tuple(acc.DELAYS), "incident": INCIDENT_TYPES, "status": ACTION_STATUSES}
# (section title, page-specific filter shown above it, its tables)
SECTIONS = (
    (N_("KPIs against targets"), None, ("kpis",)),
    (N_("Stage delays over time and by area"), "delay", ("delay-months", "delay-areas")),
    (N_("Victim Support referrals"), None, ("support-months", "support-areas")),
    (N_("Liaison officer reviews and inductions"), None, ("officers",)),
    (N_("Outcomes by strand"), "incident", ("outcomes",)),
    (N_("Data completeness"), None, ("completeness",)),
    (N_("You said, we did: actions log"), "status", ("actions",)),
)
TABLES = tuple(name for _title, _choice, names in SECTIONS for name in names)


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the figures."""
    filters = url_filters(query, EXTRAS)
    chosen = {"delay": DEFAULT_DELAY, **filters.extras}
    parts = [
        html.H1(_("Accountability"), className="h3"),
        html.P(text.intro(), className="text-muted"),
        page_filter_bar(PREFIX, filters),
    ]
    for title, choice, names in SECTIONS:
        parts.append(html.H2(_(title), className="h5 mt-4"))
        if choice:
            parts.append(sections.create_choice(PREFIX, choice, chosen.get(choice)))
        parts.extend(sections.create_block(PREFIX, name) for name in names)
    return html.Div(parts)


register_filter_callbacks(PREFIX, EXTRAS)


def _scope(store: dict | None):
    """The viewer's organisation, re-validated filters and the organisation's area names."""
    viewer = current_viewer()
    filters = viewer_filters(store, EXTRAS)
    return viewer.organisation_id, filters, org_areas(viewer.organisation_id)


def _targets(session, org: int, filters) -> dict[str, tuple[float, str]]:
    goals = kpis.targets(session, org, filters.current.end - timedelta(days=1))
    return {kpi: (value, direction) for kpi, value, direction in goals.itertuples(index=False)}


def _areas(names: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Area codes in name order, and names with the all-areas row."""
    return sorted(names, key=names.get), {**names, "All": _("All areas")}


def kpi_frame(store: dict | None) -> pd.DataFrame:
    org, filters, _names = _scope(store)
    with db.session() as session:
        summary = acc.kpi_summary(session, org, filters.current, filters.area, filters.strand)
    return frames.kpi_table(summary, text.unit_labels())


@callback(Output(f"{PREFIX}-kpis", "children"), Input(f"{PREFIX}-filters", "data"))
def update_accountability_kpis(store):
    """The KPI table: each measure for the period against its target, status in words."""
    if not store:
        return no_update
    return sections.create_kpi_section(kpi_frame(store), f"{PREFIX}-kpis")


def delay_frames(store: dict | None):
    """The chosen delay by month (or quarter) and by area, the delay, time unit and target."""
    org, filters, names = _scope(store)
    kpi = filters.extras.get("delay", DEFAULT_DELAY)
    unit, keys = frames.time_buckets(filters.current)
    with db.session() as session:
        args = (session, org, kpi, filters.current)
        by_month = acc.delay_histograms(*args, "month", filters.area, filters.strand)
        by_area = acc.delay_histograms(*args, "area", None, filters.strand)
        target = _targets(session, org, filters).get(kpi)
    if unit == "quarter":
        by_month = frames.to_quarters(by_month, ["days"])
    months = frames.delay_table(by_month, unit, keys, {}, target)
    areas = frames.delay_table(by_area, "area", *_areas(names), target, "All")
    return months, areas, kpi, unit, target


@callback(
    Output(f"{PREFIX}-delay-months", "children"),
    Output(f"{PREFIX}-delay-areas", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_accountability_delays(store):
    """Median and 90th percentile of the chosen stage delay by month and by area."""
    if not store:
        return no_update, no_update
    return sections.create_delay_sections(*delay_frames(store), PREFIX)


def quality_frames(store: dict | None):
    """Victim Support rate by month (or quarter) and by area, and the fields missing."""
    org, filters, names = _scope(store)
    unit, keys = frames.time_buckets(filters.current)
    with db.session() as session:
        quality = acc.referral_quality(session, org, filters.current, None, filters.strand)
        goals = _targets(session, org, filters)
    chosen = quality if filters.area is None else quality[quality["area"] == filters.area]
    support = goals.get("victim_support_rate")
    months = frames.rate_table(chosen, unit, keys, {}, "victim_support", support)
    areas = frames.rate_table(quality, "area", *_areas(names), "victim_support", support, "All")
    missing = frames.completeness_table(chosen, text.field_labels())
    return months, areas, unit, goals, missing, chosen


@callback(
    Output(f"{PREFIX}-support-months", "children"),
    Output(f"{PREFIX}-support-areas", "children"),
    Output(f"{PREFIX}-completeness", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_accountability_quality(store):
    """Victim Support referral rate by month and area, and the completeness of the records."""
    if not store:
        return no_update, no_update, no_update
    months, areas, unit, goals, missing, chosen = quality_frames(store)
    support = goals.get("victim_support_rate")
    completeness = sections.create_completeness_section(
        missing, int(chosen["complete"].sum()), int(chosen["referrals"].sum()),
        goals.get("data_completeness"), f"{PREFIX}-completeness",
    )  # fmt: skip
    return *sections.create_support_sections(months, areas, unit, support, PREFIX), completeness


def officer_frame(store: dict | None):
    org, filters, _names = _scope(store)
    with db.session() as session:
        compliance = acc.officer_compliance_by_month(session, org, filters.current, filters.area)
        goals = _targets(session, org, filters)
    return frames.officer_table(compliance), goals


@callback(Output(f"{PREFIX}-officers", "children"), Input(f"{PREFIX}-filters", "data"))
def update_accountability_officers(store):
    """LO inductions completed and 6-monthly reviews in date at each month end."""
    if not store:
        return no_update
    return sections.create_officer_section(*officer_frame(store), f"{PREFIX}-officers")


def outcome_frame(store: dict | None) -> tuple[pd.DataFrame, str | None]:
    org, filters, _names = _scope(store)
    incident = filters.extras.get("incident")
    with db.session() as session:
        outcomes = acc.outcomes_by_strand(session, org, filters.current, filters.area, incident)
    return frames.outcome_table(outcomes, _("All strands")), incident


@callback(Output(f"{PREFIX}-outcomes", "children"), Input(f"{PREFIX}-filters", "data"))
def update_accountability_outcomes(store):
    """Outcomes of referrals reported in the period, stacked by strand."""
    if not store:
        return no_update
    return sections.create_outcome_section(*outcome_frame(store), f"{PREFIX}-outcomes")


def actions_frame(store: dict | None) -> pd.DataFrame:
    org, filters, _names = _scope(store)
    with db.session() as session:
        log = acc.actions_log(session, org, filters.current, today(), filters.extras.get("status"))
    return frames.actions_table(log)


@callback(Output(f"{PREFIX}-actions", "children"), Input(f"{PREFIX}-filters", "data"))
def update_accountability_actions(store):
    """The actions log with status and overdue items shaded (and said in words)."""
    if not store:
        return no_update
    return sections.create_actions_section(actions_frame(store), f"{PREFIX}-actions", today())


FRAMES = {
    "kpis": lambda store: kpi_frame(store).drop(columns="rag"),
    "delay-months": lambda store: delay_frames(store)[0],
    "delay-areas": lambda store: delay_frames(store)[1],
    "support-months": lambda store: quality_frames(store)[0],
    "support-areas": lambda store: quality_frames(store)[1],
    "officers": lambda store: officer_frame(store)[0],
    "outcomes": lambda store: outcome_frame(store)[0],
    "completeness": lambda store: quality_frames(store)[4],
    "actions": lambda store: actions_frame(store).drop(columns="late"),
}


def _shown_table(name: str, store: dict) -> pd.DataFrame:
    """The section's table with the headers it shows."""
    names = {**text.headers("quarter"), **text.headers("month")}
    return labelled(
        FRAMES[name](store), sections.outcome_headers() if name == "outcomes" else names
    )


register_section_downloads(PREFIX, TABLES, _shown_table)
