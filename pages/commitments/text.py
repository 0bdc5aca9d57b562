"""The scorecard in words: values by unit, targets, trends, bases, commitment summaries
and headline cards (pure: rows in, strings and cards out)."""

from __future__ import annotations

import pandas as pd

from components.kpi_card import create_empty_kpi_card, create_kpi_card
from dashboard.disclosure import MARKER
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import _, ngettext
from dashboard.indicator_text import indicator_label, scorecard_status_label
from dashboard.labels import commitment_status_label, verdict_label
from data_access.queries.indicators import PER_100K, PER_QUARTER, PERCENT, SCORE
from data_access.vocab import COMMITMENT_STATUSES, REVIEW_VERDICTS


def _known(value) -> bool:
    return value is not None and not pd.isna(value)


def value_text(unit: str, value) -> str:
    """A value in its unit ("No data" when there is none)."""
    if not _known(value):
        return _("No data")
    if unit == PERCENT:
        return format_percent(value, 1)
    if unit in (PER_100K, SCORE):
        return format_number(value, 2)
    if unit == PER_QUARTER:
        return format_number(value, 1)
    return format_number(value, 0)


def target_text(unit: str, target, direction: str) -> str:
    if not _known(target):
        return _("None set")
    shown = value_text(unit, target)
    return _("at least %(v)s", v=shown) if direction == "at_least" else _("at most %(v)s", v=shown)


def trend_text(row: dict) -> str:
    """Arrow and words for the change on the previous period, judged by the direction."""
    if row["previous_suppressed"]:
        return _("Previous period: %(value)s", value=MARKER)
    if not _known(row["previous"]):
        return _("No figure for the previous period")
    was = value_text(row["unit"], row["previous"])
    if not _known(row["value"]) or row["suppressed"]:
        return _("Previous period: %(value)s", value=was)
    change = row["value"] - row["previous"]
    if change == 0:
        return "→ " + _("no change from %(was)s", was=was)
    up = change > 0
    moved = _("up from %(was)s", was=was) if up else _("down from %(was)s", was=was)
    judged = _("better") if up == (row["direction"] == "at_least") else _("worse")
    return f"{'↑' if up else '↓'} {moved} ({judged})"


# A hidden count ([c]) takes the general plural form ("[c] events"; Welsh's "other").
HIDDEN_COUNT = 20


def _count(value) -> str:
    return format_number(value, 0) if _known(value) else MARKER


def _plural(value) -> int:
    return int(value) if _known(value) else HIDDEN_COUNT


def base_text(row: dict) -> str:
    """The counts a value is built on ([c] where hidden)."""
    unit, num, den = row["unit"], _count(row["numerator"]), _count(row["denominator"])
    if unit == PERCENT:
        return _("%(n)s of %(d)s", n=num, d=den)
    if unit == PER_100K:
        return ngettext(
            "%(n)s officer; population %(d)s",
            "%(n)s officers; population %(d)s",
            _plural(row["numerator"]),
            n=num,
            d=den,
        )
    if unit == PER_QUARTER:
        return ngettext(
            "%(n)s event in the period",
            "%(n)s events in the period",
            _plural(row["numerator"]),
            n=num,
        )
    if unit == SCORE:
        return ngettext(
            "%(d)s event with a score",
            "%(d)s events with a score",
            _plural(row["denominator"]),
            d=den,
        )
    return ""


def note_text(row: dict) -> str:
    notes = []
    if row["split_area"]:
        notes.append(_("Force-wide: this figure cannot be split by area."))
    if row["split_strand"]:
        notes.append(_("All strands: this figure cannot be split by strand."))
    return " ".join(notes)


def display_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The scorecard rows as shown: columns code, key_point, indicator, value, suppressed,
    target, trend, status, status_label, base, note."""
    records = []
    for row in rows.to_dict("records"):
        value = MARKER if row["suppressed"] else value_text(row["unit"], row["value"])
        records.append(
            {
                "code": row["code"],
                "key_point": row["key_point"],
                "indicator": indicator_label(row["code"]),
                "value": value,
                "suppressed": bool(row["suppressed"]),
                "target": target_text(row["unit"], row["target"], row["direction"]),
                "trend": trend_text(row),
                "status": row["status"],
                "status_label": scorecard_status_label(row["status"]),
                "base": base_text(row),
                "note": note_text(row),
            }
        )
    return pd.DataFrame(records)


def table_headers() -> dict[str, str]:
    return {
        "key_point": _("Key point"),
        "indicator": _("Indicator"),
        "value": _("Current"),
        "target": _("Target"),
        "trend": _("Trend"),
        "status": _("Status"),
        "base": _("Based on"),
        "note": _("Note"),
    }


def commitment_lines(summary: pd.Series, private: bool) -> list[str]:
    """A key point's commitments in brief: counts, the force's own status, the community's."""
    total = int(summary["commitments"])
    if total == 0:
        if private:
            return [_("No commitments recorded for this key point yet.")]
        return [_("No public commitments for this key point yet.")]
    force = "; ".join(
        f"{commitment_status_label(s)} {int(summary[s])}" for s in COMMITMENT_STATUSES
    )
    verdicts = [f"{verdict_label(v)} {int(summary[v])}" for v in REVIEW_VERDICTS]
    verdicts.append(_("not reviewed yet %(n)d", n=int(summary["unreviewed"])))
    return [
        ngettext(
            "%(num)d commitment: %(met)d met, %(overdue)d overdue.",
            "%(num)d commitments: %(met)d met, %(overdue)d overdue.",
            total,
            met=int(summary["met"]),
            overdue=int(summary["overdue"]),
        ),
        _("The force's own status: %(list)s.", list=force),
        _("The community forum's latest verdict: %(list)s.", list="; ".join(verdicts)),
    ]


def headline_cards(rows: pd.DataFrame, summary: pd.DataFrame) -> list:
    """Indicators on target, commitments met and overdue, and the community's verdicts."""
    rated = rows[rows["status"].isin(["green", "amber", "red"])]
    green, red = int((rated["status"] == "green").sum()), int((rated["status"] == "red").sum())
    amber = len(rated) - green - red
    totals = summary.sum(numeric_only=True)
    overdue = int(totals["overdue"])
    on_target = (
        create_kpi_card(
            _("Indicators on target"),
            f"{green} / {len(rated)}",
            _("with a target; %(amber)d near, %(red)d off target", amber=amber, red=red),
            status="red" if red else ("amber" if amber else "green"),
            card_id="commitments-on-target-card",
        )
        if len(rated)
        else create_empty_kpi_card(
            _("Indicators on target"),
            _("No indicator has both a figure and a target for this period."),
            "commitments-on-target-card",
        )
    )
    if not int(totals["commitments"]):
        none = _("No commitments recorded yet.")
        return [
            on_target,
            *(create_empty_kpi_card(label, none) for label in (
                _("Commitments met"), _("Commitments overdue"), _("Agreed met by the community"))),
        ]  # fmt: skip
    return [
        on_target,
        create_kpi_card(
            _("Commitments met"),
            f"{int(totals['met'])} / {int(totals['commitments'])}",
            _("as the force assesses them"),
        ),
        create_kpi_card(
            _("Commitments overdue"),
            f"{overdue}",
            _("due date passed and not met"),
            status="red" if overdue else "green",
        ),
        create_kpi_card(
            _("Agreed met by the community"),
            f"{int(totals['agreed_met'])}",
            _(
                "%(not_yet)d not yet, %(disputed)d disputed, %(unreviewed)d not reviewed",
                not_yet=int(totals["not_yet"]),
                disputed=int(totals["disputed"]),
                unreviewed=int(totals["unreviewed"]),
            ),
        ),
    ]
