"""The application layer: one function runs a check and builds the view for `check`, `report` and
the pytest plugin, and the commands offer the formats the report registry has."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from factcheck import application
from factcheck.application import check_and_view
from factcheck.cli import build_parser, main
from factcheck.errors import FactcheckError
from factcheck.report import ALL, FORMATS, Format, format_names

SMALL = (
    "document:\n  id: small\n  language: nl\nclaims:\n"
    '  - id: a\n    stated: "55.700"\n'
    '  - id: b\n    stated: "23.300"\n'
    '  - id: c\n    stated: "32.400"\n    expr: a - b\n'
    '  - id: d\n    stated: "33.500"\n    expr: a - b\n'
)


@pytest.fixture
def claim_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _format_choices(command: str) -> tuple[str, ...]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if a.dest == "format")
    assert action.choices is not None
    return tuple(action.choices)


@pytest.mark.parametrize("command", ["check", "report"])
def test_format_choices_are_the_registry(command: str) -> None:
    assert _format_choices(command) == format_names()
    assert _format_choices(command)[: len(ALL)] == ALL


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_registered_format_is_offered_and_used(
    command: str, claim_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def count(view: object) -> str:
        return f"{len(view.results)} results\n"  # type: ignore[attr-defined]

    monkeypatch.setitem(FORMATS, "count", Format("count", "report.count", count))
    assert "count" in _format_choices(command)
    assert main([command, str(claim_file), "-f", "count", "--no-cache"]) == 1  # d is a mismatch
    assert "2 results" in capsys.readouterr().out


def test_check_and_report_show_the_same_view(
    claim_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert main(["check", str(claim_file), "-f", "json", "--no-cache"]) == 1
    checked = json.loads(capsys.readouterr().out)
    assert main(["report", str(claim_file), "-f", "json", "--no-cache"]) == 1
    reported = json.loads(capsys.readouterr().out)
    assert checked == reported
    assert checked["summary"]["mismatch"] == 1


def test_view_only_when_asked(claim_file: Path) -> None:
    run, view = check_and_view([claim_file], view=False)
    assert view is None and run.summary()["relations"] == 2
    run, view = check_and_view([claim_file])
    assert view is not None and view.unexpected == 1 and len(view.results) == 2


def test_baseline_changes_are_in_the_view(claim_file: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    assert main(["report", str(claim_file), "-f", "json", "-o", str(old), "--no-cache"]) == 1
    claim_file.write_text(SMALL.replace('"33.500"', '"32.400"'), encoding="utf-8")
    run, view = check_and_view([claim_file], baseline=old, view=False)  # a baseline needs the view
    assert view is not None and view.changes is not None
    changed = [c for c in view.changes if c.kind == "changed"]
    assert [(c.id, c.old_verdict, c.new_verdict) for c in changed] == [("d", "mismatch", "consistent")]


def test_a_bad_baseline_stops_before_the_check(claim_file: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked before the baseline was read")

    monkeypatch.setattr(application, "check_paths_cached", no_check)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        check_and_view([claim_file], baseline=bad)
    assert info.value.code == "FC400"


def test_check_and_report_run_through_it(claim_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[bool] = []
    real = application.check_and_view

    def spy(*args: object, **kwargs: object) -> application.Checked:
        calls.append(bool(kwargs.get("view", True)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(application, "check_and_view", spy)
    main(["check", str(claim_file), "--no-cache"])  # the gate's table needs no view
    main(["check", str(claim_file), "-f", "markdown", "--no-cache"])
    main(["report", str(claim_file), "--no-cache"])
    assert calls == [False, True, True]


def test_plugin_formats_are_named_without_being_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.report as report

    class Plugin:
        name = "fancy"

        def load(self) -> object:
            raise AssertionError("a plugin is imported only when its format is asked for")

    monkeypatch.setattr(report, "_plugins_loaded", False)
    monkeypatch.setattr(report, "entry_points", lambda group: [Plugin()] if group == report.ENTRY_POINT_GROUP else [])
    assert format_names() == (*FORMATS, "fancy")
    assert "fancy" in _format_choices("check") and "fancy" in _format_choices("report")
