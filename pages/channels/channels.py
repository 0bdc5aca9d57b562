"""Reporting channels: volumes by channel over time with campaign markers, the channel mix by
area and strand, the third-party share against target, campaigns, and referrals by channel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pandas as pd
from dash import Input, Output, callback, html, no_update

from components.chart_table import create_empty_state
from dashboard import derived, published
from dashboard.access import register_page
from dashboard.downloads import labelled
from dashboard.extensions import db
from dashboard.filters import Filters
from dashboard.i18n import N_, _
from dashboard.labels import channel_label
from dashboard.page_support import (
    org_areas,
    page_filter_bar,
    register_filter_callbacks,
    register_section_downloads,
    today,
    url_filters,
    viewer_filters,
)
from dashboard.viewer import Viewer, current_viewer
from data_access.queries import channels, kpis
from data_access.vocab import CHANNELS, STRANDS
from pages.channels import blocks, frames, text
from pages.channels.sections import create_channel_filter, create_sections, shown

register_page(__name__, path="/channels", title=N_("Reporting channels"), order=50)

PREFIX = "channels"
EXTRAS = {"channel": CHANNELS}
# Disclosure-controlled viewers get every figure from the release (dashboard.derived): monthly
# figures for the whole force only; exact viewers get one cube of the period per table.
MONTHLY_DIMS = ["month", "channel", "area", "strand"]
PERIOD_DIMS = ["channel", "area", "strand"]
DOWNLOADS = ("volumes", "by-area", "by-strand", "share", "campaigns", "referrals")


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the figures."""
    filters = url_filters(query, EXTRAS)
    return html.Div(
        [
            html.H1(_("Reporting channels"), className="h3"),
            html.P(
                _(
                    "How people report homophobic, biphobic and transphobic hate incidents: "
                    "reports by channel, area and strand over time, the share made through "
                    "third-party reporting centres, and changes after campaigns and events."
                ),
                className="text-muted",
            ),
            page_filter_bar(
                PREFIX, filters, [create_channel_filter(PREFIX, filters.extras.get("channel"))]
            ),
            *create_sections(PREFIX),
        ]
    )


register_filter_callbacks(PREFIX, EXTRAS)


def scoped(store: object) -> tuple[Viewer, Filters]:
    """The viewer and the filters re-validated on the server (the client can send anything)."""
    query = store.get("query") if isinstance(store, dict) else None
    return current_viewer(), viewer_filters(query if isinstance(query, dict) else None, EXTRAS)


def cube(viewer: Viewer, filters: Filters, frame: pd.DataFrame, dims: list[str]) -> pd.DataFrame:
    """One published cube of the WHOLE organisation's frame for the period."""
    every = {
        "month": published.month_keys(filters.current),
        "channel": list(CHANNELS),
        "area": sorted(org_areas(viewer.organisation_id)),
        "strand": list(STRANDS),
    }
    return published.table(viewer, frame, dims, {d: every[d] for d in dims})


def monthly_scope(store: object, also: Callable | None = None):
    """Viewer, filters, the (month, channel) cells for the filters, and `also(session, org,
    period)` (events or targets)."""
    viewer, filters = scoped(store)
    with db.session() as session:
        extra = also(session, viewer.organisation_id, filters.current) if also else None
        if viewer.disclosure_controlled:
            volumes = None
        else:
            volumes = channels.monthly_volumes(session, viewer.organisation_id, filters.current)
    if volumes is None:
        release = published.release_for(viewer.organisation_id, today())
        return viewer, filters, derived.channel_months(release, filters.current), extra
    cells = published.select_cells(
        cube(viewer, filters, volumes, MONTHLY_DIMS), area=filters.area, strand=filters.strand
    )
    return viewer, filters, cells, extra


def wording(viewer: Viewer, filters: Filters, suppressed: bool) -> tuple[str, str | None]:
    """What the monthly figures cover, and the note under them."""
    area = org_areas(viewer.organisation_id).get(filters.area) if filters.area else None
    filtered = bool(filters.area or filters.strand)
    return (
        text.scope_text(viewer.disclosure_controlled, area, filters.strand),
        text.monthly_note(viewer.disclosure_controlled, filtered, suppressed),
    )


def volume_view(store: object):
    """Viewer, filters, the chart series, the table shown and the events to mark."""
    viewer, filters, cells, events = monthly_scope(store, channels.timeline_events)
    series, table = frames.volume_frames(cells, filters.extras.get("channel"), _("Period total"))
    events = text.labelled(frames.timeline_events(events, filters.area))
    return viewer, filters, series, shown(table, table.columns[1:]), events


@callback(Output(f"{PREFIX}-volumes", "children"), Input(f"{PREFIX}-filters", "data"))
def update_channel_volumes(store):
    """Monthly reports by channel with campaign and event markers, and its table."""
    if not store:
        return no_update
    viewer, filters, series, table, events = volume_view(store)
    if frames.is_zero(table.iloc[-1, -1]):
        return create_empty_state(_("No reports by these channels in this period."))
    scope, note = wording(viewer, filters, bool(series["suppressed"].any()))
    return blocks.create_volumes_block(series, table, events, scope, note, PREFIX)


def breakdown_view(store: object) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Channel × area and channel × strand from one (channel, area, strand) cube (for
    disclosure-controlled viewers: derived from the release)."""
    viewer, filters = scoped(store)
    areas = sorted(org_areas(viewer.organisation_id))
    if viewer.disclosure_controlled:
        release = published.release_for(viewer.organisation_id, today())
        period = derived.channel_breakdown(release, filters.current, areas)
    else:
        with db.session() as session:
            volumes = channels.monthly_volumes(session, viewer.organisation_id, filters.current)
        period = cube(viewer, filters, volumes, PERIOD_DIMS)
    tables = frames.breakdown_tables(period, filters.area, filters.strand, areas)
    chosen = filters.extras.get("channel")
    by_area, by_strand = (t[t["channel"] == chosen] if chosen else t for t in tables)
    return blocks.breakdown_shown(by_area), blocks.breakdown_shown(by_strand)


@callback(Output(f"{PREFIX}-breakdown", "children"), Input(f"{PREFIX}-filters", "data"))
def update_channel_breakdown(store):
    """Reports in the period by channel and area, and by channel and strand, with totals."""
    if not store:
        return no_update
    viewer, filters = scoped(store)
    areas = org_areas(viewer.organisation_id)
    return blocks.create_breakdown_block(
        *breakdown_view(store), areas, areas.get(filters.area), filters.strand, PREFIX
    )


def targets_at_end(session, org_id: int, period) -> pd.DataFrame:
    """Targets in force on the last day of the period."""
    return kpis.targets(session, org_id, period.end - timedelta(days=1))


def share_view(store: object):
    """Viewer, filters, the shares by month (period last) and the third-party target."""
    viewer, filters, cells, goals = monthly_scope(store, targets_at_end)
    return viewer, filters, frames.share_frame(cells), frames.target_for(goals, "third_party_share")


@callback(Output(f"{PREFIX}-share", "children"), Input(f"{PREFIX}-filters", "data"))
def update_third_party_share(store):
    """Third-party and partner-referral shares by month and for the period, against target."""
    if not store:
        return no_update
    viewer, filters, shares, goal = share_view(store)
    if frames.is_zero(shares["all_reports"].iloc[-1]):
        return create_empty_state(_("No reports by any channel in this period."))
    value = shares["third_party_share"].iloc[-1]
    status = kpis.rag_status(None if pd.isna(value) else float(value), *(goal or (None, None)))
    suppressed = bool(shares[["third_party", "partner_referral", "all_reports"]].isna().any().any())
    scope, note = wording(viewer, filters, suppressed)
    return blocks.create_share_block(shares, goal, status, scope, note, PREFIX)


def campaign_view(store: object) -> tuple[pd.DataFrame, int, str]:
    """The before/after table shown, how many events were left out, and what it counts."""
    viewer, filters, cells, events = monthly_scope(store, channels.timeline_events)
    chosen = filters.extras.get("channel")
    changes, left_out = frames.campaign_changes(frames.monthly_counts(cells, chosen), events)
    scope, _note = wording(viewer, filters, False)
    what = text.campaign_scope(channel_label(chosen) if chosen else None, scope)
    return blocks.campaign_table(changes), left_out, what


@callback(Output(f"{PREFIX}-campaigns", "children"), Input(f"{PREFIX}-filters", "data"))
def update_campaign_changes(store):
    """Reports in the three months before and after each campaign and Pride event."""
    if not store:
        return no_update
    return blocks.create_campaign_block(*campaign_view(store), PREFIX)


def referral_view(store: object) -> tuple[pd.DataFrame, str]:
    """Referrals per recorded channel for the area and strand chosen (one cube), and scope."""
    viewer, filters = scoped(store)
    org = viewer.organisation_id
    if viewer.disclosure_controlled:
        release = published.release_for(org, today())
        cells = derived.referral_channels(release, filters.current, filters.area, filters.strand)
    else:
        with db.session() as session:
            counts = channels.referral_channels(session, org, filters.current)
        period = cube(viewer, filters, counts, PERIOD_DIMS)
        cells = published.select_cells(period, area=filters.area, strand=filters.strand)
    area = org_areas(viewer.organisation_id).get(filters.area) if filters.area else None
    scope = text.scope_text(False, area, filters.strand)
    return frames.referral_table(cells, list(CHANNELS)), scope


@callback(Output(f"{PREFIX}-referrals", "children"), Input(f"{PREFIX}-filters", "data"))
def update_referral_channels(store):
    """Referrals to the liaison scheme by the channel recorded on each referral."""
    if not store:
        return no_update
    return blocks.create_referral_block(*referral_view(store), PREFIX)


TABLES = {
    "volumes": lambda store: volume_view(store)[3],
    "by-area": lambda store: breakdown_view(store)[0],
    "by-strand": lambda store: breakdown_view(store)[1],
    "share": lambda store: blocks.share_table(share_view(store)[2]),
    "campaigns": lambda store: campaign_view(store)[0],
    "referrals": lambda store: blocks.referral_shown(referral_view(store)[0]),
}


def shown_table(name: str, store: dict) -> pd.DataFrame:
    """The table a section shows, with its headers, for its CSV."""
    table = TABLES[name](store)
    areas = org_areas(current_viewer().organisation_id)
    return labelled(table, blocks.table_headers(name, table.columns, areas))


register_section_downloads(PREFIX, DOWNLOADS, shown_table)
