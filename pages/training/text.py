"""Words of the training page: section titles, captions, column names and course names."""

from __future__ import annotations

from dashboard.i18n import N_, _

INTRO = N_(
    "Who has been trained, where and by whom, against the workforce at the end of the period; "
    "the train-the-trainer cascade; refreshers due; and what the assessments say about effect."
)

SECTIONS = {
    "courses": N_("Coverage by course"),
    "areas": N_("Coverage by area"),
    "ranks": N_("Coverage by rank or grade"),
    "leaders": N_("Leadership ranks"),
    "units": N_("Coverage by unit"),
    "delivery": N_("Delivery: mode and who delivered it"),
    "partners": N_("Civil-society partners credited"),
    "cascade": N_("Train-the-trainer cascade"),
    "refreshers": N_("Refreshers overdue and due in the next 90 days"),
    "scores": N_("Assessment and follow-up: the effect of training"),
}

CAPTIONS = {
    "courses": N_(
        "Share of the workforce trained in each course by %(on)s: people who completed it on a "
        "session held before then, each counted once, against the headcount of its audience "
        "in the latest workforce snapshot. Targets are the scorecard's."
    ),
    "areas": N_(
        "%(course)s: people trained by %(on)s in each area (the area of their latest "
        "completion) against the area's headcount."
    ),
    "ranks": N_("%(course)s by rank or grade (rank at the latest completion), by %(on)s."),
    "leaders": N_(
        "Leadership ranks (chief inspector and above), shown apart: %(course)s by %(on)s."
    ),
    "units": N_("%(course)s by unit, by %(on)s."),
    "delivery": N_(
        "Courses delivered in the period: sessions held and people who completed them, by "
        "delivery mode and by who delivered them (police, civil-society organisation, joint)."
    ),
    "partners": N_(
        "Civil-society organisations that delivered or co-delivered courses in the period, and "
        "the people who completed their sessions."
    ),
    "refreshers": N_(
        "People whose refresher for a course was due before %(today)s (overdue) or falls due "
        "in the next 90 days, from each person's latest completion, by course and area."
    ),
    "scores": N_(
        "Completed sessions in the period with a score before and after (n), the mean scores "
        "(0-100) and the mean change; follow-up evaluation some months later. No mean is shown "
        "for fewer than %(min)s people."
    ),
}

EMPTY = {
    "courses": N_("No workforce headcount or training records by the end of this period."),
    "areas": N_("No headcount or people trained in this course by the end of the period."),
    "ranks": N_("No headcount or people trained in this course by the end of the period."),
    "leaders": N_("No leadership ranks in the workforce or among the people trained."),
    "units": N_("No headcount or people trained in this course by the end of the period."),
    "delivery": N_("No training sessions in this period."),
    "partners": N_("No course delivered with a civil-society organisation in this period."),
    "cascade": N_("No session led by a trained trainer in this period."),
    "refreshers": N_("No refresher overdue or due in the next 90 days."),
    "scores": N_("No assessment scores recorded in this period."),
}


def course_label(kind: str) -> str:
    return {
        "lo_induction": _("LO induction"),
        "awareness": _("All-staff awareness"),
        "investigation": _("Hate-crime investigation"),
        "train_the_trainer": _("Train-the-trainer"),
        "leadership_briefing": _("Leadership briefing"),
        "refresher": _("Refresher"),
    }.get(kind, kind)


def audience_label(audience: str) -> str:
    return {
        "workforce": _("Whole workforce"),
        "leaders": _("Leadership ranks"),
        "investigators": _("CID and response"),
    }.get(audience, audience)


def value_label(value: str) -> str:
    """Ranks, units, delivery modes and deliverers in words."""
    return {
        "constable": _("Constable"),
        "sergeant": _("Sergeant"),
        "inspector": _("Inspector"),
        "chief_inspector": _("Chief inspector"),
        "superintendent": _("Superintendent"),
        "chief_officer": _("Chief officer"),
        "police_staff": _("Police staff"),
        "pcso": _("PCSO"),
        "response": _("Response"),
        "neighbourhood": _("Neighbourhood"),
        "cid": _("CID"),
        "control_room": _("Control room"),
        "custody": _("Custody"),
        "support": _("Support"),
        "headquarters": _("Headquarters"),
        "on_site": _("On site"),
        "online": _("Online"),
        "blended": _("Blended"),
        "police": _("Police"),
        "civil_society": _("Civil-society organisation"),
        "joint": _("Joint"),
    }.get(value, value)


def column_label(column: str) -> str:
    return {
        "course": _("Course"),
        "audience": _("Audience"),
        "area": _("Area"),
        "group": _("Group"),
        "trained": _("People trained"),
        "headcount": _("Headcount"),
        "coverage": _("Coverage %"),
        "target": _("Target %"),
        "status": _("Status"),
        "mode": _("Mode"),
        "delivered_by": _("Delivered by"),
        "provider": _("Partner"),
        "sessions": _("Sessions"),
        "people": _("People completed"),
        "trainers": _("Trainers"),
        "per_trainer": _("Sessions per trainer"),
        "reached": _("People reached"),
        "overdue": _("Overdue"),
        "due_soon": _("Due in 90 days"),
        "scored": _("n (before and after)"),
        "pre": _("Mean before"),
        "post": _("Mean after"),
        "change": _("Mean change"),
        "followed_up": _("n (follow-up)"),
        "followup": _("Mean follow-up"),
    }.get(column, column)
