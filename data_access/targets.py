"""KPI targets: each KPI's fixed direction and unit bounds, and the coordinator's saves of
targets (plain decimals only, periods of one KPI never overlapping)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import audit
from data_access.models import Target
from data_access.organisations import bump_data_version
from data_access.queries.common import check_org
from data_access.validation import Form


class TargetRule(NamedTuple):
    """How a KPI is judged: `direction` (better at_least / at_most), its unit, and the lowest
    and highest target a coordinator may set; `places` decimals allowed (0: whole numbers)."""

    direction: str
    unit: str  # days, percent, rate, count
    lowest: float
    highest: float
    places: int


DAYS = TargetRule("at_most", "days", 0, 365, 0)
PERCENT = TargetRule("at_least", "percent", 0, 100, 2)
KPI_TARGETS: dict[str, TargetRule] = {
    "offer_within_days": DAYS,
    "allocation_within_days": DAYS,
    "oic_contact_within_days": DAYS,
    "victim_contact_within_days": DAYS,
    **{
        kpi: PERCENT
        for kpi in (
            "victim_support_rate",
            "data_completeness",
            "lo_reviews_in_date",
            "lo_inductions_completed",
            "training_coverage",
            "leadership_trained",
            "third_party_share",
            "senior_officer_event_share",
        )
    },  # fmt: skip
    "lo_per_100k": TargetRule("at_least", "rate", 0, 1000, 2),
    "events_per_quarter": TargetRule("at_least", "count", 0, 10000, 0),
}
TARGET_KPIS = tuple(KPI_TARGETS)
PERCENT_KPIS = tuple(kpi for kpi, rule in KPI_TARGETS.items() if rule.unit == "percent")
_PLAIN = re.compile(r"(?P<whole>[0-9]{1,6})(?:\.(?P<part>[0-9]{1,6}))?", re.ASCII)


def parse_target_value(value: object, rule: TargetRule) -> tuple[float | None, tuple | None]:
    """A plain decimal (ASCII digits, at most `rule.places` decimals) within the rule's
    bounds, or (None, problem). Numbers given as int/float are read as written."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ("required", {})
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, ("not_a_number", {})
    text = value.strip() if isinstance(value, str) else repr(value)
    text = text.removesuffix(".0") if rule.places == 0 else text
    match = _PLAIN.fullmatch(text)
    if not match:
        return None, ("not_a_number", {})
    if match["part"] and len(match["part"]) > rule.places:
        return None, ("too_precise" if rule.places else "whole_number", {"places": rule.places})
    number = float(text)
    if not rule.lowest <= number <= rule.highest:
        bounds = {"lowest": rule.lowest, "highest": rule.highest, "unit": rule.unit}
        return None, ("out_of_range", bounds)
    return number, None


def _overlapping(session: Session, org_id: int, kpi: str, start: date, end: date | None):
    """The first other target of `kpi` whose period [start, end) meets [start, end); an
    open-ended period runs for ever."""
    stmt = select(Target).where(
        Target.organisation_id == org_id, Target.kpi == kpi, Target.period_start != start
    )
    for other in session.scalars(stmt.order_by(Target.period_start)):
        if (end is None or other.period_start < end) and (
            other.period_end is None or start < other.period_end
        ):
            return other
    return None


def _clean_target(session: Session, org_id: int, values: Mapping[str, object]) -> dict:
    form = Form(values)
    form.choice("kpi", TARGET_KPIS)
    rule = KPI_TARGETS.get(form.clean["kpi"] or "")
    if rule is not None:
        form.set_field("target_value", *parse_target_value(values.get("target_value"), rule))
        form.set_field("direction", rule.direction)
    form.day("period_start")
    form.day("period_end", required=False)
    start, end = form.clean["period_start"], form.clean["period_end"]
    if start and end and end <= start:
        form.errors["period_end"] = ("end_before_start", {})
    elif start and form.clean["kpi"] and "period_end" not in form.errors:
        other = _overlapping(session, org_id, form.clean["kpi"], start, end)
        if other is not None:
            until = other.period_end.isoformat() if other.period_end else None
            form.errors["period_start"] = (
                "target_overlap",
                {"start": other.period_start.isoformat(), "end": until},
            )
    return form.result()


def save_target(
    session: Session, org_id: int, username: str, values: Mapping[str, object]
) -> list[str]:
    """Add the KPI target starting on `period_start`, or update the one starting then (revision
    + 1); the direction is the KPI's own. Audited as target:<kpi>:<start>. Returns the fields
    set or changed; ValidationError (nothing written) when a value is refused."""
    check_org(session, org_id)
    clean = _clean_target(session, org_id, values)  # a "direction" given is ignored
    start = clean["period_start"]
    key = (Target.organisation_id == org_id, Target.kpi == clean["kpi"])
    target = session.scalar(select(Target).where(*key, Target.period_start == start))
    if target is None:
        target = Target(organisation_id=org_id, **clean)
        session.add(target)
        changes = {f: (None, v) for f, v in clean.items()}
    else:
        changes = {f: (getattr(target, f), v) for f, v in clean.items()}
        changes = {f: pair for f, pair in changes.items() if pair[0] != pair[1]}
        for field, (_old, new) in changes.items():
            setattr(target, field, new)
        target.revision += 1 if changes else 0
    if changes:
        detail = {f: {"old": _text(old), "new": _text(new)} for f, (old, new) in changes.items()}
        target_name = f"target:{clean['kpi']}:{start.isoformat()}"
        audit.record(session, "record_change", organisation_id=org_id, username=username,
                     target=target_name, detail=detail)  # fmt: skip
        bump_data_version(session, org_id)
        session.flush()
    return list(changes)


def _text(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None if value is None else str(value)
