"""Shared helpers for the demo generator: the per-organisation context, deterministic
randomness (one independent stream per theme) and date arithmetic relative to `today`."""

from __future__ import annotations

import math
import random
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dashboard.demo.profiles import Profile

DAY = timedelta(days=1)


@dataclass(frozen=True)
class AreaInfo:
    id: int
    code: str
    name: str
    population: int


@dataclass
class Ctx:
    """Everything a theme generator needs to know about the organisation it fills."""

    seed: int
    today: date
    org_id: int
    profile: Profile
    areas: dict[str, AreaInfo]

    @property
    def start(self) -> date:
        """First day of the three years of history that end on `today`."""
        return years_before(self.today, 3) + DAY

    @property
    def area_codes(self) -> list[str]:
        return list(self.areas)

    @property
    def area_weights(self) -> list[float]:
        return [a.population for a in self.areas.values()]

    def rng(self, theme: str) -> random.Random:
        """An independent, reproducible stream per organisation and theme."""
        return random.Random(f"{self.seed}:{self.profile.code}:{theme}")

    def pick_area(self, rng: random.Random) -> str:
        return rng.choices(self.area_codes, self.area_weights)[0]


def years_before(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    """The first day of the month `n` months after the month of `d`."""
    idx = d.year * 12 + d.month - 1 + n
    return date(idx // 12, idx % 12 + 1, 1)


def months_back(today: date, n: int) -> list[date]:
    """First days of the last `n` months, oldest first, ending with the current month."""
    first = month_start(today)
    return [add_months(first, -k) for k in range(n - 1, -1, -1)]


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (Monday=0) of a month, e.g. the second Saturday."""
    d = date(year, month, 1)
    d += timedelta(days=(weekday - d.weekday()) % 7)
    return d + timedelta(weeks=n - 1)


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute), tzinfo=UTC)


def pick(rng: random.Random, weighted: Sequence[tuple[object, float]]):
    """One value from (value, weight) pairs, in their fixed order."""
    values = [v for v, _ in weighted]
    return rng.choices(values, [w for _, w in weighted])[0]


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw from `rng` (Knuth for small means, normal approximation above 30)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    """A uniformly random date in [lo, hi] (hi if the range is empty)."""
    span = (hi - lo).days
    return hi if span <= 0 else lo + timedelta(days=rng.randint(0, span))


def score(rng: random.Random, mean: float, sd: float, lo: float, hi: float) -> float:
    return float(round(clamp(rng.gauss(mean, sd), lo, hi)))


def shift_months(d: date, n: int) -> date:
    """The same day `n` months later (clamped to the month's last day)."""
    first = add_months(d, n)
    return first.replace(day=min(d.day, monthrange(first.year, first.month)[1]))


def weekday_on_or_before(d: date) -> date:
    """`d`, or the Friday before it when it falls on a weekend."""
    return d - timedelta(days=d.weekday() - 4) if d.weekday() >= 5 else d
