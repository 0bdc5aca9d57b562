"""The public summary page and its helpers."""
