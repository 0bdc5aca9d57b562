"""Plain language: the public summary reads at a reading age of about 9–11 and the easy-read
page on how to report lower still (Flesch–Kincaid grade; reading age is about grade + 5)."""

from __future__ import annotations

import sys

import dash

from tests.conftest import OUTPUT
from tests.pages.public.readability import page_text, report, scores

PUBLIC_FIGURES = {"public-figures.children": {"public-ready.data": True}}


def _record(line: str, name: str, text: str) -> None:
    """Print the scores; keep them and the measured words in test-output/."""
    print(line)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"readability-{name}.txt").write_text(text + "\n")
    with (OUTPUT / "readability.txt").open("a") as summary:
        summary.write(line + "\n")


def test_public_summary_reads_at_age_11_or_under(app, client):
    text = page_text(app, client, "/public", PUBLIC_FIGURES)
    measured = scores(text)
    _record(report("the public summary (/public)", measured), "public", text)
    assert measured["words"] > 300, "the page's words were not all found"
    assert measured["grade"] <= 6.0, measured
    assert measured["ease"] >= 70, measured


def test_easy_read_how_to_report_reads_at_age_9_or_under(app, client):
    text = page_text(app, client, "/how-to-report")
    measured = scores(text)
    _record(report("how to report, easy read (/how-to-report)", measured), "how-to-report", text)
    for words in ("999", "101", "True Vision", "liaison officer", "third-party reporting"):
        assert words in text, words
    assert measured["grade"] <= 4.0, measured
    assert measured["ease"] >= 80, measured


def test_every_easy_read_step_has_a_picture_and_short_lines(app, client):
    # the module Dash Pages imported (importing it again would register the page again)
    page = next(p for p in dash.page_registry.values() if p["path"] == "/how-to-report")
    module = sys.modules[page["module"]]
    with app.server.test_request_context("/how-to-report"):
        for step in module.steps():
            assert (OUTPUT.parent / "assets" / "pictograms" / step.picture).is_file()
            for line in step.lines:
                assert len(line.split()) <= 12, line  # one idea per line
        assert all(len(line.split()) <= 12 for line in module.next_lines())
