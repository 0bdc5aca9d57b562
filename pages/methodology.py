"""Methodology: definitions, the disclosure rules for public figures and what they protect."""

from __future__ import annotations

from dash import html
from flask import current_app

from dashboard.access import register_page
from dashboard.i18n import N_, _
from pages.methodology_open_data import open_data_sections

register_page(__name__, path="/methodology", title=N_("Methodology"), order=95)


def disclosure_rules(threshold: int) -> list[str]:
    """The disclosure rules as implemented in dashboard/release.py and dashboard/disclosure.py,
    for this threshold."""
    return [
        _(
            "Counts from 1 to %(top)d are not shown and appear as [c]; a count of zero is shown "
            "as 0.",
            top=threshold - 1,
        ),
        _(
            "One protection per dataset: every count of people is protected once, over the "
            "force's whole history, at a fixed grain (calendar month by area by strand, month "
            "by channel, and the other breakdowns the pages show, with every total). This is "
            "done again only when the data change."
        ),
        _(
            "Further values are hidden so that no hidden value can be worked out from the "
            "totals and the other values, even by combining rows, columns and tables: in every "
            "row or column with a shown total, each hidden value could still be any of at least "
            "%(n)d whole numbers, and a computer check (linear programming) confirms that none "
            "can be pinned down.",
            n=threshold,
        ),
        _(
            "Every figure you see for a period, area or strand is the sum of the protected "
            "monthly values it covers; if any of them is hidden, the figure is hidden too. So a "
            "month shows the same value in every period and on every page, and choosing "
            "different periods or pages reveals nothing new. Expect more [c] for single areas "
            "and short periods than for the whole force."
        ),
        _(
            'Rates, percentages, "X of Y", comparisons with the previous period and changes '
            "are worked out from the figures as shown, and are hidden when one of them is."
        ),
        _("Charts show a hidden value as a gap, never as zero."),
    ]


def protected_measures() -> list[tuple[str, str]]:
    """What is protected and what is not, and why (the policy decision of issue 9)."""
    return [
        (
            _("Protected"),
            _(
                "Counts of people who were victims, reported or were referred: referrals and "
                "their outcomes, contact and offer times, internal (staff) cases, reports by "
                "channel (including incidents and crimes), and victim-satisfaction survey "
                "responses."
            ),
        ),
        (
            _("Not protected: public activities"),
            _(
                "Community events, campaigns, commitments and actions are things the force does "
                "in public, not people. They are shown exactly, and the channels chart marks "
                "each campaign and event on its date."
            ),
        ),
        (
            _("Not protected: officers and staff training"),
            _(
                "Liaison officers, workforce headcounts and training completion (including by "
                "leadership rank and investigating unit) are shown exactly. They record whether "
                "staff did their job training, not anyone's sexual orientation, gender identity "
                "or victimisation, and training records hold none of that; a force is "
                "accountable for senior officers' training even where a rank has few people. "
                "They are never broken down by anything sensitive."
            ),
        ),
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
            html.H2(_("What is protected"), className="h5 mt-3"),
            html.Dl(
                [
                    part
                    for term, text in protected_measures()
                    for part in (html.Dt(term), html.Dd(text))
                ],
                id="methodology-protected",
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
