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
