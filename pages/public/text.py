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
        "Hate crime is under-reported. Many victims never tell the police. These figures only "
        "count what people told the police."
    )


def short_caveat() -> str:
    return _("Hate crime is under-reported. Many victims never tell the police.")


def report_routes() -> list[tuple[str, str]]:
    """(route, what to do) for each way of reporting."""
    return [
        (
            _("In an emergency: 999"),
            _(
                "Call 999 if you are in danger, or if the crime is happening now. Can you not "
                "speak? Call 999 on a mobile, then press 55."
            ),
        ),
        (
            _("Not an emergency: 101"),
            _(
                "Call 101 to tell us about something that has already happened. You can also call "
                "101 for advice."
            ),  # fmt: skip
        ),
        (
            _("Online"),
            _("Report it on the force's website, or on the True Vision website."),
        ),
        (
            _("Through a third-party reporting centre"),
            _(
                "Do you not want to talk to the police? A third-party reporting centre can take "
                "your report. This can be an LGBT+ charity or an advice service. They pass your "
                "report to the police. You do not have to give your name."
            ),
        ),
        (
            _("Ask for a liaison officer"),
            _(
                "When you report, you can ask for an LGB&T liaison officer. This is an officer "
                "or staff member trained to help you. They keep in touch with you about your case."
            ),
        ),
    ]


def glossary() -> list[tuple[str, str]]:
    return [
        (
            _("Hate incident"),
            _(
                "Something done to a person out of hate for who they are. For example, because "
                "they are gay, bi or trans. It counts if the victim, or anyone else, thinks so."
            ),
        ),
        (
            _("Crime and non-crime incident"),
            _(
                "A hate crime is a hate incident that breaks the law, such as an attack. A "
                "non-crime hate incident does not break the law. The police still write it down. "
                "It can show that things may get worse."
            ),
        ),
        (
            _("Strands"),
            _(
                "We count incidents by the kind of hate. Homophobic means against gay or lesbian "
                "people. Biphobic means against bi people. Transphobic means against trans "
                "people. We show transphobic incidents on their own."
            ),
        ),
        (
            _("Liaison officer (LO)"),
            _(
                "An officer or staff member trained to help LGBT+ victims. We check new reports "
                "every day. Then we offer victims an LO. They can say yes or no."
            ),
        ),
        (
            _("Third-party reporting"),
            _(
                "Telling a group that is not the police. The group passes the report on. This "
                "helps people who do not want to go to the police."
            ),
        ),
        (
            _("[c]"),
            _(
                "A number we hide to keep people's details private. We hide small numbers. We "
                "hide a few others too, so that no one can work the small ones out."
            ),
        ),
    ]


def definition_list(items: list[tuple[str, str]], list_id: str) -> html.Dl:
    return html.Dl(
        [part for term, text in items for part in (html.Dt(term), html.Dd(text))],
        id=list_id,
        className="public-glossary",
    )
