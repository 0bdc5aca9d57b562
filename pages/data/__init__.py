"""The open data page (catalogue, viewer, data dictionary, revisions) and its helpers."""
