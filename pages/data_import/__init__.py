"""The import page: upload, preview and confirm one file of a force's records."""
