"""The command line: argument parsing and dispatch only. ``main(argv) -> int``.

Exit codes: 0 every verdict as expected; 1 some verdict unexpected; 2 an input could not be read
(after every other file was still checked). User mistakes print ``path:line:col: FCnnn message``
on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from factcheck import __version__
from factcheck.cache_switch import add_switch as add_cache_switch
from factcheck.discover.options import add_switches as add_discovery_switches
from factcheck.errors import FactcheckError, did_you_mean, shown_name
from factcheck.report import format_names

# What checking needs (the engine, pint's units) is imported by the commands that check: `extract`
# starts its first document's worker before it has loaded them (factcheck.executor).
if TYPE_CHECKING:
    from factcheck.discover.options import Discovery
    from factcheck.engine import CheckRun
    from factcheck.model import Diagnostic, Result


def _emit(text: str, stream: TextIO) -> None:
    # Anything printed may carry text from documents; never let it form a `::command` line.
    from factcheck.report.sanitize import write_line

    write_line(text, stream)


def _print_diagnostics(diagnostics: Sequence[Diagnostic], stream: TextIO) -> None:
    for diag in diagnostics:
        suffix = " (warning)" if diag.severity == "warning" else ""
        _emit(f"{diag}{suffix}", stream)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand (also used to document them in the README)."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Recompute the figures in budget documents exactly and explain which ones hold.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check every relation in claim files; exit 1 on an unexpected verdict")
    check.add_argument("paths", nargs="*", metavar="PATH", help="claim files or folders (default: claims/)")
    check.add_argument("-f", "--format", choices=format_names(), default="terminal",
                       help="output format (default: terminal, a compact verdict table; the others are full reports)")
    check.add_argument("--all", action="store_true", help="list every relation in the verdict table and the reports, also consistent ones")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")
    check.add_argument("--report-dir", metavar="DIR", help="also write a report in every format into DIR")
    check.add_argument("--baseline", metavar="OLD.json", help="show verdicts that changed since a JSON report")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when a verdict is unexpected (still 2 on unreadable input)")
    check.add_argument("--strict", action="store_true",
                       help="read every figure as exact (as `precision: exact` under `document:` does), "
                            "so a slip in the last printed digit is a mismatch")
    add_discovery_switches(check)
    add_cache_switch(check)
    check.set_defaults(handler=_cmd_check)

    explain = sub.add_parser("explain", help="print the explanation of one claim's verdict")
    explain.add_argument("claim_id", metavar="ID", help="claim id, or document-id.claim-id")
    explain.add_argument("paths", nargs="*", metavar="PATH", help="claim files or folders (default: claims/)")
    explain.set_defaults(handler=_cmd_explain)

    accept = sub.add_parser("accept", help="accept the current verdicts as the baseline (writes expect:)")
    accept.add_argument("paths", nargs="*", metavar="PATH", help="claim files or folders (default: claims/)")
    accept.add_argument("--id", action="append", dest="ids", metavar="ID", help="only this claim (repeatable)")
    accept.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    accept.set_defaults(handler=_cmd_accept)

    schema = sub.add_parser("schema", help="print the JSON Schema of the claim-file format")
    schema.set_defaults(handler=_cmd_schema)

    for module, adder in (("factcheck.report_cli", "add_report_parser"), ("factcheck.extract_cli", "add_extract_parser")):
        try:
            imported = __import__(module, fromlist=[adder])
        except ImportError:
            continue
        getattr(imported, adder)(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from factcheck.fileio import remove_temps_on_signals

    remove_temps_on_signals()  # SIGTERM and SIGHUP leave no temporary files behind
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except FactcheckError as exc:
        _emit(str(exc), sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last resort; each file and claim has its own
        from factcheck.last_resort import INTERNAL_CODE, debugging, internal_message

        if debugging():
            raise
        _emit(f"factcheck: {INTERNAL_CODE} {internal_message(exc)}", sys.stderr)
        return 2


def run() -> NoReturn:
    """The ``factcheck`` script and ``python -m factcheck``: :func:`main`, then a quick exit."""
    code = main()
    # Python's own exit tears down every module and object of the run (pint's unit registry,
    # some 600 compiled patterns, the claims): 0.1-0.2 s of an `extract` of three large PDFs,
    # with nothing left to do. When no other thread runs, the exit handlers are run and the
    # output flushed here, and the process ends at once; every file was written and closed.
    import atexit
    import threading

    if threading.active_count() == 1:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - e.g. a closed pipe: Python's own exit reports it as always
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def _run(paths: list[str], discover: bool | Discovery = True, strict: bool = False) -> CheckRun:
    from factcheck.application import DEFAULT_PATHS, check_and_view

    return check_and_view(paths or DEFAULT_PATHS, discover=discover, strict=strict, view=False).run


def _cmd_check(args: argparse.Namespace) -> int:
    from factcheck.application import DEFAULT_PATHS, check_and_view_args
    from factcheck.report import render_view, write_view

    gate = args.format == "terminal" and not args.baseline
    # One view serves the report printed and the reports written, which share its work.
    run, view = check_and_view_args(args, view=not gate or bool(args.report_dir))
    _print_diagnostics(run.diagnostics, sys.stderr)
    if not run.diagnostics and run.summary()["files"] == 0:
        # a gate that checked nothing must not look like one that passed
        where = ", ".join(shown_name(p) for p in args.paths or DEFAULT_PATHS)
        _emit(f"{where}: FC112 no claim files found (*.yaml, *.yml): nothing was checked", sys.stderr)
        return 2
    if gate:
        # The gate's output: what needs attention, not a full report (that is `factcheck report`).
        from factcheck.report.terminal import verdict_table

        buffer = io.StringIO() if args.output else None
        verdict_table(run.results, show_all=args.all, file=buffer or sys.stdout)
        reasons = problem_lines(run.results)
        if buffer is not None:
            text = buffer.getvalue() + "".join(line + "\n" for line in reasons)
        else:
            if sys.stdout.isatty():
                # one line each for tools (a pipe); a person's terminal gets them wrapped between words
                from factcheck.report.terminal import wrap_line

                width = shutil.get_terminal_size().columns
                reasons = [part for line in reasons for part in wrap_line(line, width)]
            for line in reasons:
                _emit(line, sys.stdout)
            text = None
    else:
        assert view is not None  # built above for every full report
        text = render_view(view, args.format)
    if text is not None:
        if args.output:
            from factcheck.fileio import atomic_write
            from factcheck.report.sanitize import guard_workflow_commands

            atomic_write(args.output, guard_workflow_commands(text))
        else:
            _emit(text, sys.stdout)
    if args.report_dir and view is not None:
        from factcheck.report.html_index import figure_counts

        for written in write_view(view, Path(args.report_dir), figures=figure_counts(run.files)):
            _emit(f"wrote {shown_name(written)}", sys.stderr)
    _emit(_summary_line(run), sys.stderr)
    if run.exit_code == 1 and args.exit_zero:
        return 0
    return run.exit_code


def problem_lines(results: Sequence[Result]) -> list[str]:
    """One line per relation that needs attention, as linters print them (flake8 style): an
    `error` gives its `path:line:col: FCnnn message`; any other unexpected verdict gives where its
    formula stands, the verdict and the explanation's one-line reason."""
    from factcheck.explain import VERDICT_PREFIXES
    from factcheck.model import Verdict

    lines = []
    for r in results:
        if r.verdict is Verdict.ERROR and r.message:
            lines.append(r.message)
        elif not r.expected:
            where = r.claim.expr_location or r.claim.location
            reason = next((ln.split(":", 1)[1].strip() for ln in r.explanation.splitlines()
                           if ln.startswith(VERDICT_PREFIXES)), r.verdict.value)
            lines.append(f"{where}: {r.verdict.value}: {r.claim.id}: {reason}")
    return lines


def _summary_line(run: CheckRun) -> str:
    from factcheck.model import Verdict

    summary = run.summary()
    relations, files = summary["relations"], summary["files"]
    counts = ", ".join(
        f"{summary[v.value]} {v.value}" for v in Verdict if summary[v.value]
    )
    line = f"{relations} relation{'s' * (relations != 1)} in {files} file{'s' * (files != 1)}"
    if counts:
        line += f": {counts}"
    line += f"; {summary['unexpected']} unexpected"
    # A file that could not be read must not leave a summary that looks clean.
    broken: dict[str, list[str]] = {}
    for diag in run.diagnostics:
        if diag.severity == "error":
            broken.setdefault(diag.location.path, []).append(diag.code)
    if broken:
        codes = ", ".join(sorted({c for found in broken.values() for c in found}))
        line += f"; {len(broken)} file{'s' * (len(broken) != 1)} could not be read in full ({codes})"
    return line


def _cmd_explain(args: argparse.Namespace) -> int:
    from factcheck.application import DEFAULT_PATHS

    run = _run(args.paths)
    wanted = args.claim_id
    matches = [r for r in run.results if wanted in (r.claim.id, r.claim.qualified_id)]
    if not matches:
        known = [f for f in run.files for c in f.claims if wanted in (c.id, c.qualified_id)]
        _print_diagnostics([d for d in run.diagnostics if d.severity == "error"], sys.stderr)
        if known:
            _emit(f"{wanted} is an input (it has no expr), so it has no verdict of its own", sys.stderr)
        else:
            _emit(f"no claim {wanted!r} in {', '.join(shown_name(p) for p in args.paths or DEFAULT_PATHS)}", sys.stderr)
        return 2
    for result in matches:
        _emit(f"{result.claim.location}: {result.claim.qualified_id}: {result.verdict.value}"
              + ("" if result.expected else " (unexpected)"), sys.stdout)
        _emit(result.explanation, sys.stdout)
    return 0 if all(r.expected for r in matches) else 1


def _cmd_accept(args: argparse.Namespace) -> int:
    from factcheck.baseline import accept

    run = _run(args.paths)
    _print_diagnostics(run.diagnostics, sys.stderr)
    if args.ids:
        # an --id that names no relation is a typo, not "nothing to change"
        known = {r.claim.id for r in run.results} | {r.claim.qualified_id for r in run.results}
        unknown = [i for i in args.ids if i not in known]
        for wanted in unknown:
            _emit(f"--id {wanted}: FC131 no relation with this id in the files checked{did_you_mean(wanted, sorted(known))}",
                  sys.stderr)
        if unknown:
            return 2
    changes = accept(run.results, only=set(args.ids) if args.ids else None, dry_run=args.dry_run)
    for change in changes:
        if change.done:
            verb = "would set" if args.dry_run else "set"
            _emit(f"{shown_name(change.path)}: {change.claim_id}: {verb} expect: {change.new} (was {change.old or 'unset'})", sys.stdout)
        else:
            _emit(f"{shown_name(change.path)}: {change.code} {change.claim_id} not changed: {change.reason}", sys.stderr)
    if not changes:
        _emit("every verdict already matches its expect:", sys.stdout)
    failed = any(not c.done for c in changes)
    return 2 if failed or any(d.severity == "error" for d in run.diagnostics) else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    text = resources.files("factcheck").joinpath("schema/claimfile.schema.json").read_text(encoding="utf-8")
    json.loads(text)  # a broken schema is our bug; fail loudly here rather than in an editor
    _emit(text, sys.stdout)
    return 0
