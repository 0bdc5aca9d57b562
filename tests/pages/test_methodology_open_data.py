"""The methodology page's open-data blocks: generated from the catalogue, with the threshold."""

from __future__ import annotations

import json

from dashboard.open_data.catalogue import CATALOGUE


def test_open_data_blocks_state_the_threshold_and_every_dataset(app):
    from pages.methodology_open_data import open_data_sections

    with app.server.test_request_context("/"):
        text = json.dumps([block.to_plotly_json() for block in open_data_sections(10)], default=str)
        titles = [str(d.title) for d in CATALOGUE.values()]
    assert "A count from 1 to 9 is hidden as [c]" in text
    assert "Known limitations" in text and "under-reported" in text
    assert all(title in text for title in titles)
