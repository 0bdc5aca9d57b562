"""The public summary's other sections: what happened next (outcomes), support and
engagement (LO offers, training, events) and commitments with "you said, we did"."""

from __future__ import annotations

from dash import html

from components.chart_table import create_empty_state
from dashboard.formatting import format_number, plural_count
from dashboard.i18n import _, ngettext
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
    empty_card,
    figure_card,
    period_words,
    plain_table,
)
from pages.public.text import shown


def outcome_section(summary: Summary):
    """Share of closed cases by outcome, from published counts only."""
    total = summary.outcomes["All"]
    if total == 0:
        return create_empty_state(_("No closed cases recorded yet."))
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
                ngettext(
                    "What happened in the %(n)s case closed since %(since)s. Many hate crimes "
                    "end with no one charged. Often the police could not find who did it. "
                    "Sometimes the victim chose to stop.",
                    "What happened in the %(n)s cases closed since %(since)s. Many hate crimes "
                    "end with no one charged. Often the police could not find who did it. "
                    "Sometimes the victim chose to stop.",
                    plural_count(total),
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
    offers = (
        empty_card(
            _("Liaison officer offers accepted"),
            _("No liaison officer offers recorded, %(p)s.", p=period),
            f"{PREFIX}-offers",
        )
        if summary.offered == 0
        else figure_card(
            _("Liaison officer offers accepted"),
            shown(accepted, "%"),
            ngettext(
                "We offered %(n)s victim a liaison officer, %(p)s. This is the share who said yes.",
                "We offered %(n)s victims a liaison officer, %(p)s. This is the share who said "
                "yes.",
                plural_count(summary.offered),
                n=shown(summary.offered),
                p=period,
            ),
            f"{PREFIX}-offers",
        )
    )
    training = (
        empty_card(
            _("Staff trained"), _("No workforce headcount recorded yet."), f"{PREFIX}-training"
        )
        if summary.headcount == 0
        else figure_card(
            _("Staff trained"),
            shown(coverage, "%"),
            ngettext(
                "The share of our %(n)s member of staff who has done LGBT+ awareness training.",
                "The share of our %(n)s staff who have done LGBT+ awareness training.",
                plural_count(summary.headcount),
                n=format_number(summary.headcount),
            ),
            f"{PREFIX}-training",
        )
    )
    if not summary.events:
        events = empty_card(_("Community events held"),
                            _("No community events recorded, %(p)s.", p=period),
                            f"{PREFIX}-events")  # fmt: skip
        return [offers, training, events]
    return [
        offers,
        training,
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
    if total:
        made = ngettext(
            "The police have made %(total)d public commitment to LGBT+ people. Where it is "
            "now: %(counts)s.",
            "The police have made %(total)d public commitments to LGBT+ people. Where "
            "they are now: %(counts)s.",
            total,
            total=total,
            counts=counts,
        )
    else:
        made = _("No public commitments recorded yet.")
    done = (
        html.Ul(items, id=f"{PREFIX}-actions", className="list-unstyled")
        if items
        else html.P(_("No public 'you said, we did' actions recorded yet."), id=f"{PREFIX}-actions")
    )
    return html.Div(
        [
            html.P(made, id=f"{PREFIX}-commitments"),
            html.H3(_("You said, we did"), className="h6 mt-3"),
            done,
            html.A(_("See every commitment"), href="/commitments"),
        ]
    )


def scrutiny_section(summary: Summary):
    """The community scrutiny panel's findings by theme, from published cells only."""
    frame = summary.scrutiny
    total = frame.loc[frame["theme"] == "All", "All"].iloc[0]
    if total == 0:
        return create_empty_state(_("No scrutiny panel findings recorded yet."))
    names = {
        "other": _("Other themes"),
        "not_recorded": _("No theme given"),
        "All": _("All themes"),
    }
    rows = [
        {
            "theme": names.get(row["theme"], row["theme"]),
            "notable": shown(row["notable_practice"]),
            "improve": shown(row["improvement_needed"]),
            "all": shown(row["All"]),
        }
        for row in frame.to_dict("records")
    ]
    headers = {"theme": _("Theme"), "notable": _("Notable practice"),
               "improve": _("Improvement needed"), "all": _("All findings")}  # fmt: skip
    return html.Div(
        [
            html.P(
                _(
                    "People from the community check some closed cases each quarter. Names "
                    "and details are taken out first. They say what went well and what must "
                    "get better. Themes used fewer than %(n)d times are put together as "
                    "other themes.",
                    n=summary.threshold,
                )
            ),
            plain_table(rows, headers, f"{PREFIX}-scrutiny-table"),
        ]
    )
