"""The rows of the HTML report: each shows its sentence with the figure marked, and a repeat group
shows its figures and where each is stated (issue 11, point 6)."""

from __future__ import annotations

import re

import pytest

from factcheck.engine import check_paths
from factcheck.report import render
from factcheck.report.view import SENTENCE_CONTEXT, excerpt, mark_figure
from tests.support.report_examples import example_run

WHEN = "2026-01-01T12:00:00Z"
HOSTILE = "<script>alert(1)</script> ##[error]forged"

REPEATS = f"""document: {{id: rep, language: nl}}
claims:
  - id: a
    stated: "1 miljard"
    unit: EUR
    quote: "Vanaf 2027 is ook de 1 miljard besparing verwerkt. {HOSTILE}"
    where: {{line: 32, question: 1}}
  - {{id: b, stated: "500 miljoen", unit: EUR, quote: "Voor 2027 is 500 miljoen verwerkt.", where: {{line: 392, question: 14}}}}
  - {{id: c, stated: "1 miljard", unit: EUR, quote: "Vanaf 2028 de 1 miljard.", where: {{line: 394, question: 14}}}}
  - id: groep
    quote: "Vanaf 2027 is ook de 1 miljard besparing verwerkt. {HOSTILE}"
    unit: EUR
    repeats: [a, b, c]
"""


def _summaries(page: str) -> dict[str, str]:
    """Each result's <summary>, by the result's anchor."""
    return dict(re.findall(r'<details class="result [^"]*" id="([^"]+)"[^>]*>\s*<summary>(.*?)</summary>', page, re.DOTALL))


def _cell(summary: str, label: str) -> str:
    match = re.search(rf'<span class="cell-label">{label}</span>(.*?)</span>\n', summary, re.DOTALL)
    assert match, (label, summary)
    return match.group(1)


@pytest.fixture(scope="module")
def repeat_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, object]:
    path = tmp_path_factory.mktemp("repeats") / "rep.yaml"
    path.write_text(REPEATS, encoding="utf-8")
    run = check_paths([path])
    assert [r.verdict.value for r in run.results] == ["conflict"], run.diagnostics
    return render(run, "html", generated_at=WHEN, full=True), run


def test_every_row_shows_its_sentence_with_the_figure_marked_and_keeps_the_id() -> None:
    page = render(example_run(), "html", generated_at=WHEN, full=True)
    rows = _summaries(page)
    assert len(rows) == 11
    for anchor, summary in rows.items():
        sentence = re.search(r'<span class="sentence">(.*?)</span><span class="id">([^<]+)', summary)
        assert sentence, anchor
        assert re.search(r"<mark>[^<]+</mark>", sentence.group(1)), anchor
        assert anchor.endswith(sentence.group(2).lower())
    mismatch = rows["r-asiel-migratie-2025-kosten_per_dag"]
    assert "Per dag kost de noodopvang <mark>€ 2.800.000</mark>." in mismatch


def test_a_repeat_row_shows_each_figure_and_where_it_is_stated(repeat_page: tuple[str, object]) -> None:
    page, _ = repeat_page
    (summary,) = _summaries(page).values()
    stated = _cell(summary, "stated")
    assert "—" not in stated
    assert re.findall(r'<span class="statement">(.*?)</span>', stated) == [
        "1 miljard <small>question 1, 14</small>",
        "500 miljoen <small>question 14</small>",
    ]
    # The group's own quote is one of its statements: its figure is marked in the row.
    assert "Vanaf 2027 is ook de <mark>1 miljard</mark> besparing" in summary


def test_the_sentence_is_escaped_and_cannot_start_a_workflow_command(repeat_page: tuple[str, object]) -> None:
    page, run = repeat_page
    (summary,) = _summaries(page).values()
    sentence = re.search(r'<span class="sentence">(.*?)</span><span class="id">', summary).group(1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sentence
    assert "## [error]forged" in sentence
    assert "<script>alert" not in page and "##[error]" not in page
    assert page.count("<script>") == 1  # the report's own


def test_a_long_quote_is_cut_around_its_figure() -> None:
    before, after = "woord " * 40, " en verder " * 30
    parts = excerpt(mark_figure(before + "€ 983.113.200" + after, ["€ 983.113.200"]))
    assert [p for p in parts if p[1]] == [("€ 983.113.200", True)]
    assert parts[0][0].startswith("…woord ") and parts[-1][0].endswith("…")
    assert all(len(text) <= SENTENCE_CONTEXT + 1 for text, marked in parts if not marked)
    assert excerpt(mark_figure("kort 12 zinnetje", ["12"])) == (("kort ", False), ("12", True), (" zinnetje", False))
    assert excerpt((("x " * 200, False),))[0][0].endswith("…")

