"""Leadership commitment: a scorecard of the OAS ten key points, each with computed indicators
against targets, the trend on the previous period, and its commitments with the community's
verdict beside the force's own status."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
from dash import Input, Output, State, callback, dcc, html, no_update

from components.chart_table import create_download_button
from components.kpi_card import create_kpi_row
from dashboard import derived, published
from dashboard.access import register_page
from dashboard.downloads import csv_download, download_name
from dashboard.extensions import db
from dashboard.filters import Filters
from dashboard.i18n import N_, _
from dashboard.labels import register_key_point_label
from dashboard.page_support import (
    page_filter_bar,
    register_filter_callbacks,
    today,
    url_filters,
    viewer_filters,
)
from dashboard.policy import allowed
from dashboard.release import Release
from dashboard.viewer import Viewer, current_viewer
from data_access.queries import indicators, kpis
from data_access.queries.common import Period
from data_access.queries.indicators import INDICATORS, Indicator
from data_access.queries.indicators_governance import commitment_summary
from data_access.vocab import KEY_POINTS
from pages.commitments.method import create_method_section, method_groups, method_notes
from pages.commitments.scorecard import create_key_point_card, create_scorecard
from pages.commitments.text import (
    commitment_lines,
    display_rows,
    headline_cards,
    table_headers,
)

register_page(__name__, path="/commitments", title=N_("Leadership commitment"), order=10)

PREFIX = "commitments"
PRIVATE = "commitments.private"


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the scorecard."""
    filters = url_filters(query)
    return html.Div(
        [
            html.H1(_("Leadership commitment scorecard"), className="h3"),
            html.P(
                _(
                    "The ten key points of the OAS guide for police work with LGBTIQ+ "
                    "communities. Each shows indicators computed from the force's records "
                    "against its targets, the change on the previous period, and the "
                    "commitments behind it with the community forum's own verdict."
                ),
                className="text-muted",
            ),
            page_filter_bar(PREFIX, filters),
            dcc.Loading(html.Div(id=f"{PREFIX}-headlines"), type="dot"),
            dcc.Loading(html.Div(id=f"{PREFIX}-scorecard"), type="default"),
            create_download_button(f"{PREFIX}-scorecard", _("Download the scorecard (CSV)")),
            create_method_section(
                f"{PREFIX}-method", _("How these are calculated"), method_notes(), method_groups()
            ),
        ]
    )


register_filter_callbacks(PREFIX)


def shown_counts(
    viewer: Viewer,
    counts: pd.DataFrame,
    indicator: Indicator,
    filters: Filters,
    period: Period,
    release: Release | None = None,
) -> tuple[float | None, float | None, bool]:
    """Numerator and denominator of one indicator for the filters as the viewer may see them
    (None: suppressed), and whether one was suppressed. For disclosure-controlled viewers the
    sensitive counts come from the organisation's protected release (`dashboard.derived`);
    other counts, and every count for other viewers, are the exact sums."""
    area = filters.area if indicator.by_area else None
    strand = filters.strand if indicator.by_strand else None
    shown, suppressed = [], False
    for column in ("numerator", "denominator"):
        if column not in indicator.protect or release is None:
            shown.append(indicators.slice_sum(counts, indicator.code, column, area, strand))
            continue
        value = derived.indicator_count(release, indicator.code, column, period, area, strand)
        suppressed = suppressed or value is None
        shown.append(value)
    return shown[0], shown[1], suppressed


def scorecard_frame(
    viewer: Viewer,
    filters: Filters,
    now: pd.DataFrame,
    before: pd.DataFrame,
    goals: pd.DataFrame,
    release: Release | None = None,
) -> pd.DataFrame:
    """One row per indicator: value and previous value as the viewer may see them, target,
    direction and RAG status ("unavailable" when there is no value to rate)."""
    goals = goals.set_index("kpi")
    rows = []
    for indicator in INDICATORS:
        num, den, hidden = shown_counts(viewer, now, indicator, filters, filters.current, release)
        p_num, p_den, p_hidden = shown_counts(
            viewer, before, indicator, filters, filters.previous, release
        )
        value = indicators.indicator_value(indicator.code, num, den, filters.current)
        previous = indicators.indicator_value(indicator.code, p_num, p_den, filters.previous)
        has_goal = indicator.code in goals.index
        target = float(goals.at[indicator.code, "target_value"]) if has_goal else None
        direction = goals.at[indicator.code, "direction"] if has_goal else None
        status = "unavailable" if value is None else kpis.rag_status(value, target, direction)
        rows.append(
            {
                "code": indicator.code,
                "key_point": indicator.key_point,
                "unit": indicator.unit,
                "numerator": num,
                "denominator": den,
                "value": value,
                "suppressed": hidden,
                "previous": previous,
                "previous_suppressed": p_hidden,
                "target": target,
                "direction": direction or indicator.better,
                "status": status,
                "split_area": bool(filters.area) and not indicator.by_area,
                "split_strand": bool(filters.strand) and not indicator.by_strand,
            }
        )
    return pd.DataFrame(rows)


def load_scorecard(store: dict | None) -> tuple[Filters, pd.DataFrame, pd.DataFrame, bool]:
    """The scorecard rows and the commitments summary for the viewer and filters, and whether
    private commitments are counted."""
    viewer = current_viewer()
    filters = viewer_filters(store)
    private = allowed(viewer.role, PRIVATE)
    org = viewer.organisation_id
    with db.session() as session:
        now = indicators.indicator_counts(session, org, filters.current, private)
        before = indicators.indicator_counts(session, org, filters.previous, private)
        goals = kpis.targets(session, org, filters.current.end - timedelta(days=1))
        summary = commitment_summary(session, org, today(), private)
    release = published.release_for(org, today()) if viewer.disclosure_controlled else None
    rows = scorecard_frame(viewer, filters, now, before, goals, release)
    return filters, rows, summary, private


@callback(
    Output(f"{PREFIX}-headlines", "children"),
    Output(f"{PREFIX}-scorecard", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_commitments_scorecard(store):
    """Headline cards and one card per key point."""
    if not store:
        return no_update, no_update
    filters, rows, summary, private = load_scorecard(store)
    shown = display_rows(rows)
    summary = summary.set_index("key_point")
    cards = [
        create_key_point_card(
            f"{PREFIX}-{point.replace('_', '-')}",
            register_key_point_label(point),
            shown[shown["key_point"] == point].to_dict("records"),
            table_headers(),
            commitment_lines(summary.loc[point], private),
            _("Open the commitments for this key point"),
            f"/register?key_point={point}",
        )
        for point in KEY_POINTS
    ]
    note = None
    if rows["suppressed"].any() or rows["previous_suppressed"].any():
        note = html.P(
            _(
                "[c]: a count from 1 to 4, or one that would reveal such a count, is hidden "
                "to protect privacy, and so is any figure built on it."
            ),
            className="small text-muted",
            id=f"{PREFIX}-suppression-note",
        )
    heading = html.H2(_("The scorecard, key point by key point"), className="h5 mt-2")
    scorecard = html.Div([heading, note, create_scorecard(cards)])
    return create_kpi_row(headline_cards(rows, summary)), scorecard


@callback(
    Output(f"{PREFIX}-scorecard-download", "data"),
    Input(f"{PREFIX}-scorecard-download-button", "n_clicks"),
    State(f"{PREFIX}-filters", "data"),
    prevent_initial_call=True,
)
def download_commitments_scorecard(n_clicks, store):
    """CSV of exactly the indicator rows shown."""
    if not n_clicks or not store:
        return no_update
    _filters, rows, _summary, _private = load_scorecard(store)
    shown = display_rows(rows)
    table = shown.assign(
        key_point=shown["key_point"].map(register_key_point_label),
        status=shown["status_label"],
    )[["key_point", "indicator", "value", "target", "trend", "status", "base", "note"]]
    table.columns = [table_headers()[c] for c in table.columns]
    file = download_name("commitments", "scorecard", store)
    return csv_download(table, file, "commitments-scorecard")
