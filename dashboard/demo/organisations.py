"""Organisations, their areas, the demo user accounts and the synthetic workforce."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from dashboard.demo.common import AreaInfo, Ctx, month_start, pick, rand_date, years_before
from dashboard.demo.profiles import Profile
from data_access.models import Area, Organisation, WorkforceCount
from data_access.users import create_user
from data_access.vocab import RANKS, UNITS


def ensure_empty(session: Session) -> None:
    """Refuse to seed a database that already holds an organisation."""
    existing = session.scalar(select(func.count()).select_from(Organisation)) or 0
    if existing:
        raise ValueError(
            f"database already has data ({existing} organisation(s)); seed an empty database"
        )


def create_organisation(session: Session, profile: Profile, seed: int, today: date) -> Ctx:
    """Insert one organisation with its areas and return the context its generators use."""
    org = Organisation(code=profile.code, name=profile.name, kind="force")
    session.add(org)
    session.flush()
    rows = [
        Area(organisation_id=org.id, code=a.code, name=a.name, population=a.population)
        for a in profile.areas
    ]
    session.add_all(rows)
    session.flush()
    areas = {a.code: AreaInfo(a.id, a.code, a.name, a.population) for a in rows}
    return Ctx(seed=seed, today=today, org_id=org.id, profile=profile, areas=areas)


def create_users(session: Session, profile: Profile, password: str) -> int:
    """One account per (username, role) of the profile, hashed by `data_access.users`."""
    for username, role in profile.users:
        create_user(session, username, password, role, profile.code)
    return len(profile.users)


# --- the synthetic workforce roster (persistent person codes) and its headcounts ----------

RANK_SHARES = (
    ("constable", 0.47),
    ("sergeant", 0.08),
    ("inspector", 0.025),
    ("chief_inspector", 0.008),
    ("superintendent", 0.0045),
    ("chief_officer", 0.0025),
    ("police_staff", 0.35),
    ("pcso", 0.06),
)
UNITS_BY_RANK = {
    "constable": (
        ("response", 45),
        ("neighbourhood", 22),
        ("cid", 16),
        ("custody", 5),
        ("support", 9),
        ("headquarters", 3),
    ),
    "sergeant": (
        ("response", 38),
        ("neighbourhood", 20),
        ("cid", 18),
        ("custody", 10),
        ("support", 8),
        ("headquarters", 6),
    ),
    "inspector": (
        ("response", 30),
        ("neighbourhood", 20),
        ("cid", 15),
        ("control_room", 10),
        ("custody", 5),
        ("support", 5),
        ("headquarters", 15),
    ),
    "chief_inspector": (("response", 20), ("neighbourhood", 25), ("cid", 20), ("headquarters", 35)),
    "superintendent": (("neighbourhood", 20), ("cid", 20), ("headquarters", 60)),
    "chief_officer": (("headquarters", 1),),
    "police_staff": (
        ("control_room", 30),
        ("headquarters", 35),
        ("custody", 8),
        ("support", 17),
        ("cid", 10),
    ),
    "pcso": (("neighbourhood", 1),),
}
CENTRAL_UNITS = ("headquarters", "control_room")


@dataclass(frozen=True)
class Person:
    code: str
    rank: str
    unit: str
    area: str
    joined_on: date | None  # None: in post before the history starts
    left_on: date | None

    def present(self, d: date) -> bool:
        return (self.joined_on is None or self.joined_on <= d) and (
            self.left_on is None or d < self.left_on
        )


def build_roster(ctx: Ctx) -> list[Person]:
    """Everyone who worked for the organisation during the three years: today's headcount,
    people who joined during the period, and leavers. Ranks follow fixed shares."""
    rng = ctx.rng("roster")
    scale = ctx.profile.headcount / 2000
    current = ctx.profile.headcount + round(rng.randint(-40, 40) * scale)
    ranks = [r for r, share in RANK_SHARES[1:] for _ in range(round(share * current))]
    ranks = ["constable"] * (current - len(ranks)) + ranks
    leavers = round(current * 0.075 * 3)
    ranks += rng.choices([r for r, _ in RANK_SHARES], [s for _, s in RANK_SHARES], k=leavers)
    draft = []
    for i, rank in enumerate(ranks):
        unit = pick(rng, UNITS_BY_RANK[rank])
        central = unit in CENTRAL_UNITS or rank == "chief_officer"
        area = ctx.profile.hq_area if central else ctx.pick_area(rng)
        joined = rand_date(rng, ctx.start, ctx.today) if rng.random() < 0.24 else None
        left = None
        if i >= current:
            left = rand_date(rng, (joined or ctx.start) + timedelta(days=60), ctx.today)
        draft.append((rank, unit, area, joined, left))
    rng.shuffle(draft)
    return [Person(f"P-{i:05d}", *fields) for i, fields in enumerate(draft, start=1)]


def seed_workforce(session: Session, ctx: Ctx, roster: list[Person]) -> int:
    """Headcount by area, unit and rank on the first day of this month and a year earlier."""
    as_of = month_start(ctx.today)
    rows = []
    for snapshot in (years_before(as_of, 1), as_of):
        counts = Counter((p.area, p.unit, p.rank) for p in roster if p.present(snapshot))
        for area in ctx.area_codes:
            for unit in UNITS:
                for rank in RANKS:
                    if n := counts.get((area, unit, rank)):
                        rows.append(
                            {
                                "organisation_id": ctx.org_id,
                                "area_id": ctx.areas[area].id,
                                "unit": unit,
                                "rank": rank,
                                "as_of": snapshot,
                                "headcount": n,
                            }
                        )
    session.execute(insert(WorkforceCount), rows)
    return len(rows)
