from dashboard.cli import cli

cli(prog_name="python -m dashboard")
