"""The methodology page's open-data blocks: definitions and sources of the published
datasets, the disclosure rules they follow (with the threshold), rates per 100,000 and known
limitations. Generated from the catalogue, so it never disagrees with the data dictionary."""

from __future__ import annotations

from dash import html

from dashboard.i18n import _
from dashboard.open_data.catalogue import CATALOGUE


def open_data_rules(threshold: int) -> list[str]:
    return [
        _(
            "Each dataset is protected once, at a fixed grain (calendar month, or quarter, by "
            "area and strand, over the whole history held, with every total), before anyone "
            "asks for it. A count from 1 to %(top)d is hidden as [c], and enough other cells "
            "are hidden that no hidden count can be worked out from the totals.",
            top=threshold - 1,
        ),
        _(
            "Every figure for a period, an area or a quarter is the sum of the published cells "
            "it covers, and is hidden when any of them is hidden. The same cell therefore has "
            "the same value in every download, page and API answer, whatever the filters."
        ),
        _(
            "Percentages and rates are computed from published counts only, and are hidden "
            "when a count they use is hidden."
        ),
        _(
            "Public activities (community events, commitments and actions) and staff training "
            "are not counts of victims and are published exactly."
        ),
    ]


def limitations() -> list[str]:
    return [
        _(
            "Hate crime is under-reported: the figures count what was reported to the police, "
            "not how much happened. A rise can mean more confidence in reporting."
        ),
        _(
            "A figure for a longer period can be hidden even when it is large, because one of "
            "its months holds a small count; the total since records began is usually shown."
        ),
        _(
            "Records are corrected after they are first published (see the revisions log on "
            "the open data page), so a month's figures can change between downloads."
        ),
        _(
            "The latest month is left out until it is complete. Quarters at the start and end "
            "of the history can be partial: see the months_covered column."
        ),
        _(
            "Rates per 100,000 use each area's resident population as recorded with the area "
            "(its source is given in the population_source column); they are not annualised "
            "and are unstable for small areas."
        ),
    ]


def open_data_sections(threshold: int) -> list:
    """Headings and blocks appended to the methodology page."""
    datasets = [
        part
        for dataset in CATALOGUE.values()
        for part in (
            html.Dt(_(dataset.title)),
            html.Dd(
                [
                    _(dataset.description),
                    " ",
                    _("Grain: %(g)s.", g=_(dataset.grain)),
                    " ",
                    html.A(_("Data dictionary"), href=f"/data?dataset={dataset.name}"),
                ]
            ),
        )
    ]
    return [
        html.H2(_("Open data: what is published"), className="h5 mt-4", id="methodology-data"),
        html.P(
            _(
                "The open data page and the API (/api/v1/datasets) publish these aggregated "
                "tables. Their source is the force's own records: the hate incidents flagged "
                "for the liaison scheme, monthly report volumes by channel, training records, "
                "workforce headcounts, community events, and the commitments and actions "
                "registers. No record of a person is published."
            )
        ),
        html.Dl(datasets),
        html.H2(_("Open data: disclosure rules"), className="h5 mt-4"),
        html.Ul(
            [html.Li(rule) for rule in open_data_rules(threshold)], id="methodology-open-rules"
        ),
        html.H2(_("Known limitations"), className="h5 mt-4"),
        html.Ul([html.Li(item) for item in limitations()], id="methodology-limitations"),
    ]
