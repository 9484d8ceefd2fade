"""The plain-text layout of the terminal report is what rich itself prints, on any content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from factcheck.report import build_view, terminal
from tests.support.report_examples import example_run, injection_run

WHEN = "2026-01-01T12:00:00Z"

# Words of every kind of width: wide (CJK, emoji), combining marks, no-break spaces, long
# words that must be folded, tabs, and the figures the report really shows.
WORDS = st.sampled_from([
    "a", "consistent", "✗ mismatch", "€\u00a0983.113.200", "≈\u00a0€\u00a02.693.460,82", "−3,8%", "line 232",
    "中文字", "⚔️", "e\u0301", "x" * 30, "extra_kosten_afgerond_op_miljoenen", "p. 1, line 3",
    "\t", " ", "  ", "", "kosten", "/ place / year",
])


def _text(max_words: int) -> st.SearchStrategy[str]:
    line = st.lists(WORDS, max_size=max_words).map(" ".join)
    return st.lists(line, min_size=1, max_size=3).map("\n".join)


def _rich(item: object, width: int) -> list[str]:
    buf = io.StringIO()
    terminal._console(buf, width).print(item)
    return [line.rstrip() for line in buf.getvalue().split("\n")][:-1]


SHORT = st.lists(st.sampled_from(["✗", "mismatch", "(expected)", "+0,0013%", "−3,8%", "中文", "\t", " ", ""]),
                 max_size=3).map(" ".join)
# verdict, claim, stated, computed, difference, rel., where: the first and the sixth do not wrap.
ROW = st.tuples(SHORT, _text(4), _text(6), _text(6), _text(6), SHORT, _text(6)).map(list)


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(ROW, max_size=6),
    title=_text(12),
    caption=st.one_of(st.none(), _text(4)),
    width=st.sampled_from([60, 80, 120, 160]),
)
def test_table_as_rich_lays_it_out(rows: list[list[str]], title: str, caption: str | None, width: int) -> None:
    buf = io.StringIO()
    layout = terminal._PlainLayout(terminal._console(buf, width), width)
    fast = layout.table(title, caption, rows)
    if fast is None:  # left to rich: only when a column gets no room at all
        return
    table = terminal._table(title, caption, [[Text(cell) for cell in row] for row in rows])
    assert [line.rstrip() for line in fast] == _rich(table, width)


@settings(max_examples=300, deadline=None)
@given(title=_text(20), body=_text(40), width=st.sampled_from([40, 80, 120]))
def test_section_as_rich_lays_it_out(title: str, body: str, width: int) -> None:
    layout = terminal._PlainLayout(terminal._console(io.StringIO(), width), width)
    fast = [line.rstrip() for line in layout.detail(title, body)]
    assert fast == _rich(Group(Text(title), Padding(Text(body), (0, 0, 1, 4))), width)


def test_reports_equal_richs_own() -> None:
    for run in (example_run(), injection_run()):
        view = build_view(run, generated_at=WHEN)
        assert terminal.render(view) == terminal.render(view, fast=False)


def test_wide_table_is_collapsed_like_rich() -> None:
    long = "verylongfigure" * 4
    rows = [["✗ mismatch", f"claim_{n}", long, long, long, "+1%", "p. 1"] for n in range(3)]
    layout = terminal._PlainLayout(terminal._console(io.StringIO(), 120), 120)
    fast = layout.table("doc: claims/doc.yaml", None, rows)
    assert fast is not None
    assert [line.rstrip() for line in fast] == _rich(terminal._table("doc: claims/doc.yaml", None,
                                                                     [[Text(c) for c in r] for r in rows]), 120)


def test_the_verdict_table_honours_no_color_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # https://no-color.org: with NO_COLOR set, a terminal gets the same table without ANSI codes.
    import io

    from factcheck.engine import check_paths
    from factcheck.report.terminal import verdict_table

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - {id: a, stated: "2"}\n  - {id: s, stated: "7", expr: a + a}\n')
    results = check_paths([str(path)]).results
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = Terminal()
    verdict_table(results, file=coloured)
    assert "\x1b[" in coloured.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    verdict_table(results, file=plain)
    assert "\x1b[" not in plain.getvalue() and "mismatch" in plain.getvalue()
