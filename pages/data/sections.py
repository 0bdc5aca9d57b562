"""The /data page's blocks: the catalogue, the data dictionary of a dataset and the revisions
log, each built from the one definition of each dataset (dashboard.open_data.catalogue)."""

from __future__ import annotations

from datetime import date

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.chart_table import create_data_table, create_empty_state
from dashboard.disclosure import display_frame
from dashboard.i18n import _
from dashboard.open_data.definitions import Dataset

PREFIX = "data"


def audience_badge(dataset: Dataset) -> dbc.Badge:
    if dataset.audience == "public":
        return dbc.Badge(_("Public"), color="success", className="ms-2")
    return dbc.Badge(_("Partners"), color="secondary", className="ms-2")


def catalogue_list(entries: list[tuple[Dataset, date | None]]) -> html.Div:
    """One card per dataset: title, audience, description, grain, last updated and links."""
    cards = []
    for dataset, updated in entries:
        api = f"/api/v1/datasets/{dataset.name}"
        cards.append(
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3([_(dataset.title), audience_badge(dataset)], className="h6"),
                            html.P(_(dataset.description), className="small mb-1"),
                            html.P(
                                [
                                    _("Grain: %(g)s.", g=_(dataset.grain)),
                                    " ",
                                    _("Last updated: %(d)s.", d=updated or "-"),
                                    " ",
                                    _("Disclosure-controlled.") if dataset.protected else "",
                                ],
                                className="small text-muted mb-1",
                            ),
                            html.Div(
                                [
                                    html.A(_("View"), href=f"/data?dataset={dataset.name}"),
                                    " · ",
                                    html.A("CSV", href=f"{api}.csv"),
                                    " · ",
                                    html.A("JSON", href=f"{api}.json"),
                                ],
                                className="small",
                            ),
                        ]
                    ),
                    className="h-100",
                    id=f"{PREFIX}-card-{dataset.name}",
                ),
                xs=12,
                md=6,
                xl=4,
                className="mb-3",
            )
        )
    return dbc.Row(cards)


def dictionary_table(entry: dict) -> html.Div:
    """The data dictionary of one dataset (from `service.describe`)."""
    rows = [
        {
            "column": c["name"],
            "type": c["type"],
            "meaning": c["meaning"],
            "allowed": ", ".join(c["allowed_values"])
            or c["shape"]
            or _("any %(type)s", type=c["type"]),
        }
        for c in entry["columns"]
    ]
    headers = {
        "column": _("Column"),
        "type": _("Type"),
        "meaning": _("Meaning"),
        "allowed": _("Allowed values"),
    }
    filters = ", ".join(entry["filters"]) or _("none")
    return html.Div(
        [
            html.P(
                [
                    html.Strong(entry["title"]),
                    " — ",
                    entry["description"],
                    " ",
                    _("Grain: %(g)s. Filters: %(f)s.", g=entry["grain"], f=filters),
                ],
                className="small",
            ),
            create_data_table(pd.DataFrame(rows), headers, f"{PREFIX}-dictionary-table"),
        ]
    )


def revisions_table(revisions: pd.DataFrame) -> html.Div:
    """Each publication (an applied import) with its date and what it changed."""
    if revisions.empty:
        return create_empty_state(
            _(
                "No revisions yet: the figures are as first loaded. Each import of new or "
                "corrected records will be listed here with its date and what it changed."
            )
        )
    headers = {
        "published": _("Published"),
        "data": _("Data"),
        "added": _("Records added"),
        "updated": _("Records corrected"),
        "unchanged": _("Unchanged"),
        "changes": _("Fields corrected (records)"),
    }
    shown = display_frame(revisions, ["added", "updated", "unchanged"])
    return html.Div(
        [
            html.P(
                _(
                    "Each import of new or corrected records, and how many records each field "
                    "was corrected in; no value is shown. For the public and partners, small "
                    "counts of referrals, reports and survey responses are shown as [c]."
                ),
                className="small text-muted",
            ),
            create_data_table(shown, headers, f"{PREFIX}-revisions-table"),
        ]
    )
