"""Translation helpers: every user-facing string goes through these."""

from __future__ import annotations

from flask import request
from flask_babel import Babel, gettext, lazy_gettext, ngettext

LANGUAGES = {"en": "English"}

babel = Babel()
_ = gettext
_l = lazy_gettext
__all__ = ["LANGUAGES", "N_", "_", "_l", "babel", "ngettext", "select_locale"]


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (translated where shown)."""
    return message


def select_locale() -> str:
    """The `lang` query parameter or cookie, else the browser's best match, else English."""
    wanted = request.args.get("lang") or request.cookies.get("lang")
    if wanted in LANGUAGES:
        return wanted
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"
