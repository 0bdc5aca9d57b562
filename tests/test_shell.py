"""The app frame: <html lang> follows the request's language on Dash's index and the Flask
pages; one footer (contentinfo) landmark; a skip link to the focusable main content."""

from __future__ import annotations

import json

import pytest

from dashboard.i18n import LANGUAGES


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_html_lang_follows_the_language_asked_for(client, language):
    for path in ("/public", "/login"):
        html = client.get(f"{path}?lang={language}").get_data(as_text=True)
        assert f'<html lang="{language}">' in html, path


def test_an_unknown_language_gives_english(client):
    html = client.get("/public?lang=xx").get_data(as_text=True)
    assert '<html lang="en">' in html and "{%lang%}" not in html


def test_dash_index_has_no_footer_of_its_own(client):
    """Dash wraps its scripts in <footer>: a second contentinfo beside the page's footer."""
    html = client.get("/public").get_data(as_text=True)
    assert "<footer" not in html.lower()


def test_the_skip_link_comes_first_and_main_takes_focus(client):
    layout = json.dumps(client.get("/_dash-layout").get_json())
    skip = layout.index("Skip to main content")
    assert skip < layout.index("shell-navbar-toggler")
    assert '"href": "#main"' in layout
    assert '"id": "main"' in layout and '"tabIndex": "-1"' in layout
    assert layout.count('"type": "Footer"') == 1
