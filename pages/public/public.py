"""Public summary: plain-language headline figures and trends, commitments and "you said, we
did", how to report and a glossary. The landing page for anonymous visitors."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html, no_update

from components.chart_table import create_empty_state
from dashboard.access import register_page
from dashboard.i18n import N_, _
from dashboard.open_data.summary import summary
from dashboard.page_support import today
from dashboard.viewer import current_viewer
from pages.public import incidents, sections
from pages.public.blocks import PREFIX
from pages.public.text import caveat, definition_list, glossary, report_routes

register_page(__name__, path="/public", title=N_("Public summary"), order=-10)


def layout(**_query):
    """Frame and fixed words only; the figures come from the callback."""
    return html.Div(
        [
            html.H1(_("How the police serve LGBT+ people"), className="h3"),
            html.P(
                _(
                    "This page shows hate incidents against lesbian, gay, bi and trans people. "
                    "It shows the help victims get. It shows what the police promised, and what "
                    "they did. It changes when new data comes in."
                ),
                className="lead",
            ),
            html.Div(caveat(), className="alert alert-info", role="note"),
            dcc.Store(id=f"{PREFIX}-ready", data=True),
            dcc.Loading(html.Div(id=f"{PREFIX}-figures"), type="dot"),
            html.H2(_("How to report"), className="h4 mt-4", id=f"{PREFIX}-how-to-report"),
            html.P(
                html.A(_("How to report, in easy read"), href="/how-to-report"),
                id=f"{PREFIX}-easy-read",
            ),
            definition_list(report_routes(), f"{PREFIX}-routes"),
            html.H2(_("Words used on this page"), className="h4 mt-4"),
            definition_list(glossary(), f"{PREFIX}-glossary"),
            html.P(
                [
                    _("Find out more: "),
                    html.A(_("open data"), href="/data"),
                    " · ",
                    html.A(_("how we make the figures"), href="/methodology"),
                ],
                className="mt-3",
            ),
        ],
        className="public-summary",
    )


@callback(Output(f"{PREFIX}-figures", "children"), Input(f"{PREFIX}-ready", "data"))
def update_public_figures(ready):
    """Every headline figure, trend, outcome mix and commitment from the open datasets."""
    if not ready:
        return no_update
    viewer = current_viewer()
    if viewer.organisation_id is None:
        return create_empty_state(_("No figures are published here yet."))
    facts = summary(viewer, today())
    if not facts.months:
        return create_empty_state(_("No figures are published here yet."))
    return html.Div(
        [
            html.H2(_("Hate incidents reported"), className="h4 mt-3"),
            dbc.Row(incidents.incident_cards(facts)),
            incidents.strand_table(facts),
            html.H2(_("The trend"), className="h4 mt-4"),
            incidents.trend_section(facts),
            html.H2(_("By area"), className="h4 mt-4"),
            incidents.rates_section(facts),
            html.H2(_("What happened next"), className="h4 mt-4"),
            sections.outcome_section(facts),
            html.H2(_("Help for victims, and events"), className="h4 mt-4"),
            dbc.Row(sections.scheme_cards(facts)),
            html.H2(_("Commitments and what we did"), className="h4 mt-4"),
            sections.commitments_section(facts),
            html.H2(_("What the community scrutiny panel found"), className="h4 mt-4"),
            sections.scrutiny_section(facts),
        ]
    )
