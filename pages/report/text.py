"""Words of the network progress report: headline names, table titles and columns, and the
plain-English "what changed" sentences generated from the figures."""

from __future__ import annotations

from datetime import timedelta

from dashboard.formatting import format_date, format_number
from dashboard.i18n import N_, _
from dashboard.labels import register_key_point_label

INTRO = N_(
    "The LGB&T Support Network's progress report for a quarter: the liaison officer scheme, "
    "referral workload, training, engagement with the community, and the force's commitments "
    "with the community's verdicts. Figures are for the whole force, aggregated; no officer "
    "is named."
)

TABLES = {
    "officers": N_("Liaison officer scheme by area"),
    "funnel": N_("Referral workload: the service funnel"),
    "training": N_("Training coverage and cascade by area"),
    "events": N_("Community events by area"),
    "commitments": N_("Commitments and community verdicts by key point"),
}


def period_words(period) -> str:
    """'From 2026-01-01 to 2026-03-31.' (the period's end is exclusive)."""
    last = period.end - timedelta(days=1)
    return _("From %(start)s to %(end)s.", start=format_date(period.start), end=format_date(last))


def headline_label(key: str) -> str:
    return {
        "lo_active": _("Active liaison officers (quarter end)"),
        "lo_reviews": _("LO 6-monthly reviews in date"),
        "lo_recruited": _("Liaison officers recruited"),
        "referrals": _("Referrals reported"),
        "allocated": _("Referrals allocated a liaison officer"),
        "training_coverage": _("Workforce trained (awareness)"),
        "leadership_trained": _("Leadership ranks briefed"),
        "cascade_reach": _("People reached by the trainer cascade"),
        "events": _("Community events"),
        "senior_share": _("Events with a senior officer"),
        "commitments_met": _("Commitments met"),
        "agreed_met": _("Commitments the community agrees are met"),
    }.get(key, key)


def key_point_label(point: str) -> str:
    return register_key_point_label(point)


def column_label(column: str) -> str:
    return {
        "area": _("Area"),
        "active": _("Active LOs"),
        "reviewed": _("Reviews in date"),
        "recruited": _("Recruited"),
        "inducted": _("Inducted"),
        "stage": _("Stage"),
        "count": _("Referrals"),
        "trained": _("People trained"),
        "headcount": _("Headcount"),
        "coverage": _("Coverage %"),
        "cascade": _("Reached by cascade"),
        "events": _("Events"),
        "attendance": _("Attendance"),
        "senior": _("With senior officer"),
        "lo": _("With LO"),
        "key_point": _("Key point"),
        "commitments": _("Commitments"),
        "met": _("Met"),
        "in_progress": _("In progress"),
        "not_started": _("Not started"),
        "missed": _("Missed"),
        "agreed_met": _("Agreed met"),
        "not_yet": _("Not yet"),
        "disputed": _("Disputed"),
        "unreviewed": _("No verdict"),
        "label": _("Measure"),
        "value": _("This quarter"),
        "previous": _("Previous quarter"),
    }.get(column, column)


def change_sentence(headline) -> str:
    """One plain-English sentence comparing a headline with the previous quarter."""
    now, before = headline.value, headline.previous
    label = headline.label
    if now is None or before is None:
        return _("%(label)s: %(now)s (no comparable figure for the previous quarter).",
                 label=label, now=headline.shown())  # fmt: skip
    if now == before == 0:
        return _("%(label)s: none in this quarter or the previous one.", label=label)
    if now == before:
        return _("%(label)s stayed at %(now)s.", label=label, now=headline.shown())
    words = {"now": headline.shown(), "before": headline.shown(previous=True), "label": label}
    if headline.unit == "percent":
        words["diff"] = format_number(abs(now - before), 1)
        if now > before:
            return _("%(label)s rose from %(before)s to %(now)s (up %(diff)s points).", **words)
        return _("%(label)s fell from %(before)s to %(now)s (down %(diff)s points).", **words)
    words["diff"] = format_number(abs(int(now) - int(before)))
    if now > before:
        return _("%(label)s rose from %(before)s to %(now)s (%(diff)s more).", **words)
    return _("%(label)s fell from %(before)s to %(now)s (%(diff)s fewer).", **words)


def changes(report) -> list[str]:
    """What changed since the previous quarter, largest relative changes first."""

    def size(headline) -> float:
        if headline.value is None or headline.previous is None:
            return -1.0
        if headline.unit == "percent":
            return abs(headline.value - headline.previous) / 100
        return abs(headline.value - headline.previous) / max(abs(headline.previous), 1)

    return [change_sentence(h) for h in sorted(report.headlines, key=size, reverse=True)]
