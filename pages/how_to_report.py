"""How to report a hate crime or incident, in easy read: short sentences, one idea per line,
a picture beside each step (assets/pictograms/), for everyone and linked from the public
summary. The routes are those of the public summary and the force's LGB&T liaison officer
procedure (seed 004)."""

from __future__ import annotations

from typing import NamedTuple

from dash import html

from dashboard.access import register_page
from dashboard.i18n import N_, _

register_page(
    __name__, path="/how-to-report", title=N_("How to report"), order=-5, nav_roles={"public"}
)

PREFIX = "how_to_report"
TRUE_VISION = "https://www.report-it.org.uk/"


class Step(NamedTuple):
    key: str
    picture: str
    heading: str
    lines: list[str]
    links: list[tuple[str, str]]  # (words, address)


def steps() -> list[Step]:
    """The ways to report, most urgent first."""
    return [
        Step(
            "999",
            "phone-999.svg",
            _("Are you in danger now?"),
            [
                _("Call 999."),
                _("Do this if you are in danger."),
                _("Do this if the crime is happening now."),
                _("Can you not speak? Call 999 on a mobile. Then press 55."),
            ],
            [(_("Call 999"), "tel:999")],
        ),
        Step(
            "101",
            "phone-101.svg",
            _("Has it already happened?"),
            [
                _("Call 101."),
                _("Tell us what happened."),
                _("You can also call 101 to ask for advice."),
            ],
            [(_("Call 101"), "tel:101")],
        ),
        Step(
            "online",
            "online.svg",
            _("You can report online"),
            [
                _("Use the True Vision website."),
                _("It is run by the police."),
                _("It sends your report to the right police force."),
            ],
            [(_("Report online at True Vision"), TRUE_VISION)],
        ),
        Step(
            "centre",
            "helper.svg",
            _("You do not want to talk to the police?"),
            [
                _("Tell a third-party reporting centre."),
                _("This can be a charity or an advice service."),
                _("They pass your report to the police."),
                _("You do not have to give your name."),
            ],
            [],
        ),
        Step(
            "liaison",
            "liaison.svg",
            _("Ask for a liaison officer"),
            [
                _("When you report, ask for an LGB&T liaison officer."),
                _("This is a police officer or staff member."),
                _("They are trained to help LGBT+ people."),
                _("They keep in touch with you about your case."),
            ],
            [(_("What a liaison officer does"), f"#{PREFIX}-liaison")],
        ),
    ]


def next_lines() -> list[str]:
    """What happens after a report."""
    return [
        _("We write down what you tell us."),
        _("We check new reports every day."),
        _("We offer you a liaison officer."),
        _("You can say yes or no."),
        _("Victim Support can help you too."),
    ]


def liaison_lines() -> list[str]:
    """What a liaison officer does, from the force's procedure (seed 004)."""
    return [
        _("A liaison officer gives you a phone number and an email address."),
        _("They tell you how your case is going."),
        _("They can meet you where you feel safe."),
        _("They do not have to wear a uniform when they visit."),
        _("They can help you find support services."),
        _("They pass what you tell them to the officer on your case."),
    ]


def create_step(number: int, step: Step) -> html.Li:
    """One step: its picture, a heading, one idea per line, and its links."""
    links = [
        html.P(html.A(words, href=address, className="easy-read-link"), className="mb-1")
        for words, address in step.links
    ]
    return html.Li(
        [
            html.Img(src=f"/assets/pictograms/{step.picture}", alt="", className="easy-read-pic"),
            html.Div(
                [
                    html.H2(
                        [
                            html.Span(_("Step %(n)d:", n=number) + " ", className="step-number"),
                            step.heading,
                        ],
                        className="h4",
                    ),  # fmt: skip
                    *[html.P(line) for line in step.lines],
                    *links,
                ]
            ),
        ],
        className="easy-read-step",
        id=f"{PREFIX}-{step.key}",
    )


def create_lines(picture: str, heading: str, lines: list[str], section_id: str) -> html.Section:
    """A titled section of single lines with its picture."""
    return html.Section(
        html.Div(
            [
                html.Img(src=f"/assets/pictograms/{picture}", alt="", className="easy-read-pic"),
                html.Div([html.H2(heading, className="h4"), *[html.P(line) for line in lines]]),
            ],
            className="easy-read-step",
        ),
        id=section_id,
        **{"aria-label": heading},
    )


def layout(**_query):
    """The easy-read page: no data, the same for every viewer."""
    return html.Div(
        [
            html.H1(_("How to report a hate crime"), className="h2"),
            html.P(_("Easy read."), className="lead"),
            html.P(_("A hate crime is when someone hurts you or scares you.")),
            html.P(_("They do it because of who you are.")),
            html.P(_("This can be because you are lesbian, gay, bi or trans.")),
            html.P(_("Please tell the police. We will listen.")),
            html.Ol(
                [create_step(n, step) for n, step in enumerate(steps(), start=1)],
                className="list-unstyled easy-read-steps",
                id=f"{PREFIX}-steps",
            ),
            create_lines("listen.svg", _("What happens next"), next_lines(), f"{PREFIX}-next"),
            create_lines(
                "liaison.svg",
                _("What a liaison officer does"),
                liaison_lines(),
                f"{PREFIX}-liaison",
            ),
            html.P(html.A(_("Back to the public summary"), href="/public"), className="mt-3"),
        ],
        className="easy-read",
    )
