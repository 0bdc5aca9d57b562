"""Tests of the public summary page."""
