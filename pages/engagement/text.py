"""Words of the community engagement page: titles, captions, column and field names."""

from __future__ import annotations

from dashboard.form_messages import register_problem_message
from dashboard.i18n import N_, _

INTRO = N_(
    "Community events over time, by area and type: who came, which partners took part, how "
    "often a senior officer and a liaison officer were there, and what the community raised "
    "with the 'you said, we did' actions it produced."
)

SECTIONS = {
    "months": N_("Events over time, by type"),
    "areas": N_("Events by area, with senior officer and LO presence"),
    "partners": N_("Partners involved"),
    "themes": N_("Themes raised and the actions they produced"),
    "actions": N_("'You said, we did' actions raised in the period"),
}

CAPTIONS = {
    "months": N_("Community events held in each month of the period, stacked by type; the "
                 "table adds the recorded attendance."),
    "areas": N_("Events held in each area in the period (force-wide events apart), with the "
                "share that had a senior officer (chief inspector or above) and a liaison "
                "officer present."),
    "partners": N_("Organisations named as partners on events in the period: events and "
                   "their recorded attendance."),
    "themes": N_("Themes recorded at events in the period, with the actions raised in the "
                 "period under the same theme and where each stands."),
    "actions": N_("Actions raised in the period, newest first."),
}  # fmt: skip

EMPTY = {
    "months": N_("No community events recorded in this period."),
    "areas": N_("No community events recorded in this period."),
    "partners": N_("No partner named on an event in this period."),
    "themes": N_("No theme recorded at an event, and no action raised, in this period."),
    "actions": N_("No action raised in this period."),
}


def column_label(column: str) -> str:
    return {
        "month": _("Month"),
        "event_type": _("Type"),
        "events": _("Events"),
        "attendance": _("Attendance"),
        "area": _("Area"),
        "police": _("Police attending"),
        "senior": _("With senior officer"),
        "senior_share": _("Senior officer %"),
        "lo": _("With LO"),
        "lo_share": _("LO present %"),
        "partner": _("Partner"),
        "theme": _("Theme"),
        "actions": _("Actions"),
        "open": _("Open"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "code": _("Code"),
        "raised_on": _("Raised"),
        "issue": _("You said"),
        "response": _("We did"),
        "owner": _("Owner"),
        "status": _("Status"),
        "due_on": _("Due"),
    }.get(column, column)


def field_label(field: str) -> str:
    return {
        "code": _("Record"),
        "held_on": _("Date held"),
        "area": _("Area (blank: force-wide)"),
        "area_id": _("Area"),
        "event_type": _("Type of event"),
        "title": _("Title"),
        "partners": _("Partners (comma-separated)"),
        "attendance": _("Attendance"),
        "police_attending": _("Police officers and staff attending"),
        "senior_officer_present": _("A senior officer was present"),
        "lo_present": _("A liaison officer was present"),
        "themes": _("Themes raised (comma-separated)"),
        "raised_on": _("Date raised"),
        "forum": _("Forum"),
        "issue": _("You said (the issue)"),
        "theme": _("Theme"),
        "owner": _("Owner"),
        "status": _("Status"),
        "due_on": _("Due date"),
        "response": _("We did (the response)"),
        "is_public": _("Show on the public 'you said, we did' list"),
    }.get(field, field)


def problem_message(code: str, params: dict) -> str:
    """Why a value was refused (engagement codes first, then the register's shared ones)."""
    messages = {
        "not_whole": lambda: _("Enter a whole number of people, for example 25."),
        "duplicate": lambda: _("This is already recorded (same date and title or issue)."),
        "response_needed": lambda: _("Say what was done before marking the action done."),
        "not_found": lambda: _("No such record in your force."),
    }
    return messages[code]() if code in messages else register_problem_message(code, params)
