"""A report works out only what its format shows: explanations stay unwritten where not needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import check_paths
from factcheck.model import Result
from factcheck.report import build_view, render_view

CLAIMS = """document:
  id: lazy
  language: nl
claims:
  - id: a
    stated: "1.234"
  - id: b
    stated: "37"
  - id: ok
    stated: "45.658"
    expr: a * b
  - id: wrong
    stated: "50.123"
    expr: a * b
"""


@pytest.fixture()
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "lazy.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    return check_paths([path])


def _written(result: Result) -> bool:
    """Whether the result's explanation has been worked out (LazyResult keeps None until then)."""
    return Result.explanation.__get__(result) is not None  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["sarif", "terminal", "markdown", "html"])
def test_formats_explain_only_what_they_show(run, fmt: str) -> None:  # type: ignore[no-untyped-def]
    by_id = {r.claim.id: r for r in run.results}
    assert not _written(by_id["ok"]) and not _written(by_id["wrong"])
    text = render_view(build_view(run), fmt)
    assert "wrong" in text
    assert _written(by_id["wrong"])  # an unexpected mismatch is explained in every format
    assert not _written(by_id["ok"])  # a consistent relation needs no explanation here


@pytest.mark.parametrize("fmt", ["json", "html", "junit"])
def test_full_formats_explain_everything(run, fmt: str) -> None:  # type: ignore[no-untyped-def]
    render_view(build_view(run, full=fmt == "html"), fmt)  # HTML lists everything only with full
    assert all(_written(r) for r in run.results)


def test_one_view_serves_every_format(run) -> None:  # type: ignore[no-untyped-def]
    view = build_view(run, generated_at="2026-01-01T12:00:00Z")
    first = {fmt: render_view(view, fmt) for fmt in ("json", "html", "markdown")}
    fresh = {fmt: render_view(build_view(run, generated_at="2026-01-01T12:00:00Z"), fmt) for fmt in first}
    assert first == fresh
