"""LGB&T liaison officers: pseudonymous codes, recruitment over five years, the compulsory
2-day induction (quarterly cohorts), 6-monthly reviews, people on leave and leavers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, nth_weekday, pick, rand_date, years_before
from data_access.models import LiaisonOfficer

SURNAMES = ("Example", "Sample", "Placeholder", "Specimen", "Demo")


@dataclass(frozen=True)
class Officer:
    id: int
    code: str
    area: str
    officer_type: str
    recruited_on: date
    induction_on: date | None
    left_on: date | None
    leave_from: date | None  # start of the current leave (not stored, used for allocation)

    def available(self, d: date) -> bool:
        """Inducted, not yet left the role and not on leave on day `d`."""
        return (
            self.induction_on is not None
            and self.induction_on <= d
            and (self.left_on is None or d < self.left_on)
            and (self.leave_from is None or d < self.leave_from)
        )


def induction_cohorts(today: date) -> list[date]:
    """First days of the quarterly 2-day induction course (second Tuesday of the quarter)."""
    return [
        nth_weekday(year, month, 1, 2)
        for year in range(today.year - 6, today.year + 2)
        for month in (1, 4, 7, 10)
    ]


def _areas(ctx: Ctx, rng, n: int) -> list[str]:
    codes = ctx.area_codes
    each = 2 if n >= 2 * len(codes) else 1
    areas = [c for c in codes for _ in range(each)]
    areas += rng.choices(codes, ctx.area_weights, k=n - len(areas))
    rng.shuffle(areas)
    return areas


def _review(rng, today: date, induction: date | None, left: date | None) -> date | None:
    if induction is None:
        return None
    if left is not None:
        review = left - timedelta(days=rng.randint(20, 200))
    else:
        kind = pick(rng, (("in_date", 50), ("due_soon", 25), ("overdue", 20), ("never", 5)))
        if kind == "never":
            return None
        lo, hi = {"in_date": (5, 119), "due_soon": (120, 182), "overdue": (190, 420)}[kind]
        review = today - timedelta(days=rng.randint(lo, hi))
    return review if review >= induction else None


def seed_officers(session: Session, ctx: Ctx) -> list[Officer]:
    rng = ctx.rng("officers")
    today, n = ctx.today, ctx.profile.liaison_officers
    n_new = n // 12  # recruited in the last weeks, induction not yet done
    areas = _areas(ctx, rng, n)
    recruited = sorted(
        rand_date(rng, years_before(today, 5), today - timedelta(days=200))
        for _ in range(n - n_new)
    )
    recruited += sorted(today - timedelta(days=rng.randint(10, 70)) for _ in range(n_new))
    staff = set(rng.sample(range(n), round(n * 0.24)))
    settled = [i for i in range(n - n_new) if recruited[i] <= today - timedelta(days=365)]
    leavers = set(rng.sample(settled, rng.choice((3, 4)) if n >= 10 else 1))
    rest = [i for i in range(n - n_new) if i not in leavers]
    on_leave = set(rng.sample(rest, rng.choice((2, 3)) if n >= 10 else 0))
    cohorts = induction_cohorts(today)

    rows, infos = [], []
    for i in range(n):
        officer_type = "staff" if i in staff else "officer"
        induction = None
        if i < n - n_new:
            later = [c for c in cohorts if c >= recruited[i] + timedelta(days=10)]
            first = later[1] if rng.random() < 0.15 else later[0]  # some miss the first cohort
            induction = first + timedelta(days=1) if first + timedelta(days=1) <= today else None
        left = None
        if i in leavers:
            left = rand_date(rng, recruited[i] + timedelta(days=270), today - timedelta(days=20))
        leave_from = today - timedelta(days=rng.randint(14, 150)) if i in on_leave else None
        status = "left" if left else ("on_leave" if leave_from else "active")
        title = "Officer" if officer_type == "officer" else "Staff member"
        row = LiaisonOfficer(
            organisation_id=ctx.org_id,
            code=f"LO-{i + 1:03d}",
            display_name=f"{title} {chr(65 + i % 26)}. {SURNAMES[i % len(SURNAMES)]}",
            area_id=ctx.areas[areas[i]].id,
            officer_type=officer_type,
            status=status,
            recruited_on=recruited[i],
            induction_completed_on=induction,
            last_review_on=_review(rng, today, induction, left),
            left_on=left,
        )
        rows.append(row)
        infos.append((row, areas[i], leave_from))
    session.add_all(rows)
    session.flush()
    return [
        Officer(
            r.id,
            r.code,
            area,
            r.officer_type,
            r.recruited_on,
            r.induction_completed_on,
            r.left_on,
            leave,
        )
        for r, area, leave in infos
    ]
