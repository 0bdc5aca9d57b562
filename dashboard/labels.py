"""Translated labels for the codes stored in the database."""

from __future__ import annotations

from dashboard.i18n import _


def strand_label(strand: str) -> str:
    return {
        "homophobic": _("Homophobic"),
        "biphobic": _("Biphobic"),
        "transphobic": _("Transphobic"),
    }.get(strand, strand)


def kpi_label(kpi: str) -> str:
    return {
        "offer_within_days": _("Days from flag to offer (median)"),
        "allocation_within_days": _("Days from acceptance to allocation (median)"),
        "oic_contact_within_days": _("Days from allocation to OIC contact (median)"),
        "victim_contact_within_days": _("Days from allocation to victim contact (median)"),
        "victim_support_rate": _("Victim Support referral rate"),
        "data_completeness": _("Referral records complete"),
        "lo_reviews_in_date": _("LO 6-monthly reviews in date"),
        "lo_inductions_completed": _("LO inductions completed"),
        "training_coverage": _("Awareness training coverage"),
        "leadership_trained": _("Leadership ranks trained"),
        "lo_per_100k": _("Active LOs per 100,000 population"),
        "third_party_share": _("Third-party reporting share"),
        "senior_officer_event_share": _("Events with a senior officer present"),
        "events_per_quarter": _("Community events per quarter"),
    }.get(kpi, kpi)


def funnel_stage_label(stage: str) -> str:
    return {
        "referred": _("Referrals reported"),
        "flagged": _("Flagged (daily check)"),
        "offered": _("Offered an LO"),
        "accepted": _("Offer accepted"),
        "allocated": _("LO allocated"),
        "oic_contacted": _("OIC contacted"),
        "victim_contacted": _("Victim contacted"),
        "closed": _("Closed"),
    }.get(stage, stage)


def dropout_reason_label(reason: str) -> str:
    return {
        "not_flagged": _("No flagged date recorded"),
        "closed_incorrectly": _("Not offered: log closed incorrectly"),
        "already_supported": _("Not offered: already supported"),
        "uncontactable": _("Not offered: uncontactable"),
        "not_appropriate_other": _("Not offered: not appropriate (other)"),
        "not_offered_unrecorded": _("Not offered: reason not recorded"),
        "offer_pending": _("Offer pending"),
        "declined": _("Offer declined"),
        "offer_unanswered": _("Offered, answer not recorded"),
        "not_allocated": _("Accepted, not yet allocated"),
        "no_oic_contact": _("No OIC contact recorded"),
        "no_victim_contact": _("No victim contact recorded"),
        "still_open": _("Still open"),
    }.get(reason, reason)


def due_item_label(item: str) -> str:
    return {
        "review_overdue": _("6-monthly review overdue"),
        "review_due": _("6-monthly review due"),
        "induction_outstanding": _("Induction outstanding"),
    }.get(item, item)


def capacity_gap_label(gap: str) -> str:
    return {
        "above_level": _("Above"),
        "no_officer": _("No LO"),
        "none": _("Within"),
    }.get(gap, gap)


def register_key_point_label(point: str) -> str:
    return {
        "professionalism": _("Professionalism"),
        "anti_discrimination_policy": _("Policies against discrimination"),
        "leadership_commitment": _("Leadership commitment"),
        "ongoing_training": _("Ongoing training"),
        "points_of_contact": _("Dedicated points of contact"),
        "accountability": _("Accountability"),
        "data_on_violence": _("Data on violence"),
        "communication_events": _("Communication and community events"),
        "reporting_channels": _("Reporting channels"),
        "specialised_training": _("Specialised training"),
    }.get(point, point)


def commitment_status_label(status: str) -> str:
    return {
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "met": _("Met"),
        "missed": _("Missed"),
    }.get(status, status)


def verdict_label(verdict: str) -> str:
    return {
        "agreed_met": _("Agreed met"),
        "not_yet": _("Not yet"),
        "disputed": _("Disputed"),
    }.get(verdict, verdict)


def target_direction_label(direction: str) -> str:
    return {"at_least": _("At least"), "at_most": _("At most")}.get(direction, direction)


def register_field_label(field: str) -> str:
    """Names of commitment, review and target fields in forms, errors and the history."""
    return {
        "code": _("Commitment"),
        "key_point": _("Key point"),
        "text": _("Commitment text"),
        "owner": _("Owner"),
        "due_on": _("Due date"),
        "status": _("Status"),
        "evidence": _("Evidence"),
        "is_public": _("Public"),
        "community_review": _("Community review"),
        "reviewed_on": _("Review date"),
        "forum": _("Forum"),
        "verdict": _("Verdict"),
        "comment": _("Public comment"),
        "kpi": _("KPI"),
        "target_value": _("Target value"),
        "direction": _("Direction"),
        "period_start": _("Period start"),
        "period_end": _("Period end"),
    }.get(field, field)


def register_problem_message(code: str, params: dict) -> str:
    """Why a form value was refused (codes from data_access.commitments.ValidationError)."""
    messages = {
        "required": lambda: _("This is required."),
        "too_long": lambda: _("At most %(limit)s characters (you entered %(length)s).", **params),
        "not_allowed": lambda: _("Choose one of the listed options."),
        "bad_date": lambda: _("Enter a real date as YYYY-MM-DD."),
        "date_too_early": lambda: _("The date may not be before %(earliest)s.", **params),
        "date_too_late": lambda: _("The date may not be after %(latest)s.", **params),
        "not_a_number": lambda: _("Enter a number, for example 75 or 2.5."),
        "negative": lambda: _("The value may not be negative."),
        "over_percent": lambda: _("A percentage may not be more than %(most)g.", **params),
        "end_before_start": lambda: _("The period must end after it starts."),
        "contact_details": lambda: _(
            "Remove the email address or phone number: no personal contact details or "
            "narratives about victims may be stored."
        ),
        "evidence_needed": lambda: _("Say what evidence shows the commitment is met."),
        "not_found": lambda: _("No such commitment in your force."),
    }
    return messages[code]() if code in messages else code


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


def channel_label(channel: str) -> str:
    return {
        "999": _("999"),
        "101": _("101"),
        "online": _("Online"),
        "third_party": _("Third-party centre"),
        "in_person": _("In person"),
        "direct_to_lo": _("Direct to LO"),
        "partner_referral": _("Partner referral"),
    }.get(channel, channel)


def event_type_label(event_type: str) -> str:
    return {
        "pride": _("Pride"),
        "forum": _("Forum meeting"),
        "outreach": _("Outreach"),
        "school_talk": _("School or college talk"),
        "surgery": _("Surgery"),
        "vigil": _("Vigil or remembrance"),
        "campaign": _("Campaign"),
    }.get(event_type, event_type)


def workload_column_label(column: str) -> str:
    return {
        "stage": _("Stage"),
        "count": _("Referrals"),
        "share": _("% of all"),
        "step": _("Between stages"),
        "reason": _("Reason"),
        "officer": _("Officer code"),
        "area": _("Area"),
        "active_cases": _("Active cases"),
        "new_allocations": _("New allocations"),
        "month": _("Month reported"),
        "on_duty": _("On duty"),
        "off_duty": _("Off duty"),
        "internal": _("Internal"),
        "referrals": _("Referrals"),
        "active_officers": _("LOs"),
        "per_officer": _("Per LO"),
        "gap": _("Level"),
        "item": _("Due"),
        "due_on": _("Review due on"),
        "recruited_on": _("Recruited on"),
        "officers": _("Officers"),
    }.get(column, column)


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


def outcome_label(outcome: str) -> str:
    return {
        "charge_summons": _("Charge or summons"),
        "out_of_court": _("Out-of-court disposal"),
        "nfa": _("No further action"),
        "victim_withdrew": _("Victim withdrew support"),
        "ongoing": _("Ongoing"),
        "not_recorded": _("Not recorded"),
    }.get(outcome, outcome)


def action_status_label(status: str) -> str:
    return {"open": _("Open"), "in_progress": _("In progress"), "done": _("Done")}.get(
        status, status
    )


def incident_type_label(incident: str) -> str:
    return {"crime": _("Crimes only"), "non_crime": _("Non-crime incidents only")}.get(
        incident, incident
    )


def rag_label(status: str) -> str:
    """A KPI's RAG status in words (colour is never the only cue)."""
    return {
        "green": _("On target"),
        "amber": _("Near target (within 10%)"),
        "red": _("Off target"),
        "none": _("No target"),
    }.get(status, status)
