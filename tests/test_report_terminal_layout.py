"""The terminal's colours: rich writes ANSI codes on a terminal, and none when ``NO_COLOR`` is set."""

from __future__ import annotations

from pathlib import Path

import pytest


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
