"""`python -m dashboard …` runs the `figures` command line."""

from dashboard.cli import main

main(prog_name="figures")
