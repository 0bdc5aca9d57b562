"""Top navigation bar."""

from __future__ import annotations

from typing import NamedTuple

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component


class NavItem(NamedTuple):
    label: str
    href: str


def create_navbar(
    items: list[NavItem],
    username: str | None,
    role_label: str,
    csrf_token: str,
    brand: str,
    sign_in_label: str,
    sign_out_label: str,
    language_switch: Component | None = None,
) -> dbc.Navbar:
    """Brand, the language switch (outside the collapsing menu, so always visible), one link
    per allowed page, and sign-in or a sign-out form (POST with CSRF)."""
    links = [dbc.NavItem(dbc.NavLink(item.label, href=item.href, active="exact")) for item in items]
    if username:
        account = html.Form(
            [
                html.Span(f"{username} · {role_label}", className="navbar-text me-2 small"),
                dcc.Input(type="hidden", name="csrf_token", value=csrf_token, id="shell-csrf"),
                html.Button(
                    sign_out_label, type="submit", className="btn btn-outline-light btn-sm"
                ),
            ],
            method="POST",
            action="/logout",
            className="d-flex flex-wrap align-items-center gap-2 py-2 py-xl-0",
        )
    else:
        account = html.A(sign_in_label, href="/login", className="btn btn-outline-light btn-sm")
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(brand, href="/"),
                language_switch,
                dbc.NavbarToggler(id="shell-navbar-toggler", n_clicks=0),
                dbc.Collapse(
                    [dbc.Nav(links, navbar=True, className="me-auto"), account],
                    id="shell-navbar-collapse",
                    navbar=True,
                ),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        expand="xl",
        className="mb-2 shell-navbar",
    )
