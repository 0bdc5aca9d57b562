"""Referrals: one homophobic, biphobic or transphobic hate incident in the liaison scheme,
following the procedure's workflow (flagged by the daily check -> offer made or not ->
accepted/declined -> LO allocated -> LO contacts OIC -> LO contacts victim -> closed), with
deliberate data-quality gaps so completeness indicators have something to show."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, pick, poisson
from dashboard.demo.officers import Officer
from data_access.models import Referral

STRANDS = (("homophobic", 62), ("transphobic", 25), ("biphobic", 13))
CHANNELS = (
    ("999", 15),
    ("101", 30),
    ("online", 25),
    ("third_party", 8),
    ("in_person", 10),
    ("direct_to_lo", 5),
    ("partner_referral", 7),
)
SEASON = {
    1: 0.85,
    2: 0.9,
    3: 0.95,
    4: 0.95,
    5: 1.0,
    6: 1.3,
    7: 1.25,
    8: 1.05,
    9: 1.0,
    10: 1.1,
    11: 1.0,
    12: 0.8,
}
NOT_OFFERED = (
    ("closed_incorrectly", 30),
    ("already_supported", 30),
    ("uncontactable", 28),
    ("not_appropriate_other", 12),
)
VICTIM_SUPPORT = (("made", 75), ("already_made", 10), ("declined", 8), ("not_recorded", 7))
DEPLOYMENT = (("none", 97), ("immediate_on_duty", 2), ("immediate_off_duty", 1))
OCCURRED_LAG = tuple(enumerate((50, 18, 8, 6, 4, 3, 3, 2, 2, 2, 2)))  # days before report
FLAG_LAG = tuple(enumerate((28, 22, 15, 10, 8, 6, 4, 3, 2, 2), start=1))  # daily check
OFFER_LAG = ((0, 20), (1, 28), (2, 20), (3, 12), (4, 8), (5, 5))
ALLOCATE_LAG = ((0, 35), (1, 30), (2, 15), (3, 10), (4, 10))
VICTIM_LAG = ((0, 22), (1, 30), (2, 23), (3, 10), (4, 6), (5, 4), (6, 3), (7, 2))


def _outcome(rng: random.Random, strand: str, crime: bool) -> str:
    if not crime:
        return pick(rng, (("nfa", 88), ("victim_withdrew", 12)))
    charge = 5 if strand == "transphobic" else 9
    return pick(
        rng,
        (
            ("charge_summons", charge),
            ("out_of_court", 5),
            ("nfa", 57 - charge),
            ("victim_withdrew", 32),
            ("ongoing", 3),
        ),
    )


def _allocate(rng, ctx: Ctx, officers: list[Officer], area: str, d: date, internal: bool):
    """An available LO: staff LOs take only internal (staff) cases; prefer the same area."""
    free = [o for o in officers if o.available(d)]
    kinds = ("staff", "officer") if internal else ("officer",)
    for kind in kinds:
        pool = [o for o in free if o.officer_type == kind]
        if not pool:
            continue
        local = [o for o in pool if o.area == area]
        near = [o for o in pool if o.area in ctx.profile.neighbours[area]]
        if internal:
            return rng.choice(pool)
        if local and rng.random() < 0.75:
            return rng.choice(local)
        return rng.choice(near or local or pool)
    return None


def _referral(rng: random.Random, ctx: Ctx, officers: list[Officer], reported: date) -> dict:
    today = ctx.today
    area = ctx.pick_area(rng)
    strand = pick(rng, STRANDS)
    crime = rng.random() < 0.75
    internal = rng.random() < 0.04
    channel = (
        pick(rng, (("direct_to_lo", 60), ("in_person", 40))) if internal else pick(rng, CHANNELS)
    )
    deployment = pick(rng, DEPLOYMENT)
    r = {
        "organisation_id": ctx.org_id,
        "area_id": ctx.areas[area].id,
        "strand": strand,
        "also_race": rng.random() < 0.06,
        "also_disability": rng.random() < 0.05,
        "also_religion": rng.random() < 0.02,
        "incident_type": "crime" if crime else "non_crime",
        "channel": channel,
        "occurred_on": None
        if rng.random() < 0.01
        else reported - timedelta(days=pick(rng, OCCURRED_LAG)),
        "reported_on": reported,
        "flagged_on": None,
        "offer_status": "pending",
        "not_offered_reason": None,
        "offered_on": None,
        "offer_outcome": None,
        "allocated_officer_id": None,
        "allocated_on": None,
        "oic_contacted_on": None,
        "victim_contacted_on": None,
        "victim_support": pick(rng, VICTIM_SUPPORT),
        "specialist_signposting": False,
        "deployment": deployment,
        "internal_case": internal,
        "repeat_victim": rng.random() < 0.12,
        "outcome": "ongoing",
        "closed_on": None,
    }
    urgent = deployment != "none"
    offered = urgent or rng.random() < 0.84
    accepted = urgent or rng.random() < 0.6

    def after(d: date, table) -> date:
        return d if urgent else d + timedelta(days=pick(rng, table))

    flagged = after(reported, FLAG_LAG)
    tail = not urgent and rng.random() < 0.07  # offers that wait 10-20 days
    offer = flagged + timedelta(days=rng.randint(10, 20)) if tail else after(flagged, OFFER_LAG)
    allocated = after(offer, ALLOCATE_LAG)
    victim = (
        allocated + timedelta(days=rng.randint(0, 1)) if urgent else after(allocated, VICTIM_LAG)
    )
    oic = allocated + timedelta(days=rng.randint(0, min(3, (victim - allocated).days)))
    if rng.random() < 0.1:  # the OIC was reached only after the victim
        oic = allocated + timedelta(days=rng.randint(0, 3))
    lo = None
    if offered and accepted and allocated <= today:
        lo = _allocate(rng, ctx, officers, area, allocated, internal)
    steps = [flagged <= today]
    if offered:
        steps.append(steps[-1] and offer <= today)
    if offered and accepted:
        steps.append(steps[-1] and allocated <= today)
        if steps[-1] and lo is not None:  # no LO free: accepted, never allocated (capacity gap)
            steps += [oic <= today, victim <= today]
    done = [d for d, ok in zip((flagged, offer, allocated, oic, victim), steps, strict=False) if ok]
    complete = all(steps)
    if steps[0]:
        r["flagged_on"] = flagged
        if not offered:
            r["offer_status"], r["not_offered_reason"] = "not_offered", pick(rng, NOT_OFFERED)
    if offered and steps[1]:
        r["offer_status"], r["offered_on"] = "offered", offer
        r["offer_outcome"] = "accepted" if accepted else "declined"
    if lo is not None:
        r["allocated_officer_id"], r["allocated_on"] = lo.id, allocated
        r["oic_contacted_on"] = oic if steps[3] else None
        r["victim_contacted_on"] = victim if steps[4] else None
    r["specialist_signposting"] = rng.random() < (0.45 if r["allocated_on"] else 0.2)
    if not r["flagged_on"]:
        r["victim_support"] = pick(rng, (("not_recorded", 60), ("made", 40)))
    closing = reported + timedelta(days=rng.randint(20, 90))
    if done:
        closing = max(closing, max(done) + timedelta(days=rng.randint(3, 14)))
    if complete and closing <= today:
        r["outcome"] = _outcome(rng, strand, crime)
        r["closed_on"] = None if r["outcome"] == "ongoing" else closing
    # deliberate data-quality problems
    if r["flagged_on"] and r["offer_status"] != "pending" and rng.random() < 0.03:
        r["flagged_on"] = None
    if r["victim_contacted_on"] and rng.random() < 0.03:
        r["victim_contacted_on"] = None
    if r["closed_on"] and rng.random() < 0.025:
        r["outcome"] = None
    return r


def seed_referrals(session: Session, ctx: Ctx, officers: list[Officer]) -> int:
    """About `referrals_per_year` a year, growing slightly, with a bump around Pride."""
    rng = ctx.rng("referrals")
    per_day = ctx.profile.referrals_per_year / 365.25
    rows: list[dict] = []
    day, span = ctx.start, (ctx.today - ctx.start).days + 1
    for k in range(span):
        growth = 0.92 + 0.16 * k / span
        for _ in range(poisson(rng, per_day * growth * SEASON[day.month])):
            rows.append(_referral(rng, ctx, officers, day))
        day += timedelta(days=1)
    sequence: dict[int, int] = {}
    for r in rows:  # sparse, increasing log numbers per year, as a force's log would be
        year = r["reported_on"].year
        sequence[year] = sequence.get(year, rng.randint(100, 900)) + rng.randint(15, 140)
        r["log_number"] = f"{ctx.profile.code}-{year}-{sequence[year]:06d}"
    if rows:
        session.execute(insert(Referral), rows)
    return len(rows)
