"""Whatever `extract` writes, `check` reads back without a claim-file error (FC1xx).

Over the bundled document and the 24 unseen excerpts; benchmarks/readback.py does the same over
the whole corpus.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.engine import check_paths
from factcheck.numbers import parse_figure

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt",
           *sorted((ROOT / "tests" / "unseen" / "docs").glob("*.pdf"))]


def test_every_extracted_claim_file_reads_back(tmp_path: Path) -> None:
    assert main(["extract", *map(str, SOURCES), "-o", str(tmp_path), "--no-progress"]) == 0
    files = sorted(p for p in tmp_path.glob("*.yaml") if not p.name.startswith("."))
    assert len(files) == len(SOURCES)
    run = check_paths(files)
    assert [f"{d.location}: {d.code} {d.message}" for d in run.diagnostics if d.code.startswith("FC1")] == []
    assert len(run.results) > 500


@pytest.mark.parametrize(("text", "language", "value", "unit", "high"), [
    ("one-third", "en", "1/3", None, None),
    ("two-thirds", "en", "2/3", None, None),
    ("1-percentage-point", "en", "1", "pp", None),
    ("one-fifth", "en", "1/5", None, None),
    ("two decades", "en", "2", "decade", None),
    ("twee decennia", "nl", "2", "decade", None),
    ("9 through 12", "en", "9", None, "12"),
    ("K174.2 billion", "en", "174200000000", "ZMW", None),
    # an accountant's negative in brackets with its scale after them (enqua-01, enxye-01)
    ("($1,505.8) million", "en", "-1505800000", "USD", None),
    ("$(1.2) million", "en", "-1200000", "USD", None),
    ("(€ 3,4) miljoen", "nl", "-3400000", "EUR", None),
])
def test_figures_the_extractor_writes_are_parsed(text: str, language: str, value: str, unit: str | None,
                                                  high: str | None) -> None:
    from fractions import Fraction

    figure = parse_figure(text, language)
    assert figure.value == Fraction(value)
    assert figure.unit_hint == unit
    assert figure.value_high == (Fraction(high) if high else None)


def test_a_bracketed_share_keeps_its_precision_and_a_k_after_a_currency_is_thousands(tmp_path: Path) -> None:
    # "(11,3%)" beside an amount is a share of 11,3 % (the table wrote value 11.3 and precision -1):
    # its rounding applies to that value, so 7.040 / 62.463 = 11,27 % holds; "£100k" reads back
    from factcheck.claimfile import read_claim_file

    path = tmp_path / "share.yaml"
    path.write_text('document: {id: d, language: nl}\nclaims:\n'
                    '  - {id: a, stated: "7.040", value: "7040", precision: "0"}\n'
                    '  - {id: b, stated: "62.463", value: "62463", precision: "0"}\n'
                    '  - {id: s, stated: "(11,3%)", value: "11.3", precision: "-1", unit: "%", expr: a / b}\n',
                    encoding="utf-8")
    claims = {c.id: c for c in read_claim_file(path).claims}
    figure = claims["s"].figure
    assert figure is not None and figure.value == Fraction(113, 10)
    assert figure.interval.lo == Fraction(1125, 100) and figure.interval.hi == Fraction(1135, 100)
    run = check_paths([path])
    assert [r.verdict.value for r in run.results] == ["rounding"]
    assert parse_figure("£100k", "en").value == 100_000
