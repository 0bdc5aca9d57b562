"""Overview: headline figures, a monthly referral trend with its table and a CSV download."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import (
    create_chart_with_table,
    create_download_button,
    create_empty_state,
)
from components.kpi_card import create_empty_kpi_card, create_kpi_card, create_kpi_row
from components.palette import STRAND_COLOURS
from dashboard import derived, published
from dashboard.access import register_page
from dashboard.disclosure import MARKER, display_frame
from dashboard.downloads import csv_download, download_name, labelled
from dashboard.extensions import db
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import N_, _
from dashboard.labels import kpi_label, strand_label
from dashboard.page_support import (
    page_filter_bar,
    register_filter_callbacks,
    today,
    url_filters,
    viewer_filters,
)
from dashboard.viewer import current_viewer
from data_access.queries import holdings, kpis, referrals, scheme
from data_access.vocab import STRANDS

register_page(__name__, path="/", title=N_("Overview"), order=0)

PREFIX = "overview"


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the figures."""
    filters = url_filters(query)
    return html.Div(
        [
            html.H1(_("Overview"), className="h3"),
            html.P(
                _(
                    "Referrals to the LGB&T liaison scheme, scheme health and what is off "
                    "target, for the period and area you choose."
                ),
                className="text-muted",
            ),
            page_filter_bar(PREFIX, filters),
            dcc.Loading(html.Div(id=f"{PREFIX}-headlines"), type="dot"),
            html.H2(_("Referrals by month"), className="h5 mt-3"),
            dcc.Loading(html.Div(id=f"{PREFIX}-trend"), type="default"),
            create_download_button(f"{PREFIX}-trend", _("Download CSV")),
        ]
    )


register_filter_callbacks(PREFIX)


def _shown(value: int | float | None, suffix: str = "") -> str:
    if value is None:
        return MARKER
    return format_percent(value, None) if suffix == "%" else f"{format_number(value)}{suffix}"


def trend_frame(store: dict | None) -> tuple[pd.DataFrame, int | None, int | None]:
    """The trend for the viewer and filters: (month, strand, count, suppressed), total, previous."""
    viewer = current_viewer()
    filters = viewer_filters(store)
    if viewer.disclosure_controlled:
        release = published.release_for(viewer.organisation_id, today())
        series, total = derived.referral_trend(
            release, filters.current, filters.area, filters.strand
        )
        _earlier, previous = derived.referral_trend(
            release, filters.previous, filters.area, filters.strand
        )
        return series, total, previous
    with db.session() as session:
        counts = referrals.monthly_counts(
            session, viewer.organisation_id, filters.current, filters.area, filters.strand
        )
        before = referrals.monthly_counts(
            session, viewer.organisation_id, filters.previous, filters.area, filters.strand
        )
    series, total = published.exact_trend(filters.current, counts, filters.strand)
    return series, total, int(before["count"].sum())


@callback(Output(f"{PREFIX}-headlines", "children"), Input(f"{PREFIX}-filters", "data"))
def update_overview_headlines(store):
    """Headline cards: referrals and change, active LOs, training coverage, events, off target."""
    if not store:
        return no_update
    viewer = current_viewer()
    filters = viewer_filters(store)
    _series, total, previous = trend_frame(store)
    with db.session() as session:
        org = viewer.organisation_id
        held = holdings.held_kinds(session, org)
        officers = scheme.active_officers(session, org, filters.current.end)
        coverage = scheme.training_coverage(session, org, filters.current.end)
        events = scheme.events_held(session, org, filters.current)
        status = None
        if not viewer.disclosure_controlled:
            values = kpis.kpi_values(session, org, filters.current, filters.area, filters.strand)
            status = kpis.off_target(values, kpis.targets(session, org, filters.current.end))
    change = published.change_percent(total, previous)
    change_text = (
        _("%(change)s on the previous period", change=format_percent(change, 1, signed=True))
        if change is not None
        else _("no comparison available")
    )
    trained = published.area_figure(coverage, "trained", filters.area)
    headcount = published.area_figure(coverage, "headcount", filters.area)
    cards = [
        create_kpi_card(
            _("Referrals in period"), _shown(total), change_text, card_id=f"{PREFIX}-referrals-card"
        )
        if "referrals" in held
        else create_empty_kpi_card(
            _("Referrals in period"), _("No referrals recorded yet."), f"{PREFIX}-referrals-card"
        ),
        create_kpi_card(
            _("Active liaison officers"),
            _shown(published.area_figure(officers, "officers", filters.area)),
            _("at the end of the period"),
        )
        if "officers" in held
        else create_empty_kpi_card(
            _("Active liaison officers"), _("No liaison officers recorded yet.")
        ),
        create_kpi_card(
            _("Awareness training coverage"),
            _shown(round(100 * trained / headcount, 1), "%"),
            _("of the workforce"),
        )
        if headcount
        else create_empty_kpi_card(
            _("Awareness training coverage"),
            _("No workforce headcount recorded yet.")
            if "workforce" not in held
            else _("No workforce headcount at the end of the period."),
        ),
        create_kpi_card(
            _("Community events held"),
            _shown(published.area_figure(events, "events", filters.area)),
        )
        if "events" in held
        else create_empty_kpi_card(
            _("Community events held"), _("No community events recorded yet.")
        ),
    ]
    if status is not None:
        cards.append(off_target_card(status, held))
    return create_kpi_row(cards)


def off_target_card(status: pd.DataFrame, held: frozenset[str]):
    """KPIs off target out of those with both a figure and a target (never "0 / N" when the
    N have no target or no data)."""
    rated = status[status["status"] != "none"]
    if rated.empty:
        return create_empty_kpi_card(
            _("KPIs off target"),
            _("No KPI targets recorded yet.")
            if "targets" not in held
            else _("No KPI with a target has a figure for this period."),
            f"{PREFIX}-off-target-card",
        )
    off = rated[rated["status"].isin(["red", "amber"])]
    return create_kpi_card(
        _("KPIs off target"),
        f"{len(off)} / {len(rated)}",
        ", ".join(kpi_label(k) for k in off["kpi"]) or _("all on target"),
        status="red" if (rated["status"] == "red").any() else ("amber" if len(off) else "green"),
        card_id=f"{PREFIX}-off-target-card",
    )


def trend_figure(series: pd.DataFrame) -> go.Figure:
    figure = go.Figure()
    for strand in [s for s in STRANDS if s in set(series["strand"])]:
        part = series[series["strand"] == strand]
        figure.add_bar(
            x=part["month"],
            y=part["count"].astype("float"),
            name=strand_label(strand),
            marker_color=STRAND_COLOURS[strand],
        )
    figure.update_xaxes(type="category")
    figure.update_layout(
        barmode="stack",
        margin={"l": 40, "r": 10, "t": 10, "b": 40},
        legend={"orientation": "h", "y": -0.2},
        height=360,
        yaxis_title=_("Referrals"),
        xaxis_title=_("Month reported"),
    )
    return figure


def trend_headers() -> dict[str, str]:
    return {"month": _("Month"), **{s: strand_label(s) for s in STRANDS}}


def table_frame(series: pd.DataFrame) -> pd.DataFrame:
    """Months as rows, one column per strand shown (suppressed values shown as the marker)."""
    wide = series.pivot(index="month", columns="strand", values="count")
    wide = wide[[s for s in STRANDS if s in wide.columns]].reset_index()
    wide.columns.name = None
    return display_frame(wide, [c for c in wide.columns if c != "month"])


@callback(Output(f"{PREFIX}-trend", "children"), Input(f"{PREFIX}-filters", "data"))
def update_overview_trend(store):
    """The monthly trend chart and its table."""
    if not store:
        return no_update
    series, total, _previous = trend_frame(store)
    if total == 0:
        return create_empty_state(_("No referrals in this period for the filters chosen."))
    suppressed = bool(series["suppressed"].any())
    headers = trend_headers()
    note = (
        _(
            "Gaps in the chart are small counts suppressed to protect privacy, shown as "
            "[c] in the table."
        )
        if suppressed
        else None
    )
    caption = _(
        "Stacked bars: referrals reported each month, by strand. Total: %(total)s.",
        total=_shown(total),
    )
    return create_chart_with_table(
        trend_figure(series),
        table_frame(series),
        f"{PREFIX}-trend",
        caption,
        headers,
        {"table": _("Table")},
        note,
    )


@callback(
    Output(f"{PREFIX}-trend-download", "data"),
    Input(f"{PREFIX}-trend-download-button", "n_clicks"),
    State(f"{PREFIX}-filters", "data"),
    prevent_initial_call=True,
)
def download_overview_trend(n_clicks, store):
    """CSV of exactly the table shown."""
    if not n_clicks or not store:
        return no_update
    series, _total, _previous = trend_frame(store)
    shown, file = (
        labelled(table_frame(series), trend_headers()),
        download_name("overview", "trend", store),
    )
    return csv_download(shown, file, "overview-trend")
