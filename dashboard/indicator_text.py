"""Names and plain-English definitions of the scorecard indicators."""

from __future__ import annotations

from dashboard.i18n import _
from dashboard.labels import kpi_label


def indicator_label(indicator: str) -> str:
    """Names of the leadership-commitment scorecard indicators (data_access.queries.indicators)."""
    return {
        "victims_satisfied": _("Victims satisfied with the service"),
        "victim_contact_2_days": _("Victims contacted within 2 days of LO allocation"),
        "internal_cases_supported": _("Internal (staff) cases with LO support"),
        "policy_commitments_met": _("Policy commitments met"),
        "refreshers_overdue": _("People with a refresher overdue"),
        "offered_within_limit": _("Referrals offered an LO within the day limit"),
        "actions_done": _("'You said, we did' actions due and done"),
        "commitments_reviewed": _("Commitments with a community verdict"),
        "outcome_recorded": _("Closed referrals with an outcome recorded"),
        "occurred_date_recorded": _("Referrals with the incident date recorded"),
        "event_feedback": _("Mean event feedback score (1-5)"),
        "lo_event_share": _("Events with a liaison officer present"),
        "partner_referral_share": _("Partner-referral share of reports"),
        "investigators_trained": _("CID and response staff trained to investigate"),
        "cascade_reach": _("People reached by the trainer cascade"),
    }.get(indicator) or kpi_label(indicator)


def scorecard_status_label(status: str) -> str:
    """RAG status of a scorecard indicator in words (colour is never the only cue)."""
    return {
        "green": _("On target"),
        "amber": _("Near target"),
        "red": _("Off target"),
        "none": _("No target"),
        "unavailable": _("Not available"),
    }.get(status, status)


def indicator_definition(indicator: str) -> str:
    """How each scorecard indicator is calculated, in plain words (the page's method notes)."""
    share = _("as a share of")
    return {
        "victims_satisfied": _(
            "Victim-satisfaction survey responses in the period scoring 4 or 5 (of 5), %(s)s "
            "all victim-satisfaction responses in the period.",
            s=share,
        ),
        "victim_contact_2_days": _(
            "Referrals reported in the period and allocated to a liaison officer whose first "
            "victim contact was at most 2 days after allocation (Victims' Code), %(s)s "
            "allocated referrals.",
            s=share,
        ),
        "internal_cases_supported": _(
            "Internal (staff) cases reported in the period that were allocated to a liaison "
            "officer, %(s)s internal cases reported.",
            s=share,
        ),
        "policy_commitments_met": _(
            "Commitments under this key point that are met and were met by the end of the "
            "period (from their change history), %(s)s all its commitments.",
            s=share,
        ),
        "leadership_trained": _(
            "People of chief inspector rank and above who completed a leadership briefing "
            "before the end of the period, %(s)s the headcount of those ranks in the latest "
            "workforce snapshot.",
            s=share,
        ),
        "senior_officer_event_share": _(
            "Community events held in the period with a senior officer present, %(s)s events held.",
            s=share,
        ),
        "training_coverage": _(
            "People who completed an all-staff awareness course before the end of the period, "
            "%(s)s the workforce headcount in the latest snapshot.",
            s=share,
        ),
        "refreshers_overdue": _(
            "People with a refresher due date whose latest due date for at least one kind of "
            "course was before the end of the period, %(s)s people with a refresher due date. "
            "Lower is better.",
            s=share,
        ),
        "lo_per_100k": _(
            "Liaison officers active on the last day of the period (recruited, not left, not "
            "on leave) per 100,000 residents."
        ),
        "offered_within_limit": _(
            "Referrals reported in the period, flagged and not closed as not offered, that "
            "were offered a liaison officer within the day limit after flagging (the force's "
            "target for days from flag to offer; 5 days if it has none), %(s)s those "
            "referrals.",
            s=share,
        ),
        "lo_inductions_completed": _(
            "Liaison officers active on the last day of the period who completed the 2-day "
            "induction, %(s)s active officers.",
            s=share,
        ),
        "lo_reviews_in_date": _(
            "Active liaison officers whose last 6-monthly review was at most 183 days before "
            "the last day of the period, %(s)s active officers.",
            s=share,
        ),
        "actions_done": _(
            "'You said, we did' actions due in the period that are now done, %(s)s actions "
            "due in the period.",
            s=share,
        ),
        "commitments_reviewed": _(
            "Commitments with a community forum verdict dated before the end of the period, "
            "%(s)s all commitments.",
            s=share,
        ),
        "data_completeness": _(
            "Referrals reported in the period that are flagged, have a first victim contact "
            "when the offer was accepted and an outcome when closed, %(s)s all referrals.",
            s=share,
        ),
        "outcome_recorded": _(
            "Closed referrals reported in the period with an outcome recorded, %(s)s closed "
            "referrals. (Every record must carry a strand, so the strand is always recorded.)",
            s=share,
        ),
        "occurred_date_recorded": _(
            "Referrals reported in the period with the date of the incident recorded, %(s)s "
            "all referrals.",
            s=share,
        ),
        "events_per_quarter": _(
            "Community events held in the period, times 3, divided by the months in the period."
        ),
        "event_feedback": _("Mean feedback score (1-5) of the events in the period with a score."),
        "lo_event_share": _(
            "Community events held in the period with a liaison officer present, %(s)s events "
            "held.",
            s=share,
        ),
        "third_party_share": _(
            "Reports through third-party reporting centres, %(s)s reports through every "
            "channel, from the monthly channel volumes of the months in the period.",
            s=share,
        ),
        "partner_referral_share": _(
            "Reports referred by partner agencies, %(s)s reports through every channel, from "
            "the monthly channel volumes of the months in the period.",
            s=share,
        ),
        "investigators_trained": _(
            "People in CID and response units who completed the hate-crime investigation "
            "course before the end of the period, %(s)s those units' headcount in the latest "
            "workforce snapshot.",
            s=share,
        ),
        "cascade_reach": _(
            "People who completed a session in the period led by a trainer who had completed "
            "the train-the-trainer course before that session."
        ),
    }.get(indicator, "")
