"""'How these are calculated': the scorecard's method notes and indicator definitions."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.i18n import _
from dashboard.indicator_text import indicator_definition, indicator_label
from dashboard.labels import register_key_point_label
from data_access.queries.indicators import INDICATORS
from data_access.vocab import KEY_POINTS


def create_method_section(
    section_id: str,
    heading: str,
    notes: Sequence[str],
    groups: Sequence[tuple[str, Sequence[tuple[str, str, str]]]],
) -> html.Section:
    """A collapsible section: general `notes`, then per key point (title, indicators), each
    indicator as (name, definition, how it splits by area and strand)."""
    definitions = []
    for title, items in groups:
        definitions.append(html.H3(title, className="h6 mt-3"))
        entries = []
        for name, definition, splits in items:
            entries += [
                html.Dt(name, className="small"),
                html.Dd([definition, " ", html.Em(splits)], className="small text-muted"),
            ]
        definitions.append(html.Dl(entries, className="mb-1"))
    return html.Section(
        html.Details(
            [
                html.Summary(html.H2(heading, className="h5 d-inline")),
                html.Ul([html.Li(note, className="small") for note in notes], className="mt-2"),
                *definitions,
            ]
        ),
        id=section_id,
        className="mt-4",
    )


def method_notes() -> list[str]:
    return [
        _(
            "Period figures count the records dated in the period. Figures at the end of the "
            "period use its last day (liaison officers) or the latest workforce snapshot on or "
            "before its end (training)."
        ),
        _(
            "Trend: the same indicator for the previous period of the same length; the arrow "
            "gives the direction of change and the words say whether that is better or worse."
        ),
        _(
            "Targets are the force's own, set by its coordinator. Status: on target; near "
            "target (within 10%); off target; no target when none is set; not available when "
            "there is no figure."
        ),
        _(
            "Commitments are counted as they stand today: overdue means the due date has "
            "passed and the commitment is not met. The community verdict is the forum's "
            "latest review. Public viewers see public commitments only."
        ),
        _(
            "For public and partner viewers, counts of victims, referrals, staff cases, "
            "reports and survey responses come from the force's one protected release: counts "
            "from 1 to 4 are hidden ([c]), with further counts hidden so that none can be "
            "worked out, and a period's figure is the sum of its protected months (hidden if "
            "one is); a figure built on a hidden count is hidden too. Counts of officers, "
            "training, events, commitments and actions are not about victims and are shown "
            "exactly (see the methodology page)."
        ),
        _(
            "People are counted in the area of their training record; records without an "
            "area count in the force total only."
        ),
    ]


def _splits(by_area: bool, by_strand: bool) -> str:
    if by_area and by_strand:
        return _("Splits by area and strand.")
    if by_area:
        return _("Splits by area, not by strand.")
    return _("Force-wide: cannot be split by area or strand.")


def method_groups() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Per key point: each indicator's name, definition and how it splits."""
    return [
        (
            register_key_point_label(point),
            [
                (
                    indicator_label(i.code),
                    indicator_definition(i.code),
                    _splits(i.by_area, i.by_strand),
                )
                for i in INDICATORS
                if i.key_point == point
            ],
        )
        for point in KEY_POINTS
    ]
