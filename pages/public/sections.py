"""The public summary's other sections: what happened next (outcomes), support and
engagement (LO offers, training, events) and commitments with "you said, we did"."""

from __future__ import annotations

from dash import html

from dashboard.i18n import _
from dashboard.labels import (
    action_status_label,
    commitment_status_label,
    month_label,
    outcome_label,
)
from dashboard.open_data.builders import share
from dashboard.open_data.summary import Summary
from pages.public.blocks import (
    PREFIX,
    figure_card,
    period_words,
    plain_table,
)
from pages.public.text import shown


def outcome_section(summary: Summary):
    """Share of closed cases by outcome, from published counts only."""
    total = summary.outcomes["All"]
    rows = []
    for outcome, count in summary.outcomes.items():
        if outcome == "All":
            continue
        rows.append(
            {
                "outcome": outcome_label(outcome),
                "cases": shown(count),
                "share": shown(share(count, total), "%"),
            }
        )
    headers = {"outcome": _("Outcome"), "cases": _("Cases closed"), "share": _("Share")}
    since = month_label(summary.first) if summary.first else "-"
    return html.Div(
        [
            html.P(
                _(
                    "What happened in the %(n)s cases closed since %(since)s. Many hate crimes "
                    "end with no one charged. Often the police could not find who did it. "
                    "Sometimes the victim chose to stop.",
                    n=shown(total),
                    since=since,
                )
            ),
            plain_table(rows, headers, f"{PREFIX}-outcomes-table"),
        ]
    )


def scheme_cards(summary: Summary) -> list:
    period = period_words(summary)
    accepted = share(summary.accepted, summary.offered)
    coverage = share(summary.trained, summary.headcount)
    return [
        figure_card(
            _("Liaison officer offers accepted"),
            shown(accepted, "%"),
            _(
                "We offered %(n)s victims a liaison officer, %(p)s. This is the share who said "
                "yes.",
                n=shown(summary.offered),
                p=period,
            ),
            f"{PREFIX}-offers",
        ),
        figure_card(
            _("Staff trained"),
            shown(coverage, "%"),
            _(
                "The share of our %(n)s staff who have done LGBT+ awareness training.",
                n=f"{summary.headcount:,}",
            ),
            f"{PREFIX}-training",
        ),
        figure_card(
            _("Community events held"),
            shown(summary.events),
            _(
                "Prides, forums, talks, vigils and other events we ran or went to, %(p)s.",
                p=period,
            ),
            f"{PREFIX}-events",
        ),
    ]


def commitments_section(summary: Summary):
    total = sum(summary.commitments.values())
    counts = ", ".join(
        f"{commitment_status_label(status)}: {n}" for status, n in summary.commitments.items()
    )
    items = [
        html.Li(
            [
                html.Strong(_("You said: ")),
                row.issue,
                html.Br(),
                html.Strong(_("We did: ")),
                row.response
                if isinstance(row.response, str) and row.response
                else _("nothing yet."),
                " ",
                html.Span(f"({action_status_label(row.status)})", className="text-muted"),
            ],
            className="mb-2",
        )
        for row in summary.actions.itertuples()
    ]
    return html.Div(
        [
            html.P(
                _(
                    "The police have made %(total)d public commitments to LGBT+ people. Where "
                    "they are now: %(counts)s.",
                    total=total,
                    counts=counts,
                ),
                id=f"{PREFIX}-commitments",
            ),
            html.H3(_("You said, we did"), className="h6 mt-3"),
            html.Ul(items, id=f"{PREFIX}-actions", className="list-unstyled"),
            html.A(_("See every commitment"), href="/commitments"),
        ]
    )
