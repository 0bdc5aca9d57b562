"""The known dataset's referrals: the Q1 table, the figures worked out from it, and the
builder of both organisations' referrals.

KNW referrals in Q1 (delays in days; "-" = not recorded; VS = victim_support):

=====  ====  ============  ==========  =========  =====  =====  =====  =====  ============
log    area  strand        reported    offer      offer  alloc  oic    victim VS
                                       status     delay  delay  delay  delay
=====  ====  ============  ==========  =========  =====  =====  =====  =====  ============
R01    AA    homophobic    2026-01-05  accepted   1      1      0      1      made
R02    AA    homophobic    2026-01-12  accepted   0      3      1      0      made
R03    AA    transphobic   2026-01-20  not off.   -      -      -      -      not_recorded
R04    BB    biphobic      2026-01-25  declined   10     -      -      -      declined
R05    BB    homophobic    2026-01-01  accepted   2      0      1      3      made
R06    AA    homophobic    2026-02-03  accepted   4      9      1      1      made
R07    BB    transphobic   2026-02-10  declined   0      -      -      -      not_recorded
R08    BB    transphobic   2026-02-14  not off.   -      -      -      -      not_recorded
R09    AA    biphobic      2026-02-20  accepted   7      3      0      4      made
R10    BB    homophobic    2026-02-28  accepted   3      1      2      1      already_made
R11    AA    homophobic    2026-03-02  accepted   1      6      1      11     not_recorded
R12    AA    transphobic   2026-03-09  accepted   5      3      1      -      declined
R13    BB    homophobic    2026-03-15  not off.   -      -      -      -      not_recorded
R14    BB    biphobic      2026-03-22  accepted   2      -      -      -      not_recorded
R15    AA    homophobic    2026-03-31  pending    -      -      -      -      not_recorded
R16    AA    transphobic   2026-03-27  pending    -      -      -      -      not_recorded
=====  ====  ============  ==========  =========  =====  =====  =====  =====  ============

Outside Q1: R00 (AA homophobic, reported 2025-12-31, offer delay 20) and R17 (AA
homophobic, reported 2026-04-01 = Q1 end, offer delay 29).

Data completeness (kpis.referral_rates): a referral is complete when it is flagged, an
accepted offer has a first victim contact, and a closed referral has an outcome.
Incomplete in Q1: R03 (closed without outcome), R12 (accepted, no victim contact),
R14 (accepted, no victim contact), R16 (never flagged) -> 12 of 16 complete.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Organisation, Referral
from tests.known_data.identities import AREA_A, AREA_B, d

# --------------------------------------------------------------------------- referrals
#: monthly_counts(KNW, Q1): (month, area, strand, count), in the query's order.
Q1_MONTHLY = [
    ("2026-01", "AA", "homophobic", 2),  # R01, R02
    ("2026-01", "AA", "transphobic", 1),  # R03
    ("2026-01", "BB", "biphobic", 1),  # R04
    ("2026-01", "BB", "homophobic", 1),  # R05 (reported on the period start)
    ("2026-02", "AA", "biphobic", 1),  # R09
    ("2026-02", "AA", "homophobic", 1),  # R06
    ("2026-02", "BB", "homophobic", 1),  # R10
    ("2026-02", "BB", "transphobic", 2),  # R07, R08
    ("2026-03", "AA", "homophobic", 2),  # R11, R15 (reported on the last day)
    ("2026-03", "AA", "transphobic", 2),  # R12, R16
    ("2026-03", "BB", "biphobic", 1),  # R14
    ("2026-03", "BB", "homophobic", 1),  # R13
]
Q1_TOTAL = 16
Q1_TOTAL_BY_AREA = {AREA_A: 9, AREA_B: 7}
Q1_TOTAL_BY_STRAND = {"homophobic": 8, "transphobic": 5, "biphobic": 3}

#: Delay histograms for Q1, all areas and strands: {days: count}.
Q1_OFFER_HISTOGRAM = {0: 2, 1: 2, 2: 2, 3: 1, 4: 1, 5: 1, 7: 1, 10: 1}  # [0,0,1,1,2,2,3,4,5,7,10]
Q1_OFFER_MEDIAN, Q1_OFFER_P90 = 2.0, 7.0  # ranks ceil(5.5)=6 and ceil(9.9)=10 of 11
Q1_ALLOCATION_HISTOGRAM = {0: 1, 1: 2, 3: 3, 6: 1, 9: 1}  # [0,1,1,3,3,3,6,9]
Q1_ALLOCATION_MEDIAN, Q1_ALLOCATION_P90 = 3.0, 9.0  # ranks 4 and ceil(7.2)=8 of 8
Q1_OIC_HISTOGRAM = {0: 2, 1: 5, 2: 1}  # [0,0,1,1,1,1,1,2]
Q1_OIC_MEDIAN, Q1_OIC_P90 = 1.0, 2.0
Q1_VICTIM_HISTOGRAM = {0: 1, 1: 3, 3: 1, 4: 1, 11: 1}  # [0,1,1,1,3,4,11]
Q1_VICTIM_MEDIAN, Q1_VICTIM_P90 = 1.0, 11.0  # ranks 4 and ceil(6.3)=7 of 7

# Per-area / per-strand offer delays in Q1.
Q1_OFFER_HISTOGRAM_AA = {0: 1, 1: 2, 4: 1, 5: 1, 7: 1}  # [0,1,1,4,5,7]: median 1, p90 7
Q1_OFFER_HISTOGRAM_BB = {0: 1, 2: 2, 3: 1, 10: 1}  # [0,2,2,3,10]: median 2, p90 10
Q1_OFFER_HISTOGRAM_HOMOPHOBIC = {0: 1, 1: 2, 2: 1, 3: 1, 4: 1}  # [0,1,1,2,3,4]: median 1, p90 4

# referral_rates(KNW, Q1): referrals, victim_support (made + already_made), complete.
Q1_RATES = (16, 6, 12)
Q1_RATES_BY_AREA = {AREA_A: (9, 4, 6), AREA_B: (7, 2, 6)}
Q1_RATES_TRANSPHOBIC = (5, 0, 2)  # R03, R07, R08, R12, R16: complete R07, R08


def _referral(org: Organisation, areas: dict[str, Area], officers, log, area, strand, **kw):
    officer = kw.pop("officer", None)
    reported = kw.pop("reported")
    kw.setdefault("flagged_on", reported)
    kw.setdefault("incident_type", "crime")
    kw.setdefault("channel", "101")
    return Referral(
        organisation_id=org.id,
        log_number=log,
        area_id=areas[area].id,
        strand=strand,
        reported_on=reported,
        allocated_officer_id=officers[officer].id if officer else None,
        **kw,
    )


def add_referrals(
    session: Session,
    knw: Organisation,
    oth: Organisation,
    areas: dict[str, Area],
    oth_areas: dict[str, Area],
    officers: dict[str, LiaisonOfficer],
    oth_officers: dict[str, LiaisonOfficer],
) -> None:
    """KNW's referrals R00-R17 and the decoy's three, as in the module docstring."""

    def ref(log, area, strand, **kw):
        return _referral(knw, areas, officers, log, area, strand, **kw)

    accepted = {"offer_status": "offered", "offer_outcome": "accepted"}
    declined = {"offer_status": "offered", "offer_outcome": "declined"}
    referrals = [
        ref("R00", "AA", "homophobic", reported=d(12, 31, 2025), offered_on=d(1, 20),
            officer="LO1", allocated_on=d(1, 21), oic_contacted_on=d(1, 21),
            victim_contacted_on=d(1, 22), victim_support="made", **accepted),
        ref("R01", "AA", "homophobic", reported=d(1, 5), occurred_on=d(1, 4),
            offered_on=d(1, 6), officer="LO1", allocated_on=d(1, 7), oic_contacted_on=d(1, 7),
            victim_contacted_on=d(1, 8), victim_support="made", outcome="nfa",
            closed_on=d(2, 15), **accepted),
        ref("R02", "AA", "homophobic", reported=d(1, 12), offered_on=d(1, 12), officer="LO1",
            allocated_on=d(1, 15), oic_contacted_on=d(1, 16), victim_contacted_on=d(1, 15),
            victim_support="made", outcome="charge_summons", closed_on=d(2, 1), **accepted),
        ref("R03", "AA", "transphobic", reported=d(1, 20), offer_status="not_offered",
            not_offered_reason="closed_incorrectly", closed_on=d(1, 21),
            incident_type="non_crime"),
        ref("R04", "BB", "biphobic", reported=d(1, 25), offered_on=d(2, 4),
            victim_support="declined", channel="online", **declined),
        ref("R05", "BB", "homophobic", reported=d(1, 1), offered_on=d(1, 3), officer="LO3",
            allocated_on=d(1, 3), oic_contacted_on=d(1, 4), victim_contacted_on=d(1, 6),
            victim_support="made", outcome="out_of_court", closed_on=d(3, 1),
            deployment="immediate_off_duty", **accepted),
        ref("R06", "AA", "homophobic", reported=d(2, 3), offered_on=d(2, 7), officer="LO2",
            allocated_on=d(2, 16), oic_contacted_on=d(2, 17), victim_contacted_on=d(2, 17),
            victim_support="made", outcome="ongoing", repeat_victim=True, **accepted),
        ref("R07", "BB", "transphobic", reported=d(2, 10), offered_on=d(2, 10),
            outcome="victim_withdrew", closed_on=d(2, 20), channel="third_party", **declined),
        ref("R08", "BB", "transphobic", reported=d(2, 14), offer_status="not_offered",
            not_offered_reason="already_supported", also_race=True),
        ref("R09", "AA", "biphobic", reported=d(2, 20), offered_on=d(2, 27), officer="LO1",
            allocated_on=d(3, 2), oic_contacted_on=d(3, 2), victim_contacted_on=d(3, 6),
            victim_support="made", **accepted),
        ref("R10", "BB", "homophobic", reported=d(2, 28), offered_on=d(3, 3), officer="LO3",
            allocated_on=d(3, 4), oic_contacted_on=d(3, 6), victim_contacted_on=d(3, 5),
            victim_support="already_made", internal_case=True, **accepted),
        ref("R11", "AA", "homophobic", reported=d(3, 2), offered_on=d(3, 3), officer="LO2",
            allocated_on=d(3, 9), oic_contacted_on=d(3, 10), victim_contacted_on=d(3, 20),
            **accepted),
        ref("R12", "AA", "transphobic", reported=d(3, 9), offered_on=d(3, 14), officer="LO1",
            allocated_on=d(3, 17), oic_contacted_on=d(3, 18), victim_support="declined",
            **accepted),
        ref("R13", "BB", "homophobic", reported=d(3, 15), offer_status="not_offered",
            not_offered_reason="uncontactable", outcome="nfa", closed_on=d(3, 20)),
        ref("R14", "BB", "biphobic", reported=d(3, 22), offered_on=d(3, 24), **accepted),
        ref("R15", "AA", "homophobic", reported=d(3, 31)),
        ref("R16", "AA", "transphobic", reported=d(3, 27), flagged_on=None),
        ref("R17", "AA", "homophobic", reported=d(4, 1), offered_on=d(4, 30), officer="LO1",
            allocated_on=d(5, 1), oic_contacted_on=d(5, 1), victim_contacted_on=d(5, 2),
            victim_support="made", **accepted),
    ]  # fmt: skip
    # The decoy organisation: same area code, huge delays, all supported and complete.
    for n, (reported, delay) in enumerate(((d(1, 5), 50), (d(2, 5), 60), (d(3, 5), 70)), 1):
        referrals.append(
            _referral(
                oth, oth_areas, oth_officers, f"R0{n}", "AA", "homophobic",
                reported=reported, offered_on=reported + timedelta(days=delay),
                officer="LO9", allocated_on=reported + timedelta(days=delay + 40),
                victim_contacted_on=reported + timedelta(days=delay + 45),
                victim_support="made", **accepted,
            )
        )  # fmt: skip
    session.add_all(referrals)
