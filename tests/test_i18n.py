"""Languages: catalogue completeness, the language choice (?lang=, cookie, browser), locale
formatting, Welsh plural forms, the language switch, and pages and callbacks in each language."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import dash
import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask_babel import force_locale, ngettext

from dashboard import formatting
from dashboard.i18n import LANGUAGES
from tests.conftest import TRANSLATIONS
from tests.dash_client import call, find_callback, response_data

ROOT = TRANSLATIONS.parent.parent
EXTRACT_FROM = ["dashboard", "components", "pages", "data_access", "app.py"]
KEYWORDS = ["-k", "_l", "-k", "N_", "-k", "ngettext:1,2"]
PLACEHOLDER = re.compile(r"%\(\w+\)[-+ #0-9.]*[sdifgr]|\{\w*\}")
WELSH_PLURALS = (
    "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;"
)
COUNTS = (0, 1, 2, 3, 6, 20)
SPANISH_PLURALS = "nplurals=2; plural=(n != 1);"
CATALOGUES = [pytest.param("es", id="es"), pytest.param("cy", id="cy")]


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory, request) -> dict:
    """Every msgid in the code now: a fresh extraction into a temporary .pot."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    here = Path.cwd()
    try:
        import os

        os.chdir(ROOT)  # babel.cfg's patterns are relative to the project root
        CommandLineInterface().run(
            ["pybabel", "-q", "extract", "-F", "babel.cfg", *KEYWORDS, "--no-location",
             "-o", str(out), *EXTRACT_FROM]
        )  # fmt: skip
    finally:
        os.chdir(here)
    with out.open("rb") as handle:
        return {message.id: message for message in read_po(handle) if message.id}


def catalogue(code: str):
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalogue at {path}"
    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_the_committed_template_is_up_to_date(fresh_template):
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    assert committed == set(fresh_template), "run `make messages` and commit messages.pot"


@pytest.mark.parametrize("code", CATALOGUES)
def test_every_string_in_the_code_is_translated(code, fresh_template):
    messages = catalogue(code)
    translated = {m.id: m for m in messages if m.id}
    untranslated = [mid for mid in fresh_template if mid not in translated]
    assert not untranslated, f"{len(untranslated)} strings not in {code}: {untranslated[:10]}"
    fuzzy = [m.id for m in translated.values() if m.fuzzy]
    empty = [m.id for m in translated.values() if not all(forms(m.string))]
    assert not fuzzy, f"fuzzy in {code}: {fuzzy[:10]}"
    assert not empty, f"empty in {code}: {empty[:10]}"


@pytest.mark.parametrize("code", CATALOGUES)
def test_translations_keep_the_placeholders(code):
    wrong = []
    for message in catalogue(code):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            allowed = {tuple(placeholders(message.id[0])), tuple(placeholders(message.id[1]))}
            wrong += [f for f in message.string if f and tuple(placeholders(f)) not in allowed]
        elif placeholders(message.id) != placeholders(message.string or message.id):
            wrong.append(message.string)
    assert not wrong, f"{code}: placeholders differ from the msgid: {wrong[:5]}"


@pytest.mark.parametrize(
    "code, header",
    [pytest.param("es", SPANISH_PLURALS, id="es"),
     pytest.param("cy", WELSH_PLURALS, id="cy")],
)  # fmt: skip
def test_catalogue_plural_rules(code, header):
    path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    assert path.exists()
    with path.open("rb") as handle:  # the header as gettext reads it (it may be wrapped)
        found = read_po(handle).plural_forms
    assert found.replace(" ", "") == header.replace(" ", "")
    plural_count = catalogue(code).num_plurals
    assert plural_count == int(header.split(";")[0].split("=")[1])


def test_welsh_plural_forms_pick_forms_0_to_5(app):
    """0, 1, 2, 3, 6 and 20 items take Welsh's six forms in order (the compiled catalogue)."""
    plural = next(
        m for m in catalogue("cy") if isinstance(m.id, tuple) and m.id[0] == "Last %(num)d month"
    )
    with app.server.test_request_context("/"), force_locale("cy"):
        shown = [ngettext("Last %(num)d month", "Last %(num)d months", n) for n in COUNTS]
    expected = [f.replace("%(num)d", str(n)) for f, n in zip(plural.string, COUNTS, strict=True)]
    assert shown == expected
    assert len(set(plural.string)) >= 2


def test_spanish_plurals_at_run_time(app):
    with app.server.test_request_context("/"), force_locale("es"):
        assert ngettext("Last %(num)d month", "Last %(num)d months", 1) == "Último 1 mes"
        assert ngettext("Last %(num)d month", "Last %(num)d months", 6) == "Últimos 6 meses"
        assert ngettext("Last %(num)d month", "Last %(num)d months", 0) == "Últimos 0 meses"


# --- choosing the language ------------------------------------------------------------------


def test_lang_in_the_address_wins_and_is_remembered(app):
    client = app.server.test_client()
    response = client.get("/login?lang=es")
    assert response.status_code == 200
    assert "Iniciar sesión" in response.get_data(as_text=True)
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("lang="))
    assert cookie.startswith("lang=es;") and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    again = client.get("/login")  # the cookie alone
    assert "Iniciar sesión" in again.get_data(as_text=True)
    assert not any(c.startswith("lang=") for c in again.headers.getlist("Set-Cookie"))
    english = client.get("/login?lang=en")  # the address beats the cookie
    assert "Staff, partners and administrators sign in here" in english.get_data(as_text=True)


def test_the_browser_language_is_the_fallback(app):
    client = app.server.test_client()
    page = client.get("/login", headers={"Accept-Language": "es-ES,es;q=0.9,en;q=0.5"})
    assert "Iniciar sesión" in page.get_data(as_text=True)
    page = client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert "Staff, partners and administrators sign in here" in page.get_data(as_text=True)


@pytest.mark.parametrize("query, cookie", [("?lang=xx", None), ("?lang=", None), ("", "zz")])
def test_an_unknown_language_falls_back_to_english(app, query, cookie):
    client = app.server.test_client()
    if cookie:
        client.set_cookie("lang", cookie)
    response = client.get(f"/login{query}")
    assert response.status_code == 200
    assert "Staff, partners and administrators sign in here" in response.get_data(as_text=True)
    assert not any(c.startswith("lang=") for c in response.headers.getlist("Set-Cookie"))


def test_the_sign_in_page_has_the_language_switch(app):
    html = app.server.test_client().get("/login?lang=cy&next=/training").get_data(as_text=True)
    links = re.findall(r'<a class="language-link[^"]*" href="([^"]+)" lang="(\w+)" '
                       r'hreflang="(\w+)"( aria-current="true")?>([^<]+)</a>', html)  # fmt: skip
    assert [(lang, name) for _href, lang, _h, _cur, name in links] == [
        ("en", "English"), ("cy", "Cymraeg"), ("es", "Español")
    ]  # fmt: skip
    assert [lang for _href, lang, _h, current, _n in links if current] == ["cy"]
    assert all(href.startswith("/login?") and "next=%2Ftraining" in href for href, *_ in links)


def test_every_page_frame_has_the_language_switch(app):
    client = app.server.test_client()
    client.set_cookie("lang", "es")
    layout = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    for code, name in LANGUAGES.items():
        assert re.search(rf'"children": "{name}", "id": "shell-language-{code}"', layout)
        assert f'"href": "?lang={code}"' in layout and f'"hrefLang": "{code}"' in layout
    assert layout.count('"aria-current": "true"') == 1
    assert '"aria-current": "true", "children": "Español"' in layout or re.search(
        r'"children": "Español"[^}]*"aria-current": "true"', layout
    )
    assert "Resumen público" in layout  # the navigation, translated


# --- pages and callbacks in each language ---------------------------------------------------

PUBLIC_HEADING = {
    "en": "How the police serve LGBT+ people",
    "es": "Cómo atiende la policía a las personas LGBT+",
}


@pytest.mark.parametrize("code", ["en", "es"])
def test_a_page_renders_its_headings_in_the_language(app, code):
    page = next(p for p in dash.page_registry.values() if p["path"] == "/public")
    with app.server.test_request_context(f"/public?lang={code}"):
        tree = json.dumps(page["layout"]().to_plotly_json(), default=str, ensure_ascii=False)
        title = page["title"]()
    assert PUBLIC_HEADING[code] in tree
    assert title.startswith({"en": "Public summary", "es": "Resumen público"}[code])


def public_figures(app, lang: str) -> str:
    client = app.server.test_client()
    client.set_cookie("lang", lang)
    response = call(client, find_callback(app, "public-figures.children"),
                    {"public-ready.data": True})  # fmt: skip
    assert response.status_code == 200
    return json.dumps(response_data(response)["public-figures"], ensure_ascii=False)


def test_callbacks_answer_in_the_cookies_language(app):
    english, spanish = public_figures(app, "en"), public_figures(app, "es")
    assert "Hate incidents reported" in english and "Hate incidents reported" not in spanish
    assert "Incidentes de odio denunciados" in spanish


def test_numbers_and_dates_follow_the_language(app):
    """Large counts: es groups thousands with a dot; months are named in the language."""
    english, spanish = public_figures(app, "en"), public_figures(app, "es")
    grouped_en = re.findall(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d,])", english)
    assert grouped_en, "the demo public summary has a count of 1,000 or more"
    for figure in grouped_en:
        assert re.search(rf"(?<![\d.,]){re.escape(figure.replace(',', '.'))}(?![\d.])", spanish)
    months = (
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    )
    assert re.search(rf"\b({months}) de \d{{4}}", spanish)


@pytest.mark.parametrize(
    "code, number, percent, day, month",
    [
        ("en", "1,234.5", "45.6%", "12 Mar 2026", "November 2025"),
        ("es", "1.234,5", "45,6 %", "12 mar 2026", "noviembre de 2025"),
        ("cy", "1,234.5", "45.6%", "12 Maw 2026", "Tachwedd 2025"),
    ],
)
def test_formatting_by_locale(app, code, number, percent, day, month):
    with app.server.test_request_context("/"), force_locale(code):
        assert formatting.format_number(1234.5, 1) == number
        assert formatting.format_percent(45.6).replace("\xa0", " ") == percent
        assert formatting.format_date(date(2026, 3, 12)) == day
        assert formatting.format_month("2025-11") == month
        assert formatting.plotly_separators() == number[5] + number[1]
        assert formatting.format_number(None) == "-" and formatting.format_number("[c]") == "[c]"
        assert formatting.format_percent(-2.5, signed=True).startswith("-")
        assert formatting.format_percent(2.5, signed=True).startswith("+")


def test_figures_use_the_locales_separators(app):
    """Plotly draws numbers with `layout.separators`; the chart-with-table sets it."""
    assert '"separators": ",."' in public_figures(app, "es")
    assert '"separators": ".,"' in public_figures(app, "en")
