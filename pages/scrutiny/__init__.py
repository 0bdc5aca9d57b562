"""The community scrutiny panel page."""
