"""The community engagement page."""
