"""'You said, we did' actions raised at forum meetings, and the KPI targets that the
accountability views measure against."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, pick, years_before
from dashboard.demo.engagement import forum_dates
from data_access.models import Action, Target

CCT, COMMS = "Head of Community Cohesion", "Head of Corporate Communications"
CONTACT, PSD = "Head of Contact Management", "Head of Professional Standards"
# (issue raised at the forum, owner, response once done)
ISSUES = (
    (
        "Few people know that the liaison officer scheme exists",
        COMMS,
        "Scheme promoted at Pride, on social media and with leaflets in community venues",
    ),
    (
        "The online reporting form does not mention third-party reporting",
        CONTACT,
        "Form updated with the third-party reporting centres and the liaison scheme",
    ),
    (
        "Trans people are not confident that officers will use the right name and pronouns",
        PSD,
        "Guidance issued to all staff; recording systems now hold a stated name",
    ),
    (
        "Victims were not told what happened to their report",
        CCT,
        "Victims' Code updates now checked at every liaison case review",
    ),
    (
        "More liaison officers are needed in the smaller areas",
        CCT,
        "Recruitment campaign run; new liaison officers booked on the induction course",
    ),
    (
        "Police at Pride felt like policing the event rather than joining it",
        "Deputy Chief Constable",
        "Officers and staff marched in the parade with the staff network",
    ),
    (
        "Young people face abuse online and do not report it",
        CCT,
        "College talks on online abuse and how to report it added to the programme",
    ),
    (
        "Older LGBT+ people in rural areas feel isolated",
        CCT,
        "Liaison officer surgeries now held in rural libraries",
    ),
    (
        "The forum wants to see outcomes by strand",
        "Head of Performance",
        "Outcomes by strand published on the public dashboard",
    ),
    (
        "Search procedures for trans detainees are unclear",
        "Head of Criminal Justice",
        "Search guidance agreed with partners and issued to custody staff",
    ),
    (
        "Call handlers do not always recognise a hate incident",
        CONTACT,
        "Control room staff trained; flagging checked in a monthly audit",
    ),
    (
        "The forum wants to review closed cases",
        CCT,
        "Scrutiny panel set up; it reviews a sample of closed, redacted cases each quarter",
    ),
    (
        "Staff network members report harassment at work",
        "Head of People and Culture",
        "Internal reporting route to liaison officers publicised to all staff",
    ),
    (
        "Transgender Day of Remembrance should be marked in more than one town",
        COMMS,
        "Vigils supported in two areas this year",
    ),
    (
        "Liaison officers are hard to reach out of hours",
        CCT,
        "Every victim now given a direct email address and phone number, with cover arrangements",
    ),
    (
        "Bisexual people feel invisible in campaigns",
        COMMS,
        "Bi visibility included in the campaign materials",
    ),
    (
        "Victim Support referrals are not always made",
        CCT,
        "Referral checked at every allocation and the rate reported each quarter",
    ),
    (
        "Publish complaints about homophobic or transphobic conduct by staff",
        PSD,
        "Quarterly figures presented to the forum",
    ),
    (
        "The investigation course should include trans victims' experiences",
        "Head of Learning and Development",
        "A trans-led organisation now co-delivers a module",
    ),
    (
        "Deaf LGBT+ people need a way to report by text or BSL video",
        CONTACT,
        "Text and BSL video reporting added to the reporting page",
    ),
)
# the theme each issue was raised under (themes as the events record them), in ISSUES order
ISSUE_THEMES = (
    "liaison scheme", "third-party reporting", "trans safety", "victim support",
    "recruitment", "visibility", "online abuse", "rural isolation", "data", "trans safety",
    "reporting", "accountability", "reporting", "remembrance", "liaison scheme",
    "visibility", "victim support", "accountability", "hate crime", "reporting",
)  # fmt: skip
TARGETS = (  # (KPI, default target, direction)
    ("offer_within_days", 5, "at_most"),
    ("allocation_within_days", 2, "at_most"),
    ("victim_contact_within_days", 2, "at_most"),
    ("victim_support_rate", 100, "at_least"),
    ("lo_reviews_in_date", 90, "at_least"),
    ("lo_inductions_completed", 100, "at_least"),
    ("training_coverage", 75, "at_least"),
    ("leadership_trained", 90, "at_least"),
    ("data_completeness", 95, "at_least"),
    ("lo_per_100k", 4, "at_least"),
    ("third_party_share", 10, "at_least"),
    ("senior_officer_event_share", 50, "at_least"),
    ("events_per_quarter", 8, "at_least"),
)


def seed_actions(session: Session, ctx: Ctx) -> int:
    rng = ctx.rng("actions")
    meetings = forum_dates(ctx)
    issues = ISSUES if ctx.profile.commitments is None else ISSUES[:3]
    drafts = sorted((rng.choice(meetings), i) for i in range(len(issues)))
    rows = []
    for n, (raised, i) in enumerate(drafts, start=1):
        issue, owner, response = issues[i]
        age = (ctx.today - raised).days
        if age > 270:
            status = pick(rng, (("done", 85), ("in_progress", 15)))
        elif age > 90:
            status = pick(rng, (("done", 40), ("in_progress", 45), ("open", 15)))
        else:
            status = pick(rng, (("open", 60), ("in_progress", 40)))
        rows.append(
            {
                "organisation_id": ctx.org_id,
                "code": f"A-{n:03d}",
                "raised_on": raised,
                "forum": ctx.profile.forum,
                "issue": issue,
                "theme": ISSUE_THEMES[i],
                "response": response if status == "done" else None,
                "owner": owner,
                "status": status,
                "due_on": raised + timedelta(days=rng.choice((60, 90, 120))),
                "is_public": rng.random() < 0.9,
            }
        )
    session.execute(insert(Action), rows)
    return len(rows)


def seed_targets(session: Session, ctx: Ctx) -> int:
    """One target per KPI from three years ago, open-ended."""
    wanted = ctx.profile.targets
    rows = [
        {
            "organisation_id": ctx.org_id,
            "kpi": kpi,
            "target_value": float(value),
            "direction": direction,
            "period_start": years_before(ctx.today, 3),
            "period_end": None,
        }
        for kpi, value, direction in TARGETS
        if wanted is None or kpi in wanted
    ]
    session.execute(insert(Target), rows)
    return len(rows)
