"""Every report format on a hand-built run with one relation of each verdict: golden files and structure.

Golden files live in tests/golden/reports/ and are rewritten only with `pytest --force-regen`.
The generation time and factcheck version are fixed so the files do not change between runs.
"""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from pathlib import Path
from typing import Callable

import pytest

import factcheck
from factcheck.report import ALL, FORMATS, build_view, render, render_view, write_reports
from factcheck.report.view import SimpleRun
from tests.support.report_examples import example_run

WHEN = "2026-01-01T12:00:00Z"
SCHEMA = Path(factcheck.__file__).parent / "schema" / "report.schema.json"
EXTENSIONS = {"terminal": "txt", "markdown": "md", "html": "html", "json": "json", "junit": "xml", "sarif": "sarif"}


@pytest.fixture(autouse=True)
def _fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck, "__version__", "0.0.0+golden")


def normalise(text: str) -> str:
    """Replace any time stamp that slipped through (there should be none besides WHEN)."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?", "<time>", text)


@pytest.mark.parametrize("fmt", ALL)
def test_golden(fmt: str, golden: Callable[[str, str], None]) -> None:
    text = render(example_run(), fmt, generated_at=WHEN)
    golden(f"reports/example.{EXTENSIONS[fmt]}", normalise(text))


@pytest.mark.parametrize("fmt", ALL)
def test_header_has_documents_time_version_and_counts(fmt: str) -> None:
    text = render(example_run(), fmt, generated_at=WHEN)
    for needle in ("asiel-migratie-2025", "Budget in Brief", "../documents/labor.pdf", "f" * 64, WHEN, "0.0.0+golden"):
        assert needle in text, (fmt, needle)
    assert "mismatch" in text and "unverifiable" in text


def _order_in(text: str, ids: list[str]) -> list[int]:
    return [text.index(i) for i in ids]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json", "junit"])
def test_unexpected_first_then_mismatches_then_the_rest(fmt: str) -> None:
    text = render(example_run(), fmt, generated_at=WHEN, full=True)
    # kosten_per_dag: unexpected mismatch; instroom: unexpected conflict (last unexpected);
    # tabel_totaal: expected mismatch; verschil_kostprijs: consistent.
    ids = ["kosten_per_dag", "instroom", "tabel_totaal", "verschil_kostprijs"]
    if fmt == "markdown":
        ids = [i.replace("_", "\\_") for i in ids]
    positions = _order_in(text, ids)
    assert positions == sorted(positions), fmt


def test_view_order_and_groups() -> None:
    view = build_view(example_run(), generated_at=WHEN)
    groups = [r.group for r in view.results]
    assert groups == sorted(groups)
    assert all(not r.expected for r in view.results if r.group == 0)
    # then what the baseline expected, the document's worst problems first
    from factcheck.report.view import SEVERITY

    expected = [r.verdict for r in view.results if r.group > 0]
    assert expected == sorted(expected, key=SEVERITY.__getitem__) and expected[0] == "mismatch"
    assert view.counts == {
        "consistent": 2,
        "rounding": 2,
        "mismatch": 2,
        "scale": 1,
        "unit": 1,
        "unverifiable": 1,
        "error": 1,
        "conflict": 1,
    }
    assert view.unexpected == 6


def test_numbers_are_written_the_documents_way() -> None:
    text = render(example_run(), "markdown", generated_at=WHEN)
    assert "€\u00a0983.113.200" in text  # Dutch grouping
    assert "$14,862.2" in text  # English grouping
    assert "55700.00" not in text and "983113200.0" not in text  # tabulate did not parse numbers


def test_quote_marks_the_figure() -> None:
    view = build_view(example_run(), generated_at=WHEN)
    row = next(r for r in view.results if r.id == "extra_kosten")
    assert [t for t, marked in row.quote_parts if marked] == ["€983.113.200"]
    md = render(example_run(), "markdown", generated_at=WHEN)
    assert "**€983.113.200**" in md
    assert "<mark>€983.113.200</mark>" in render(example_run(), "html", generated_at=WHEN)


def test_json_validates_against_the_shipped_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render(example_run(), "json", generated_at=WHEN))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "1.0"
    first = data["results"][0]
    assert first["id"] == "kosten_per_dag"
    assert first["computed"] == "196622640/73"  # exact, not a float
    assert first["stated"] == "2800000"
    assert first["stated_interval"] == {"lo": "2750000", "hi": "2850000"}
    assert first["location"] == {
        "file": "claims/asiel-migratie-2025.yaml",
        "line": 46,
        "column": 5,
        "page": None,
        "document_line": "232",
    }
    assert data["summary"]["unexpected"] == 6 and data["summary"]["total"] == 11


def test_junit_is_strict_xml_with_one_testcase_per_relation() -> None:
    text = render(example_run(), "junit", generated_at=WHEN)
    dom = xml.dom.minidom.parseString(text.encode("utf-8"))  # expat: strict
    cases = [c for c in dom.getElementsByTagName("testcase") if c.getAttribute("classname") != "claim files"]
    assert len(cases) == 11
    failures = dom.getElementsByTagName("failure")
    errors = dom.getElementsByTagName("error")
    assert len(failures) == 5  # unexpected, not `error`
    assert len(errors) == 2  # the error verdict, and the unreadable claim file
    root = dom.documentElement
    assert root.getAttribute("failures") == "5" and root.getAttribute("errors") == "2"


def test_sarif_one_result_per_unexpected_verdict_at_the_claim_line() -> None:
    data = json.loads(render(example_run(), "sarif", generated_at=WHEN))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == [
        f"factcheck/{v}"
        for v in ("consistent", "rounding", "mismatch", "scale", "unit", "unverifiable", "error", "conflict", "FC100")
    ]
    results = run["results"]
    assert len(results) == 7  # six unexpected verdicts, and the claim file that could not be read
    assert results[-1]["ruleId"] == "factcheck/FC100"
    assert results[-1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 7}
    first = results[0]
    assert first["ruleId"] == "factcheck/mismatch"
    assert rules[first["ruleIndex"]] == first["ruleId"]
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "claims/asiel-migratie-2025.yaml", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 46, "startColumn": 5}
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "://" not in uri
        assert result["message"]["text"]
        assert result["partialFingerprints"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "FC100"


def test_absolute_claim_paths_become_relative(tmp_path: Path) -> None:
    run = example_run()
    moved = []
    for r in run.results:
        loc = r.claim.location
        claim = type(r.claim)(
            **{
                **{f: getattr(r.claim, f) for f in r.claim.__slots__},
                "location": type(loc)(str(tmp_path / loc.path), loc.line, loc.col),
            }
        )
        moved.append(type(r)(**{**{f: getattr(r, f) for f in r.__slots__}, "claim": claim}))
    data = json.loads(render(SimpleRun(moved), "sarif", generated_at=WHEN, base_dir=tmp_path))
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in data["runs"][0]["results"]}
    assert uris == {"claims/asiel-migratie-2025.yaml"}


def test_terminal_has_no_ansi_codes() -> None:
    text = render(example_run(), "terminal", generated_at=WHEN)
    assert "\x1b" not in text


def test_empty_run_renders_in_every_format() -> None:
    for fmt in ALL:
        text = render(SimpleRun(), fmt, generated_at=WHEN)
        assert text.endswith("\n") or fmt == "html"
    xml.dom.minidom.parseString(render(SimpleRun(), "junit", generated_at=WHEN).encode())


def test_write_reports_writes_every_format(tmp_path: Path) -> None:
    paths = write_reports(example_run(), tmp_path / "out", generated_at=WHEN)
    assert [p.name for p in paths] == [FORMATS[f].filename for f in ALL]
    for p in paths:
        assert p.stat().st_size > 0
    only = write_reports(example_run(), tmp_path / "two", formats=["json", "sarif"], generated_at=WHEN)
    assert [p.name for p in only] == ["report.json", "report.sarif"]


def test_source_date_epoch_fixes_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    data = json.loads(render(example_run(), "json"))
    assert data["generated_at"] == "2026-01-01T00:00:00Z"


def test_render_view_rejects_unknown_format() -> None:
    with pytest.raises(KeyError, match="unknown report format"):
        render_view(build_view(SimpleRun()), "pdf")


def test_terminal_colours_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # FORCE_COLOR must not colour a pipe either
    monkeypatch.setenv("TERM", "xterm-256color")

    from factcheck.report.terminal import print_report

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    view = build_view(example_run(), generated_at=WHEN)
    print_report(view, tty)
    print_report(view, pipe)
    assert "\x1b[" in tty.getvalue()
    assert "\x1b[" not in pipe.getvalue()
    assert "kosten_per_dag" in pipe.getvalue()


def test_results_stay_with_their_document_when_locations_differ() -> None:
    import dataclasses

    run = example_run()
    first = run.results[0]
    moved = dataclasses.replace(
        first,
        claim=dataclasses.replace(first.claim, location=dataclasses.replace(first.claim.location, path="x/y.yaml")),
    )
    view = build_view(SimpleRun([moved, *run.results[1:]], [], run.files), generated_at=WHEN)
    grouped = [r.id for _, rows in view.by_document() for r in rows]
    assert sorted(grouped) == sorted(r.id for r in view.results)





@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_reports_for_people_list_problems_and_count_the_consistent(fmt: str) -> None:
    sized = render(example_run(), fmt, generated_at=WHEN)
    full = render(example_run(), fmt, generated_at=WHEN, full=True)
    name = "verschil\\_kostprijs" if fmt == "markdown" else "verschil_kostprijs"
    assert name not in sized and name in full
    assert "2 consistent relations not listed" in sized and "not listed" not in full
    for problem in ("kosten_per_dag", "instroom", "tabel_totaal", "extra_kosten_afgerond"):  # every other verdict
        assert (problem.replace("_", "\\_") if fmt == "markdown" else problem) in sized


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif"])
def test_reports_for_machines_are_complete_either_way(fmt: str) -> None:
    assert render(example_run(), fmt, generated_at=WHEN) == render(example_run(), fmt, generated_at=WHEN, full=True)


def test_the_view_lists_what_is_not_an_expected_consistent() -> None:
    view = build_view(example_run(), generated_at=WHEN)
    assert view.omitted == 2 and len(view.listed) == view.total - 2
    assert all(r.verdict != "consistent" or not r.expected for r in view.listed)
    assert [r.key for r in view.listed] == [r.key for r in view.results if r in view.listed]  # order kept
    full = build_view(example_run(), generated_at=WHEN, full=True)
    assert full.omitted == 0 and full.listed == full.results
