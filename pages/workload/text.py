"""Words of the liaison workload page: section titles, chart captions and notes."""

from __future__ import annotations

from dashboard.i18n import N_, _

INTRO = N_(
    "How referrals reported in the period moved through the liaison officer scheme, who holds "
    "the cases, and where demand outruns the officers available."
)

SECTIONS = {
    "funnel": N_("Service funnel"),
    "dropouts": N_("Drop-outs between stages, with reasons"),
    "areas": N_("Active cases and new allocations by area"),
    "officers": N_("Caseload by liaison officer"),
    "deployments": N_("Critical-incident deployments and internal cases"),
    "capacity": N_("Capacity gaps"),
    "due": N_("Reviews and inductions due"),
}

CAPTIONS = {
    "funnel": N_(
        "Funnel: of %(total)s referrals reported in the period, how many reached each stage of "
        "the liaison officer procedure; a referral counts at a stage only if it also reached "
        "every earlier stage."
    ),
    "dropouts": N_(
        "Referrals lost between consecutive stages and why: the counts of each step add up to "
        "the difference between the two stages."
    ),
    "areas": N_(
        "Bars: cases held by the liaison officers (LOs) of each area: active cases are open at "
        "the end of the period (allocated before it ended, not closed by then); new allocations "
        "were made during it."
    ),
    "officers": N_(
        "Officers active at the end of the period or holding cases, by pseudonymous code only; "
        "figures as in the table above."
    ),
    "deployments": N_(
        "Bars: referrals reported each month for which a liaison officer was deployed at once "
        "to a critical incident, on or off duty, and internal cases involving staff."
    ),
    "capacity": N_(
        "Bars: referrals reported in the 12 months before %(on)s per liaison officer active on "
        "that date, by area, against the level of %(level)s (dashed line); the table says "
        "whether each area is above or within it, or has referrals but no active LO (No LO). "
        "The strand filter does not apply. Areas flagged: %(flagged)s."
    ),
    "due": N_(
        "Active liaison officers on %(today)s whose 6-monthly review is overdue or falls due in "
        "the next %(days)s days (the last review, or the induction if never reviewed, plus 183 "
        "days), and those without a recorded induction. Period and strand do not apply."
    ),
}

EMPTY = {
    "funnel": N_("No referrals in this period for the filters chosen."),
    "areas": N_("No cases held by liaison officers in this period."),
    "officers": N_("No liaison officer was active or held cases in this period."),
    "restricted": N_("Caseloads per officer are not shown to your role."),
    "deployments": N_("No critical-incident deployments or internal cases in this period."),
    "due": N_("No reviews or inductions due in the next %(days)s days."),
}


def caption(name: str, **values: object) -> str:
    """The translated caption of a section, with its figures filled in."""
    return _(CAPTIONS[name], **values)


def empty(name: str, **values: object) -> str:
    """Why a section has nothing to show."""
    return _(EMPTY[name], **values)


def capacity_titles(level: float) -> dict[str, str]:
    """Axis, legend and marker texts of the capacity chart."""
    return {
        "y": _("Referrals per active LO"),
        "level": _("Capacity level (%(level)s)", level=level),
        "above": _("Above the level"),
        "within": _("At or below the level"),
        "no_officer": _("no active LO"),
    }


def deployment_series() -> dict[str, str]:
    """Legend labels of the deployments chart (column → label)."""
    return {
        "on_duty": _("Deployed on duty"),
        "off_duty": _("Deployed off duty"),
        "internal": _("Internal (staff) cases"),
    }
