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

Modules: identities.py (codes, periods, ``org_id``, ``d``), referrals.py (the referral table
and its figures), officers.py (liaison officers), training.py (workforce and training),
events_targets.py (events, targets and KPI values) and build.py (``build_known_dataset``).
This package re-exports every public name, so ``from tests.known_data import X`` works.
"""

from __future__ import annotations

from tests.known_data.build import (
    build_known_dataset,
)
from tests.known_data.events_targets import (
    EVENTS,
    KPI_VALUES_Q1,
    KPI_VALUES_Q1_AA,
    KPI_VALUES_Q1_BB,
    STATUS_Q1,
    TARGETS_Q1_END,
)
from tests.known_data.identities import (
    AREA_A,
    AREA_B,
    AREA_NAMES,
    FEB,
    JAN,
    MAR,
    ORG,
    OTHER_ORG,
    POPULATIONS,
    Q1,
    Q1_LAST_DAY,
    UNKNOWN_ORG_ID,
    d,
    org_id,
)
from tests.known_data.officers import (
    ACTIVE_OFFICERS,
    COMPLIANCE,
    OFFICERS,
    REVIEW_IN_DATE,
    REVIEW_OUT_OF_DATE,
)
from tests.known_data.referrals import (
    Q1_ALLOCATION_HISTOGRAM,
    Q1_ALLOCATION_MEDIAN,
    Q1_ALLOCATION_P90,
    Q1_MONTHLY,
    Q1_OFFER_HISTOGRAM,
    Q1_OFFER_HISTOGRAM_AA,
    Q1_OFFER_HISTOGRAM_BB,
    Q1_OFFER_HISTOGRAM_HOMOPHOBIC,
    Q1_OFFER_MEDIAN,
    Q1_OFFER_P90,
    Q1_OIC_HISTOGRAM,
    Q1_OIC_MEDIAN,
    Q1_OIC_P90,
    Q1_RATES,
    Q1_RATES_BY_AREA,
    Q1_RATES_TRANSPHOBIC,
    Q1_TOTAL,
    Q1_TOTAL_BY_AREA,
    Q1_TOTAL_BY_STRAND,
    Q1_VICTIM_HISTOGRAM,
    Q1_VICTIM_MEDIAN,
    Q1_VICTIM_P90,
)
from tests.known_data.training import (
    COVERAGE,
)

__all__ = [
    "build_known_dataset",
    "EVENTS",
    "TARGETS_Q1_END",
    "KPI_VALUES_Q1",
    "KPI_VALUES_Q1_AA",
    "KPI_VALUES_Q1_BB",
    "STATUS_Q1",
    "ORG",
    "OTHER_ORG",
    "AREA_A",
    "AREA_B",
    "AREA_NAMES",
    "POPULATIONS",
    "UNKNOWN_ORG_ID",
    "Q1",
    "JAN",
    "FEB",
    "MAR",
    "Q1_LAST_DAY",
    "org_id",
    "d",
    "REVIEW_IN_DATE",
    "REVIEW_OUT_OF_DATE",
    "OFFICERS",
    "ACTIVE_OFFICERS",
    "COMPLIANCE",
    "Q1_MONTHLY",
    "Q1_TOTAL",
    "Q1_TOTAL_BY_AREA",
    "Q1_TOTAL_BY_STRAND",
    "Q1_OFFER_HISTOGRAM",
    "Q1_OFFER_MEDIAN",
    "Q1_OFFER_P90",
    "Q1_ALLOCATION_HISTOGRAM",
    "Q1_ALLOCATION_MEDIAN",
    "Q1_ALLOCATION_P90",
    "Q1_OIC_HISTOGRAM",
    "Q1_OIC_MEDIAN",
    "Q1_OIC_P90",
    "Q1_VICTIM_HISTOGRAM",
    "Q1_VICTIM_MEDIAN",
    "Q1_VICTIM_P90",
    "Q1_OFFER_HISTOGRAM_AA",
    "Q1_OFFER_HISTOGRAM_BB",
    "Q1_OFFER_HISTOGRAM_HOMOPHOBIC",
    "Q1_RATES",
    "Q1_RATES_BY_AREA",
    "Q1_RATES_TRANSPHOBIC",
    "COVERAGE",
]
