"""Tests of the open data page."""
