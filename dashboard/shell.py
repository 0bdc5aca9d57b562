"""The app frame around every page: navigation built from the page registry for the viewer."""

from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, State, html
from flask_babel import get_locale
from flask_wtf.csrf import generate_csrf

from components.language_switch import create_language_switch
from components.navigation import NavItem, create_navbar
from dashboard.i18n import LANGUAGES, _
from dashboard.labels import role_label
from dashboard.policy import allowed
from dashboard.viewer import current_viewer

# Dash's own index with two changes: <html lang> follows the request's language, and the
# scripts sit in a plain <div> (Dash's <footer> there was a second "contentinfo" landmark
# beside the page's own footer).
INDEX = """<!DOCTYPE html>
<html lang="{%lang%}">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


def page_language() -> str:
    """The request's language as a BCP 47 tag for `lang` ("en", "cy", "es"), else "en"."""
    locale = get_locale()
    return str(locale).replace("_", "-") if locale else "en"


def install_index(app: dash.Dash) -> None:
    """Serve `INDEX`, its `lang` filled for each request."""
    app.index_string = INDEX
    interpolate = app.interpolate_index

    def interpolate_index(**parts: str) -> str:
        return interpolate(**parts).replace("{%lang%}", page_language(), 1)

    app.interpolate_index = interpolate_index


def navigation_items(role: str) -> list[NavItem]:
    """Pages the role may use, in registry order (never a hand-kept list)."""
    pages = sorted(dash.page_registry.values(), key=lambda page: page.get("order", 100))
    return [
        NavItem(label=_(page["name"]), href=page["path"])
        for page in pages
        if allowed(role, page["policy_key"])
        and not page.get("hide_in_nav")
        and role in page.get("nav_roles", {role})  # a page may be linked only from another
    ]


def register_shell_callbacks(app: dash.Dash) -> None:
    """The frame's own callbacks, registered on each app (not at import: a module's callbacks
    registered at import go to whichever app is set up first, and tests build several).

    The menu button on narrow screens opens and closes the menu (assets/dashboard.js: the CSP
    allows no inline script)."""
    app.clientside_callback(
        ClientsideFunction(namespace="dashboard", function_name="toggleNavbar"),
        Output("shell-navbar-collapse", "is_open"),
        Input("shell-navbar-toggler", "n_clicks"),
        State("shell-navbar-collapse", "is_open"),
    )


def shell_layout() -> html.Div:
    """Served on /_dash-layout for each request: frame only, no data."""
    viewer = current_viewer()
    return html.Div(
        [
            html.A(
                _("Skip to main content"),
                href="#main",
                className="visually-hidden-focusable skip-link",
            ),
            create_navbar(
                items=navigation_items(viewer.role),
                username=viewer.username,
                role_label=role_label(viewer.role),
                csrf_token=generate_csrf(),
                brand=_("LGBT+ Liaison & Accountability"),
                sign_in_label=_("Sign in"),
                sign_out_label=_("Sign out"),
                language_switch=create_language_switch(
                    LANGUAGES, str(get_locale()), label=_("Language")
                ),
            ),
            # tabIndex -1: the skip link moves focus here (not only the scroll position)
            html.Main(
                dash.page_container, id="main", className="container-fluid py-3", tabIndex="-1"
            ),
            html.Footer(
                _(
                    "Figures for the public and partners are disclosure-controlled: small "
                    "counts are shown as [c]. Demo data is synthetic."
                ),
                className="container-fluid small text-muted border-top py-2",
            ),
        ]
    )
