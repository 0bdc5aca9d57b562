"""A small hand-made dataset whose every figure can be worked out by hand.

Two organisations:

* ``KNW`` (the one the tests query): areas ``AA`` "Northfield" (population 100,000) and
  ``BB`` "Eastbrook" (population 50,000). Note that name order (Eastbrook, Northfield)
  differs from code order (AA, BB).
* ``OTH`` (a decoy): one area whose code is *also* ``AA``, plus referrals, officers,
  workforce, training, events and targets chosen so that any leak into KNW's figures
  changes them visibly (offer delays of 50+ days, a later workforce snapshot, a later
  ``offer_within_days`` target of 99, ...).

Fixed dates: the main period is Q1 2026 = [2026-01-01, 2026-04-01). Two extra KNW
referrals sit just outside it (2025-12-31 and 2026-04-01, the period end) to test the
half-open boundaries.

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

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    CommunityEvent,
    LiaisonOfficer,
    Organisation,
    Referral,
    Target,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    WorkforceCount,
)
from data_access.queries.common import Period

# --------------------------------------------------------------------------- identities
ORG = "KNW"
OTHER_ORG = "OTH"
AREA_A = "AA"  # "Northfield", population 100,000
AREA_B = "BB"  # "Eastbrook", population 50,000
AREA_NAMES = {AREA_A: "Northfield", AREA_B: "Eastbrook"}
POPULATIONS = {AREA_A: 100_000, AREA_B: 50_000}
UNKNOWN_ORG_ID = 987_654

# --------------------------------------------------------------------------- periods
Q1 = Period(date(2026, 1, 1), date(2026, 4, 1))
JAN = Period(date(2026, 1, 1), date(2026, 2, 1))
FEB = Period(date(2026, 2, 1), date(2026, 3, 1))
MAR = Period(date(2026, 3, 1), date(2026, 4, 1))
#: The date kpi_values uses for officer figures of Q1 (period end minus one day).
Q1_LAST_DAY = date(2026, 3, 31)

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

# --------------------------------------------------------------------------- officers
REVIEW_IN_DATE = Q1_LAST_DAY - timedelta(days=183)  # 2025-09-29: exactly on the limit
REVIEW_OUT_OF_DATE = Q1_LAST_DAY - timedelta(days=184)  # 2025-09-28: one day too old
#: KNW liaison officers: code -> (area, type, status, recruited, inducted, last review, left)
OFFICERS = {
    "LO1": ("AA", "officer", "active", date(2024, 5, 1), date(2024, 6, 1), REVIEW_IN_DATE, None),
    "LO2": ("AA", "staff", "active", date(2025, 9, 1), None, None, None),
    "LO3": (
        "BB",
        "officer",
        "active",
        date(2023, 1, 10),
        date(2023, 2, 1),
        REVIEW_OUT_OF_DATE,
        None,
    ),
    "LO4": (
        "BB",
        "officer",
        "on_leave",
        date(2022, 3, 1),
        date(2022, 4, 1),
        date(2026, 1, 15),
        None,
    ),
    "LO5": (
        "AA",
        "officer",
        "left",
        date(2021, 1, 1),
        date(2021, 2, 1),
        date(2025, 6, 1),
        date(2026, 2, 15),
    ),
    # Recruited on Q1_LAST_DAY itself: not "recruited before" that date.
    "LO6": ("BB", "staff", "active", Q1_LAST_DAY, None, None, None),
}
#: active_officers(KNW, on) -> {area: officers}
ACTIVE_OFFICERS = {
    date(2026, 3, 31): {"AA": 2, "BB": 1},  # LO1, LO2 | LO3 (LO6 recruited that day)
    date(2026, 4, 1): {"AA": 2, "BB": 2},  # + LO6
    date(2026, 2, 15): {"AA": 3, "BB": 1},  # LO5 leaves that day: still counted
    date(2026, 2, 16): {"AA": 2, "BB": 1},  # LO5 gone
    date(2022, 1, 1): {"AA": 1, "BB": 0},  # only LO5 recruited; BB has nobody (zero row)
}
#: officer_compliance(KNW, on, area) -> (active, reviewed_in_date, inducted)
COMPLIANCE = {
    (date(2026, 3, 31), None): (3, 1, 2),  # LO1, LO2, LO3; LO1 reviewed 183 days ago
    (date(2026, 3, 31), "AA"): (2, 1, 1),
    (date(2026, 3, 31), "BB"): (1, 0, 1),
    (date(2026, 4, 1), None): (4, 0, 2),  # + LO6; LO1's review is now 184 days old
}

# --------------------------------------------------------------------------- training
#: training_coverage(KNW, on, kind) -> {area: (trained, headcount)}
COVERAGE = {
    (date(2026, 4, 1), "awareness"): {"AA": (5, 60), "BB": (3, 40)},
    (date(2026, 3, 20), "awareness"): {"AA": (3, 60), "BB": (3, 40)},  # S3 held that day
    (date(2026, 4, 2), "awareness"): {"AA": (6, 60), "BB": (4, 40)},  # + S5 (held 04-01)
    (date(2026, 4, 1), "lo_induction"): {"AA": (1, 60), "BB": (1, 40)},
    (date(2026, 2, 1), "awareness"): {"AA": (3, 70), "BB": (0, 30)},  # older snapshot; S2 later
    (date(2026, 3, 1), "awareness"): {"AA": (3, 60), "BB": (3, 40)},  # snapshot on the day
    (date(2025, 12, 30), "awareness"): {"AA": (0, 0), "BB": (0, 0)},  # no snapshot yet
}

# --------------------------------------------------------------------------- events
#: events_held(KNW, period) -> {area: (events, senior_present)}
EVENTS = {
    Q1: {"AA": (3, 2), "BB": (1, 1)},
    JAN: {"AA": (1, 1), "BB": (0, 0)},
    MAR: {"AA": (1, 1), "BB": (1, 1)},
}

# --------------------------------------------------------------------------- targets
#: targets(KNW, 2026-04-01): (kpi, target_value, direction), ordered by kpi.
TARGETS_Q1_END = [
    ("data_completeness", 80.0, "at_least"),
    ("lo_reviews_in_date", 100.0, "at_least"),
    ("offer_within_days", 2.0, "at_most"),  # 2026-01-01 row beats the 2025-04-01 row (3.0)
    ("training_coverage", 8.0, "at_least"),
    ("victim_contact_within_days", 1.0, "at_most"),
    ("victim_support_rate", 90.0, "at_least"),
]

#: kpi_values(KNW, Q1): (kpi, value, numerator, denominator)
KPI_VALUES_Q1 = [
    ("offer_within_days", 2.0, None, None),
    ("allocation_within_days", 3.0, None, None),
    ("victim_contact_within_days", 1.0, None, None),
    ("victim_support_rate", 37.5, 6, 16),
    ("data_completeness", 75.0, 12, 16),
    ("lo_reviews_in_date", 33.3, 1, 3),
    ("lo_inductions_completed", 66.7, 2, 3),
    ("training_coverage", 8.0, 8, 100),
]
KPI_VALUES_Q1_AA = [
    ("offer_within_days", 1.0, None, None),  # [0,1,1,4,5,7]
    ("allocation_within_days", 3.0, None, None),  # [1,3,3,3,6,9]
    ("victim_contact_within_days", 1.0, None, None),  # [0,1,1,4,11]
    ("victim_support_rate", 44.4, 4, 9),
    ("data_completeness", 66.7, 6, 9),
    ("lo_reviews_in_date", 50.0, 1, 2),
    ("lo_inductions_completed", 50.0, 1, 2),
    ("training_coverage", 8.3, 5, 60),
]
KPI_VALUES_Q1_BB = [
    ("offer_within_days", 2.0, None, None),  # [0,2,2,3,10]
    ("allocation_within_days", 0.0, None, None),  # [0,1]
    ("victim_contact_within_days", 1.0, None, None),  # [1,3]
    ("victim_support_rate", 28.6, 2, 7),
    ("data_completeness", 85.7, 6, 7),
    ("lo_reviews_in_date", 0.0, 0, 1),
    ("lo_inductions_completed", 100.0, 1, 1),
    ("training_coverage", 7.5, 3, 40),
]
#: off_target(kpi_values(KNW, Q1), targets(KNW, 2026-04-01)): kpi -> status
STATUS_Q1 = {
    "offer_within_days": "green",  # 2 <= 2
    "allocation_within_days": "none",  # its only target starts 2026-06-01
    "victim_contact_within_days": "green",  # 1 <= 1
    "victim_support_rate": "red",  # 37.5 < 81
    "data_completeness": "amber",  # 72 <= 75 < 80
    "lo_reviews_in_date": "red",  # 33.3 < 90
    "lo_inductions_completed": "none",  # its only target ended 2025-01-01
    "training_coverage": "green",  # 8 >= 8
}


# --------------------------------------------------------------------------- helpers
def org_id(session: Session, code: str = ORG) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


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


def build_known_dataset(session: Session) -> None:
    """Insert both organisations' records (the caller commits)."""
    knw = Organisation(code=ORG, name="Known Constabulary")
    oth = Organisation(code=OTHER_ORG, name="Other Police")
    session.add_all([knw, oth])
    session.flush()

    areas = {
        code: Area(organisation_id=knw.id, code=code, name=AREA_NAMES[code], population=pop)
        for code, pop in POPULATIONS.items()
    }
    oth_area = Area(organisation_id=oth.id, code="AA", name="Other Alpha", population=80_000)
    session.add_all([*areas.values(), oth_area])
    session.flush()
    oth_areas = {"AA": oth_area}

    # ---- liaison officers
    officers: dict[str, LiaisonOfficer] = {}
    for code, (area, kind, status, recruited, inducted, reviewed, left) in OFFICERS.items():
        officers[code] = LiaisonOfficer(
            organisation_id=knw.id,
            code=code,
            display_name=f"Officer {code}",
            area_id=areas[area].id,
            officer_type=kind,
            status=status,
            recruited_on=recruited,
            induction_completed_on=inducted,
            last_review_on=reviewed,
            left_on=left,
        )
    oth_officers = {
        code: LiaisonOfficer(
            organisation_id=oth.id,
            code=code,
            area_id=oth_area.id,
            officer_type="officer",
            status="active",
            recruited_on=date(2025, 1, 1),
            induction_completed_on=date(2025, 2, 1),
            last_review_on=date(2026, 3, 1),
        )
        for code in ("LO1", "LO9")
    }
    session.add_all([*officers.values(), *oth_officers.values()])
    session.flush()

    # ---- referrals
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

    # ---- workforce: KNW snapshots 2025-12-31, 2026-03-01 and 2026-06-01 (future);
    # OTH's snapshot 2026-03-15 is later than KNW's 2026-03-01 on purpose.
    workforce = [
        ("AA", "response", "constable", date(2025, 12, 31), 40),
        ("AA", "neighbourhood", "constable", date(2025, 12, 31), 30),
        ("BB", "response", "constable", date(2025, 12, 31), 30),
        ("AA", "response", "constable", date(2026, 3, 1), 50),
        ("AA", "neighbourhood", "sergeant", date(2026, 3, 1), 10),
        ("BB", "response", "constable", date(2026, 3, 1), 25),
        ("BB", "cid", "constable", date(2026, 3, 1), 15),
        ("AA", "response", "constable", date(2026, 6, 1), 999),
        ("BB", "response", "constable", date(2026, 6, 1), 999),
    ]
    session.add_all(
        WorkforceCount(
            organisation_id=knw.id,
            area_id=areas[area].id,
            unit=unit,
            rank=rank,
            as_of=as_of,
            headcount=headcount,
        )
        for area, unit, rank, as_of, headcount in workforce
    )
    session.add(
        WorkforceCount(
            organisation_id=oth.id,
            area_id=oth_area.id,
            unit="response",
            rank="constable",
            as_of=date(2026, 3, 15),
            headcount=500,
        )
    )

    # ---- training
    awareness = TrainingCourse(
        organisation_id=knw.id,
        code="C-AW",
        title="LGBT+ awareness",
        kind="awareness",
        mode="online",
        delivered_by="civil_society",
        duration_hours=3,
        refresher_months=24,
    )
    induction = TrainingCourse(
        organisation_id=knw.id,
        code="C-IND",
        title="LO induction",
        kind="lo_induction",
        mode="on_site",
        delivered_by="police",
        duration_hours=14,
    )
    oth_awareness = TrainingCourse(
        organisation_id=oth.id,
        code="C-AW",
        title="Awareness",
        kind="awareness",
        mode="on_site",
        delivered_by="joint",
    )
    session.add_all([awareness, induction, oth_awareness])
    session.flush()
    sessions = {
        "S1": (awareness, date(2026, 1, 10), "AA"),
        "S2": (awareness, date(2026, 2, 5), "BB"),
        "S3": (awareness, date(2026, 3, 20), "AA"),
        "S4": (induction, date(2026, 1, 20), "AA"),
        "S5": (awareness, date(2026, 4, 1), "AA"),
    }
    session_rows = {
        code: TrainingSession(
            organisation_id=knw.id,
            code=code,
            course_id=course.id,
            held_on=held,
            area_id=areas[area].id,
        )
        for code, (course, held, area) in sessions.items()
    }
    oth_session = TrainingSession(
        organisation_id=oth.id,
        code="S1",
        course_id=oth_awareness.id,
        held_on=date(2026, 1, 15),
        area_id=oth_area.id,
    )
    session.add_all([*session_rows.values(), oth_session])
    session.flush()
    # (session, person, area, completed): P01 attends twice; P03 fails S1 then passes S3.
    attendance = [
        ("S1", "P01", "AA", True),
        ("S1", "P02", "AA", True),
        ("S1", "P03", "AA", False),
        ("S1", "P04", "AA", True),
        ("S2", "P10", "BB", True),
        ("S2", "P11", "BB", True),
        ("S2", "P12", "BB", True),
        ("S3", "P01", "AA", True),
        ("S3", "P03", "AA", True),
        ("S3", "P05", "AA", True),
        ("S4", "P06", "AA", True),
        ("S4", "P07", "BB", True),
        ("S5", "P08", "AA", True),
        ("S5", "P13", "BB", True),
    ]
    session.add_all(
        TrainingAttendance(
            organisation_id=knw.id,
            session_id=session_rows[s].id,
            person_code=person,
            rank="constable",
            unit="response",
            area_id=areas[area].id,
            completed=completed,
        )
        for s, person, area, completed in attendance
    )
    session.add_all(
        TrainingAttendance(
            organisation_id=oth.id,
            session_id=oth_session.id,
            person_code=f"P0{n}",
            rank="constable",
            unit="response",
            area_id=oth_area.id,
            completed=True,
        )
        for n in range(1, 5)
    )

    # ---- community events
    events = [
        ("E1", date(2026, 1, 10), "AA", "forum", True),
        ("E2", date(2026, 2, 14), "AA", "outreach", False),
        ("E3", date(2026, 3, 1), "BB", "pride", True),
        ("E4", date(2026, 3, 31), "AA", "surgery", True),
        ("E5", date(2026, 4, 1), "BB", "vigil", True),  # on Q1's end: excluded
        ("E6", date(2025, 12, 31), "AA", "campaign", False),  # before Q1
    ]
    session.add_all(
        CommunityEvent(
            organisation_id=knw.id,
            code=code,
            held_on=held,
            area_id=areas[area].id,
            event_type=kind,
            title=f"Event {code}",
            attendance=40,
            police_attending=3,
            senior_officer_present=senior,
            lo_present=True,
        )
        for code, held, area, kind, senior in events
    )
    session.add_all(
        CommunityEvent(
            organisation_id=oth.id,
            code=code,
            held_on=held,
            area_id=oth_area.id,
            event_type="pride",
            title="Other event",
            senior_officer_present=True,
        )
        for code, held in (("E1", date(2026, 1, 20)), ("E2", date(2026, 2, 20)))
    )

    # ---- targets
    knw_targets = [
        ("offer_within_days", 3.0, "at_most", date(2025, 4, 1), None),
        ("offer_within_days", 2.0, "at_most", date(2026, 1, 1), None),
        ("allocation_within_days", 2.0, "at_most", date(2026, 6, 1), None),  # not yet
        ("victim_contact_within_days", 1.0, "at_most", date(2025, 1, 1), None),
        ("victim_support_rate", 90.0, "at_least", date(2025, 4, 1), None),
        ("data_completeness", 80.0, "at_least", date(2025, 4, 1), None),
        ("lo_reviews_in_date", 100.0, "at_least", date(2025, 1, 1), None),
        ("lo_inductions_completed", 100.0, "at_least", date(2024, 1, 1), date(2025, 1, 1)),
        ("training_coverage", 8.0, "at_least", date(2026, 1, 1), None),
    ]
    oth_targets = [
        ("offer_within_days", 99.0, "at_most", date(2026, 2, 1), None),
        ("allocation_within_days", 5.0, "at_most", date(2025, 1, 1), None),
        ("lo_inductions_completed", 50.0, "at_least", date(2025, 1, 1), None),
    ]
    for org, rows in ((knw, knw_targets), (oth, oth_targets)):
        session.add_all(
            Target(
                organisation_id=org.id,
                kpi=kpi,
                target_value=value,
                direction=direction,
                period_start=start,
                period_end=end,
            )
            for kpi, value, direction, start, end in rows
        )
    session.flush()
