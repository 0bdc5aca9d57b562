"""The registry of importable kinds, in import order, and guessing a file's kind by its header."""

from __future__ import annotations

from data_access.imports.fields import Kind
from data_access.imports.kinds_governance import ACTIONS, COMMITMENTS, EVENTS, SURVEYS, TARGETS
from data_access.imports.kinds_scheme import AREAS, CHANNEL_VOLUMES, OFFICERS, REFERRALS
from data_access.imports.kinds_training import ATTENDANCE, COURSES, SESSIONS, WORKFORCE

# Import order: every kind comes after the kinds it refers to.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        AREAS,
        OFFICERS,
        REFERRALS,
        CHANNEL_VOLUMES,
        WORKFORCE,
        COURSES,
        SESSIONS,
        ATTENDANCE,
        EVENTS,
        SURVEYS,
        COMMITMENTS,
        ACTIONS,
        TARGETS,
    )
}


def get_kind(name: str) -> Kind:
    """The kind called `name`; ValueError listing the kinds when there is none."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown kind {name!r}; the kinds are: {', '.join(KINDS)}") from None


def _fit(kind: Kind, header: set[str]) -> float:
    """How well a header fits a kind: share of its required columns present, then of all."""
    required = set(kind.required)
    return len(required & header) / len(required) + len(set(kind.columns) & header) / 100


def guess_kind(columns: list[str]) -> str | None:
    """The kind whose required columns the header holds best, if it holds all of them."""
    header = set(columns)
    best = max(KINDS.values(), key=lambda kind: _fit(kind, header))
    return best.name if set(best.required) <= header else None
