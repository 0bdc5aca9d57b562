"""Reusable, pure Dash component factories (arguments in, components out)."""
