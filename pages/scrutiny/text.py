"""Words of the scrutiny panel page."""

from __future__ import annotations

from dashboard.form_messages import register_problem_message
from dashboard.formatting import plural_count
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import outcome_label, strand_label

INTRO = N_(
    "The community scrutiny panel reviews up to 12 closed, redacted cases a quarter. The "
    "coordinator draws a random sample of the referrals closed in the quarter, stratified by "
    "strand, internal staff cases left out; the seed is recorded so the draw can be "
    "repeated. Export the log numbers to pull the redacted files, then record the panel's "
    "finding on each case; a finding can raise an action in the 'you said, we did' log. The "
    "findings are counted by theme on the public summary and in the open data (dataset "
    "scrutiny_themes), disclosure-controlled like every public figure."
)


def finding_label(finding: str | None) -> str:
    words = {
        "notable_practice": _("Notable practice"),
        "improvement_needed": _("Improvement needed"),
    }
    return words.get(finding or "", _("Not reviewed"))


def column_label(column: str) -> str:
    return {
        "log_number": _("Log number"),
        "strand": _("Strand"),
        "area": _("Area"),
        "outcome": _("Outcome"),
        "closed_on": _("Closed"),
        "finding": _("Finding"),
        "theme": _("Theme"),
        "action": _("Action raised"),
    }.get(column, column)


def shown_value(column: str, value):
    if column == "strand":
        return strand_label(value)
    if column == "outcome":
        return outcome_label(value or "not_recorded")
    if column == "finding":
        return finding_label(value)
    if column == "closed_on":
        return value.isoformat() if value else ""
    return "" if value is None else value


def problem_message(code: str, params: dict) -> str:
    messages = {
        "size_range": lambda: ngettext(
            "Draw between 1 and %(most)s case.",
            "Draw between 1 and %(most)s cases.",
            plural_count(params.get("most")),
            **params,
        ),
        "already_drawn": lambda: _("A sample has already been drawn for this quarter."),
        "no_cases": lambda: _("No referral closed in this quarter can be drawn."),
        "not_found": lambda: _("No such case in your force's sample."),
        "not_a_number": lambda: _("Enter a whole number."),
    }
    return messages[code]() if code in messages else register_problem_message(code, params)


def field_label(field: str) -> str:
    return {"size": _("Cases"), "seed": _("Seed"), "quarter": _("Quarter"), "case": _("Case"),
            "finding": _("Finding"), "theme": _("Theme")}.get(field, field)  # fmt: skip
