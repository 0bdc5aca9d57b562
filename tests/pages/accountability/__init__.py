"""Tests of the accountability page."""
