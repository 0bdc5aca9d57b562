"""Training coverage: coverage against the workforce by course, area, rank and unit with
targets; delivery and partners; the train-the-trainer cascade; refreshers; assessment scores."""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, callback, html, no_update

from components.chart_table import create_chart_with_table, create_empty_state
from components.filter_bar import Option, create_filter_dropdown
from components.kpi_card import create_empty_kpi_card, create_kpi_card, create_kpi_row
from components.section import create_section, create_table
from dashboard.access import register_page
from dashboard.downloads import labelled
from dashboard.formatting import format_date, format_number, format_percent, plural_count
from dashboard.i18n import N_, _, ngettext
from dashboard.page_support import (
    org_areas,
    page_filter_bar,
    register_filter_callbacks,
    register_section_downloads,
    today,
    viewer_filters,
)
from dashboard.viewer import current_viewer
from data_access.queries import kpis, training
from data_access.vocab import COURSE_KINDS
from pages.training import figures, loaders
from pages.training.text import CAPTIONS, EMPTY, INTRO, SECTIONS, column_label, course_label

register_page(__name__, path="/training", title=N_("Training"), order=55)

PREFIX = "training"
DOWNLOADS = tuple(SECTIONS)


def layout(**query):
    """Frame only: the filters come from the address; callbacks fill the figures."""
    filters = viewer_filters(query, loaders.EXTRAS)
    course = create_filter_dropdown(
        f"{PREFIX}-course", _("Course"), [Option(k, course_label(k)) for k in COURSE_KINDS],
        filters.extras.get("course", loaders.DEFAULT_COURSE), False, "",
    )  # fmt: skip
    cards = ("coverage", "leaders", "trainers", "overdue")
    return html.Div(
        [
            html.H1(_("Training"), className="h3"),
            html.P(_(INTRO), className="text-muted"),
            page_filter_bar(PREFIX, filters, [course], show_strand=False),
            create_kpi_row([html.Div(id=f"{PREFIX}-{card}-card") for card in cards]),
            *[
                create_section(_(title), f"{PREFIX}-{name}", _("Download CSV"))
                for name, title in SECTIONS.items()
            ],  # fmt: skip
        ]
    )


register_filter_callbacks(PREFIX, loaders.EXTRAS)


def _chart(figure, frame: pd.DataFrame, name: str, text: str) -> html.Div:
    headers = {column: column_label(column) for column in frame.columns}
    return create_chart_with_table(figure, frame, f"{PREFIX}-{name}", text, headers,
                                   {"table": _("Table")})  # fmt: skip


def _coverage_chart(frame, label, name, text, target=None):
    if frame.empty or not (frame["headcount"].sum() or frame["trained"].sum()):
        return create_empty_state(_(EMPTY[name]))
    titles = {"x": _("Coverage %"), "target": _("target %(t)s", t=format_percent(target, None))}
    return _chart(figures.create_coverage_figure(frame, label, target, titles), frame, name, text)


@callback(
    Output(f"{PREFIX}-courses", "children"),
    Output(f"{PREFIX}-coverage-card", "children"),
    Output(f"{PREFIX}-leaders-card", "children"),
    Output(f"{PREFIX}-trainers-card", "children"),
    Output(f"{PREFIX}-overdue-card", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_training_courses(store):
    """Coverage of every course (as on the scorecard) and the headline cards."""
    if not store:
        return (no_update,) * 5
    table, numbers = loaders.course_frames(store)
    on = format_date(loaders.scope(store)[3])
    cards = [
        _coverage_card(table.iloc[index], title)
        for index, title in ((0, _("All-staff awareness")), (1, _("Leadership ranks briefed")))
    ]
    overdue, with_due = numbers["overdue"]
    cards.append(
        create_kpi_card(
            _("Trainers trained"),
            format_number(numbers["trainers"]),
            _("train-the-trainer course completed"),
        )
        if "training" in numbers["held"]
        else create_empty_kpi_card(_("Trainers trained"), _("No training attendance recorded yet."))
    )
    cards.append(
        create_kpi_card(
            _("Refreshers overdue"),
            format_number(overdue),
            ngettext(
                "of %(n)s person with a refresher due date",
                "of %(n)s people with a refresher due date",
                plural_count(with_due),
                n=format_number(with_due),
            ),
            status="red" if overdue else "green",
            status_label=_("overdue") if overdue else _("none overdue"),
        )
        if with_due
        else create_empty_kpi_card(
            _("Refreshers overdue"), _("No refresher due dates recorded for this period.")
        )
    )
    text = _(CAPTIONS["courses"], on=on)
    chart = _coverage_chart(table, "course", "courses", text)
    return chart, *cards


def _coverage_card(row: pd.Series, title: str):
    if not row["headcount"]:
        return create_empty_kpi_card(title, _("No workforce headcount by the end of this period."))
    value = format_percent(row["coverage"], 1)
    detail = ngettext(
        "%(t)s of %(h)s person",
        "%(t)s of %(h)s people",
        plural_count(row["headcount"]),
        t=format_number(row["trained"]),
        h=format_number(row["headcount"]),
    )
    status = kpis.rag_status(row["coverage"], row["target"], "at_least")
    return create_kpi_card(title, value, detail, status=status, status_label=row["status"])


@callback(
    Output(f"{PREFIX}-areas", "children"),
    Output(f"{PREFIX}-ranks", "children"),
    Output(f"{PREFIX}-leaders", "children"),
    Output(f"{PREFIX}-units", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_training_groups(store):
    """Coverage of the chosen course by area, rank, leadership rank and unit."""
    if not store:
        return (no_update,) * 4
    parts = loaders.group_frames(store)
    _org, _filters, course, on = loaders.scope(store)
    words = {"course": course_label(course), "on": format_date(on)}
    return tuple(
        _coverage_chart(parts[name], label, name, _(CAPTIONS[name], **words),
                        parts["target"] if name == "areas" else None)
        for name, label in (("areas", "area"), ("ranks", "group"), ("leaders", "group"),
                            ("units", "group"))
    )  # fmt: skip


@callback(
    Output(f"{PREFIX}-delivery", "children"),
    Output(f"{PREFIX}-partners", "children"),
    Input(f"{PREFIX}-filters", "data"),
)
def update_training_delivery(store):
    """People completing courses by mode and deliverer; partners credited by name."""
    if not store:
        return no_update, no_update
    delivery, partners = loaders.delivery_frames(store)
    if delivery.empty:
        return create_empty_state(_(EMPTY["delivery"])), create_empty_state(_(EMPTY["partners"]))
    titles = {"x": column_label("delivered_by"), "y": column_label("people")}
    figure = figures.create_stacked_bars(delivery, "delivered_by", "mode", "people", titles)
    chart = _chart(figure, delivery, "delivery", _(CAPTIONS["delivery"]))
    if partners.empty:
        return chart, create_empty_state(_(EMPTY["partners"]))
    return chart, create_table(_(CAPTIONS["partners"]), partners, column_label,
                               f"{PREFIX}-partners-table")  # fmt: skip


@callback(Output(f"{PREFIX}-cascade", "children"), Input(f"{PREFIX}-filters", "data"))
def update_training_cascade(store):
    """Trainers trained → sessions they led → people reached, per area (Sankey and table)."""
    if not store:
        return no_update
    cascade, table, trainers = loaders.cascade_frames(store)
    if cascade.empty:
        return create_empty_state(_(EMPTY["cascade"]))
    names = org_areas(current_viewer().organisation_id)
    figure = figures.create_cascade_sankey(cascade, names, _("People reached"))
    on = format_date(loaders.scope(store)[3])
    text = ngettext(
        "%(trainers)s person had completed a train-the-trainer course by %(on)s. Flow: each "
        "trainer who led sessions in the period, the area of those sessions, and the people "
        "who completed them; the table adds sessions per trainer.",
        "%(trainers)s people had completed a train-the-trainer course by %(on)s. Flow: each "
        "trainer who led sessions in the period, the area of those sessions, and the people "
        "who completed them; the table adds sessions per trainer.",
        plural_count(trainers),
        trainers=format_number(trainers),
        on=on,
    )
    return _chart(figure, table, "cascade", text)


@callback(Output(f"{PREFIX}-refreshers", "children"), Input(f"{PREFIX}-filters", "data"))
def update_training_refreshers(store):
    """Refreshers overdue and due in the next 90 days, by course and area (as of today)."""
    if not store:
        return no_update
    due = loaders.refresher_frame(store)
    if due.empty:
        return create_empty_state(_(EMPTY["refreshers"]))
    long = due.melt(["course", "area"], ["overdue", "due_soon"], "state", "people")
    long["state"] = long["state"].map(column_label)
    figure = figures.create_stacked_bars(long, "course", "state", "people",
                                         {"x": _("Course"), "y": _("People")})  # fmt: skip
    text = _(CAPTIONS["refreshers"], today=format_date(today()))
    return _chart(figure, due, "refreshers", text)


@callback(Output(f"{PREFIX}-scores", "children"), Input(f"{PREFIX}-filters", "data"))
def update_training_scores(store):
    """Mean scores before, after and at follow-up, each with its n."""
    if not store:
        return no_update
    scores = loaders.score_frame(store)
    if scores.empty or not scores["scored"].sum():
        return create_empty_state(_(EMPTY["scores"]))
    series = {"pre": column_label("pre"), "post": column_label("post"),
              "followup": column_label("followup")}  # fmt: skip
    figure = figures.create_score_figure(scores, series, _("Mean score (0-100)"))
    text = _(CAPTIONS["scores"], min=training.MIN_AVERAGE_N)
    return _chart(figure, scores, "scores", text)


FRAMES = {
    "courses": lambda store: loaders.course_frames(store)[0],
    "areas": lambda store: loaders.group_frames(store)["areas"],
    "ranks": lambda store: loaders.group_frames(store)["ranks"],
    "leaders": lambda store: loaders.group_frames(store)["leaders"],
    "units": lambda store: loaders.group_frames(store)["units"],
    "delivery": lambda store: loaders.delivery_frames(store)[0],
    "partners": lambda store: loaders.delivery_frames(store)[1],
    "cascade": lambda store: loaders.cascade_frames(store)[1],
    "refreshers": loaders.refresher_frame,
    "scores": loaders.score_frame,
}


register_section_downloads(  # the CSV carries the headers its table shows
    PREFIX, DOWNLOADS, lambda name, store: labelled(FRAMES[name](store), column_label)
)
