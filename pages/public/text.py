"""The public summary's fixed words: the under-reporting caveat, how to report, the glossary."""

from __future__ import annotations

from dash import html

from dashboard.disclosure import MARKER
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import _


def shown(value: int | float | None, suffix: str = "") -> str:
    """A figure as text: the [c] marker when hidden, thousands separated."""
    if value is None:
        return MARKER
    return format_percent(value, None) if suffix == "%" else f"{format_number(value)}{suffix}"


def caveat() -> str:
    return _(
        "Hate crime is under-reported: these figures count what was reported to the police, "
        "not everything that happened."
    )


def short_caveat() -> str:
    return _("Hate crime is under-reported: many incidents never reach the police.")


def report_routes() -> list[tuple[str, str]]:
    """(route, what to do) for each way of reporting."""
    return [
        (
            _("In an emergency: 999"),
            _(
                "Call 999 if you are in danger or the crime is happening now. If you cannot "
                "speak, call 999 and press 55 when asked (mobile phones)."
            ),
        ),
        (
            _("Not an emergency: 101"),
            _("Call 101 to report something that has already happened, or to ask for advice."),
        ),
        (
            _("Online"),
            _("Report a hate incident or crime on the force's website or at True Vision."),
        ),
        (
            _("Through a third-party reporting centre"),
            _(
                "If you would rather not speak to the police, a third-party reporting centre "
                "(for example an LGBT+ charity or advice service) can take your report and pass "
                "it on, with or without your name."
            ),
        ),
        (
            _("Ask for a liaison officer"),
            _(
                "When you report, you can ask for an LGB&T liaison officer: a trained officer "
                "or member of staff who can support you and keep you in touch with your case."
            ),
        ),
    ]


def glossary() -> list[tuple[str, str]]:
    return [
        (
            _("Hate incident"),
            _(
                "Anything the victim or anyone else thinks was motivated by hostility or "
                "prejudice towards a person's sexual orientation or gender identity."
            ),
        ),
        (
            _("Crime and non-crime incident"),
            _(
                "A hate crime is a hate incident that is also a criminal offence, such as an "
                "assault or harassment. A non-crime hate incident is not a criminal offence but "
                "is still recorded, because it can show risk and escalation."
            ),
        ),
        (
            _("Strands"),
            _(
                "Hate incidents are recorded by the prejudice shown: homophobic (against gay "
                "or lesbian people), biphobic (against bisexual people) and transphobic "
                "(against trans people). Transphobic incidents are shown separately."
            ),
        ),
        (
            _("Liaison officer (LO)"),
            _(
                "An officer or member of staff trained to support LGBT+ victims. After the "
                "daily check of new reports, victims are offered an LO; they can accept or "
                "decline."
            ),
        ),
        (
            _("Third-party reporting"),
            _(
                "Reporting through an organisation that is not the police, which passes the "
                "report on. It helps people who do not want to go to the police directly."
            ),
        ),
        (
            _("[c]"),
            _(
                "A number hidden to protect privacy: small counts (and a few others, so that "
                "they cannot be worked out) are not published."
            ),
        ),
    ]


def definition_list(items: list[tuple[str, str]], list_id: str) -> html.Dl:
    return html.Dl(
        [part for term, text in items for part in (html.Dt(term), html.Dd(text))],
        id=list_id,
        className="public-glossary",
    )
