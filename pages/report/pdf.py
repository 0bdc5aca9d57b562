"""The network progress report as a PDF: the same content as the page, drawn as HTML with
the print stylesheet and rendered on the server by WeasyPrint."""

from __future__ import annotations

from html import escape

import pandas as pd
from flask import Blueprint, Response, request
from flask_babel import get_locale
from weasyprint import CSS, HTML

from dashboard.access import requires
from dashboard.config import PROJECT_ROOT
from dashboard.downloads import filename, record_download
from dashboard.extensions import db
from dashboard.filters import quarter_choices
from dashboard.formatting import format_number
from dashboard.i18n import _
from dashboard.page_support import org_areas, today
from dashboard.viewer import current_viewer
from data_access.models import Organisation
from pages.report.content import Report, build_report
from pages.report.text import INTRO, TABLES, changes, column_label, period_words

blueprint = Blueprint("report_pdf", __name__)
PRINT_CSS = PROJECT_ROOT / "assets" / "print.css"


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "-"
    if isinstance(value, float):
        return format_number(value, 1)
    return escape(format_number(value) if isinstance(value, int) else str(value))


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(column_label(c))}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell_text(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def report_html(report: Report, organisation: str) -> str:
    """The whole report as one HTML document (headline figures first)."""
    headlines = pd.DataFrame(
        [(h.label, h.shown(), h.shown(previous=True)) for h in report.headlines],
        columns=["label", "value", "previous"],
    )
    sections = "".join(
        f"<section><h2>{escape(_(title))}</h2>{_table(report.tables[name])}</section>"
        for name, title in TABLES.items()
    )
    changed = "".join(f"<li>{escape(line)}</li>" for line in changes(report))
    title = _("Network progress report, %(q)s", q=report.quarter)
    return (
        f"<!doctype html><html lang='{get_locale()}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body class='report-print'><h1>{escape(title)}</h1>"
        f"<p class='report-org'>{escape(organisation)} · {escape(period_words(report.period))}"
        "</p>"
        f"<p>{escape(_(INTRO))}</p><section><h2>{escape(_('Headline figures'))}</h2>"
        f"{_table(headlines)}</section><section><h2>"
        f"{escape(_('What changed since the previous quarter'))}</h2><ul>{changed}</ul>"
        f"</section>{sections}</body></html>"
    )


def report_pdf(report: Report, organisation: str) -> bytes:
    return HTML(string=report_html(report, organisation)).write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))]
    )


@blueprint.get("/report.pdf")
@requires("report")
def download_report_pdf() -> Response:
    """The report for `?quarter=YYYY-Qn` (default: the last complete quarter) as a PDF."""
    choices = quarter_choices(today())
    quarter = request.args.get("quarter")
    quarter = quarter if quarter in choices else choices[0]
    viewer = current_viewer()
    with db.session() as session:
        report = build_report(session, viewer.organisation_id, quarter,
                              org_areas(viewer.organisation_id))  # fmt: skip
        organisation = session.get(Organisation, viewer.organisation_id).name
    body = report_pdf(report, organisation)
    record_download(f"report-{quarter}", len(report.headlines))
    name = filename(f"network-progress-report-{quarter}", "pdf")
    return Response(body, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip
