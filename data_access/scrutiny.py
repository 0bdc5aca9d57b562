"""The community scrutiny panel: a reproducible random sample of a quarter's closed referrals
(seed recorded, stratified by strand, internal staff cases never drawn) and the panel's
finding per case; a finding can raise an action in the "you said, we did" log."""

from __future__ import annotations

import random
import secrets
from datetime import date

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access import audit, engagement_records
from data_access.models import Action, Area, Referral, ScrutinyCase, ScrutinySample
from data_access.models.scrutiny import FINDINGS
from data_access.queries.common import Period, check_org, frame
from data_access.validation import Form, NotFound, ValidationError
from data_access.vocab import STRANDS

MAX_CASES = 12
FORUM = "Community scrutiny panel"
FINDING_WORDS = {"notable_practice": "notable practice", "improvement_needed": "improvement needed"}


def eligible(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Referrals closed in the period, internal staff cases left out: columns id, log_number,
    strand, by log number."""
    check_org(session, org_id)
    stmt = (
        select(Referral.id, Referral.log_number, Referral.strand)
        .where(
            Referral.organisation_id == org_id,
            Referral.internal_case.is_(False),
            Referral.closed_on >= period.start,
            Referral.closed_on < period.end,
        )
        .order_by(Referral.log_number, Referral.id)
    )
    return frame(session, stmt, ["id", "log_number", "strand"])


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Cases per stratum: proportional to its size (largest remainder), every non-empty
    stratum at least one while n allows, never more than the stratum holds."""
    total = sum(sizes.values())
    n = min(n, total)
    if n == 0:
        return dict.fromkeys(sizes, 0)
    counts = {s: n * size // total for s, size in sizes.items()}
    rest = {s: n * size % total for s, size in sizes.items()}  # exact: ties go to the larger
    for s in sorted(sizes, key=lambda s: (-rest[s], -sizes[s], s)):
        if sum(counts.values()) < n:
            counts[s] += 1
    for s in sizes:  # a small stratum takes one from the largest when it would get none
        largest = max(counts, key=lambda k: (counts[k], k))
        if sizes[s] and not counts[s] and counts[largest] > 1:
            counts[s], counts[largest] = 1, counts[largest] - 1
    return counts


def draw(cases: pd.DataFrame, n: int, seed: int) -> list[int]:
    """Referral ids drawn with `random.Random(seed)`, stratum by stratum in STRANDS order."""
    rng = random.Random(seed)
    strata = {s: sorted(cases.loc[cases["strand"] == s, "id"].tolist()) for s in STRANDS}
    wanted = allocate({s: len(ids) for s, ids in strata.items()}, n)
    return sorted(i for s in STRANDS for i in rng.sample(strata[s], wanted[s]))


def draw_sample(
    session: Session,
    org_id: int,
    username: str,
    quarter: str,
    period: Period,
    today: date,
    n: int = MAX_CASES,
    seed: int | None = None,
) -> ScrutinySample:
    """Draw and record the quarter's sample (once per quarter); ValidationError otherwise."""
    check_org(session, org_id)
    if not 1 <= n <= MAX_CASES:
        raise ValidationError({"size": ("size_range", {"most": MAX_CASES})})
    if find_sample(session, org_id, quarter) is not None:
        raise ValidationError({"quarter": ("already_drawn", {})})
    seed = secrets.randbelow(2**31) if seed is None else seed
    ids = draw(eligible(session, org_id, period), n, seed)
    if not ids:
        raise ValidationError({"quarter": ("no_cases", {})})
    sample = ScrutinySample(organisation_id=org_id, quarter=quarter, seed=seed, size=len(ids),
                            drawn_on=today, drawn_by=username)  # fmt: skip
    session.add(sample)
    session.flush()
    session.add_all(ScrutinyCase(sample_id=sample.id, referral_id=i) for i in ids)
    audit.record(session, "record_change", organisation_id=org_id, username=username,
                 target=f"scrutiny_sample:{quarter}",
                 detail={"seed": seed, "size": len(ids), "requested": n})  # fmt: skip
    session.flush()
    return sample


def find_sample(session: Session, org_id: int, quarter: str) -> ScrutinySample | None:
    return session.scalar(select(ScrutinySample).where(
        ScrutinySample.organisation_id == org_id, ScrutinySample.quarter == quarter))  # fmt: skip


def sample_cases(session: Session, org_id: int, quarter: str) -> pd.DataFrame:
    """The quarter's drawn cases: columns case, log_number, strand, area, outcome, closed_on,
    finding, theme, action (code), by log number; empty when nothing was drawn."""
    check_org(session, org_id)
    stmt = (
        select(ScrutinyCase.id, Referral.log_number, Referral.strand, Area.code,
               Referral.outcome, Referral.closed_on, ScrutinyCase.finding, ScrutinyCase.theme,
               Action.code)
        .join(ScrutinySample, ScrutinySample.id == ScrutinyCase.sample_id)
        .join(Referral, Referral.id == ScrutinyCase.referral_id)
        .join(Area, Area.id == Referral.area_id)
        .outerjoin(Action, Action.id == ScrutinyCase.action_id)
        .where(ScrutinySample.organisation_id == org_id, ScrutinySample.quarter == quarter)
        .order_by(Referral.log_number)
    )  # fmt: skip
    columns = ["case", "log_number", "strand", "area", "outcome", "closed_on", "finding",
               "theme", "action"]  # fmt: skip
    return frame(session, stmt, columns)


def record_finding(session: Session, org_id: int, username: str, case_id: object,
                   values: dict, today: date) -> str | None:  # fmt: skip
    """Save the panel's finding and theme on one case; with `raise_action`, open an action in
    the actions log (not public). Returns the action's code, if one was raised."""
    case = session.scalar(
        select(ScrutinyCase).join(ScrutinySample, ScrutinySample.id == ScrutinyCase.sample_id)
        .where(ScrutinySample.organisation_id == org_id, ScrutinyCase.id == case_id)
    )  # fmt: skip
    if case is None:
        raise NotFound({"case": ("not_found", {})})
    form = Form(values)
    form.choice("finding", FINDINGS)
    form.text("theme", 80)
    clean = form.result()
    changes = {f: (getattr(case, f), v) for f, v in clean.items() if getattr(case, f) != v}
    case.finding, case.theme = clean["finding"], clean["theme"]
    code = None
    if values.get("raise_action") and case.action_id is None:
        sample = session.get(ScrutinySample, case.sample_id)
        # the case number, not the log number: the actions log holds no incident references
        issue = (f"Scrutiny panel {sample.quarter}, case {case.id}: "
                 f"{FINDING_WORDS[clean['finding']]} ({clean['theme']})")  # fmt: skip
        code, _changed = engagement_records.save_action(session, org_id, username, {
            "raised_on": today.isoformat(), "forum": FORUM, "issue": issue,
            "theme": clean["theme"], "owner": "Community Cohesion Team", "status": "open",
            "due_on": "", "response": "", "is_public": False}, today)  # fmt: skip
        case.action_id = session.scalar(select(Action.id).where(
            Action.organisation_id == org_id, Action.code == code))  # fmt: skip
        changes["action"] = (None, code)
    if changes:
        detail = {f: {"old": o, "new": n} for f, (o, n) in changes.items()}
        audit.record(session, "record_change", organisation_id=org_id, username=username,
                     target=f"scrutiny_case:{case.id}", detail=detail)  # fmt: skip
    session.flush()
    return code
