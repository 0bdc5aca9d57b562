"""Period, organisation re-checks and area lookups (data_access/queries/common.py)."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import common, kpis, referrals, scheme
from tests.data_access.helpers import records
from tests.known_data import AREA_A, AREA_B, OTHER_ORG, Q1, UNKNOWN_ORG_ID, org_id


def test_period_is_half_open_and_rejects_empty_ranges():
    period = common.Period(date(2026, 1, 1), date(2026, 1, 2))
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 1, 2))
    with pytest.raises(ValueError):
        common.Period(date(2026, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValueError):
        common.Period(date(2026, 2, 1), date(2026, 1, 1))


def test_check_org_returns_a_known_id(known_session):
    org = org_id(known_session)
    assert common.check_org(known_session, org) == org


@pytest.mark.parametrize("bad", [UNKNOWN_ORG_ID, None])
def test_check_org_refuses_unknown_or_missing_org(known_session, bad):
    with pytest.raises(PermissionError):
        common.check_org(known_session, bad)


EVERY_QUERY = {
    "list_areas": lambda s, o: common.list_areas(s, o),
    "monthly_counts": lambda s, o: referrals.monthly_counts(s, o, Q1),
    "total": lambda s, o: referrals.total(s, o, Q1),
    "active_officers": lambda s, o: scheme.active_officers(s, o, Q1.end),
    "training_coverage": lambda s, o: scheme.training_coverage(s, o, Q1.end),
    "events_held": lambda s, o: scheme.events_held(s, o, Q1),
    "area_names": lambda s, o: scheme.area_names(s, o),
    "delay_histogram": lambda s, o: kpis.delay_histogram(s, o, "offer_within_days", Q1),
    "referral_rates": lambda s, o: kpis.referral_rates(s, o, Q1),
    "officer_compliance": lambda s, o: kpis.officer_compliance(s, o, Q1.end),
    "targets": lambda s, o: kpis.targets(s, o, Q1.end),
    "kpi_values": lambda s, o: kpis.kpi_values(s, o, Q1),
}


@pytest.mark.parametrize("bad", [UNKNOWN_ORG_ID, None], ids=["unknown", "none"])
@pytest.mark.parametrize("query", list(EVERY_QUERY), ids=list(EVERY_QUERY))
def test_every_query_rechecks_the_organisation(known_session, query, bad):
    with pytest.raises(PermissionError):
        EVERY_QUERY[query](known_session, bad)


def test_area_ids(known_session):
    org, other = org_id(known_session), org_id(known_session, OTHER_ORG)
    assert common.area_ids(known_session, org, None) is None
    [aa] = common.area_ids(known_session, org, AREA_A)
    [bb] = common.area_ids(known_session, org, AREA_B)
    [other_aa] = common.area_ids(known_session, other, AREA_A)  # same code, other force
    assert len({aa, bb, other_aa}) == 3
    assert common.area_ids(known_session, org, "ZZ") == []
    assert common.area_ids(known_session, other, AREA_B) == []


def test_list_areas_orders_by_name_and_keeps_to_the_organisation(known_session):
    frame = common.list_areas(known_session, org_id(known_session))
    assert list(frame.columns) == ["code", "name", "population"]
    assert records(frame) == [("BB", "Eastbrook", 50_000), ("AA", "Northfield", 100_000)]
    other = common.list_areas(known_session, org_id(known_session, OTHER_ORG))
    assert records(other) == [("AA", "Other Alpha", 80_000)]
