"""Methodology: how figures are defined, and the disclosure rules applied to public figures."""

from __future__ import annotations

from dash import html
from flask import current_app

from dashboard.access import register_page
from dashboard.i18n import N_, _
from pages.methodology_open_data import open_data_sections

register_page(__name__, path="/methodology", title=N_("Methodology"), order=95)


def disclosure_rules(threshold: int) -> list[str]:
    """The disclosure rules as implemented in dashboard/disclosure.py, for this threshold."""
    return [
        _(
            "Counts from 1 to %(top)d are not shown and appear as [c]; a count of zero is shown "
            "as 0.",
            top=threshold - 1,
        ),
        _(
            "Rates, percentages, averages and medians are not shown when a count they are based "
            "on is not shown."
        ),
        _(
            "Where a table has totals, further values are hidden so that no hidden value can be "
            "worked out from the totals and the other values, even by combining rows and columns. "
            "Every view of a dataset is cut from one protected table for the whole period, so "
            "two views cannot be subtracted to reveal a hidden value; tables of the same records "
            "broken down in different ways hide the totals they share in both or in neither."
        ),
        _("Public and partner views use whole months and whole areas only."),
        _("Charts show a hidden value as a gap, never as zero."),
    ]


def definitions() -> list[tuple[str, str]]:
    return [
        (
            _("Referral"),
            _(
                "A homophobic, biphobic or transphobic hate incident (crime or "
                "non-crime) flagged by the daily check and considered for the LGB&T "
                "liaison officer scheme. Counted in the month it was reported."
            ),
        ),
        (
            _("Period"),
            _(
                "Whole calendar months. 'Last 12 months' ends with the last complete "
                "month; the previous period is the same length immediately before."
            ),
        ),
        (
            _("Active liaison officer"),
            _(
                "Recruited before the end of the period, not left by "
                "then and not currently on leave."
            ),
        ),
        (
            _("Training coverage"),
            _(
                "Distinct people who completed the all-staff awareness "
                "course, over the workforce headcount at the latest snapshot."
            ),
        ),
        (
            _("Stage delays"),
            _(
                "Whole days between two recorded dates; medians and 90th "
                "percentiles use the nearest-rank method."
            ),
        ),
    ]


def layout(**_query):
    threshold = int(current_app.config["SUPPRESSION_THRESHOLD"])
    return html.Div(
        [
            html.H1(_("Methodology"), className="h3"),
            html.H2(_("Protecting privacy: the [c] marker"), className="h5 mt-3"),
            html.P(
                _(
                    "Sexual orientation and gender identity are special-category data. Figures "
                    "shown to the public and to partner organisations pass one disclosure-"
                    "control step on the server:"
                )
            ),
            html.Ul(
                [html.Li(rule) for rule in disclosure_rules(threshold)], id="methodology-rules"
            ),
            html.H2(_("Definitions"), className="h5 mt-3"),
            html.Dl(
                [part for term, text in definitions() for part in (html.Dt(term), html.Dd(text))]
            ),
            html.H2(_("Data"), className="h5 mt-3"),
            html.P(
                _(
                    "This is a metrics system, not a case-management system: no victim names, "
                    "addresses or narratives are held. Incidents are keyed by the force's log "
                    "number. The demo force's data are synthetic."
                )
            ),
            *open_data_sections(threshold),
        ]
    )
