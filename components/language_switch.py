"""The language switch: one plain link per language, each named in its own language."""

from __future__ import annotations

from dash import html

LANGUAGE_LINK_ID = "shell-language-{code}"


def create_language_switch(
    languages: dict[str, str], current: str, label: str, href: str = "?lang={code}"
) -> html.Nav:
    """Links `?lang=xx` (relative: the browser keeps the page's path); each carries `lang` and
    `hreflang` so screen readers say the name in its language; the current one is marked."""
    links = [
        html.Li(
            html.A(
                name,
                href=href.format(code=code),
                id=LANGUAGE_LINK_ID.format(code=code),
                lang=code,
                hrefLang=code,
                className="language-link active" if code == current else "language-link",
                **({"aria-current": "true"} if code == current else {}),
            ),
            className="list-inline-item mb-0",
        )
        for code, name in languages.items()
    ]
    return html.Nav(
        html.Ul(links, className="list-inline mb-0"),
        **{"aria-label": label},
        className="language-switch small",
    )
