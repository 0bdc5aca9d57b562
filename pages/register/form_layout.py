"""The coordinator's forms for the commitments register: commitments, reviews and KPI targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.filter_bar import Option
from dashboard.i18n import _
from dashboard.labels import (
    commitment_status_label,
    kpi_label,
    register_field_label,
    register_key_point_label,
    target_direction_label,
    verdict_label,
)
from data_access.commitments import KPI_TARGETS, TARGET_KPIS
from data_access.vocab import COMMITMENT_STATUSES, KEY_POINTS, REVIEW_VERDICTS


class Field(NamedTuple):
    """One form control: `name` is the store's field name, `kind` the control to draw."""

    name: str
    label: str
    kind: str  # text, textarea, date, choice, check, number
    options: tuple[Option, ...] = ()
    value: object = None
    help: str | None = None


def field_id(prefix: str, name: str) -> str:
    """The component id of a form field: `<prefix>-<name with hyphens>`."""
    return f"{prefix}-{name.replace('_', '-')}"


def _control(component_id: str, field: Field):
    if field.kind == "choice":
        return dcc.Dropdown(
            id=component_id,
            options=[{"value": o.value, "label": o.label} for o in field.options],
            value=field.value,
            clearable=False,
        )
    if field.kind == "check":
        return dbc.Checkbox(id=component_id, label=field.label, value=bool(field.value))
    if field.kind == "textarea":
        return dbc.Textarea(id=component_id, value=field.value, rows=2)
    kind = {"date": "date", "number": "text"}.get(field.kind, "text")
    extra = {"inputMode": "decimal"} if field.kind == "number" else {}
    return dbc.Input(id=component_id, type=kind, value=field.value, **extra)


def create_form_field(prefix: str, field: Field) -> html.Div:
    """A labelled control with optional help text (checkboxes carry their own label)."""
    component_id = field_id(prefix, field.name)
    label = (
        None
        if field.kind == "check"
        else dbc.Label(field.label, html_for=component_id, className="small mb-1")
    )
    help_text = dbc.FormText(field.help) if field.help else None
    return html.Div([label, _control(component_id, field), help_text], className="mb-2")


def create_register_form(
    prefix: str,
    title: str,
    fields: list[Field],
    save_label: str,
    intro: str | None = None,
) -> dbc.Card:
    """A card holding a form: its fields, a save button `<prefix>-save` and a message area
    `<prefix>-message` (dcc.Loading) for what the save did or why it was refused."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(title, className="h6 card-title"),
                html.P(intro, className="small text-muted") if intro else None,
                *[create_form_field(prefix, f) for f in fields],
                dbc.Button(save_label, id=f"{prefix}-save", color="primary", size="sm"),
                dcc.Loading(html.Div(id=f"{prefix}-message", className="mt-2"), type="dot"),
            ]
        ),
        className="mb-3 h-100",
        id=f"{prefix}-card",
    )


def create_form_message(
    problems: list[tuple[str, str]] | None, done: str | None, heading: str = ""
) -> html.Div:
    """What a save did (`done`), or each refused field and why (`problems`: label, message)."""
    if not problems:
        return html.Div(done, className="alert alert-success py-2 small mb-0", role="status")
    return html.Div(
        [
            html.Strong(heading) if heading else None,
            html.Ul([html.Li([html.Strong(f"{label}: "), why]) for label, why in problems]),
        ],
        className="alert alert-danger py-2 small mb-0",
        role="alert",
    )


# Each form's fields, in order ("code" picks the commitment), and the control each field uses.
FORM_FIELDS = {
    "edit": ("code", "text", "owner", "due_on", "status", "evidence", "is_public"),
    "review": ("code", "reviewed_on", "forum", "verdict", "comment"),
    "add": ("key_point", "text", "owner", "due_on", "status", "evidence", "is_public"),
    "target": ("kpi", "target_value", "period_start", "period_end"),
}
# What a successful save leaves in its form (the edit form keeps the commitment just saved).
ADD_DEFAULTS = {"status": "not_started", "is_public": True}
CLEARED_AFTER_SAVE = {
    "add": {name: ADD_DEFAULTS.get(name) for name in FORM_FIELDS["add"]},
    "review": {name: None for name in ("reviewed_on", "forum", "verdict", "comment")},
    "target": {name: None for name in ("target_value", "period_start", "period_end")},
}
KINDS = {
    "text": "textarea", "evidence": "textarea", "comment": "textarea", "owner": "text",
    "forum": "text", "target_value": "number", "is_public": "check",
    "due_on": "date", "reviewed_on": "date", "period_start": "date", "period_end": "date",
}  # fmt: skip


def create_edit_forms(
    prefix: str,
    label: Callable[[str], str],
    texts: Mapping[str, str],
    choices: Mapping[str, list[Option]],
    defaults: Mapping[str, object],
) -> html.Section:
    """The four forms (ids `<prefix>-<form>-<field>`): `label(field)` names a field; `texts`
    holds "title", each form's "<form>", "<form>:save", optional "<form>:intro" and
    "help:<field>"; `choices` the options of choice fields; `defaults` the add form's values."""
    cards = []
    for form, names in FORM_FIELDS.items():
        fields = [
            Field(
                name,
                label(name),
                KINDS.get(name, "choice"),
                tuple(choices.get(name, ())),
                defaults.get(name) if form == "add" else None,
                texts.get(f"help:{name}"),
            )
            for name in names
        ]
        card = create_register_form(
            f"{prefix}-{form}",
            texts[form],
            fields,
            texts[f"{form}:save"],
            texts.get(f"{form}:intro"),
        )
        cards.append(dbc.Col(card, xs=12, lg=6, className="mb-3"))
    return html.Section(
        [html.H2(texts["title"], className="h5 mt-4"), dbc.Row(cards)], id=f"{prefix}-forms"
    )


def form_texts() -> dict[str, str]:
    """Titles, intros, buttons and help texts of the register's forms."""
    return {
        "title": _("Edit the register"),
        "edit": _("Update a commitment"),
        "edit:intro": _("Pick a commitment or click its row: every change is kept in its history."),
        "edit:save": _("Save changes"),
        "review": _("Record a community review"),
        "review:intro": _("The forum's own verdict, shown beside the force's status."),
        "review:save": _("Record review"),
        "add": _("Add a commitment"),
        "add:save": _("Add commitment"),
        "target": _("Add or update a KPI target"),
        "target:intro": _(
            "A target with the same KPI and start date is updated; one KPI's periods may not "
            "overlap."
        ),
        "target:save": _("Save target"),
        "help:owner": _("A post (e.g. Deputy Chief Constable), not a person's name."),
        "help:evidence": _("Needed when the status is Met."),
        "help:comment": _("Up to 500 characters, shown to the public. No personal details."),
        "help:target_value": _(
            "Digits and an optional decimal point: whole days from 0 to 365, a percentage from 0 "
            "to 100, a rate or a count. The KPI fixes whether more or less is better."
        ),
        "help:period_end": _("Optional: leave empty for an open-ended target."),
        "help:is_public": _("Ticked: shown to everyone, including the public."),
    }


def target_kpi_label(kpi: str) -> str:
    """A KPI with its fixed direction and unit: "Days from flag to offer (at most, days)"."""
    rule = KPI_TARGETS[kpi]
    unit = {"days": _("days"), "percent": _("%"), "rate": _("rate"), "count": _("count")}
    direction = target_direction_label(rule.direction).lower()
    return _("%(kpi)s (%(direction)s, %(unit)s)", kpi=kpi_label(kpi), direction=direction,
             unit=unit[rule.unit])  # fmt: skip


def create_register_edit_forms(prefix: str, targets: object) -> html.Section:
    """The coordinator's four forms with their options, and `targets` (the KPI targets) below."""
    options = {
        name: [Option(code, label(code)) for code in codes]
        for name, codes, label in (
            ("key_point", KEY_POINTS, register_key_point_label),
            ("status", COMMITMENT_STATUSES, commitment_status_label),
            ("verdict", REVIEW_VERDICTS, verdict_label),
            ("kpi", TARGET_KPIS, target_kpi_label),
        )
    }
    section = create_edit_forms(prefix, register_field_label, form_texts(), options, ADD_DEFAULTS)
    heading = html.H3(_("KPI targets"), className="h6 mt-2")
    section.children.append(html.Div([heading, dcc.Loading(targets)], className="mb-3"))
    return section
