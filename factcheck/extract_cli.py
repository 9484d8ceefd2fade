"""`factcheck extract SOURCE… [-o OUT]`: documents in, claim files out, people's edits kept.

``add_extract_parser(subparsers)`` registers the subcommand on the main parser; ``main(argv)``
runs it on its own (used by the tests). Every bad file gets one line ``path: FCnnn message``
on stderr and the others carry on; the exit code is 0 when every file succeeded, 1 when any
failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from factcheck.bounds import DEFAULT_MAX_MEMORY
from factcheck.discover.options import Discovery
from factcheck.discover.options import add_switches as add_discovery_switches
from factcheck.discover.options import from_args as discovery_from_args
from factcheck.errors import FactcheckError, shown_name
from factcheck.sources.text import DEFAULT_MAX_BYTES

DEFAULT_PAGE_TIMEOUT = 30.0
DEFAULT_OUTPUT = "claims"
PASSWORD_ENV = "FACTCHECK_PDF_PASSWORD"


def _say(text: str, stream: TextIO | None = None) -> None:
    """Print one message (stderr by default): no control characters, no workflow-command line."""
    from factcheck.report.sanitize import write_line  # imports the report package: only when printing

    write_line(text, stream if stream is not None else sys.stderr)


def parse_size(text: str) -> int:
    """'200MB', '1.5 GB', '500k', '1048576' -> bytes."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*", text, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"cannot read {text!r} as a size such as 200MB")
    number = float(m.group(1))
    unit = (m.group(2) or "b").lower().rstrip("b").rstrip("i")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]
    return int(number * factor)


MAX_JOBS = 256  # processes started at once; more would exhaust the machine before any speed-up


def _positive_int(text: str) -> int:
    try:
        value = int(text[:20])
    except ValueError:
        raise argparse.ArgumentTypeError(f"FC331 {text[:40]!r} is not a whole number") from None
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"FC331 {text[:40]!r} is not a number of processes from 1 to {MAX_JOBS}")
    return value


AUTO_JOBS = 4  # processes a batch uses when --jobs is not given: past this, memory before speed


def _auto_jobs(documents: int) -> int:
    """Processes for a run without --jobs: a batch uses the machine's cores (each document is read
    by one process, so the output is the same as a serial run's); one document stays in one."""
    if documents < 2:
        return 1
    return max(1, min(os.cpu_count() or 1, AUTO_JOBS, documents))


MAX_PAGE_TIMEOUT = 86400.0  # a day: longer is no limit at all, and far beyond a timer's range


def _seconds(text: str) -> float:
    """A ``--page-timeout``: a finite number of seconds from 0 (no limit) to a day."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (0 <= value <= MAX_PAGE_TIMEOUT):  # also false for nan
        raise argparse.ArgumentTypeError(
            f"FC331 {text[:40]!r} is not a number of seconds from 0 (no limit) to {MAX_PAGE_TIMEOUT:g}")
    return value


def _memory(text: str) -> int:
    """A ``--max-memory``: a size (0 for no limit), at least 64 MB so a worker can start."""
    value = parse_size(text)
    if value and value < 64 * 1024**2:
        raise argparse.ArgumentTypeError(f"FC331 {text[:40]!r} is less than 64MB, too little to read any document")
    return value


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the extract options to ``parser``."""
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="PDF, plain-text or HTML documents, or folders walked for them")
    parser.add_argument(
        "-o", "--output", metavar="DIR|FILE", default=None,
        help=f"claim file (.yaml) for a single source, or a folder for one <document-id>.yaml per source "
             f"(default: ./{DEFAULT_OUTPUT}/)",
    )
    parser.add_argument("--lang", choices=("nl", "en"), default=None,
                        help="document language; detected per document when not given")
    parser.add_argument("--password", default=None,
                        help=f"password for encrypted PDFs (or set {PASSWORD_ENV})")
    parser.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N",
                        help="processes: over the pages of one document, or over the documents of a batch; "
                             "with --executor dask, the workers of the LocalCluster (default: one for one "
                             f"document, else one per core, at most {AUTO_JOBS})")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="local: child processes on this machine (default); dask: one task per document "
                             "on a Dask cluster (pip install \"factcheck[dask]\")")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="with --executor dask: the address of a running Dask scheduler "
                             "(default: a LocalCluster of --jobs workers)")
    parser.add_argument("--force", action="store_true",
                        help="extract every document again, also those unchanged since their claim file was written")
    parser.add_argument("--dry-run", action="store_true",
                        help="write nothing; print the unified diff each claim file would get")
    parser.add_argument("--max-size", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                        help="refuse files larger than this (default 200MB)")
    parser.add_argument("--page-timeout", type=_seconds, default=DEFAULT_PAGE_TIMEOUT, metavar="SECONDS",
                        help=f"stop reading a document when one page takes longer; its worker process is killed "
                             f"(default {DEFAULT_PAGE_TIMEOUT:g}; 0 for no limit)")
    parser.add_argument("--max-memory", type=_memory, default=DEFAULT_MAX_MEMORY, metavar="SIZE",
                        help="memory one worker may use on top of what it starts with; a document that needs more "
                             "(a flate bomb) fails with FC300 (default 200MB; 0 for no limit)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (it only shows on a terminal)")
    parser.add_argument("--reference", action="append", default=[], metavar="TABLE",
                        help="link the documents' figures to this reference table (a budget CSV, or the claim file "
                             "that registers one); repeatable. A SOURCE that is a CSV is itself registered as a "
                             "reference table (docs/reference-tables.md)")
    parser.add_argument("--mapping", metavar="FILE", default=None,
                        help="for a CSV SOURCE (or --reference CSV) of another layout: the mapping file describing it")
    parser.add_argument("--name", default=None,
                        help="for a CSV SOURCE: the name ref() calls the table by (default: its layout's or mapping's)")
    add_discovery_switches(parser)
    parser.set_defaults(handler=run_extract)
    return parser


def add_extract_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``extract`` on the main parser's subparsers; its handler returns the exit code."""
    parser = subparsers.add_parser(
        "extract",
        help="extract every figure of PDF, text or HTML documents into claim files",
        description="Extract every figure (money, counts, percentages, ratios, durations) of PDF, plain-text "
                    "or HTML documents, with where it stands, into claim files. Re-running keeps people's "
                    "edits: a three-way merge per field against the last extraction.",
    )
    return configure_parser(parser)


def _claim_path(output: str | None, doc_id: str) -> Path:
    if output and output.endswith((".yaml", ".yml")):
        return Path(output)
    return Path(output or DEFAULT_OUTPUT) / f"{doc_id}.yaml"


def discovered_claims(source: Path, result: Any, discovery: Discovery | None = None) -> list[dict[str, Any]]:
    """What discovery adds to an extraction: relations, repeats and, for PDFs, table totals.

    A table that cannot be read is skipped with a warning: the prose figures still count.
    """
    from factcheck.discover import discover
    from factcheck.discover.figures import from_dicts

    discovery = discovery if discovery is not None else Discovery()
    out: list[dict[str, Any]] = []
    language = result.header.get("language", "nl")
    # The figures as discovery sees them, made once for the relations and the tables' statements.
    figures = from_dicts(result.claims, language) if discovery.relations or discovery.repeats else None
    if figures is not None:
        out.extend(discover(result.claims, language, relations=discovery.relations, repeats=discovery.repeats,
                            figures=figures))
    if discovery.tables and source.suffix.lower() == ".pdf":
        from factcheck.model import Document
        from factcheck.tables import check_found_tables, find_page_tables
        from factcheck.tables.readback import table_claims
        from factcheck.tables.settings import DEFAULT_SETTINGS, TableSettings

        # Extraction found the tables of the tabular pages it had open (extract_document(
        # table_totals=True)); what is left to read is rotated pages, or every tabular page when it
        # did not. Then all pages' tables are checked together, in page order, so that a table
        # continued on the next page is checked as one.
        lang = result.header.get("language")
        found = dict(result.found_tables) if result.tables_checked else {}
        for warning in result.table_warnings:
            _say(warning)
        pages = result.rotated_tabular_pages if result.tables_checked else result.tabular_pages
        if pages:
            try:
                found.update(find_page_tables(source, lang, pages=pages, all_pages=True))
            except FactcheckError as exc:
                _say(f"{exc} (table totals skipped)")
        settings = TableSettings(slip_alarms_only=False) if discovery.all_alarms else DEFAULT_SETTINGS
        checks = check_found_tables(source, found, lang, end_pages=set(result.table_end_pages), settings=settings)
        checks.sort(key=lambda c: (c.page, c.table))
        # written as `check` will read them back: a reading the claim file cannot state is a doubt
        out.extend(table_claims(checks, Document(id=str(result.header.get("id") or "document"), path=str(source),
                                                 language=language)))
        if discovery.relations:
            from factcheck.discover.text_tables import text_table_claims

            # statements in the text about the rows of these tables ("increased by $7.2 billion"),
            # also of figures the prose search read (a figure may be both, under two ids)
            prose: dict[str, list[str]] = {}
            for c in out:
                if (c.get("evidence") or {}).get("target"):
                    prose.setdefault(str(c["evidence"]["target"]), []).append(str(c["evidence"].get("inputs", "")))
            have = {c["id"] for c in out}
            shared = figures if (lang or "nl") == language else None
            out.extend(c for c in text_table_claims(result.claims, found, lang or "nl", figures=shared,
                                                    read_in_prose=prose) if c["id"] not in have)
            if figures is not None:
                from factcheck.discover.one_reading import rates_read_twice

                # a rate read in its sentence and again, with the same figures, off its table row: once
                twice = rates_read_twice(out, figures)
                out = [c for c in out if c["id"] not in twice]
    return out


def run_extract(args: argparse.Namespace) -> int:
    """The ``extract`` handler: walk, skip the unchanged, extract, merge, write (or diff); return the exit code."""
    from factcheck.corpus import Stamp, Tally, current_version, options_key, unchanged, walk_sources
    from factcheck.executor import run_documents
    from factcheck.extract.pipeline import document_id
    from factcheck.reference.register import is_table
    from factcheck.sources.text import sha256_of

    tables_given = [s for s in args.sources if is_table(s)]
    if tables_given:
        failed = _register_tables(tables_given, args)
        if len(tables_given) == len(args.sources):
            return 1 if failed else 0
        args.sources = [s for s in args.sources if not is_table(s)]
    references = _references(args)
    if references is None:
        return 2
    sources, empty = walk_sources(args.sources)
    output: str | None = args.output
    for folder in empty:
        _say(f"{shown_name(folder)}: FC322 no PDF, text or HTML files in this folder")
    if not sources:
        return 2
    if output and output.endswith((".yaml", ".yml")) and len(sources) > 1:
        _say(f"factcheck extract: -o {shown_name(output)} names one file but {len(sources)} sources were given; "
             "give a folder instead")
        return 2
    if args.scheduler and args.executor != "dask":
        print("factcheck extract: --scheduler needs --executor dask", file=sys.stderr)
        return 2
    password = args.password if args.password is not None else os.environ.get(PASSWORD_ENV)
    jobs = int(args.jobs) if args.jobs else _auto_jobs(len(sources))
    discovery = discovery_from_args(args)
    page_jobs = jobs if len(sources) == 1 and args.executor == "local" else 1
    options = {
        "language": args.lang, "password": password, "jobs": page_jobs,
        "page_timeout": args.page_timeout or None, "max_bytes": args.max_size,
        "table_totals": discovery.tables,
    }
    tally = Tally()
    conflicts = 0

    def claim_target(source: str) -> tuple[Path, str]:
        claim_path = _claim_path(output, document_id(Path(source)))
        try:
            ref = os.path.relpath(Path(source).resolve(), claim_path.parent.resolve())
        except ValueError:  # another drive on Windows
            ref = str(Path(source).resolve())
        return claim_path, ref

    # What makes a claim file's content, besides the document's bytes and factcheck's version.
    def settings(ref: str) -> str:
        key: dict[str, Any] = {"language": args.lang, "discovery": discovery.names, "source": ref}
        if discovery.all_alarms:
            key["all_alarms"] = True
        if references:
            key["reference"] = [t.sha256 for t in references]
        return options_key(key)

    # Which documents need work: a second source for one claim file fails, an unchanged one is skipped.
    todo: list[int] = []
    targets: dict[int, tuple[Path, str]] = {}
    owner: dict[Path, str] = {}
    lines: dict[int, list[str]] = {}  # what to print for documents settled before the run
    for index, source in enumerate(sources):
        claim_path, ref = claim_target(source)
        key = claim_path.resolve()
        if key in owner:
            tally.failed += 1
            lines[index] = [f"{source}: FC323 {owner[key]} writes the same claim file {claim_path}; "
                            "rename one or extract them into different folders"]
            continue
        owner[key] = source
        targets[index] = (claim_path, ref)
        if not args.force and Path(source).is_file():
            try:
                stamp = unchanged(claim_path, sha256_of(Path(source)), settings(ref))
            except OSError:
                stamp = None  # the extractor will say what is wrong with it
            if stamp is not None:
                tally.skipped += 1
                tally.add(stamp)
                continue
        todo.append(index)

    def handle(index: int, status: str, result: Any) -> None:
        nonlocal conflicts
        source = sources[index]
        if status == "error":
            tally.failed += 1
            _say(str(result))
            return
        claim_path, ref = targets[index]
        for message in result.messages:
            _say(message)
        if references:
            from factcheck.reference.link import link_document

            try:
                links = link_document(Path(source), result.claims, references, result.header.get("language"))
            except FactcheckError as exc:
                _say(f"{exc} (reference links skipped)")
                links = []
            have = {c.get("id") for c in result.claims}
            result.claims.extend(link for link in links if link["id"] not in have)
            result.discovered += len(links)
        # only this process writes: imported once a document is read, not before the first worker starts
        from factcheck.merge import merge_into_file

        header = dict(result.header, source=ref)
        stamp = Stamp(header.get("sha256", ""), current_version(), settings(ref), result.pages, result.figures,
                      result.checks, result.problems)
        try:
            diff, report = merge_into_file(claim_path, header, result.claims, result.info, dry_run=args.dry_run,
                                           stamp=stamp.to_line())
        except FactcheckError as exc:
            tally.failed += 1
            _say(str(exc))
            return
        except OSError as exc:
            tally.failed += 1
            _say(f"{shown_name(claim_path)}: FC330 cannot write: {exc.strerror or exc}")
            return
        tally.done += 1
        tally.add(stamp)
        if args.dry_run and diff:
            from factcheck.report.sanitize import guard_workflow_commands

            sys.stdout.write(guard_workflow_commands(diff))
        conflicts += len(report.conflicts)
        for warning in report.warnings:
            _say(f"{warning} (warning)")
        positions = {}
        if report.conflicts and not args.dry_run:
            from factcheck.claimfile import conflict_positions

            positions = conflict_positions(claim_path.read_text(encoding="utf-8"), str(claim_path))
        for claim_id, field in report.conflicts:
            line, col = positions.get((claim_id, field), (None, None))
            where = f"{shown_name(claim_path)}:{line}:{col}" if line is not None else shown_name(claim_path)
            _say(f"{where}: FC310 conflict in {claim_id}.{field}: your edit kept, "
                 f"extraction changed it too (see `conflict:`) (warning)")
        if not report.changed:
            verb = "unchanged"
        else:
            verb = "would write" if args.dry_run else "wrote"
        _say(f"{shown_name(source)}: {verb} {shown_name(claim_path)}: {result.figures} figures, "
             f"{result.discovered} discovered ({report.summary()})")

    show_progress = not args.no_progress and sys.stderr.isatty()
    progress: Any = None
    one_document = len(sources) == 1
    if show_progress and not one_document:
        from factcheck.report.terminal import ProgressBar

        progress = ProgressBar(tally.progress(), len(sources))

    def pages_done(source: str, done: int, total: int) -> None:
        nonlocal progress
        if not (show_progress and one_document):
            return
        if progress is None:
            # One document counts pages, known once the document is open: a bar drawn before
            # would read "0/1" (the one document) and then jump to the page count.
            from factcheck.report.terminal import ProgressBar

            progress = ProgressBar(f"{Path(source).name} (pages)", total)
        progress.update(done, total)

    def settle(index: int, status: str = "", result: Any = None) -> None:
        if index in lines:
            for line in lines.pop(index):
                _say(line)
        elif status:
            handle(index, status, result)
        if progress is not None and not one_document:
            progress.advance(tally.progress())

    # Results are handled (merged, written, reported) in the order the sources were given.
    finished: dict[int, tuple[str, Any]] = {}
    pending = iter(range(len(sources)))
    next_index = next(pending, None)
    waiting = set(todo)

    def flush() -> None:
        nonlocal next_index
        while next_index is not None and (next_index not in waiting or next_index in finished):
            if next_index in finished:
                settle(next_index, *finished.pop(next_index))
            else:
                settle(next_index)
            next_index = next(pending, None)

    try:
        flush()
        work = [sources[i] for i in todo]
        for position, status, result in run_documents(
            work, options, discovery, executor=args.executor, jobs=jobs if len(work) > 1 or args.executor == "dask" else 1,
            page_timeout=args.page_timeout or None, scheduler=args.scheduler, on_pages=pages_done,
            max_memory=args.max_memory or None,
        ):
            finished[todo[position]] = (status, result)
            flush()
    except FactcheckError as exc:  # the executor itself failed (no Dask, no scheduler): usage, not a document
        _say(str(exc))
        return 2
    finally:
        if progress is not None:
            progress.stop()
    print(tally.summary(), file=sys.stderr)
    return 1 if tally.failed else 0


def _register_tables(tables: list[str], args: argparse.Namespace) -> bool:
    """Register each CSV source as a reference table; True when one failed."""
    from factcheck.reference.register import register

    failed = False
    output = args.output if len(tables) == 1 or not (args.output or "").endswith((".yaml", ".yml")) else None
    for source in tables:
        try:
            target, table = register(source, output, args.mapping, args.name, dry_run=args.dry_run)
        except FactcheckError as exc:
            _say(str(exc))
            failed = True
            continue
        for warning in table.warning_lines():
            _say(warning)
        verb = "would register" if args.dry_run else "registered"
        _say(f"{shown_name(source)}: {verb} reference table {table.name!r} ({table.rows} rows, layout "
             f"{table.layout.name}) in {shown_name(target)}")
    return failed


def _references(args: argparse.Namespace) -> list[Any] | None:
    """The tables of ``--reference``, read; None (after saying why) when one cannot be read."""
    from factcheck.reference.register import open_table

    tables = []
    for given in args.reference:
        try:
            tables.append(open_table(given, args.mapping if given.lower().endswith(".csv") else None))
        except FactcheckError as exc:
            _say(f"--reference {shown_name(given)}: {exc}")
            return None
    return tables


def main(argv: list[str] | None = None) -> int:
    """Run ``extract`` on its own: ``python -m factcheck.extract_cli SOURCE…``."""
    parser = configure_parser(argparse.ArgumentParser(prog="factcheck extract"))
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
