"""Tests of the open-data catalogue, its API, export and harvest helper."""
