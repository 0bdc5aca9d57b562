"""Reporting-channel queries (data_access/queries/channels.py) on a small hand-made dataset,
on SQLite and PostgreSQL.

Organisation CHN, areas NO ("North") and SO ("South"); a decoy organisation DCY whose area is
also coded NO, with volumes, referrals and events that would show if they leaked. Period: Q1
2026 = [2026-01-01, 2026-04-01); rows in December 2025 and April 2026 test the boundaries.

channel_volume rows of CHN (month, area, channel, strand, count):

    2025-12 NO 101          homophobic   40   outside Q1
    2026-01 NO 101          homophobic    6
    2026-01 NO third_party  transphobic   3
    2026-01 SO online       biphobic      2
    2026-02 NO 101          homophobic    8
    2026-02 SO third_party  homophobic    4
    2026-02 SO partner_ref. transphobic   1
    2026-03 NO online       homophobic   10
    2026-03 SO 101          transphobic   5
    2026-03 NO third_party  homophobic    0   a zero row: still a row, adds nothing
    2026-04 NO 101          homophobic   50   outside Q1 (the period end)

By hand for Q1: 101 = 6+8+5 = 19, online = 2+10 = 12, third_party = 3+4+0 = 7,
partner_referral = 1; all = 39 (Jan 11, Feb 13, Mar 15).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import Area, ChannelVolume, CommunityEvent, Organisation, Referral
from data_access.queries.channels import monthly_volumes, referral_channels, timeline_events
from data_access.queries.common import Period
from tests.conftest import built_database, session_on
from tests.data_access.helpers import records

Q1 = Period(date(2026, 1, 1), date(2026, 4, 1))
FEB = Period(date(2026, 2, 1), date(2026, 3, 1))
EMPTY = Period(date(2027, 1, 1), date(2027, 2, 1))

VOLUMES = [
    ("2025-12", "NO", "101", "homophobic", 40),
    ("2026-01", "NO", "101", "homophobic", 6),
    ("2026-01", "NO", "third_party", "transphobic", 3),
    ("2026-01", "SO", "online", "biphobic", 2),
    ("2026-02", "NO", "101", "homophobic", 8),
    ("2026-02", "SO", "third_party", "homophobic", 4),
    ("2026-02", "SO", "partner_referral", "transphobic", 1),
    ("2026-03", "NO", "online", "homophobic", 10),
    ("2026-03", "SO", "101", "transphobic", 5),
    ("2026-03", "NO", "third_party", "homophobic", 0),
    ("2026-04", "NO", "101", "homophobic", 50),
]
#: monthly_volumes(CHN, Q1): (month, channel, area, strand, count) sorted by those columns.
Q1_VOLUMES = [
    ("2026-01", "101", "NO", "homophobic", 6),
    ("2026-01", "online", "SO", "biphobic", 2),
    ("2026-01", "third_party", "NO", "transphobic", 3),
    ("2026-02", "101", "NO", "homophobic", 8),
    ("2026-02", "partner_referral", "SO", "transphobic", 1),
    ("2026-02", "third_party", "SO", "homophobic", 4),
    ("2026-03", "101", "SO", "transphobic", 5),
    ("2026-03", "online", "NO", "homophobic", 10),
    ("2026-03", "third_party", "NO", "homophobic", 0),
]

# Referrals of CHN: (log, area, strand, channel, reported_on).
REFERRALS = [
    ("C01", "NO", "homophobic", "101", date(2026, 1, 1)),  # on the period start
    ("C02", "NO", "homophobic", "101", date(2026, 1, 20)),
    ("C03", "SO", "transphobic", "third_party", date(2026, 2, 2)),
    ("C04", "SO", "transphobic", "third_party", date(2026, 2, 9)),
    ("C05", "NO", "biphobic", "online", date(2026, 3, 31)),  # on the last day
    ("C06", "SO", "homophobic", "direct_to_lo", date(2026, 3, 3)),
    ("C07", "NO", "homophobic", "101", date(2025, 12, 31)),  # outside
    ("C08", "NO", "homophobic", "101", date(2026, 4, 1)),  # outside (the period end)
]
#: referral_channels(CHN, Q1): (channel, area, strand, count) sorted.
Q1_REFERRALS = [
    ("101", "NO", "homophobic", 2),
    ("direct_to_lo", "SO", "homophobic", 1),
    ("online", "NO", "biphobic", 1),
    ("third_party", "SO", "transphobic", 2),
]

# Events of CHN: (code, held_on, area or None, type, title).
EVENTS = [
    ("E0", date(2025, 12, 31), "NO", "campaign", "Before the period"),
    ("E1", date(2026, 1, 1), None, "campaign", "New year campaign"),
    ("E3", date(2026, 2, 14), "SO", "surgery", "Drop-in surgery"),
    ("E2", date(2026, 2, 14), "NO", "pride", "Pride in North"),
    ("E4", date(2026, 3, 31), "SO", "forum", "Forum meeting"),
    ("E5", date(2026, 4, 1), "NO", "campaign", "After the period"),
]
#: timeline_events(CHN, Q1): (held_on, event_type, title, area) by date then code.
Q1_EVENTS = [
    (date(2026, 1, 1), "campaign", "New year campaign", None),
    (date(2026, 2, 14), "pride", "Pride in North", "NO"),
    (date(2026, 2, 14), "surgery", "Drop-in surgery", "SO"),
    (date(2026, 3, 31), "forum", "Forum meeting", "SO"),
]


def build(session: Session) -> None:
    chn, dcy = Organisation(code="CHN", name="Channels Police"), Organisation(code="DCY", name="D")
    session.add_all([chn, dcy])
    session.flush()
    areas = {
        code: Area(organisation_id=chn.id, code=code, name=name, population=1000)
        for code, name in (("NO", "North"), ("SO", "South"))
    }
    decoy = Area(organisation_id=dcy.id, code="NO", name="Decoy North", population=1000)
    session.add_all([*areas.values(), decoy])
    session.flush()
    for month, area, channel, strand, count in VOLUMES:
        year, number = (int(x) for x in month.split("-"))
        session.add(
            ChannelVolume(
                organisation_id=chn.id,
                area_id=areas[area].id,
                month=date(year, number, 1),
                channel=channel,
                strand=strand,
                count=count,
            )
        )
    session.add(
        ChannelVolume(
            organisation_id=dcy.id,
            area_id=decoy.id,
            month=date(2026, 1, 1),
            channel="101",
            strand="homophobic",
            count=99,
        )
    )
    rows = [(chn.id, areas[a].id, *rest) for _log, a, *rest in REFERRALS]
    rows.append((dcy.id, decoy.id, "homophobic", "101", date(2026, 1, 5)))
    for n, (org, area, strand, channel, reported) in enumerate(rows):
        session.add(
            Referral(
                organisation_id=org,
                log_number=f"L{n}",
                area_id=area,
                strand=strand,
                incident_type="crime",
                channel=channel,
                reported_on=reported,
            )
        )
    events = [
        (chn.id, code, held, areas[a].id if a else None, kind, title)
        for code, held, a, kind, title in EVENTS
    ]
    events.append((dcy.id, "X1", date(2026, 2, 1), decoy.id, "campaign", "Decoy campaign"))
    for org, code, held, area, kind, title in events:
        session.add(
            CommunityEvent(
                organisation_id=org,
                code=code,
                held_on=held,
                area_id=area,
                event_type=kind,
                title=title,
            )
        )


@pytest.fixture(scope="module")
def channel_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("channels"), build)
    yield url
    drop()


@pytest.fixture
def session(channel_url):
    with session_on(channel_url) as db_session:
        yield db_session


def org(session: Session, code: str = "CHN") -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def test_monthly_volumes_q1_exact(session):
    frame = monthly_volumes(session, org(session), Q1)
    assert list(frame.columns) == ["month", "channel", "area", "strand", "count"]
    assert str(frame["count"].dtype) == "int64"
    assert records(frame) == Q1_VOLUMES
    assert frame["count"].sum() == 39
    assert frame.groupby("channel")["count"].sum().to_dict() == {
        "101": 19,
        "online": 12,
        "third_party": 7,
        "partner_referral": 1,
    }
    assert frame.groupby("month")["count"].sum().to_dict() == {
        "2026-01": 11,
        "2026-02": 13,
        "2026-03": 15,
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"area_code": "SO"}, [r for r in Q1_VOLUMES if r[2] == "SO"]),
        ({"strand": "homophobic"}, [r for r in Q1_VOLUMES if r[3] == "homophobic"]),
        ({"channel": "101"}, [r for r in Q1_VOLUMES if r[1] == "101"]),
        (
            {"area_code": "NO", "channel": "third_party"},
            [
                ("2026-01", "third_party", "NO", "transphobic", 3),
                ("2026-03", "third_party", "NO", "homophobic", 0),
            ],
        ),
        ({"area_code": "ZZ"}, []),  # an unknown area matches nothing
    ],
)
def test_monthly_volumes_filters(session, filters, expected):
    assert records(monthly_volumes(session, org(session), Q1, **filters)) == expected


def test_monthly_volumes_one_month_and_empty(session):
    assert [r[-1] for r in records(monthly_volumes(session, org(session), FEB))] == [8, 1, 4]
    empty = monthly_volumes(session, org(session), EMPTY)
    assert empty.empty and list(empty.columns) == ["month", "channel", "area", "strand", "count"]


def test_decoy_organisation_is_separate(session):
    assert records(monthly_volumes(session, org(session, "DCY"), Q1)) == [
        ("2026-01", "101", "NO", "homophobic", 99)
    ]
    assert records(referral_channels(session, org(session, "DCY"), Q1)) == [
        ("101", "NO", "homophobic", 1)
    ]
    assert [r[2] for r in records(timeline_events(session, org(session, "DCY"), Q1))] == [
        "Decoy campaign"
    ]


def test_referral_channels_q1_exact(session):
    frame = referral_channels(session, org(session), Q1)
    assert list(frame.columns) == ["channel", "area", "strand", "count"]
    assert str(frame["count"].dtype) == "int64"
    assert records(frame) == Q1_REFERRALS
    assert frame["count"].sum() == 6  # C01-C06; C07 and C08 fall outside


def test_referral_channels_filters(session):
    assert records(referral_channels(session, org(session), Q1, area_code="SO")) == [
        ("direct_to_lo", "SO", "homophobic", 1),
        ("third_party", "SO", "transphobic", 2),
    ]
    assert records(referral_channels(session, org(session), Q1, strand="homophobic")) == [
        ("101", "NO", "homophobic", 2),
        ("direct_to_lo", "SO", "homophobic", 1),
    ]


def test_timeline_events_q1_exact(session):
    frame = timeline_events(session, org(session), Q1)
    assert list(frame.columns) == ["held_on", "event_type", "title", "area"]
    assert records(frame) == Q1_EVENTS


@pytest.mark.parametrize("query", [monthly_volumes, referral_channels, timeline_events])
def test_unknown_organisation_is_refused(session, query):
    with pytest.raises(PermissionError):
        query(session, 987_654, Q1)
