"""The demo-data generator: deterministic, plausible, internally consistent, two organisations."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dashboard.demo import DEMO_ORG_CODE, DEMO_USERS, OTHER_ORG_CODE, seed_demo
from data_access.db import make_engine
from data_access.models import (
    Area,
    Base,
    ChannelVolume,
    Commitment,
    CommitmentHistory,
    CommunityEvent,
    LiaisonOfficer,
    Organisation,
    Referral,
    Target,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    User,
    WorkforceCount,
)
from data_access.vocab import KEY_POINTS, LEADERSHIP_RANKS

TODAY = date(2026, 11, 26)
VOLATILE = {"created_at", "updated_at", "password_hash"}
STAGES = ("occurred_on", "reported_on", "flagged_on", "offered_on", "allocated_on")
CONTACTS = ("oic_contacted_on", "victim_contacted_on")


def _seeded(seed: int, today: date | None) -> tuple[Engine, dict[str, int]]:
    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        counts = seed_demo(session, seed=seed, password="test-password-123", today=today)
        session.commit()
    return engine, counts


@pytest.fixture(scope="module")
def seeded() -> tuple[Engine, dict[str, int]]:
    return _seeded(42, TODAY)


@pytest.fixture(scope="module")
def engine(seeded) -> Engine:
    return seeded[0]


@pytest.fixture(scope="module")
def other_seed_default_today() -> Engine:
    return _seeded(7, None)[0]


def _dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows in primary-key order, without timestamps and password hashes."""
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*cols).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def _org_id(session: Session, code: str) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


def test_same_seed_and_today_give_identical_rows(engine, other_seed_default_today):
    first = _dump(engine)
    again = _dump(_seeded(42, TODAY)[0])
    assert first == again
    assert sum(len(rows) for rows in first.values()) > 20_000
    other = _dump(other_seed_default_today)
    assert other["referral"] != first["referral"]
    assert other["training_attendance"] != first["training_attendance"]


def test_counts_match_the_database(seeded):
    engine, counts = seeded
    with Session(engine) as session:
        assert counts["referral"] == session.scalar(select(func.count()).select_from(Referral))
    assert counts["organisation"] == 2
    assert counts["user_account"] == len(DEMO_USERS) + 2
    assert counts["channel_volume"] >= 36 * 5 * 7 * 3


def test_plausible_volumes_and_mix(engine):
    with Session(engine) as session:
        org = _org_id(session, DEMO_ORG_CODE)
        refs = session.scalars(select(Referral).where(Referral.organisation_id == org)).all()
        assert 1300 <= len(refs) <= 1700
        los = session.scalar(select(func.count()).where(LiaisonOfficer.organisation_id == org))
        assert 20 <= los <= 30
        as_of = session.scalar(select(func.max(WorkforceCount.as_of)))
        assert as_of == date(2026, 11, 1)
        headcount = session.scalar(
            select(func.sum(WorkforceCount.headcount)).where(
                WorkforceCount.organisation_id == org, WorkforceCount.as_of == as_of
            )
        )
        assert 1800 <= headcount <= 2200
        points = set(
            session.scalars(select(Commitment.key_point).where(Commitment.organisation_id == org))
        )
        assert points == set(KEY_POINTS)
        areas = session.scalars(select(Area).where(Area.organisation_id == org)).all()
        assert len(areas) == 5 and all(a.population > 0 for a in areas)
        assert {a.code for a in areas} == {"BG", "CA", "MO", "NE", "TO"}

        def share(pred) -> float:
            return sum(map(pred, refs)) / len(refs)

        assert 0.18 <= share(lambda r: r.strand == "transphobic") <= 0.32
        assert 0.50 <= share(lambda r: r.strand == "homophobic") <= 0.72
        assert 0.68 <= share(lambda r: r.incident_type == "crime") <= 0.82
        assert 0.70 <= share(lambda r: r.offer_status == "offered") <= 0.90
        assert 0.10 <= share(lambda r: r.offer_status == "not_offered") <= 0.22
        assert 0.04 <= share(lambda r: r.channel == "third_party") <= 0.13
        # deliberate data-quality gaps, so completeness indicators have something to show
        assert share(lambda r: r.flagged_on is None) > 0.01
        assert any(r.closed_on and r.outcome is None for r in refs)
        assert any(r.allocated_on and r.victim_contacted_on is None for r in refs)
        assert len({r.log_number for r in refs}) == len(refs)

        # training coverage against the workforce is meaningful
        aware = session.scalar(
            select(func.count(func.distinct(TrainingAttendance.person_code)))
            .join(TrainingSession)
            .join(TrainingCourse)
            .where(
                TrainingAttendance.organisation_id == org,
                TrainingAttendance.completed,
                TrainingCourse.kind == "awareness",
            )
        )
        assert 0.55 <= aware / headcount <= 0.80
        leaders = session.scalar(
            select(func.count(func.distinct(TrainingAttendance.person_code))).where(
                TrainingAttendance.organisation_id == org,
                TrainingAttendance.rank.in_(LEADERSHIP_RANKS),
            )
        )
        assert leaders > 10
        cascade = session.scalar(
            select(func.count()).where(
                TrainingSession.organisation_id == org,
                TrainingSession.lead_trainer_code.is_not(None),
            )
        )
        assert cascade >= 20


def _check_dates(engine: Engine, today: date) -> None:
    with Session(engine) as session:
        for r in session.scalars(select(Referral)):
            chain = [getattr(r, s) for s in STAGES]
            present = [d for d in chain if d is not None]
            assert present == sorted(present), r.log_number
            last = present[-1]
            for contact in CONTACTS:
                if (d := getattr(r, contact)) is not None:
                    assert r.allocated_on is not None and r.allocated_on <= d, r.log_number
                    last = max(last, d)
            if r.closed_on is not None:
                assert last <= r.closed_on, r.log_number
                last = r.closed_on
            assert last <= today, r.log_number
        for model, column in (
            (CommunityEvent, CommunityEvent.held_on),
            (TrainingSession, TrainingSession.held_on),
            (ChannelVolume, ChannelVolume.month),
            (WorkforceCount, WorkforceCount.as_of),
            (LiaisonOfficer, LiaisonOfficer.recruited_on),
            (LiaisonOfficer, LiaisonOfficer.induction_completed_on),
            (LiaisonOfficer, LiaisonOfficer.last_review_on),
            (LiaisonOfficer, LiaisonOfficer.left_on),
            (Target, Target.period_start),
        ):
            assert session.scalar(select(func.max(column))) <= today, (model, column)
        for lo in session.scalars(select(LiaisonOfficer)):
            assert lo.induction_completed_on is None or lo.recruited_on < lo.induction_completed_on
            assert (lo.status == "left") == (lo.left_on is not None)


def test_stage_dates_never_go_backwards_or_pass_today(engine, other_seed_default_today):
    _check_dates(engine, TODAY)
    _check_dates(other_seed_default_today, date.today())


def test_both_organisations_have_rows_and_references_stay_inside_them(engine):
    with Session(engine) as session:
        orgs = {code: _org_id(session, code) for code in (DEMO_ORG_CODE, OTHER_ORG_CODE)}
        for model in (Referral, LiaisonOfficer, CommunityEvent, Commitment, Target, User):
            for code, org in orgs.items():
                n = session.scalar(select(func.count()).where(model.organisation_id == org))
                assert n > 0, (model.__tablename__, code)
        users = {u.username: u for u in session.scalars(select(User))}
        for name in DEMO_USERS:
            assert users[name].role == name and users[name].organisation_id == orgs["DVP"]
        assert users["nsc_leadership"].role == "leadership"
        assert users["nsc_partner"].organisation_id == orgs["NSC"]
        nsc_refs = session.scalar(
            select(func.count()).where(Referral.organisation_id == orgs["NSC"])
        )
        assert 15 <= nsc_refs <= 80
        leaks = (
            select(func.count())
            .select_from(Referral)
            .join(LiaisonOfficer, Referral.allocated_officer_id == LiaisonOfficer.id)
            .where(LiaisonOfficer.organisation_id != Referral.organisation_id),
            select(func.count())
            .select_from(Referral)
            .join(Area)
            .where(Area.organisation_id != Referral.organisation_id),
            select(func.count())
            .select_from(TrainingAttendance)
            .join(TrainingSession)
            .where(TrainingSession.organisation_id != TrainingAttendance.organisation_id),
        )
        for query in leaks:
            assert session.scalar(query) == 0


def test_seeding_a_database_with_data_raises(engine):
    with Session(engine) as session:
        with pytest.raises(ValueError, match="already has data"):
            seed_demo(session, today=TODAY)
        session.rollback()
        assert session.scalar(select(func.count()).select_from(Organisation)) == 2


def test_history_timestamps_are_fixed_by_today(engine):
    with Session(engine) as session:
        stamps = session.scalars(select(CommitmentHistory.changed_at)).all()
    assert stamps and all(s.replace(tzinfo=None) <= datetime(2026, 11, 27) for s in stamps)
