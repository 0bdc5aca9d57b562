"""The known dataset's liaison officers: the officers themselves and the figures worked out
from them (active officers, review and induction compliance)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Organisation
from tests.known_data.identities import Q1_LAST_DAY

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


def add_officers(
    session: Session, knw: Organisation, oth: Organisation, areas: dict[str, Area], oth_area: Area
) -> tuple[dict[str, LiaisonOfficer], dict[str, LiaisonOfficer]]:
    """KNW's officers of OFFICERS and the decoy's LO1 and LO9; returns both by code."""
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
    return officers, oth_officers
