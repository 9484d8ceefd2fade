"""`python -m factcheck` runs the same command line as the `factcheck` script."""

from factcheck.cli import run

run()
