"""Why a value in one of the register's forms was refused, in words (the codes come from
data_access.commitments and data_access.targets)."""

from __future__ import annotations

from dashboard.i18n import _


def target_range_message(params: dict) -> str:
    """The bounds of a KPI target in its unit (from data_access.targets)."""
    bounds = {"low": params["lowest"], "high": params["highest"]}
    if params["unit"] == "days":
        return _("Enter a number of days from %(low)g to %(high)g.", **bounds)
    if params["unit"] == "percent":
        return _("Enter a percentage from %(low)g to %(high)g.", **bounds)
    return _("Enter a value from %(low)g to %(high)g.", **bounds)


def register_problem_message(code: str, params: dict) -> str:
    """Why a form value was refused (codes from data_access.commitments.ValidationError)."""
    messages = {
        "required": lambda: _("This is required."),
        "too_long": lambda: _("At most %(limit)s characters (you entered %(length)s).", **params),
        "not_allowed": lambda: _("Choose one of the listed options."),
        "bad_date": lambda: _("Enter a real date as YYYY-MM-DD."),
        "date_too_early": lambda: _("The date may not be before %(earliest)s.", **params),
        "date_too_late": lambda: _("The date may not be after %(latest)s.", **params),
        "not_a_number": lambda: _(
            "Enter a plain number with digits 0-9 and at most one decimal point, for example 75 "
            "or 2.5."
        ),
        "negative": lambda: _("The value may not be negative."),
        "over_percent": lambda: _("A percentage may not be more than %(most)g.", **params),
        "end_before_start": lambda: _("The period must end after it starts."),
        "contact_details": lambda: _(
            "Remove the email address or phone number: no personal contact details or "
            "narratives about victims may be stored."
        ),
        "evidence_needed": lambda: _("Say what evidence shows the commitment is met."),
        "not_found": lambda: _("No such commitment in your force."),
        "choose_commitment": lambda: _("Choose a commitment."),
        "duplicate_commitment": lambda: _(
            "This commitment is already in the register as %(code)s (same key point, text, "
            "owner and due date).",
            **params,
        ),
        "duplicate_review": lambda: _(
            "This forum's review of %(code)s on %(date)s is already recorded.", **params
        ),
        "busy": lambda: _("The register is busy: please try again in a moment."),
        "whole_number": lambda: _("Enter a whole number, for example 5."),
        "too_precise": lambda: _("Use at most %(places)d decimal places.", **params),
        "out_of_range": lambda: target_range_message(params),
        "target_overlap": lambda: (
            _(
                "The target from %(start)s until %(end)s already covers part of this period: "
                "choose dates outside it, or change that target.",
                **params,
            )
            if params.get("end")
            else _(
                "The open-ended target from %(start)s already covers this period: give it an "
                "end date first (save it again with a period end), or start after it ends.",
                **params,
            )
        ),
    }
    return messages[code]() if code in messages else code
