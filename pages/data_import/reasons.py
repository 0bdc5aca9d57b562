"""Import problems in the viewer's language: data_access gives each reject and refusal an
English text plus its template and params; this page translates the template."""

from __future__ import annotations

import csv
import io

from dashboard.downloads import neutralise
from dashboard.i18n import _
from data_access.imports import ImportSummary, Reject
from pages.data_import.text import REJECT_HEADERS

LABEL_SUFFIX = "_label"  # params that are words themselves (a kind's title, "dedupe key")


def reason_text(reject: Reject) -> str:
    """The reject's reason translated (its English text when it has no template)."""
    if not reject.template:
        return reject.reason
    params = {
        name: _(value) if name.endswith(LABEL_SUFFIX) and value else value
        for name, value in reject.params.items()
    }
    return _(reject.template, **params) if params else _(reject.template)


def first_problem(summary: ImportSummary) -> str:
    """Why the file cannot be imported: the first problem in file order, translated."""
    if not summary.rejects:
        return summary.message
    first = min(summary.rejects, key=lambda r: r.row)
    if not first.row:
        return reason_text(first)
    return _("row %(row)s, column %(column)s: %(reason)s", row=first.row,
             column=first.column or "-", reason=reason_text(first))  # fmt: skip


def rejects_csv(summary: ImportSummary) -> str:
    """Every reject (row, column, value, reason) with translated headers and reasons, cells
    that a spreadsheet would run as formulas neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_(REJECT_HEADERS[name]) for name in ("row", "column", "value", "reason")])
    for reject in sorted(summary.rejects, key=lambda r: r.row):
        writer.writerow([reject.row, neutralise(reject.column), neutralise(reject.value),
                         neutralise(reason_text(reject))])  # fmt: skip
    return out.getvalue()
