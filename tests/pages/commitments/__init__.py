"""Tests of the commitments page."""
