"""Translated labels for the codes stored in the database."""

from __future__ import annotations

from dashboard.i18n import _


def role_label(role: str) -> str:
    """A demo role's name for people (navigation, the users page)."""
    return {
        "public": _("Public"),
        "partner": _("Partner"),
        "network": _("Network"),
        "leadership": _("Leadership"),
        "coordinator": _("Coordinator"),
        "admin": _("Administrator"),
    }.get(role, role)


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
        "share": _("Share of all (%)"),
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


def month_label(month: str | None, short: bool = False) -> str:
    """'2025-11' → 'November 2025' (short: 'Nov 2025') in the visitor's language."""
    from dashboard.formatting import format_month

    return format_month(month, short=short)
