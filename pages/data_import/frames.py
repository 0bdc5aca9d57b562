"""The import page's panels: a kind's help, the preview of a file and the result of an import."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.chart_table import create_data_table
from dashboard.formatting import format_number
from dashboard.i18n import _, ngettext
from data_access.imports import ImportSummary
from data_access.imports.fields import Kind
from pages.data_import.reasons import first_problem, reason_text
from pages.data_import.text import (
    COUNT_LABELS,
    DONE_LABELS,
    FIRST_REJECTS,
    REJECT_HEADERS,
    STATUS_LABELS,
)

PREFIX = "data_import"


def kind_help(kind: Kind) -> html.Div:
    """What a kind holds, its key, what to import first and its columns."""
    required = ", ".join(kind.required)
    optional = ", ".join(c for c in kind.columns if c not in kind.required)
    lines = [
        html.P(_(kind.description), className="mb-1"),
        html.P(_("Records are matched on: %(key)s.", key=", ".join(kind.key)), className="mb-1"),
        html.P(_("Required columns: %(columns)s.", columns=required), className="mb-1 small"),
    ]
    if optional:
        lines.append(html.P(_("Optional columns: %(columns)s.", columns=optional),
                            className="mb-1 small"))  # fmt: skip
    if kind.after:
        lines.append(html.P(_("Import first: %(kinds)s.", kinds=", ".join(kind.after)),
                            className="mb-1 small text-muted"))  # fmt: skip
    return html.Div(lines)


def _count_cards(counts: dict[str, int], labels: dict[str, str]) -> dbc.Row:
    cards = []
    for name, label in labels.items():
        tone = "text-danger" if name == "rejected" and counts[name] else ""
        body = [html.Div(format_number(counts[name]), className=f"fs-3 fw-semibold {tone}"),
                html.Div(_(label), className="small text-muted")]  # fmt: skip
        cards.append(dbc.Col(dbc.Card(dbc.CardBody(body, className="py-2")), xs=6, md=3))
    return dbc.Row(cards, className="g-2 mb-2", id=f"{PREFIX}-counts")


def _facts(summary: ImportSummary) -> html.Ul:
    facts = [
        ngettext(
            "File: %(name)s (%(size)s byte)",
            "File: %(name)s (%(size)s bytes)",
            summary.size_bytes,
            name=summary.filename,
            size=format_number(summary.size_bytes),
        ),  # fmt: skip
        _("SHA-256: %(sha)s", sha=summary.sha256),
    ]
    if summary.encoding:
        facts.append(_("Text encoding detected: %(encoding)s", encoding=summary.encoding))
    if summary.sheet:
        facts.append(_("Sheet: %(sheet)s", sheet=summary.sheet))
    if summary.mapping_name:
        facts.append(_("Mapping: %(name)s", name=summary.mapping_name))
    if summary.skipped:
        facts.append(ngettext("%(n)s row out of scope under the mapping (skipped)",
                              "%(n)s rows out of scope under the mapping (skipped)",
                              summary.skipped, n=format_number(summary.skipped)))  # fmt: skip
    if summary.merged:
        facts.append(ngettext("%(n)s row repeated a record and was counted once",
                              "%(n)s rows repeated a record and were counted once",
                              summary.merged, n=format_number(summary.merged)))  # fmt: skip
    if summary.ignored_columns:
        facts.append(_("Columns not imported: %(columns)s",
                       columns=", ".join(summary.ignored_columns)))  # fmt: skip
    return html.Ul([html.Li(fact) for fact in facts], className="small mb-2")


def rejects_table(summary: ImportSummary) -> html.Div:
    """The first rejects, in file order."""
    rows = sorted(summary.rejects, key=lambda r: r.row)[:FIRST_REJECTS]
    frame = pd.DataFrame(
        [
            {
                "row": r.row or _("file"),
                "column": r.column,
                "value": r.value,
                "reason": reason_text(r),
            }
            for r in rows
        ]  # fmt: skip
    )
    headers = {k: _(v) for k, v in REJECT_HEADERS.items()}
    title = ngettext("First %(n)s of %(total)s problem", "First %(n)s of %(total)s problems",
                     len(summary.rejects), n=len(rows), total=len(summary.rejects))  # fmt: skip
    return html.Div([html.H3(title, className="h6 mt-2"),
                     create_data_table(frame, headers, f"{PREFIX}-rejects")])  # fmt: skip


def preview_panel(summary: ImportSummary) -> html.Div:
    """What importing the file would do, or why it cannot be imported."""
    if summary.ok:
        alert = dbc.Alert(_("Ready to import: nothing has been written yet. Check the figures, "
                            "then confirm."), color="success", className="py-2")  # fmt: skip
    elif summary.status == "refused" or not summary.rejected:
        alert = dbc.Alert(_("This file cannot be imported: %(why)s", why=first_problem(summary)),
                          color="danger", className="py-2")  # fmt: skip
    else:
        rejected = ngettext(
            "%(n)s row is rejected, so nothing can be imported until the file is corrected: "
            "%(why)s",
            "%(n)s rows are rejected, so nothing can be imported until the file is corrected: "
            "%(why)s",
            summary.rejected,
            n=format_number(summary.rejected),
            why=first_problem(summary),
        )
        alert = dbc.Alert(rejected, color="danger", className="py-2")
    counts = {"added": summary.added, "updated": summary.updated,
              "unchanged": summary.unchanged, "rejected": summary.rejected}  # fmt: skip
    parts = [alert, _count_cards(counts, COUNT_LABELS), _facts(summary)]
    if summary.rejects:
        parts.append(rejects_table(summary))
    return html.Div(parts)


def result_panel(summary: ImportSummary) -> html.Div:
    """What an import did, with a link to the history."""
    status = _(STATUS_LABELS.get(summary.status, summary.status))
    if summary.status == "applied":
        alert = dbc.Alert(_("Imported: %(kind)s from %(name)s. The figures now include it.",
                            kind=summary.kind, name=summary.filename), color="success")  # fmt: skip
    else:
        alert = dbc.Alert(_("Nothing was imported (%(status)s): %(why)s", status=status,
                            why=first_problem(summary)), color="warning")  # fmt: skip
    counts = {"added": summary.added, "updated": summary.updated,
              "unchanged": summary.unchanged, "rejected": summary.rejected}  # fmt: skip
    link = html.A(_("See the import history"), href="/import/history", id=f"{PREFIX}-history-link")
    return html.Div([alert, _count_cards(counts, DONE_LABELS), link], role="status")
