"""Data layer: SQLAlchemy models, sessions, migrations and aggregate queries (no Dash here)."""
