"""Translation helpers and the viewer's language: every user-facing string goes through these.

The language comes from `?lang=xx` in the address (remembered in a `lang` cookie so a
shared link opens in that language and the page's callbacks answer in it too), else the
cookie, else the browser's Accept-Language, else English."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, request
from flask_babel import Babel, get_locale, gettext, lazy_gettext, ngettext

LANGUAGES = {"en": "English", "cy": "Cymraeg", "es": "Español"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_PARAM = "lang"
LANGUAGE_COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

babel = Babel()
_ = gettext
_l = lazy_gettext
__all__ = [
    "APP_NAME",
    "LANGUAGES",
    "N_",
    "_",
    "_l",
    "babel",
    "init_languages",
    "language_links",
    "ngettext",
    "requested_language",
    "select_locale",
]


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (translated where shown)."""
    return message


APP_NAME = N_("LGBT+ Liaison & Accountability")


def requested_language() -> str | None:
    """A known language code given in the address, else None (unknown codes are ignored)."""
    wanted = request.args.get(LANGUAGE_PARAM, "").strip().lower()
    return wanted if wanted in LANGUAGES else None


def select_locale() -> str:
    """The address's `lang`, else the `lang` cookie, else the browser's best match, else en."""
    wanted = requested_language() or request.cookies.get(LANGUAGE_COOKIE)
    if wanted in LANGUAGES:
        return wanted
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def remember_language(response: Response) -> Response:
    """Keep a language chosen in the address in a cookie, for later pages and callbacks."""
    wanted = requested_language()
    if wanted and request.cookies.get(LANGUAGE_COOKIE) != wanted:
        response.set_cookie(
            LANGUAGE_COOKIE,
            wanted,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure,
            httponly=True,  # read by the server only
        )
    return response


def language_links() -> list[dict[str, str | bool]]:
    """For the templates' switch: each language's link to this page (its query kept)."""
    current = str(get_locale())
    links = []
    for code, name in LANGUAGES.items():
        query = {**request.args.to_dict(), LANGUAGE_PARAM: code}
        links.append(
            {
                "code": code,
                "name": name,
                "href": f"{request.path}?{urlencode(query)}",
                "current": code == current,
            }
        )
    return links


def init_languages(server: Flask) -> None:
    """Bind Flask-Babel (translations in dashboard/translations), the language cookie and
    the templates' `language_links()` and `get_locale()` (their `<html lang>`)."""
    babel.init_app(server, locale_selector=select_locale)
    server.after_request(remember_language)
    server.jinja_env.globals["language_links"] = language_links
    server.jinja_env.globals["get_locale"] = lambda: str(get_locale() or "en")
