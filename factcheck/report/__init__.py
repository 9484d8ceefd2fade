"""Verification reports: terminal, Markdown, HTML, JSON, JUnit XML and SARIF, from one check run.

>>> from factcheck.engine import check_paths
>>> from factcheck.report import render, write_reports
>>> run = check_paths(["claims/"])
>>> print(render(run, "markdown"))                      # doctest: +SKIP
>>> write_reports(run, Path("reports"))                 # doctest: +SKIP

Every format shows the same things in the same order (see :mod:`factcheck.report.view`):
the documents, the time and factcheck version, the count per verdict, then the results,
unexpected verdicts first, then the documents' problems by severity (conflict, mismatch,
scale, unit, error, unverifiable), then the rest. The reports people read (terminal, Markdown,
HTML) list the problems in full and only count the expected `consistent` relations, unless
asked for everything (``full=True``, ``factcheck report --all``); JSON, JUnit and SARIF are
read by machines (JSON also serves as a baseline) and always list every relation. With a baseline (an earlier JSON
report) every format also lists the verdicts that changed.

Formats are registered in :data:`FORMATS`; other packages can add one through the entry-point
group ``factcheck.report_formats`` (a callable taking a :class:`ReportView`, returning text).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from factcheck.errors import OutputError
from factcheck.fileio import atomic_write
from factcheck.report.diff import BaselineError, attach_changes, load_baseline
from factcheck.report.sanitize import guard_workflow_commands
from factcheck.report.view import ReportView, RunLike, SimpleRun, collector_paused
from factcheck.report.view import build_view as _view_of

__all__ = [
    "ALL",
    "FORMATS",
    "Format",
    "BaselineError",
    "ReportView",
    "SimpleRun",
    "build_view",
    "format_names",
    "load_baseline",
    "register_format",
    "render",
    "render_view",
    "write_reports",
    "write_view",
]

ENTRY_POINT_GROUP = "factcheck.report_formats"


@dataclass(frozen=True)
class Format:
    """A report format: its name, the file name ``write_reports`` uses, and the renderer."""

    name: str
    filename: str
    render: Callable[[ReportView], str]
    description: str = ""


def _renderer(module: str) -> Callable[[ReportView], str]:
    """A built-in format's ``render``, its module (rich, Jinja2, tabulate) imported on the first
    report of that format: ``extract`` prints through this package's sanitizer and needs none."""

    def render(view: ReportView) -> str:
        rendered: str = importlib.import_module(f"factcheck.report.{module}").render(view)
        return rendered

    render.__qualname__ = render.__name__ = f"{module}.render"
    return render


FORMATS: dict[str, Format] = {
    "terminal": Format("terminal", "report.txt", _renderer("terminal"), "rich tables; plain text when not a terminal"),
    "markdown": Format("markdown", "report.md", _renderer("markdown"), "GitHub/GitLab Markdown"),
    "html": Format("html", "report.html", _renderer("html"), "one self-contained HTML file"),
    "json": Format("json", "report.json", _renderer("json"), "versioned JSON, docs/report-json.md"),
    "junit": Format("junit", "report.junit.xml", _renderer("junit"), "JUnit XML, one test case per relation"),
    "sarif": Format("sarif", "report.sarif", _renderer("sarif"), "SARIF 2.1.0 for code scanning"),
}

#: The built-in formats, in the order ``write_reports`` writes them.
ALL: tuple[str, ...] = tuple(FORMATS)

_plugins_loaded = False



def build_view(
    run: RunLike,
    *,
    generated_at: datetime | str | None = None,
    base_dir: Path | None = None,
    baseline: Mapping[str, Any] | None = None,
    full: bool = False,
) -> ReportView:
    """Everything a report shows, in order; with ``baseline`` (a JSON report read by
    :func:`load_baseline`), each result also says how it changed since then. Without ``full``
    the terminal, Markdown and HTML reports list the problems and count the expected
    `consistent` relations; JSON, JUnit and SARIF, read by machines, are always complete."""
    view = _view_of(run, generated_at=generated_at, base_dir=base_dir, full=full)
    if baseline is not None:
        attach_changes(view, dict(baseline))
    return view

def register_format(fmt: Format) -> None:
    """Add a format (or replace one of the same name)."""
    FORMATS[fmt.name] = fmt


def format_names() -> tuple[str, ...]:
    """The name of every format :func:`render_view` knows, as the commands' ``-f/--format`` offer
    them: the registered ones, then those of installed plugins (named, not imported, so a broken
    plugin fails only when it is asked for)."""
    names = list(FORMATS)
    if not _plugins_loaded:
        names += [ep.name for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in names]
    return tuple(names)


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in FORMATS:
            continue
        renderer = ep.load()
        register_format(Format(ep.name, f"report.{ep.name}", renderer, getattr(renderer, "__doc__", "") or ""))


def get_format(name: str) -> Format:
    """The format called ``name``; ``KeyError`` listing the known ones otherwise."""
    _load_plugins()
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown report format {name!r}; known: {', '.join(FORMATS)}") from None


def _baseline(baseline: str | Path | Mapping[str, Any] | None) -> dict[str, Any] | None:
    if baseline is None:
        return None
    if isinstance(baseline, Mapping):
        return dict(baseline)
    return load_baseline(baseline)


def render_view(view: ReportView, fmt: str) -> str:
    """Render a prepared view; no line of the text can be read as a GitHub Actions command."""
    with collector_paused():
        return guard_workflow_commands(get_format(fmt).render(view))


def render(
    run: RunLike,
    fmt: str,
    baseline: str | Path | Mapping[str, Any] | None = None,
    *,
    generated_at: datetime | str | None = None,
    base_dir: Path | None = None,
    full: bool = False,
) -> str:
    """The report for ``run`` in format ``fmt``.

    ``baseline`` is an earlier JSON report (a path, or its parsed data). ``generated_at``
    overrides the time stamp (``SOURCE_DATE_EPOCH`` is honoured too); ``base_dir`` is what paths
    are shown relative to (default: the working directory); ``full`` lists every relation
    (see :func:`build_view`).
    """
    with collector_paused():
        view = build_view(run, generated_at=generated_at, base_dir=base_dir, baseline=_baseline(baseline),
                          full=full)
        return render_view(view, fmt)


def write_reports(
    run: RunLike,
    directory: Path,
    formats: Iterable[str] = ALL,
    baseline: str | Path | Mapping[str, Any] | None = None,
    *,
    generated_at: datetime | str | None = None,
    base_dir: Path | None = None,
    full: bool = False,
) -> list[Path]:
    """Write one file per format into ``directory`` (created if needed); return the paths written.

    File names: report.txt, report.md, report.html, report.json, report.junit.xml, report.sarif.
    """
    with collector_paused():
        view = build_view(run, generated_at=generated_at, base_dir=base_dir, baseline=_baseline(baseline),
                          full=full)
        return write_view(view, directory, formats)


def write_view(view: ReportView, directory: Path, formats: Iterable[str] = ALL,
               figures: Mapping[str, int] | None = None) -> list[Path]:
    """:func:`write_reports` for a prepared view: what one format works out, the next reuses.

    HTML for many documents is an index with a page per document (factcheck.report.html_index);
    ``figures`` gives the index its figures per claim file.
    """
    from factcheck.report import html_index

    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, a read-only parent
        raise OutputError(f"cannot create the report folder: {exc.strerror or exc}", path=str(directory)) from None
    written: list[Path] = []
    with collector_paused():
        for name in formats:
            fmt = get_format(name)
            path = directory / fmt.filename
            if name == "html" and html_index.wants_index(view):
                written.extend(html_index.write_index(view, path, dict(figures or {})))
                continue
            text = render_view(view, name)
            atomic_write(path, text)
            written.append(path)
    return written
