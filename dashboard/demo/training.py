"""Training sessions and attendance, drawn from the persistent synthetic workforce roster so
that coverage against the workforce headcount means something: e-learning modules in
monthly cohorts, the annual refresher, classroom and blended courses in the areas, the
leadership briefing, the LO induction and the train-the-trainer cascade."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, months_back, score, shift_months
from dashboard.demo.courses import (
    E_LEARNING,
    SPECS,
    SessionKey,
    classroom,
    seed_courses,
    trainers_and_cascade,
)
from dashboard.demo.officers import Officer
from dashboard.demo.organisations import Person
from data_access.models import TrainingAttendance, TrainingSession
from data_access.training_status import refresh_person_status
from data_access.vocab import LEADERSHIP_RANKS

FRONTLINE = ("response", "neighbourhood", "custody", "control_room", "cid")
# chance that a person takes the awareness e-learning (calibrated: about two thirds of the
# headcount complete some awareness course over the three years)
ENGAGED = {
    "constable": 0.56,
    "sergeant": 0.64,
    "inspector": 0.7,
    "chief_inspector": 0.75,
    "superintendent": 0.75,
    "chief_officer": 0.75,
    "police_staff": 0.46,
    "pcso": 0.6,
}
Attend = Callable[..., None]


def _record(rng: random.Random, ctx: Ctx, person: Person, key: SessionKey, completed: bool):
    spec = SPECS[key.course]
    pre = score(rng, 55, 8, 40, 70)
    post = followup = due = None
    if completed:
        post = max(pre, score(rng, pre + 18, 6, 60, 95))
        if rng.random() < (0.1 if spec.mode == "online" else 0.3):
            followup = score(rng, post - 6, 4, pre, post)
        if spec.refresher_months:
            due = shift_months(key.held_on, spec.refresher_months)
    return {
        "organisation_id": ctx.org_id,
        "person_code": person.code,
        "rank": person.rank,
        "unit": person.unit,
        "area_id": ctx.areas[person.area].id,
        "completed": completed,
        "pre_score": pre,
        "post_score": post,
        "followup_score": followup,
        "refresher_due_on": due,
    }


def _e_learning(rng: random.Random, ctx: Ctx, roster: list[Person], attend: Attend) -> set[str]:
    """Four modules a few weeks apart; the annual refresher in a person's anniversary month.
    Returns the codes of the people who took the awareness e-learning."""
    engaged = set()
    months = months_back(ctx.today, 36)
    weights = [3 if i < 12 else 2 if i < 24 else 1 for i in range(len(months))]
    for p in roster:
        usable = [i for i, m in enumerate(months) if p.present(m)]
        if not usable:
            continue
        offset = rng.randint(0, 11)
        for i in range(offset, len(months), 12):
            if p.present(months[i]) and rng.random() < 0.9:
                attend(SessionKey(months[i], "REF", "", ""), p, rng.random() < 0.95)
        if rng.random() >= ENGAGED[p.rank]:
            continue
        engaged.add(p.code)
        if p.joined_on is not None and p.joined_on >= ctx.start:  # new starters: soon after
            i = usable[0] + rng.randint(0, 3)
        else:
            i = rng.choices(usable, [weights[j] for j in usable])[0]
        for course in E_LEARNING:
            if i not in usable or (course != "AW-1" and rng.random() > 0.93):
                break
            completed = rng.random() < 0.93
            attend(SessionKey(months[i], course, "", ""), p, completed)
            if not completed and rng.random() < 0.6:
                i += rng.randint(1, 3)
                if i not in usable:
                    break
                attend(SessionKey(months[i], course, "", ""), p, True)
            i += rng.randint(0, 2)
    return engaged


def _choose(rng, people, prob, sessions, attend: Attend, local: float = 1.0) -> None:
    """Each person, with probability `prob`, attends one session they could have attended
    (in their own area with probability `local`)."""
    for p in people:
        if rng.random() >= prob:
            continue
        options = [k for k in sessions if p.present(k.held_on)]
        own = [k for k in options if k.area == p.area]
        options = own if own and rng.random() < local else options if local < 1 else own
        if options:
            attend(rng.choice(options), p)


def _lo_induction(rng, ctx: Ctx, roster: list[Person], officers: list[Officer], attend) -> None:
    """Each LO inducted during the period, matched to a roster person of the right kind."""
    used: set[str] = set()
    for o in officers:
        if o.induction_on is None or o.induction_on - timedelta(days=1) < ctx.start:
            continue
        ranks = ("constable", "sergeant") if o.officer_type == "officer" else ("police_staff",)
        fits = [
            p
            for p in roster
            if p.rank in ranks
            and p.code not in used
            and p.present(o.induction_on)
            and p.left_on is None
        ]
        person = rng.choice([p for p in fits if p.area == o.area] or fits)
        used.add(person.code)
        held = o.induction_on - timedelta(days=1)
        attend(SessionKey(held, "LO-IND", ctx.profile.hq_area, ""), person, True)


def seed_training(
    session: Session, ctx: Ctx, roster: list[Person], officers: list[Officer]
) -> dict[str, int]:
    rng = ctx.rng("training")
    course_ids = seed_courses(session, ctx)
    plan: dict[SessionKey, dict[str, dict]] = {}

    def attend(key: SessionKey, person: Person, completed: bool | None = None) -> None:
        done = rng.random() < 0.95 if completed is None else completed
        plan.setdefault(key, {}).setdefault(person.code, _record(rng, ctx, person, key, done))

    engaged = _e_learning(rng, ctx, roster, attend)
    trained, cascade = trainers_and_cascade(rng, ctx, roster)
    for person, key in trained:
        attend(key, person, True)
    frontline = [p for p in roster if p.unit in FRONTLINE]
    _choose(rng, [p for p in frontline if p.code in engaged], 0.5, cascade, attend)
    _choose(rng, [p for p in frontline if p.code not in engaged], 0.1, cascade, attend)
    full = ctx.profile.full_engagement
    investigations = classroom(rng, ctx, "INV", 10 if full else 1)
    investigators = [
        p
        for p in roster
        if p.unit in FRONTLINE and p.rank in ("constable", "sergeant", "inspector")
    ]
    _choose(rng, investigators, 0.55, investigations, attend, local=0.8)
    briefings = classroom(rng, ctx, "LDR", 3 if full else 0.7, ctx.profile.hq_area)
    _choose(rng, [p for p in roster if p.rank in LEADERSHIP_RANKS], 0.55, briefings, attend, 0)
    _choose(rng, [p for p in roster if p.rank == "inspector"], 0.3, briefings, attend, 0)
    _lo_induction(rng, ctx, roster, officers, attend)

    keys = sorted(k for k, people in plan.items() if people)
    rows = [
        TrainingSession(
            organisation_id=ctx.org_id,
            code=f"TS-{n:04d}",
            course_id=course_ids[k.course],
            held_on=k.held_on,
            area_id=ctx.areas[k.area].id if k.area else None,
            lead_trainer_code=k.lead or None,
        )
        for n, k in enumerate(keys, start=1)
    ]
    session.add_all(rows)
    session.flush()
    attendance = [
        {**plan[k][code], "session_id": row.id}
        for k, row in zip(keys, rows, strict=True)
        for code in sorted(plan[k])
    ]
    session.execute(insert(TrainingAttendance), attendance)
    status = refresh_person_status(session, ctx.org_id)
    return {
        "training_course": len(course_ids),
        "training_session": len(rows),
        "training_attendance": len(attendance),
        "training_person_status": status,
    }
