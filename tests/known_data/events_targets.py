"""The known dataset's community events and targets, and the figures worked out from them
and from the rest of the dataset (KPI values and their status against the targets)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from data_access.models import Area, CommunityEvent, Organisation, Target
from tests.known_data.identities import JAN, MAR, Q1

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


def add_events(
    session: Session, knw: Organisation, oth: Organisation, areas: dict[str, Area], oth_area: Area
) -> None:
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


def add_targets(session: Session, knw: Organisation, oth: Organisation) -> None:
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
