"""Sections of the accountability page: each shown table with its chart, caption and notes."""

from __future__ import annotations

from datetime import date

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.chart_table import (
    create_chart_with_table,
    create_data_table,
    create_download_button,
    create_empty_state,
)
from components.filter_bar import create_filter_dropdown
from components.record_grid import create_record_grid
from dashboard.formatting import format_date, format_number, format_percent
from dashboard.i18n import _
from dashboard.labels import incident_type_label, outcome_label
from pages.accountability.figures import (
    UNKNOWN_COLOUR,
    create_measure_figure,
    create_missing_figure,
    create_outcome_figure,
)
from pages.accountability.frames import OUTCOME_ORDER, target_words
from pages.accountability.text import choice, delay_name, headers, unit_word, when

STATUS_STYLES = {
    "green": {"color": "#1b7837", "fontWeight": 600},
    "amber": {"color": "#8c4a00", "fontWeight": 600},
    "red": {"color": "#b2182b", "fontWeight": 600},
}
# column: (minimum width, wrap long text); the first column of a table keeps FIRST
WIDTHS = {"measure": (260, True), "basis": (200, True), "field": (200, True)}
WIDTHS |= {"issue": (200, True), "response": (200, True), "forum": (130, True)}
WIDTHS |= {"owner": (150, True), "code": (90, False), "raised_on": (110, False)}
WIDTHS |= {"due_on": (110, False)}
FIRST = (140, False)


def create_block(prefix: str, name: str) -> html.Div:
    """An area a callback fills (`<prefix>-<name>`, with a loading indicator) and its download."""
    return html.Div(
        [
            dcc.Loading(html.Div(id=f"{prefix}-{name}"), type="default"),
            create_download_button(f"{prefix}-{name}", _("Download CSV")),
        ],
        className="mb-3",
    )


def create_choice(prefix: str, name: str, value: str | None) -> dbc.Row:
    """A page-specific filter (`<prefix>-<name>`) shown above the section it applies to."""
    label, options, placeholder = choice(name)
    dropdown = create_filter_dropdown(
        f"{prefix}-{name}", label, options, value, bool(placeholder), placeholder
    )
    return dbc.Row(dropdown, className="g-2 mb-2")


def _tidy(component):
    """Wrapped headers, readable first and long-text columns in every grid inside `component`."""
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, dag.AgGrid):
            node.defaultColDef = {
                **node.defaultColDef, "wrapHeaderText": True, "autoHeaderHeight": True,
                "minWidth": 100,
            }  # fmt: skip
            for index, column in enumerate(node.columnDefs):
                width = WIDTHS.get(column["field"], FIRST if index == 0 else None)
                if width:
                    column.update(minWidth=width[0], wrapText=width[1], autoHeight=width[1])
        children = getattr(node, "children", None)
        if children is not None:
            stack.extend(children if isinstance(children, list) else [children])
    return component


def _chart(figure, table, id_prefix: str, caption: str, unit: str = "month", note=None):
    shown = {k: v for k, v in headers(unit).items() if k in table.columns}
    labels = {"table": _("Table")}
    return _tidy(create_chart_with_table(figure, table, id_prefix, caption, shown, labels, note))


def create_kpi_section(table: pd.DataFrame, id_prefix: str) -> html.Div:
    """The KPI table; the status column is coloured by the hidden RAG code and said in words."""
    grid = create_data_table(table, headers(), f"{id_prefix}-table")
    for column in grid.columnDefs:
        column["hide"] = column["field"] == "rag"
        if column["field"] == "status":
            column["cellStyle"] = {
                "styleConditions": [
                    {"condition": f"params.data.rag === '{code}'", "style": style}
                    for code, style in STATUS_STYLES.items()
                ]
            }
    caption = _(
        "Each measure for the referrals reported in the period (liaison officers: on its last "
        "day) against the target in force then. Delays: median and 90th percentile in days "
        "(nearest rank); the status compares the median with the target. Near target: no more "
        "than 10% away from it (delays: or one day away)."
    )
    return _tidy(html.Div([html.P(caption, className="chart-caption"), grid]))


def _target_line(kpi: str, target) -> list[tuple[str, float]]:
    return [(_("Target: %(t)s", t=target_words(kpi, target)), target[0])] if target else []


def create_delay_sections(months, areas, kpi: str, unit: str, target, prefix: str) -> tuple:
    """The chosen stage delay by month (or quarter) and by area: charts with their tables."""
    if not int(areas["cases"].iloc[-1]):
        empty = create_empty_state(
            _("No referrals reported in this period have both dates of this stage recorded.")
        )
        return empty, empty
    name, lines = delay_name(kpi), _target_line(kpi, target)
    series = {"median": _("Median"), "p90": _("90th percentile")}
    note = _("Blank: no referral had both dates. Target: %(t)s.", t=target_words(kpi, target))
    caption = _(
        "Lines: %(name)s — median and 90th percentile for the referrals reported in each "
        "%(unit)s that have both dates, against the target (dashed line).",
        name=name,
        unit=unit_word(unit),
    )
    figure = create_measure_figure(months, unit, series, {"x": when(unit), "y": _("Days")}, lines)
    by_time = _chart(figure, months, f"{prefix}-delay-months", caption, unit, note)
    caption = _(
        "Bars: %(name)s by area over the whole period, every area shown (the area filter does "
        "not apply here), and all areas together.",
        name=name,
    )
    titles = {"x": _("Area"), "y": _("Days")}
    figure = create_measure_figure(areas, "area", series, titles, lines, bars=True)
    return by_time, _chart(figure, areas, f"{prefix}-delay-areas", caption, unit, note)


def create_support_sections(months, areas, unit: str, target, prefix: str) -> tuple:
    """Victim Support referral rate by month (or quarter) and by area."""
    if not int(areas["referrals"].iloc[-1]):
        empty = create_empty_state(_("No referrals in this period for the filters chosen."))
        return empty, empty
    series, lines = {"rate": headers()["rate"]}, _target_line("victim_support_rate", target)
    caption = _(
        "Share of referrals with a Victim Support referral made or already made, out of all "
        "referrals reported in each %(unit)s; the procedure says every victim is referred "
        "(target: %(t)s, dashed line).",
        unit=unit_word(unit),
        t=target_words("victim_support_rate", target),
    )
    figure = create_measure_figure(months, unit, series, {"x": when(unit), "y": "%"}, lines)
    by_time = _chart(figure, months, f"{prefix}-support-months", caption, unit)
    caption = _(
        "Bars: the same share by area over the whole period, every area shown (the area filter "
        "does not apply here), and all areas together."
    )
    figure = create_measure_figure(areas, "area", series, {"x": _("Area"), "y": "%"}, lines, True)
    return by_time, _chart(figure, areas, f"{prefix}-support-areas", caption, unit)


def create_officer_section(table: pd.DataFrame, targets: dict, id_prefix: str):
    """Inductions completed and reviews in date at each month end, against their targets."""
    if not int(table["active"].sum()):
        return create_empty_state(_("No active liaison officers at any month end in this period."))
    names = headers()
    series = {c: names[c] for c in ("inducted_pct", "reviewed_pct", "unknown_pct")}
    pairs = (("inducted_pct", "lo_inductions_completed"), ("reviewed_pct", "lo_reviews_in_date"))
    lines = [
        (_("Target, %(what)s: %(t)s", what=names[c], t=target_words(k, targets[k])), targets[k][0])
        for c, k in pairs
        if k in targets
    ]
    caption = _(
        "Lines: share of the liaison officers active at each month end (not on leave, not left) "
        "who had completed the 2-day induction, and whose latest 6-monthly review was within "
        "the 183 days before. The strand filter does not apply."
    )
    note = _(
        "Only each officer's latest review is recorded. Where it came after a month end, the "
        "officer's review status on that day is not known (grey line) and is not counted as in "
        "date, so earlier months can show fewer reviews in date than there were."
    )
    titles = {"x": names["month_end"], "y": "%"}
    colours = {"unknown_pct": UNKNOWN_COLOUR}
    figure = create_measure_figure(table, "month_end", series, titles, lines, colours=colours)
    return _chart(figure, table, id_prefix, caption, note=note)


def create_outcome_section(table: pd.DataFrame, incident: str | None, id_prefix: str):
    """Outcomes stacked by strand; the table adds every strand together."""
    if not int(table["referrals"].iloc[-1]):
        return create_empty_state(_("No referrals in this period for the filters chosen."))
    outcomes = {code: outcome_label(code) for code in OUTCOME_ORDER}
    scope = incident_type_label(incident) if incident else _("all incidents")
    caption = _(
        "Stacked bars: outcomes of the referrals reported in the period, by strand (%(scope)s). "
        "Ongoing: not yet finalised; not recorded: no outcome on the record. Every strand is "
        "shown (the strand filter does not apply here).",
        scope=scope.lower(),
    )
    titles = {"x": _("Strand"), "y": _("Referrals")}
    figure = create_outcome_figure(table.iloc[:-1], "strand", outcomes, titles)
    chart = create_chart_with_table(
        figure, table, id_prefix, caption, outcome_headers(), {"table": _("Table")},
    )  # fmt: skip
    return _tidy(chart)


def outcome_headers() -> dict[str, str]:
    """Column headers of the outcomes table."""
    outcomes = {code: outcome_label(code) for code in OUTCOME_ORDER}
    return {"strand": _("Strand"), **outcomes, "referrals": _("All outcomes")}


def create_completeness_section(table, complete: int, referrals: int, target, id_prefix: str):
    """How complete referral records are, and the fields most often missing."""
    if not referrals:
        return create_empty_state(_("No referrals in this period for the filters chosen."))
    caption = _(
        "%(complete)s of %(referrals)s referral records (%(share)s) are complete for their "
        "stage (target: %(t)s): a flagged date, a first victim contact date once an offer is "
        "accepted, and an outcome once closed. Bars: records missing each field.",
        complete=format_number(complete),
        referrals=format_number(referrals),
        share=format_percent(100.0 * complete / referrals, 1),
        t=target_words("data_completeness", target),
    )
    figure = create_missing_figure(list(table["field"]), list(table["missing"]), _("Missing"))
    return _chart(figure, table, id_prefix, caption)


def create_actions_section(table: pd.DataFrame, id_prefix: str, today: date) -> html.Div:
    """The actions log: overdue rows shaded and marked 'Overdue' in words."""
    if table.empty:
        return create_empty_state(
            _("No actions raised in this period, or still open from before, with this status.")
        )
    caption = _(
        "Issues raised at community forums in the period, and earlier ones not yet done, newest "
        "first, with the force's response. %(n)s overdue (due before %(today)s and not done), "
        "shaded. Not filtered by area or strand.",
        n=int(table["late"].sum()),
        today=format_date(today),
    )
    grid = create_record_grid(table, headers(), f"{id_prefix}-table", "late", "overdue")
    return _tidy(html.Div([html.P(caption, className="chart-caption"), grid]))
