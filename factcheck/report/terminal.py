"""The terminal report: rich tables with coloured verdicts.

Strings from documents are always wrapped in :class:`rich.text.Text`, never passed as markup, so a
quote containing ``[bold]`` or ``[link=…]`` is shown as typed. rich writes no ANSI codes when the
output is not a terminal (a pipe, a file, CI logs) and honours ``NO_COLOR``; :func:`render`
returns plain text for files and golden tests, :func:`print_report` colours a real terminal.
"""

from __future__ import annotations

import io
import sys
from typing import Sequence, TextIO

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import Result
from factcheck.report.sanitize import clean, guard_workflow_commands
from factcheck.report.view import ReportView, ResultView

STYLES = {
    "consistent": "green",
    "rounding": "cyan",
    "mismatch": "bold red",
    "scale": "magenta",
    "unit": "yellow",
    "unverifiable": "yellow",
    "error": "bold red",
    "conflict": "bold magenta",
}

WIDTH = 120  # of the plain-text rendering


def _verdict(row: ResultView) -> Text:
    text = Text()
    if not row.expected:
        text.append("✗ ", style="bold red")
    text.append(row.verdict, style=STYLES.get(row.verdict, ""))
    if row.expected and row.expect:
        text.append(" (expected)", style="dim")
    if row.change is not None:
        text.append(f"\n{row.change.text}", style="italic")
    return text


def _quote(row: ResultView) -> Text:
    text = Text()
    for part, marked in row.quote_parts:
        text.append(part, style="bold underline" if marked else "")
    return text


def _renderables(view: ReportView) -> list[object]:
    out: list[object] = []
    head = Text()
    head.append("factcheck report", style="bold")
    head.append(f" · generated {view.generated_at} · factcheck {view.version}")
    out.append(head)
    for d in view.documents:
        line = Text("  ")
        line.append(d.id, style="bold")
        if d.title:
            line.append(f" — {d.title}")
        line.append(f"\n    source {d.source or '—'} · sha256 {d.sha256 or '—'} · claims {d.claim_file}", style="dim")
        out.append(line)
    summary = Text("  ")
    for verdict, n in view.counts.items():
        summary.append(f"{verdict} {n}", style=STYLES[verdict] if n else "dim")
        summary.append("  ")
    summary.append(f"unexpected {view.unexpected}", style="bold red" if view.unexpected else "bold green")
    out.append(summary)

    if view.changes is not None:
        base = view.baseline or {}
        changes = Table(
            title=Text(f"Changes since {base.get('path', 'the baseline')}"), box=box.SIMPLE, title_justify="left"
        )
        for col in ("change", "claim", "before", "now"):
            changes.add_column(col)
        for c in view.changes:
            changes.add_row(Text(c.kind), Text(c.key), Text(c.old_verdict or "—"), Text(c.new_verdict or "—"))
        if not view.changes:
            changes.add_row(Text("none"), Text(""), Text(""), Text(""))
        out.append(changes)

    for diag in view.diagnostics:
        where = diag.file + (f":{diag.line}:{diag.col or 1}" if diag.line is not None else "")
        style = "red" if diag.severity == "error" else "yellow"
        out.append(Text(f"{where}: {diag.code} {diag.message}", style=style))

    for doc, rows in view.by_document():
        table = Table(
            title=Text(f"{doc.id}: {doc.claim_file}"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            expand=False,
            caption=Text("✗ = unexpected verdict") if any(not r.expected for r in rows) else None,
            caption_justify="left",
        )
        table.add_column("verdict", no_wrap=True)
        table.add_column("claim", overflow="fold", min_width=12)
        table.add_column("stated", overflow="fold")
        table.add_column("computed", overflow="fold")
        table.add_column("difference", overflow="fold")
        table.add_column("rel.", overflow="fold", no_wrap=True)
        table.add_column("where", overflow="fold")
        for row in rows:
            table.add_row(
                _verdict(row),
                Text(row.id),
                Text(row.stated),
                Text(row.computed),
                Text(row.difference),
                Text(row.relative_difference),
                Text(row.location or row.source_location),
            )
        out.append(table)

    for row in view.results:
        if row.verdict == "consistent" and row.expected:
            continue
        title = Text()
        title.append(row.key, style="bold")
        title.append(" ")
        title.append_text(_verdict(row))
        title.append(f"  {row.source_location}", style="dim")
        lines: list[object] = [title]
        body = Text()
        if row.quote_parts:
            body.append("quote: ", style="dim")
            body.append_text(_quote(row))
            body.append("\n")
        for label, value in (
            ("where", row.location),
            (
                "stated",
                f"{row.stated} = {row.stated_value}" if row.stated_value not in ("", row.stated) else row.stated,
            ),
            ("stated interval", row.stated_interval),
            ("computed", row.computed),
            ("computed interval", row.computed_interval),
            (
                "difference",
                f"{row.difference} ({row.relative_difference})" if row.relative_difference else row.difference,
            ),
            ("formula", row.expr),
            ("filled in", row.formula_filled),
            *row.extra.items(),
            ("missing", ", ".join(row.missing)),
            ("message", row.message),
        ):
            if value:
                body.append(f"{label}: ", style="dim")
                body.append(value)
                body.append("\n")
        body.append(row.explanation)
        lines.append(Padding(body, (0, 0, 1, 4)))
        out.append(Group(*lines))  # type: ignore[arg-type]
    return out


def render(view: ReportView, width: int = WIDTH) -> str:
    """The report as plain text (no ANSI codes), for files and tests."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    for item in _renderables(view):
        console.print(item)
    text = "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))
    return guard_workflow_commands(text)


def print_report(view: ReportView, file: TextIO | None = None) -> None:
    """Print the report to a stream, in colour when it is a terminal and plain otherwise."""
    stream = file if file is not None else sys.stdout
    if not stream.isatty():
        stream.write(render(view))
        return
    console = Console(file=stream, emoji=False, highlight=False)
    with console.capture() as captured:
        for item in _renderables(view):
            console.print(item)
    stream.write(guard_workflow_commands(captured.get()))


def verdict_table(results: Sequence[Result], *, show_all: bool = False, file: TextIO | None = None) -> int:
    """The compact table `factcheck check` prints: one row per relation that needs attention.

    Rows are relations whose verdict is unexpected or not `consistent` (all of them with
    ``show_all``), unexpected first. Only the rows shown are formatted, so a 100k-claim check
    prints in milliseconds when almost everything holds. Returns the number of rows.
    """
    from factcheck.formatting import format_value

    stream = file if file is not None else sys.stdout
    rows = [r for r in results if show_all or not r.expected or r.verdict.value != "consistent"]
    rows.sort(key=lambda r: (r.expected, r.verdict.value != "mismatch", str(r.claim.location.path), r.claim.location.line or 0))
    if not rows:
        return 0
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("where", "claim", "verdict", "stated", "computed"):
        table.add_column(column, overflow="fold")
    for result in rows:
        language = result.document.language
        verdict = Text()
        if not result.expected:
            verdict.append("✗ ", style="bold red")
        verdict.append(result.verdict.value, style=STYLES.get(result.verdict.value, ""))
        computed = format_value(result.computed, language, result.claim.unit, 4, mark_inexact=True) if result.computed is not None else ""
        table.add_row(
            Text(clean(str(result.claim.location))),
            Text(clean(result.claim.id)),
            verdict,
            Text(clean(result.claim.stated or "")),
            Text(computed),
        )
    interactive = stream.isatty()
    console = Console(
        file=io.StringIO(), width=None if interactive else 160, force_terminal=interactive,
        color_system="auto" if interactive else None, no_color=not interactive, emoji=False, highlight=False,
    )
    with console.capture() as captured:
        console.print(table)
    text = captured.get()
    if not interactive:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    stream.write(guard_workflow_commands(text))
    return len(rows)


class ProgressBar:
    """A progress bar on stderr, for long runs in a terminal (``extract`` over many pages).

    Drawn only on request (``refresh``), without rich's refresh thread: the work happens in
    forked worker processes, where a thread would be copied mid-draw.
    """

    def __init__(self, label: str, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True, auto_refresh=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def update(self, completed: int, total: int | None = None) -> None:
        """Set how much is done (and, when it became known, of how much)."""
        self._progress.update(self._task, completed=completed, total=total)
        self._progress.refresh()

    def advance(self) -> None:
        """One more unit done."""
        self._progress.advance(self._task)
        self._progress.refresh()

    def stop(self) -> None:
        """Remove the bar from the terminal."""
        self._progress.stop()
