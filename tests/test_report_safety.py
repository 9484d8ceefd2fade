"""Quotes come from documents anyone can write: every format must show them, never obey them.

Injection strings: `<img src=x onerror=alert(1)>`, a quote containing `\\n## forged | row |`,
`\\x1b` and `\\x00`, and `::set-output` (a GitHub Actions workflow command).
"""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.report import ALL, render
from factcheck.report.sanitize import clean, guard_workflow_commands, markdown_text, one_line
from tests.support.report_examples import injection_run

WHEN = "2026-01-01T12:00:00Z"

INJECTION_CLAIM_FILE = r"""document:
  id: evil
  title: "<script>alert('t')</script>\n::error::title"
  source: "<img src=x onerror=alert(1)>.pdf"
  language: nl
claims:
  - id: a
    quote: "::set-output name=a::1 <img src=x onerror=alert(1)> \e[2J \0 end"
    stated: "5"
    where: {line: 1}
  - id: b
    quote: "Totaal 12\n## forged | row |\n::set-output name=x::y \e]0;t\a \0 <img src=x onerror=alert(1)>"
    stated: "12"
    expr: a * 2
    where: {line: "2\n::warning::x"}
"""


@pytest.fixture(scope="module")
def engine_run(tmp_path_factory: pytest.TempPathFactory):
    """The injection claim file, checked by the real engine."""
    engine = pytest.importorskip("factcheck.engine")
    folder = tmp_path_factory.mktemp("evil")
    path = folder / "evil.yaml"
    path.write_text(INJECTION_CLAIM_FILE, encoding="utf-8")
    run = engine.check_paths([path])
    assert run.results, run.diagnostics  # the file must really be read
    return run


def _runs(engine_run) -> list:
    return [injection_run(), engine_run]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("fmt", ALL)
def test_no_control_characters_and_no_workflow_commands(fmt: str, engine_run) -> None:
    for run in _runs(engine_run):
        text = render(run, fmt, generated_at=WHEN)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", text.replace("\r\n", "\n")), fmt
        for line in text.split("\n"):
            assert not line.lstrip().startswith("::"), (fmt, line)


def test_html_escapes_every_extracted_string(engine_run) -> None:
    for run in _runs(engine_run):
        text = render(run, "html", generated_at=WHEN)
        parser = _Tags()
        parser.feed(text)
        tags = [t for t, _ in parser.tags]
        assert "img" not in tags  # no page picture here, and the injected one is text
        assert tags.count("script") == 1  # our own
        assert "u" not in tags and "b" not in tags and "q" not in tags
        assert all(not any(k.startswith("on") for k in attrs) for _, attrs in parser.tags)
        assert "<img src=x" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
        assert "</details><script>" not in text


def test_html_has_a_strict_content_security_policy() -> None:
    text = render(injection_run(), "html", generated_at=WHEN)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)


def test_markdown_escapes_and_keeps_rows_intact(engine_run) -> None:
    for run in _runs(engine_run):
        text = render(run, "markdown", generated_at=WHEN)
        lines = text.split("\n")
        assert not any(line.startswith("## forged") for line in lines)
        assert not re.search(r"(?<!\\)<(img|script)", text)
        # Every table row has as many unescaped pipes as its header row.
        in_table, width = False, 0
        for line in lines:
            if line.startswith("|"):
                pipes = len(re.findall(r"(?<!\\)\|", line))
                if not in_table:
                    in_table, width = True, pipes
                assert pipes == width, line
            else:
                in_table = False


def test_junit_and_sarif_parse_strictly(engine_run) -> None:
    for run in _runs(engine_run):
        junit = render(run, "junit", generated_at=WHEN)
        dom = xml.dom.minidom.parseString(junit.encode("utf-8"))
        assert dom.getElementsByTagName("failure")
        sarif = json.loads(render(run, "sarif", generated_at=WHEN))
        assert sarif["runs"][0]["results"]
        data = json.loads(render(run, "json", generated_at=WHEN))
        assert "\x00" not in json.dumps(data, ensure_ascii=False)


def test_terminal_shows_markup_literally() -> None:
    run = injection_run()
    text = render(run, "terminal", generated_at=WHEN)
    assert "*bold*" in text and "[link](http://x)" in text and "<img src=x onerror=alert(1)>" in text


def test_cli_stdout_is_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("factcheck.engine")
    from factcheck.report_cli import run_report

    path = tmp_path / "evil.yaml"
    path.write_text(INJECTION_CLAIM_FILE, encoding="utf-8")
    import argparse

    for fmt in ALL:
        args = argparse.Namespace(
            paths=[str(path)], format=fmt, output=None, report_dir=None, baseline=None, exit_zero=False
        )
        assert run_report(args) == 1
        out, err = capsys.readouterr()
        for line in (out + err).split("\n"):
            assert not line.lstrip().startswith("::"), (fmt, line)
        assert "\x1b" not in out and "\x00" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::set-output name=x::y", ": :set-output name=x::y"),
        ("  ::error::x", "  : :error::x"),
        ("a\r::warning::x", "a\n: :warning::x"),
        ("\u00a0::debug::x", "\u00a0: :debug::x"),
        ("ok ::not-a-command", "ok ::not-a-command"),
    ],
)
def test_guard_workflow_commands(text: str, expected: str) -> None:
    assert guard_workflow_commands(text) == expected


def test_sanitize_helpers() -> None:
    assert clean("a\x00b\x1b[2Jc\u202ed\r\ne") == "ab[2Jcd\ne"
    assert one_line(" a\n\n b\t c ") == "a b c"
    assert markdown_text("| * _ [ ] < > # `") == "\\| \\* \\_ \\[ \\] \\< \\> \\# \\`"
    assert markdown_text("x\n## forged | row |") == "x \\#\\# forged \\| row \\|"


def test_markdown_code_spans_cannot_split_cells() -> None:
    import dataclasses

    run = injection_run()
    doc = dataclasses.replace(run.results[0].document, id="a|b`c", sha256="x|y")
    result = dataclasses.replace(run.results[0], document=doc)
    text = render(type(run)([result], [], []), "markdown", generated_at=WHEN)
    row = next(line for line in text.split("\n") if "a\\|b" in line)
    assert len(re.findall(r"(?<!\\)\|", row)) == 5


# Any text a document can hold, weighted towards the characters that have meaning somewhere.
_NASTY = st.lists(
    st.one_of(
        st.sampled_from(list("|*_[]<>#`\\&\"'\n\r\t:;!~") + ["::", "\x1b", "\x00", "\x07", "\u202e", "\u2028", "</"]),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=_NASTY, explanation=_NASTY, title=_NASTY, stated=_NASTY)
def test_any_text_is_contained_in_every_format(quote: str, explanation: str, title: str, stated: str) -> None:
    import dataclasses

    base = injection_run()
    first = base.results[0]
    doc = dataclasses.replace(first.document, title=title, source=quote)
    claim = dataclasses.replace(first.claim, quote=quote, stated=stated or "1")
    result = dataclasses.replace(first, document=doc, claim=claim, explanation=explanation)
    run = type(base)([result], [], [])
    for fmt in ALL:
        text = render(run, fmt, generated_at=WHEN)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", text.replace("\r\n", "\n")), fmt
        assert not any(line.lstrip().startswith("::") for line in text.split("\n")), fmt
        if fmt == "junit":
            xml.dom.minidom.parseString(text.encode("utf-8"))
        elif fmt in ("json", "sarif"):
            json.loads(text)
        elif fmt == "html":
            parser = _Tags()
            parser.feed(text)
            assert [t for t, _ in parser.tags].count("script") == 1
            assert not any(t in ("img", "iframe", "object", "embed", "a") and "href" not in a for t, a in parser.tags)
        elif fmt == "markdown":
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if line.startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-"):
                    width = len(re.findall(r"(?<!\\)\|", line))
                    j = i + 2
                    while j < len(lines) and lines[j].startswith("|"):
                        assert len(re.findall(r"(?<!\\)\|", lines[j].replace("\\\\", ""))) == width, lines[j]
                        j += 1
