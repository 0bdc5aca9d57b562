"""The training catalogue (every course kind, delivered by the police, a civil-society
organisation or jointly) and the calendar of classroom sessions, including the
train-the-trainer courses and the cascade sessions their trainers go on to deliver."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, rand_date, weekday_on_or_before
from dashboard.demo.organisations import Person
from data_access.models import TrainingCourse

IN_HOUSE = "Learning and Development (in-house)"


@dataclass(frozen=True)
class CourseSpec:
    code: str
    title: str
    kind: str
    mode: str
    delivered_by: str
    provider: str  # "in_house" or a key of Profile.providers
    hours: float
    refresher_months: int | None


COURSES = (
    CourseSpec(
        "LO-IND",
        "LGB&T Liaison Officer induction (2 days)",
        "lo_induction",
        "on_site",
        "joint",
        "charity",
        14.0,
        None,
    ),
    CourseSpec(
        "AW-1",
        "LGBT+ awareness e-learning 1: identities and language",
        "awareness",
        "online",
        "police",
        "in_house",
        1.0,
        36,
    ),
    CourseSpec(
        "AW-2",
        "LGBT+ awareness e-learning 2: recognising and recording hate incidents",
        "awareness",
        "online",
        "police",
        "in_house",
        1.0,
        36,
    ),
    CourseSpec(
        "AW-3",
        "LGBT+ awareness e-learning 3: trans and non-binary people",
        "awareness",
        "online",
        "civil_society",
        "trans",
        1.0,
        36,
    ),
    CourseSpec(
        "AW-4",
        "LGBT+ awareness e-learning 4: third-party reporting and the LO scheme",
        "awareness",
        "online",
        "police",
        "in_house",
        0.75,
        36,
    ),
    CourseSpec(
        "AW-CL",
        "LGBT+ awareness classroom session (trainer cascade)",
        "awareness",
        "on_site",
        "police",
        "in_house",
        3.5,
        36,
    ),
    CourseSpec(
        "INV",
        "Investigating homophobic, biphobic and transphobic hate crime",
        "investigation",
        "blended",
        "joint",
        "advocacy",
        7.0,
        24,
    ),
    CourseSpec(
        "TTT",
        "Train the trainer: LGBT+ inclusive policing",
        "train_the_trainer",
        "on_site",
        "joint",
        "charity",
        21.0,
        None,
    ),
    CourseSpec(
        "LDR",
        "Leadership briefing: trust and confidence of LGBT+ communities",
        "leadership_briefing",
        "on_site",
        "civil_society",
        "charity",
        3.0,
        24,
    ),
    CourseSpec(
        "REF",
        "Annual hate crime and LGBT+ awareness refresher",
        "refresher",
        "online",
        "police",
        "in_house",
        0.5,
        12,
    ),
)
SPECS = {c.code: c for c in COURSES}
E_LEARNING = ("AW-1", "AW-2", "AW-3", "AW-4")


@dataclass(frozen=True, order=True)
class SessionKey:
    held_on: date
    course: str
    area: str  # "" for force-wide (online) sessions
    lead: str  # lead trainer's person code, "" if none


def seed_courses(session: Session, ctx: Ctx) -> dict[str, int]:
    rows = [
        TrainingCourse(
            organisation_id=ctx.org_id,
            code=c.code,
            title=c.title,
            kind=c.kind,
            mode=c.mode,
            delivered_by=c.delivered_by,
            provider=IN_HOUSE if c.provider == "in_house" else ctx.profile.providers[c.provider],
            duration_hours=c.hours,
            refresher_months=c.refresher_months,
        )
        for c in COURSES
    ]
    session.add_all(rows)
    session.flush()
    return {r.code: r.id for r in rows}


def classroom(
    rng: random.Random, ctx: Ctx, course: str, per_year: float, area: str | None = None
) -> list[SessionKey]:
    """Sessions of a course on random weekdays over the three years, in weighted areas."""
    count = max(1, round(per_year * 3))
    keys = set()
    for _ in range(count):
        held = weekday_on_or_before(rand_date(rng, ctx.start + timedelta(days=3), ctx.today))
        keys.add(SessionKey(held, course, area or ctx.pick_area(rng), ""))
    return sorted(keys)


def trainers_and_cascade(rng: random.Random, ctx: Ctx, roster: list[Person]):
    """Train-the-trainer sessions, the people trained as trainers, and the cascade sessions
    each trainer delivered afterwards in their own area (`lead` = the trainer's code)."""
    n = ctx.profile.trainers
    stable = [
        p
        for p in roster
        if p.joined_on is None
        and p.left_on is None
        and p.rank in ("constable", "sergeant", "inspector", "police_staff")
    ]
    chosen = sorted(rng.sample(stable, n), key=lambda p: p.code)
    firsts = [ctx.start + timedelta(days=rng.randint(100, 160))]
    if n > 6:
        firsts.append(ctx.start + timedelta(days=rng.randint(420, 500)))
    ttt = [SessionKey(weekday_on_or_before(d), "TTT", ctx.profile.hq_area, "") for d in firsts]
    trained: list[tuple[Person, SessionKey]] = [
        (p, ttt[i * len(ttt) // n]) for i, p in enumerate(chosen)
    ]
    cascade = set()
    for person, key in trained:
        for _ in range(rng.randint(2, 4)):
            held = rand_date(rng, key.held_on + timedelta(days=30), ctx.today)
            cascade.add(SessionKey(weekday_on_or_before(held), "AW-CL", person.area, person.code))
    return trained, sorted(cascade)
