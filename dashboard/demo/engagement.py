"""Community engagement: a fixed calendar (Pride, quarterly forum meetings, the Transgender
Day of Remembrance vigil, awareness campaigns) plus surgeries, school and college talks and
outreach; and victim-satisfaction and community-confidence survey scores."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, clamp, nth_weekday, rand_date, weekday_on_or_before
from data_access.models import CommunityEvent, SurveyResponse

SAT, THU = 5, 3
PARTNERS = (
    "Local Youth Service (fictional)",
    "Safer Streets Partnership (fictional)",
    "Third-Party Reporting Centre (fictional)",
)
# event type: (title, attendance range, police range, P(senior officer), P(LO), themes)
KINDS = {
    "pride": (
        "Pride in {area}",
        (3000, 9000),
        (15, 40),
        0.9,
        0.95,
        ("reporting", "visibility", "recruitment", "trans safety"),
    ),
    "forum": (
        "{forum}: quarterly meeting",
        (12, 35),
        (2, 5),
        0.6,
        0.9,
        ("accountability", "reporting", "you said we did", "data"),
    ),
    "vigil": (
        "Transgender Day of Remembrance vigil",
        (30, 120),
        (3, 8),
        0.7,
        0.8,
        ("trans safety", "remembrance", "hate crime"),
    ),
    "campaign": (
        "{campaign}",
        (80, 600),
        (4, 12),
        0.6,
        0.6,
        ("reporting", "third-party reporting", "hate crime", "online abuse"),
    ),
    "surgery": (
        "Liaison officer drop-in surgery",
        (3, 15),
        (1, 2),
        0.15,
        1.0,
        ("reporting", "victim support", "liaison scheme"),
    ),
    "school_talk": (
        "College talk: hate crime and how to report it",
        (30, 200),
        (1, 3),
        0.3,
        0.5,
        ("schools", "online abuse", "reporting", "young people"),
    ),
    "outreach": (
        "Outreach stall: {venue}",
        (20, 150),
        (2, 5),
        0.4,
        0.5,
        ("reporting", "trans safety", "older people", "rural isolation", "recruitment"),
    ),
}
VENUES = (
    "community centre",
    "university freshers fair",
    "library",
    "trans support group",
    "market day",
    "older LGBT+ people's lunch club",
)


def forum_dates(ctx: Ctx) -> list[date]:
    """Forum meetings: the third Thursday of each quarter (twice a year for small forums)."""
    months = (1, 4, 7, 10) if ctx.profile.full_engagement else (4, 10)
    dates = [
        nth_weekday(y, m, THU, 3) for y in range(ctx.start.year, ctx.today.year + 1) for m in months
    ]
    return [d for d in dates if ctx.start <= d <= ctx.today]


def _calendar(rng: random.Random, ctx: Ctx) -> list[tuple[date, str, str, str]]:
    """(date, type, area code, title detail) for every event in the period."""
    p, events = ctx.profile, []
    for year in range(ctx.start.year, ctx.today.year + 1):
        events.append((nth_weekday(year, 7, SAT, 2), "pride", p.pride_area, ""))
        events.append((date(year, 11, 20), "vigil", p.pride_area, ""))
        if p.full_engagement:
            events.append(
                (
                    nth_weekday(year, 10, SAT, 2),
                    "campaign",
                    ctx.pick_area(rng),
                    "Hate Crime Awareness Week",
                )
            )
            events.append(
                (
                    date(year, 5, 17),
                    "campaign",
                    ctx.pick_area(rng),
                    "IDAHOBIT: International Day Against Homophobia, Biphobia and Transphobia",
                )
            )
            events.append(
                (
                    nth_weekday(year, 2, SAT, 1),
                    "campaign",
                    ctx.pick_area(rng),
                    "LGBT+ History Month",
                )
            )
    events += [(d, "forum", ctx.pick_area(rng), "") for d in forum_dates(ctx)]
    if p.full_engagement:
        for kind, per_year in (("surgery", 11), ("school_talk", 9), ("outreach", 10)):
            for _ in range(per_year * 3):
                held = rand_date(rng, ctx.start, ctx.today)
                if kind == "school_talk" and held.month == 8:  # no talks in the summer break
                    held -= timedelta(days=35)
                events.append(
                    (weekday_on_or_before(held), kind, ctx.pick_area(rng), rng.choice(VENUES))
                )
    return sorted(e for e in events if ctx.start <= e[0] <= ctx.today)


def seed_events(session: Session, ctx: Ctx) -> int:
    rng = ctx.rng("events")
    rows, per_year = [], {}
    partners = PARTNERS + tuple(dict.fromkeys(ctx.profile.providers.values()))
    for held, kind, area, detail in _calendar(rng, ctx):
        title, people, police, senior, lo, themes = KINDS[kind]
        per_year[held.year] = per_year.get(held.year, 0) + 1
        rows.append(
            {
                "organisation_id": ctx.org_id,
                "code": f"EV-{held.year}-{per_year[held.year]:03d}",
                "held_on": held,
                "area_id": ctx.areas[area].id,
                "event_type": kind,
                "title": title.format(
                    area=ctx.areas[area].name,
                    forum=ctx.profile.forum,
                    campaign=detail,
                    venue=detail,
                ),
                "partners": ", ".join(sorted(rng.sample(partners, rng.randint(1, 3))))
                if kind != "surgery"
                else None,
                "attendance": None if rng.random() < 0.05 else rng.randint(*people),
                "police_attending": rng.randint(*police),
                "senior_officer_present": rng.random() < senior,
                "lo_present": rng.random() < lo,
                "themes": ",".join(sorted(rng.sample(themes, rng.randint(1, min(3, len(themes)))))),
                "feedback_score": round(clamp(rng.gauss(4.0, 0.5), 1, 5), 1)
                if rng.random() < 0.5
                else None,
            }
        )
    session.execute(insert(CommunityEvent), rows)
    return len(rows)


def seed_surveys(session: Session, ctx: Ctx) -> int:
    """Scores 1-5 only; community confidence improves slowly over the three years."""
    rng = ctx.rng("surveys")
    span = (ctx.today - ctx.start).days
    drafts = []
    for _ in range(ctx.profile.surveys):
        responded = rand_date(rng, ctx.start, ctx.today)
        if rng.random() < 0.4:
            kind, mean = "victim_satisfaction", 3.7
        else:
            kind, mean = "community_confidence", 2.9 + 0.5 * (responded - ctx.start).days / span
        value = int(clamp(round(rng.gauss(mean, 1.0)), 1, 5))
        drafts.append((responded, kind, ctx.pick_area(rng), value))
    drafts.sort()
    rows = [
        {
            "organisation_id": ctx.org_id,
            "code": f"SR-{n:05d}",
            "area_id": ctx.areas[area].id,
            "responded_on": responded,
            "kind": kind,
            "score": value,
        }
        for n, (responded, kind, area, value) in enumerate(drafts, start=1)
    ]
    session.execute(insert(SurveyResponse), rows)
    return len(rows)
