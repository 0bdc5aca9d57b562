"""Tests of the workload page."""
