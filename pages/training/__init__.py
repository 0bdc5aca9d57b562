"""The training coverage page."""
