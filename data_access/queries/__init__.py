"""Aggregate queries: each takes a session and an organisation id and returns a small DataFrame."""
