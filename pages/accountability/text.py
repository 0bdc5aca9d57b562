"""Words of the accountability page: stage names, page-specific filter choices, table headers and
what each rate counts. All translated where shown."""

from __future__ import annotations

from components.filter_bar import Option
from dashboard.i18n import _
from dashboard.labels import action_status_label, incident_type_label
from data_access.queries.kpis import DELAYS
from data_access.vocab import ACTION_STATUSES, INCIDENT_TYPES


def intro() -> str:
    return _(
        "How the liaison scheme performs against its targets: how quickly victims are offered "
        "and given a liaison officer, Victim Support referrals, officer reviews and inductions, "
        "outcomes, record quality and the force's actions on what community forums raised."
    )


def delay_name(kpi: str) -> str:
    return {
        "offer_within_days": _("Days from flag to offer"),
        "allocation_within_days": _("Days from acceptance (offer date) to allocation"),
        "oic_contact_within_days": _("Days from allocation to OIC contact"),
        "victim_contact_within_days": _("Days from allocation to first victim contact"),
    }.get(kpi, kpi)


def choice(name: str) -> tuple[str, list[Option], str]:
    """A page-specific filter: its label, options and placeholder ('' = must choose one)."""
    if name == "delay":
        return _("Stage delay"), [Option(k, delay_name(k)) for k in DELAYS], ""
    if name == "incident":
        options = [Option(t, incident_type_label(t)) for t in INCIDENT_TYPES]
        return _("Incidents"), options, _("All incidents")
    options = [Option(s, action_status_label(s)) for s in ACTION_STATUSES]
    return _("Action status"), options, _("All statuses")


def unit_labels() -> dict[str, str]:
    """What the denominator of each rate KPI counts."""
    referrals, officers = _("referrals"), _("active LOs")
    return {
        "victim_support_rate": referrals,
        "data_completeness": referrals,
        "lo_reviews_in_date": officers,
        "lo_inductions_completed": officers,
    }


def field_labels() -> dict[str, str]:
    return {
        "missing_flagged": _("Flagged date (every referral)"),
        "missing_victim_contact": _("First victim contact date (accepted offers)"),
        "missing_outcome": _("Outcome (closed referrals)"),
    }


def when(unit: str) -> str:
    return _("Month reported") if unit == "month" else _("Quarter reported")


def unit_word(unit: str) -> str:
    return _("month") if unit == "month" else _("quarter")


def headers(unit: str = "month") -> dict[str, str]:
    """Column headers of every table on the page (column name → header)."""
    return {
        unit: when(unit),
        "measure": _("Measure"),
        "result": _("Result (median for delays)"),
        "p90": _("90th percentile (days)"),
        "basis": _("Based on"),
        "target": _("Target"),
        "area": _("Area"),
        "cases": _("Referrals measured"),
        "median": _("Median (days)"),
        "referrals": _("Referrals"),
        "victim_support": _("Referred to Victim Support"),
        "rate": _("Referred (%)"),
        "status": _("Status"),
        "month_end": _("Month end"),
        "active": _("Active LOs"),
        "inducted": _("Inducted"),
        "inducted_pct": _("Inducted (%)"),
        "reviewed_in_date": _("Reviews in date"),
        "reviewed_pct": _("Reviews in date (%)"),
        "review_unknown": _("Review status not known"),
        "unknown_pct": _("Review status not known (%)"),
        "field": _("Field"),
        "applies_to": _("Records needing it"),
        "missing": _("Missing"),
        "missing_pct": _("Missing (%)"),
        "code": _("Ref."),
        "raised_on": _("Raised"),
        "forum": _("Forum"),
        "issue": _("You said"),
        "response": _("We did"),
        "owner": _("Owner"),
        "due_on": _("Due"),
        "overdue": _("Overdue"),
        "is_public": _("Public"),
    }
