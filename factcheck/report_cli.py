"""``factcheck report``: turn the verdicts for claim files into a report, in one format or all.

    factcheck report [PATH ...] [--format FORMAT] [-o FILE] [--baseline OLD.json]
    factcheck report [PATH ...] --report-dir DIR        # every format, one file each

Exit codes as ``factcheck check``: 0 every verdict as expected, 1 some verdict unexpected, 2 a
claim file or the baseline could not be read. ``--exit-zero`` makes 1 a 0 (for report-only CI
jobs). Argument parsing and output only; the check and the view come from :mod:`factcheck.application`,
the formats from :mod:`factcheck.report`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from factcheck.cache_switch import add_switch as add_cache_switch
from factcheck.discover.options import add_switches as add_discovery_switches
from factcheck.errors import shown_name
from factcheck.fileio import atomic_write

__all__ = ["add_report_parser", "run_report"]


def _formats() -> tuple[str, ...]:
    from factcheck.report import format_names

    return format_names()


def add_report_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="write a verification report: terminal, markdown, html, json, junit or sarif",
        description=(
            "Check claim files and write a report of the verdicts: unexpected verdicts first, then the "
            "documents' problems by severity, then the rest. With --baseline, also the verdicts that changed "
            "since an earlier JSON report."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="claim files or folders (default: claims/)")
    parser.add_argument(
        "-f", "--format", choices=_formats(), default="terminal", help="report format (default: terminal)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    add_discovery_switches(parser)
    add_cache_switch(parser)
    parser.add_argument(
        "--report-dir", metavar="DIR", help="write every format into DIR (report.txt, report.md, report.html, ...)"
    )
    parser.add_argument(
        "--baseline", metavar="OLD.json", help="an earlier `--format json` report: show which verdicts changed"
    )
    parser.add_argument(
        "--all", action="store_true",
        help="list every relation; without it terminal, Markdown and HTML count the consistent ones",
    )
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a verdict is unexpected (still 2 on unreadable input)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="read every figure as exact, as `precision: exact` under `document:` does (as in `check`)",
    )
    parser.set_defaults(handler=run_report)
    return parser


def _write(path: str | Path, text: str) -> None:
    """Replace ``path`` in one step, so a reader never sees half a report."""
    atomic_write(path, text)


def _say(text: str, stream: TextIO) -> None:
    from factcheck.report.sanitize import write_line

    write_line(text, stream)


def run_report(args: argparse.Namespace, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Handle ``factcheck report``; returns the exit code."""
    from factcheck.application import check_and_view_args  # the engine: only for a command that checks
    from factcheck.report import html_index, render_view, write_view
    from factcheck.report.terminal import print_report

    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    run, view = check_and_view_args(args)  # FC400 on a bad baseline, before the check
    assert view is not None  # asked for by default
    for diag in run.diagnostics:
        _say(str(diag) + (" (warning)" if diag.severity == "warning" else ""), err)
    figures = html_index.figure_counts(run.files)
    if args.report_dir:
        for path in write_view(view, Path(args.report_dir), figures=figures):  # the same view: formats share its work
            _say(f"wrote {shown_name(path)}", err)
    if args.output and args.format == "html" and html_index.wants_index(view):
        pages = html_index.write_index(view, Path(args.output), figures)
        _say(f"wrote {shown_name(args.output)} and {len(pages) - 1} document pages in {shown_name(pages[0].parent)}", err)
    elif args.output:
        _write(args.output, render_view(view, args.format))
        _say(f"wrote {shown_name(args.output)}", err)
    else:
        if args.format == "terminal":
            print_report(view, out)  # colours on a terminal, plain text in a pipe
        else:
            out.write(render_view(view, args.format))
    if any(d.severity == "error" for d in run.diagnostics):
        return 2
    if view.unexpected and not args.exit_zero:
        return 1
    return 0
