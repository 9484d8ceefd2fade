"""Baseline mode: which verdicts changed since an earlier JSON report, shown in every format."""

from __future__ import annotations

import dataclasses
import json
import xml.dom.minidom
from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.report import ALL, BaselineError, build_view, load_baseline, render
from factcheck.report.view import SimpleRun
from tests.support.report_examples import example_run

WHEN = "2026-01-01T12:00:00Z"


@pytest.fixture
def baseline_file(tmp_path: Path) -> Path:
    """An earlier report: kosten_per_dag was consistent, tgo_kosten did not exist, an old claim did."""
    data = json.loads(render(example_run(), "json", generated_at="2025-12-01T00:00:00Z"))
    for item in data["results"]:
        if item["id"] == "kosten_per_dag":
            item["verdict"], item["expected"] = "consistent", True
    data["results"] = [r for r in data["results"] if r["id"] != "tgo_kosten"]
    data["results"].append({**data["results"][0], "id": "oud", "key": "asiel-migratie-2025.oud", "verdict": "rounding"})
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_changes_are_new_removed_changed(baseline_file: Path) -> None:
    view = build_view(example_run(), baseline=load_baseline(baseline_file), generated_at=WHEN)
    assert view.changes is not None
    kinds = {(c.kind, c.id, c.old_verdict, c.new_verdict) for c in view.changes}
    assert kinds == {
        ("changed", "kosten_per_dag", "consistent", "mismatch"),
        ("new", "tgo_kosten", None, "unverifiable"),
        ("removed", "oud", "rounding", None),
    }
    row = next(r for r in view.results if r.id == "kosten_per_dag")
    assert row.change is not None and row.change.text == "consistent → mismatch"
    assert next(r for r in view.results if r.id == "extra_kosten").change is None


def test_same_run_has_no_changes() -> None:
    old = json.loads(render(example_run(), "json", generated_at=WHEN))
    view = build_view(example_run(), baseline=old)
    assert view.changes == []
    assert "No verdict changed." in render(example_run(), "markdown", baseline=old)


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_shows_the_changes(fmt: str, baseline_file: Path) -> None:
    text = render(example_run(), fmt, baseline=baseline_file, generated_at=WHEN)
    assert "consistent → mismatch" in text or ("consistent" in text and "changed" in text), fmt
    if fmt == "json":
        data = json.loads(text)
        changes = {(c["change"], c["id"]) for c in data["baseline"]["changes"]}
        assert changes == {("changed", "kosten_per_dag"), ("new", "tgo_kosten"), ("removed", "oud")}
        assert data["baseline"]["generated_at"] == "2025-12-01T00:00:00Z"
    elif fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        states = {r["properties"]["quote"][:20]: r.get("baselineState") for r in results if "quote" in r["properties"]}
        assert "updated" in states.values() and "new" in states.values()
    elif fmt == "junit":
        xml.dom.minidom.parseString(text.encode())
        assert "since baseline: consistent → mismatch" in text
    else:
        assert "oud" in text  # the removed relation is listed


def test_golden_markdown_with_baseline(baseline_file: Path, golden, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck

    monkeypatch.setattr(factcheck, "__version__", "0.0.0+golden")
    baseline = load_baseline(baseline_file)
    baseline["_path"] = "old.json"  # where the report shows it came from
    golden("reports/example-baseline.md", render(example_run(), "markdown", baseline=baseline, generated_at=WHEN))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read baseline report"),
        ("{not json", "baseline is not JSON"),
        ('{"results": 3}', "not a factcheck JSON report"),
        ('{"schema_version": "2.0", "results": []}', "schema_version '2.0'"),
        ("[]", "not a factcheck JSON report"),
    ],
)
def test_bad_baselines_fail_with_fc400(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline(path)
    assert info.value.code == "FC400"
    assert info.value.path == str(path)


def test_baseline_entries_that_are_not_results_are_ignored() -> None:
    old = {"schema_version": "1.0", "results": [1, "x", {"document": "d"}, {"document": "d", "id": 3, "verdict": "x"}]}
    run = example_run()
    view = build_view(SimpleRun(run.results[:1]), baseline=old)
    assert [c.kind for c in view.changes or []] == ["new"]


def test_expect_change_alone_is_not_a_verdict_change() -> None:
    run = example_run()
    old = json.loads(render(run, "json", generated_at=WHEN))
    first = run.results[0]
    changed = dataclasses.replace(first, claim=dataclasses.replace(first.claim, expect=Verdict.CONSISTENT))
    view = build_view(SimpleRun([changed, *run.results[1:]]), baseline=old)
    assert view.changes == []


def test_the_view_does_not_depend_on_the_diff() -> None:
    # issue 11, structure: report/diff.py builds on report/view.py, never the other way round
    # (the view used to import the diff to attach a baseline's changes)
    import ast

    import factcheck.report.view as view_module

    tree = ast.parse(Path(view_module.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "factcheck.report.diff" not in imported and ".diff" not in imported
