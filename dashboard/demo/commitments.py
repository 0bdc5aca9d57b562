"""Leadership commitments mapped to the OAS ten key points, their change history (a
programme must survive a change of chief officer) and the community forum's own verdicts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, add_months, at, month_start, pick, rand_date
from dashboard.demo.register import ACC, COMMENTS, DCC, REGISTER
from data_access.models import Commitment, CommitmentHistory, CommunityReview


def seed_commitments(session: Session, ctx: Ctx) -> dict[str, int]:
    rng = ctx.rng("commitments")
    today, n = ctx.today, ctx.profile.commitments
    chosen = (
        REGISTER
        if n is None
        else [REGISTER[i] for i in sorted(rng.sample(range(len(REGISTER)), n))]
    )
    rows, plans = [], []
    for i, (key_point, text, owner, evidence) in enumerate(chosen, start=1):
        due = add_months(month_start(today), rng.randint(-24, 14)) - timedelta(days=1)
        if due < today:
            status = pick(rng, (("met", 55), ("missed", 20), ("in_progress", 25)))
        else:
            status = pick(rng, (("in_progress", 55), ("not_started", 25), ("met", 20)))
        rows.append(
            Commitment(
                organisation_id=ctx.org_id,
                code=f"C-{i:02d}",
                key_point=key_point,
                text=text,
                owner=DCC if owner == ACC else owner,
                due_on=due,
                status=status,
                evidence=evidence if status == "met" else None,
                is_public=rng.random() < 0.9,
            )
        )
        plans.append(owner == ACC)
    session.add_all(rows)
    session.flush()

    history, reviews = [], []
    for row, was_acc in zip(rows, plans, strict=True):

        def change(d, field, old, new, row=row):
            minute = rng.choice((0, 15, 30, 45))
            history.append(
                CommitmentHistory(
                    commitment_id=row.id,
                    changed_at=at(d, rng.randint(9, 16), minute),
                    changed_by="coordinator",
                    field=field,
                    old_value=old,
                    new_value=new,
                )
            )

        latest = min(today - timedelta(days=45), row.due_on - timedelta(days=30))
        started = rand_date(rng, ctx.start + timedelta(days=60), latest)
        if row.status != "not_started":
            change(started, "status", "not_started", "in_progress")
        if row.status == "met":
            change(
                rand_date(rng, started + timedelta(days=20), min(today, row.due_on)),
                "status",
                "in_progress",
                "met",
            )
        if row.status == "missed":
            change(
                min(today, row.due_on + timedelta(days=rng.randint(1, 30))),
                "status",
                "in_progress",
                "missed",
            )
        if was_acc or (row.owner == DCC and rng.random() < 0.5):  # the ACC left the force
            change(today - timedelta(days=300), "owner", ACC, row.owner)
        if row.status == "in_progress" and row.due_on > today and rng.random() < 0.3:
            change(
                rand_date(rng, started, today),
                "due_on",
                (row.due_on - timedelta(days=182)).isoformat(),
                row.due_on.isoformat(),
            )
        if rng.random() < 0.5:
            verdict = (
                pick(rng, (("agreed_met", 75), ("disputed", 25)))
                if row.status == "met"
                else pick(rng, (("not_yet", 80), ("disputed", 20)))
            )
            reviews.append(
                CommunityReview(
                    commitment_id=row.id,
                    reviewed_on=rand_date(rng, started, today),
                    forum=ctx.profile.forum,
                    verdict=verdict,
                    comment=rng.choice(COMMENTS[verdict]),
                )
            )
    history.sort(key=lambda h: (h.commitment_id, h.changed_at))
    session.add_all(history)
    session.add_all(reviews)
    session.flush()
    return {
        "commitment": len(rows),
        "commitment_history": len(history),
        "community_review": len(reviews),
    }
