"""The network progress report."""
