"""The terminal report: rich tables with coloured verdicts.

Strings from documents are always wrapped in :class:`rich.text.Text`, never passed as markup, so a
quote containing ``[bold]`` or ``[link=…]`` is shown as typed. rich writes no ANSI codes when the
output is not a terminal (a pipe, a file, CI logs) and honours ``NO_COLOR``; :func:`render`
returns plain text for files and golden tests, :func:`print_report` colours a real terminal.
"""

from __future__ import annotations

import io
import os
import re
import sys
from typing import Sequence, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import Result
from factcheck.report.sanitize import clean, guard_workflow_commands
from factcheck.report.view import DocumentView, ReportView, ResultView, omitted_note

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


# Each styled piece of the report is a list of (text, style) parts, assembled into rich's Text.
Parts = list[tuple[str, str]]


def _verdict_parts(row: ResultView) -> Parts:
    parts: Parts = []
    if not row.expected:
        parts.append(("✗ ", "bold red"))
    parts.append((row.verdict, STYLES.get(row.verdict, "")))
    if row.expected and row.expect:
        parts.append((" (expected)", "dim"))
    if row.change is not None:
        parts.append((f"\n{row.change.text}", "italic"))
    return parts


def _verdict(row: ResultView) -> Text:
    return Text.assemble(*_verdict_parts(row))


# The columns of the per-document table: (header, no_wrap, overflow, min_width).
_COLUMNS: tuple[tuple[str, bool, str, int | None], ...] = (
    ("verdict", True, "ellipsis", None),
    ("claim", False, "fold", 12),
    ("stated", False, "fold", None),
    ("computed", False, "fold", None),
    ("difference", False, "fold", None),
    ("rel.", True, "fold", None),
    ("where", False, "fold", None),
)


def _row_cells(row: ResultView) -> list[str]:
    """The table cells of a result after the verdict, as plain text."""
    return [
        row.id, row.stated, row.computed, row.difference, row.relative_difference,
        row.location or row.source_location,
    ]


def _table_title(doc: DocumentView) -> str:
    return f"{doc.id}: {doc.claim_file}"


_CAPTION = "✗ = unexpected verdict"


def _table(title: str, caption: str | None, rows: list[list[Text]]) -> Table:
    """A results table: one row of cells (verdict, claim, stated, ...) per result."""
    table = Table(
        title=Text(title),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=False,
        caption=Text(caption) if caption is not None else None,
        caption_justify="left",
    )
    for header, no_wrap, overflow, min_width in _COLUMNS:
        if overflow == "ellipsis":  # rich's default
            table.add_column(header, no_wrap=no_wrap)
        else:
            table.add_column(header, no_wrap=no_wrap, overflow=overflow, min_width=min_width)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row)
    return table


def _results_table(doc: DocumentView, rows: list[ResultView], omitted: int = 0) -> Table:
    return _table(_table_title(doc), _caption(rows, omitted), [[_verdict(r), *(Text(c) for c in _row_cells(r))] for r in rows])


def _caption(rows: list[ResultView], omitted: int = 0) -> str | None:
    parts = [_CAPTION] if any(not r.expected for r in rows) else []
    if omitted:
        parts.append(omitted_note(omitted))
    return "\n".join(parts) or None


def _detail_parts(row: ResultView) -> tuple[Parts, Parts]:
    """(title, body) of the section on a result that needs attention."""
    title: Parts = [(row.key, "bold"), (" ", "")]
    title += _verdict_parts(row)
    title.append((f"  {row.source_location}", "dim"))
    body: Parts = []
    if row.quote_parts:
        body.append(("quote: ", "dim"))
        body += [(part, "bold underline" if marked else "") for part, marked in row.quote_parts]
        body.append(("\n", ""))
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
            body += [(f"{label}: ", "dim"), (value, ""), ("\n", "")]
    body.append((row.explanation, ""))
    return title, body


def _detail(row: ResultView) -> Group:
    title, body = _detail_parts(row)
    return Group(Text.assemble(*title), Padding(Text.assemble(*body), (0, 0, 1, 4)))


def _needs_detail(row: ResultView) -> bool:
    return not (row.verdict == "consistent" and row.expected)


def _head(view: ReportView) -> list[object]:
    """What comes before the tables: header, documents, counts, changes, diagnostics."""
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
    return out


def _renderables(view: ReportView) -> list[object]:
    """The whole report as rich renderables, for a console (colours on a terminal)."""
    out = _head(view)
    for doc, rows, omitted in view.sections():
        out.append(_results_table(doc, rows, omitted))
    out += [_detail(row) for row in view.listed if _needs_detail(row)]
    return out


def _console(buf: io.StringIO, width: int) -> Console:
    return Console(
        file=buf,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def render(view: ReportView, width: int = WIDTH) -> str:
    """The report as plain text (no ANSI codes), for files and tests: what rich prints for
    :func:`_renderables`, trailing spaces stripped."""
    buf = io.StringIO()
    console = _console(buf, width)
    for item in _renderables(view):
        console.print(item)
    text = "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))
    return guard_workflow_commands(text)


def print_report(view: ReportView, file: TextIO | None = None) -> None:
    """Print the report to a stream, in colour when it is a terminal and plain otherwise."""
    stream = file if file is not None else sys.stdout
    if not stream.isatty() or no_color_wanted():
        stream.write(render(view))  # NO_COLOR: the same report without any ANSI codes, as in a pipe
        return
    console = Console(file=stream, emoji=False, highlight=False)
    with console.capture() as captured:
        for item in _renderables(view):
            console.print(item)
    stream.write(guard_workflow_commands(captured.get()))


def no_color_wanted() -> bool:
    """Whether the user asked for no colours (https://no-color.org: ``NO_COLOR`` set and not empty)."""
    return bool(os.environ.get("NO_COLOR"))


def verdict_table(results: Sequence[Result], *, show_all: bool = False, file: TextIO | None = None,
                  width: int | None = None) -> int:
    """The compact table `factcheck check` prints: one row per relation that needs attention.

    Rows are relations whose verdict is unexpected or not `consistent` (all of them with
    ``show_all``), unexpected first. Only the rows shown are formatted, so a 100k-claim check
    prints in milliseconds when almost everything holds. Returns the number of rows.

    A path, a claim id or a number is never split over two lines (it is what people copy into an
    editor or a search): only the text between them wraps. When the table cannot fit ``width``
    (the terminal's, or 160 in a pipe) that way, each relation gets a short block of its own.
    """
    from factcheck.formatting import format_value

    stream = file if file is not None else sys.stdout
    rows = [r for r in results if show_all or not r.expected or r.verdict.value != "consistent"]
    rows.sort(key=lambda r: (r.expected, r.verdict.value != "mismatch", str(r.claim.location.path), r.claim.location.line or 0))
    if not rows:
        return 0
    cells = []
    for result in rows:
        language = result.document.language
        verdict = Text()
        if not result.expected:
            verdict.append("✗ ", style="bold red")
        verdict.append(result.verdict.value, style=STYLES.get(result.verdict.value, ""))
        computed = format_value(result.computed, language, result.claim.unit, 4, mark_inexact=True) if result.computed is not None else ""
        cells.append((clean(str(result.claim.location)), clean(result.claim.id), verdict,
                      clean(result.claim.stated or ""), computed))
    interactive = stream.isatty()
    styled = interactive and not no_color_wanted()
    console = Console(
        file=io.StringIO(), width=width or (None if interactive else 160), force_terminal=interactive,
        color_system="auto" if styled else None, no_color=not styled,
        emoji=False, highlight=False,
    )
    # The narrowest the table can be without splitting a word: whole cells in the first three
    # columns, the longest word in the others, and three columns of space between columns.
    narrowest = [0] * 5
    for row in cells:
        for i, cell in enumerate(row):
            plain = cell.plain if isinstance(cell, Text) else str(cell)
            # only plain spaces break a line: "€\xa0983.113.200\xa0/" is one word to rich
            need = cell_len(plain) if i < 3 else max((cell_len(w) for w in plain.split(" ")), default=0)
            narrowest[i] = max(narrowest[i], need)
    for i, header in enumerate(("where", "claim", "verdict", "stated", "computed")):
        narrowest[i] = max(narrowest[i], cell_len(header))
    fits = sum(narrowest) + 3 * (len(narrowest) - 1) <= console.width
    # The two columns that wrap get fixed widths: rich shrinks the widest wrappable column first
    # when a table is too wide, below its minimum width, and would cut "€ 1.000.000.000 / year"
    # in a table that fits. Each gets its longest word, and what is left goes to the computed
    # value, then to the stated text, up to their whole length.
    widths: list[int | None] = [None, None]
    if fits:
        spare = console.width - sum(narrowest) - 3 * (len(narrowest) - 1)
        for i in (4, 3):
            whole = max(cell_len(str(row[i])) for row in cells)  # stated and computed are plain str
            grow = min(spare, max(0, whole - narrowest[i]))
            widths[i - 3] = narrowest[i] + grow
            spare -= grow
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("where", "claim", "verdict"):
        table.add_column(column, no_wrap=True)
    for i, column in ((3, "stated"), (4, "computed")):
        # wraps between words; the minimum width keeps rich's layout from folding inside a word
        table.add_column(column, overflow="fold", min_width=narrowest[i], width=widths[i - 3])
    for where, claim_id, verdict, stated, computed in cells:
        table.add_row(Text(where), Text(claim_id), verdict, Text(stated), Text(computed))
    with console.capture() as captured:
        if fits:
            console.print(table)
        else:
            for where, claim_id, verdict, stated, computed in cells:
                for line in _verdict_block(where, claim_id, verdict, stated, computed, console.width):
                    console.print(line, overflow="ignore", crop=False, no_wrap=True)
    text = captured.get()
    if not interactive:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    stream.write(guard_workflow_commands(text))
    return len(rows)


def _verdict_block(where: str, claim_id: str, verdict: Text, stated: str, computed: str, width: int) -> list[Text]:
    # Words are packed onto lines and never split: a path, id or number longer than the
    # terminal stays whole on a line of its own.
    words = [Text(where), Text(claim_id, style="bold")]
    detail = [verdict]
    for label, value in (("stated", stated), ("computed", computed)):
        if value:
            detail[-1] = detail[-1] + ","
            detail += [Text(label)] + [Text(w) for w in _WORDS.findall(value)]
    return _pack(words, width, "") + _pack(detail, width, "    ")


# A currency sign stays with its amount ("€ 983.113.200").
_WORDS = re.compile(r"[€$£]\s\S+|\S+")


def wrap_line(line: str, width: int) -> list[str]:
    """A long message for a terminal of ``width`` columns, wrapped at spaces only: a path, id or
    number is never split, and continuation lines are indented."""
    import textwrap

    return textwrap.wrap(line, width, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False) or [line]


def _pack(words: list[Text], width: int, indent: str) -> list[Text]:
    lines: list[Text] = []
    line = Text(indent)
    for word in words:
        if line.cell_len > len(indent) and line.cell_len + 1 + word.cell_len > width:
            lines.append(line)
            line = Text(indent + "  ")
        elif line.cell_len > len(indent):
            line.append(" ")
        line.append_text(word)
    lines.append(line)
    return lines


class ProgressBar:
    """A progress bar on stderr, for long runs in a terminal (``extract`` over many pages).

    Drawn only on request (``refresh``), without rich's refresh thread: the work happens in
    forked worker processes, where a thread would be copied mid-draw.
    """

    def __init__(self, label: str, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True, auto_refresh=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def update(self, completed: int, total: int | None = None) -> None:
        """Set how much is done (and, when it became known, of how much)."""
        self._progress.update(self._task, completed=completed, total=total)
        self._progress.refresh()

    def advance(self, label: str | None = None) -> None:
        """One more unit done; ``label`` replaces the text before the bar (counts of a run)."""
        if label is not None:
            self._progress.update(self._task, description=label)
        self._progress.advance(self._task)
        self._progress.refresh()

    def stop(self) -> None:
        """Remove the bar from the terminal."""
        self._progress.stop()
