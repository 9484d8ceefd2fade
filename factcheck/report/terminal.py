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
from rich._ratio import ratio_reduce
from rich.cells import cell_len, set_cell_size
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


# Each styled piece of the report is a list of (text, style) parts: rich's Text is assembled from
# them for the console, and the plain-text fast path below joins their text.
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


def _plain(parts: Parts) -> str:
    return "".join(text for text, _ in parts)


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


def render(view: ReportView, width: int = WIDTH, *, fast: bool = True) -> str:
    """The report as plain text (no ANSI codes), for files and tests.

    The text is what rich prints for :func:`_renderables`. With ``fast`` (the default) the
    results tables and sections are laid out by :class:`_PlainLayout`, which follows rich's
    rules for them and hands rich every line it cannot place itself; rich prints the rest.
    ``fast=False`` has rich print everything (tests compare the two).
    """
    buf = io.StringIO()
    console = _console(buf, width)
    if not fast:
        for item in _renderables(view):
            console.print(item)
    else:
        for item in _head(view):
            console.print(item)
        layout = _PlainLayout(console, width)
        for doc, rows, omitted in view.sections():
            lines = layout.table(_table_title(doc), _caption(rows, omitted), [[_plain(_verdict_parts(r)), *_row_cells(r)] for r in rows])
            if lines is None:
                console.print(_results_table(doc, rows, omitted))
            else:
                buf.write("\n".join(lines) + "\n")
        for row in view.listed:
            if _needs_detail(row):
                title, body = _detail_parts(row)
                buf.write("\n".join(layout.detail(_plain(title), _plain(body))) + "\n")
    text = "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))
    return guard_workflow_commands(text)


class _PlainLayout:
    """Lays out the results tables and result sections as rich does, as plain text.

    rich renders a table of 10,000 rows in about 7 s, mostly styling, measuring and cropping
    segments cell by cell; for plain text almost every cell is its text padded to the column
    width. This class follows rich's rules (``Table._calculate_column_widths``, the cell
    ``Padding``, ``Text.wrap``) for the tables and sections :func:`_renderables` makes, and has
    rich wrap each line that does not fit as it is. Trailing spaces are left to the caller,
    which strips them from every line. tests/test_report_terminal_layout.py checks it against
    rich on random tables and texts.
    """

    def __init__(self, console: Console, width: int) -> None:
        self.console = console
        self.width = width
        self.box = box.SIMPLE_HEAD.substitute(console.options, safe=console.safe_box)

    def wrap(self, text: str, width: int, justify: str = "default", overflow: str = "fold",
             no_wrap: bool = False) -> list[str]:
        """``Text(text).wrap(...)`` as plain lines (padded to ``width`` when justify is "left")."""
        lines: list[str] = []
        for line in text.split("\n"):
            if "\t" not in line and cell_len(line) <= width:
                lines.append(set_cell_size(line, width) if justify == "left" else line)
            else:
                wrapped = Text(line).wrap(self.console, width, justify=justify, overflow=overflow,  # type: ignore[arg-type]
                                          no_wrap=no_wrap)
                lines += [w.plain for w in wrapped]
        return lines

    def detail(self, title: str, body: str) -> list[str]:
        """A result section: the title at full width, the body indented by 4, a blank line."""
        return [*self.wrap(title, self.width), *("    " + line for line in self.wrap(body, self.width - 4)), ""]

    @staticmethod
    def _cell_width(text: str) -> tuple[int, bool]:
        """(the widest line in cells, as ``Text.__rich_measure__`` has it; whether the text is one
        line without tabs, which a cell shows as it is when it fits)."""
        lines = text.splitlines()
        if len(lines) == 1 and lines[0] == text and "\t" not in text:
            return (len(text) if text.isascii() and text.isprintable() else cell_len(text)), True
        return (max(cell_len(line) for line in lines) if lines else 0), False

    @staticmethod
    def _column(widths: set[int], width: int, min_width: int | None) -> int:
        """The widest a column needs at ``width`` (``Table._measure_column``'s maximum).

        For each cell, ``Measurement.get`` of its ``Padding`` of one space left and right. rich
        works out minimums too, but its column widths never depend on them.
        """
        if width < 1:
            return 0
        if width < 3:
            high = width
        else:
            high = 0
            for text_width in widths:
                inner = min(max(0, text_width), width)
                high = max(high, min(inner + 2, width) if inner >= 1 else 2)
        high = min(high, width)
        if min_width is not None:
            high = max(high, min_width + 2)
        return high

    def _widths(self, measures: list[set[int]]) -> list[int]:
        """``Table._calculate_column_widths`` for our tables (not expanded, no fixed widths)."""
        available = self.width - (2 + len(measures) - 1)
        widths = [self._column(m, available, spec[3]) or 1 for m, spec in zip(measures, _COLUMNS)]
        if sum(widths) > available:
            widths = Table._collapse_widths(widths, [not spec[1] for spec in _COLUMNS], available)
            if sum(widths) > available:
                excess = sum(widths) - available
                widths = ratio_reduce(excess, [1] * len(widths), widths, widths)
            widths = [self._column(m, width, spec[3]) for m, width, spec in zip(measures, widths, _COLUMNS)]
        return widths

    def table(self, title: str, caption: str | None, rows: list[list[str]]) -> list[str] | None:
        """The lines of a results table, or ``None`` when rich should lay it out."""
        headers = [spec[0] for spec in _COLUMNS]
        all_rows = [headers, *rows]
        cells = [[self._cell_width(text) for text in row] for row in all_rows]
        widths = self._widths([{cell[i][0] for cell in cells} for i in range(len(headers))])
        table_width = sum(widths) + 2 + len(widths) - 1
        if table_width > self.width or min(widths) < 3:
            return None  # cropped by the console, or no room for a cell's text: rare, leave it to rich
        lines = self.wrap(title, table_width, justify="left") if title else []  # rich skips an empty one
        b = self.box
        lines.append(b.get_top(widths))
        edges = [(b.head_left, b.head_vertical, b.head_right), (b.mid_left, b.mid_vertical, b.mid_right),
                 (b.foot_left, b.foot_vertical, b.foot_right)]
        inner = [width - 2 for width in widths]
        last = len(all_rows) - 1
        for index, (row, measured) in enumerate(zip(all_rows, cells)):
            left, divider, right = edges[0 if index == 0 else (2 if index == last else 1)]
            if all(simple and text_width <= room for (text_width, simple), room in zip(measured, inner)):
                # One line per cell, each fitting: the text padded to the column.
                lines.append(left + divider.join(
                    f" {text}{' ' * (room - text_width)} " for text, (text_width, _), room in zip(row, measured, inner)
                ) + right)
            else:
                rendered = []
                for text, room, spec in zip(row, inner, _COLUMNS):
                    rendered.append([f" {line} " for line in self.wrap(text, room, "left", spec[2], spec[1])])
                height = max(len(cell) for cell in rendered)
                for cell, width in zip(rendered, widths):
                    blank = [" " * width] * (height - len(cell))
                    cell[:] = blank + cell if index == 0 else cell + blank  # the header sits at the bottom
                for line_no in range(height):
                    lines.append(left + divider.join(cell[line_no] for cell in rendered) + right)
            if index == 0:
                lines.append(b.get_row(widths, "head", edge=True))
        lines.append(b.get_bottom(widths))
        if caption:
            lines += self.wrap(caption, table_width, justify="left")
        return lines


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
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("where", "claim", "verdict"):
        table.add_column(column, no_wrap=True)
    for i, column in ((3, "stated"), (4, "computed")):
        # wraps between words; the minimum width keeps rich's layout from folding inside a word
        table.add_column(column, overflow="fold", min_width=narrowest[i])
    for where, claim_id, verdict, stated, computed in cells:
        table.add_row(Text(where), Text(claim_id), verdict, Text(stated), Text(computed))
    fits = sum(narrowest) + 3 * (len(narrowest) - 1) <= console.width
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
