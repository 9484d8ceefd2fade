"""Claim files are read safely, with file:line:col messages and no tracebacks."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.claimfile import read_claim_file
from factcheck.model import Hedge

GOOD = 'document: {id: d}\nclaims:\n  - {id: a, stated: "€ 55.700", unit: EUR}\n'


def load(tmp_path: Path, text: str):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return read_claim_file(path)


def codes(claim_file) -> list[str]:
    return [d.code for d in claim_file.diagnostics]


def test_reads_a_good_file(tmp_path: Path) -> None:
    claim_file = load(tmp_path, GOOD)
    assert claim_file.diagnostics == ()
    (claim,) = claim_file.claims
    assert claim.value == 55700 and claim.unit == "EUR"
    assert (claim.location.line, claim.location.col) == (3, 10)


@pytest.mark.parametrize("text, code, line", [
    ("document: {id: d}\nclaims: [\n", "FC101", 3),
    ("document: !!python/object/apply:os.system ['true']\n", "FC102", 1),
    ("document: {id: d}\ndocument: {id: e}\n", "FC103", 2),
    ("a: &x [1, 2]\nb: [*x, *x]\n", "FC104", 2),
    ("document: {id: d}\nclaims:\n" + "  - " + "[" * 60 + "]" * 60 + "\n", "FC104", 3),
    ("", "FC106", 1),
    ("claims: []\n", "FC106", 1),
    ("document: {id: D!}\n", "FC107", 1),
])
def test_bad_files_get_a_located_code(tmp_path: Path, text: str, code: str, line: int) -> None:
    claim_file = load(tmp_path, text)
    (diag,) = [d for d in claim_file.diagnostics if d.severity == "error"]
    assert diag.code == code
    assert diag.location.line == line
    assert str(diag).startswith(f"{tmp_path / 'c.yaml'}:{line}:")


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = "a: &a ['x','x','x','x','x','x','x','x','x']\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]\n"
    assert codes(load(tmp_path, bomb)) == ["FC104"]


def test_one_bad_claim_does_not_sink_the_file(tmp_path: Path) -> None:
    text = 'document: {id: d}\nclaims:\n  - {id: Bad, stated: "1"}\n  - {id: good, stated: "2"}\n  - {id: good, stated: "3"}\n'
    claim_file = load(tmp_path, text)
    assert [c.id for c in claim_file.claims] == ["good"]
    assert codes(claim_file) == ["FC107", "FC108"]


def test_unquoted_figure_gets_a_warning(tmp_path: Path) -> None:
    claim_file = load(tmp_path, "document: {id: d}\nclaims:\n  - id: a\n    value: 55.700\n")
    (diag,) = claim_file.diagnostics
    assert diag.code == "FC110" and diag.severity == "warning"
    assert 'stated: "55.700"' in diag.message
    assert claim_file.claims[0].value == Fraction(557, 10)  # YAML's reading, kept exact, and warned about


def test_unquoted_stated_is_read_as_printed(tmp_path: Path) -> None:
    claim_file = load(tmp_path, "document: {id: d}\nclaims:\n  - id: a\n    stated: 55.700\n")
    assert claim_file.claims[0].value == 55700
    assert [d.code for d in claim_file.diagnostics] == ["FC110"]


def test_typo_in_key_is_pointed_out(tmp_path: Path) -> None:
    claim_file = load(tmp_path, 'document: {id: d}\nclaims:\n  - {id: a, stated: "1", expct: rounding}\n')
    assert "did you mean 'expect'" in claim_file.diagnostics[0].message


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.claimfile as module

    monkeypatch.setattr(module, "MAX_FILE_BYTES", 10)
    assert codes(load(tmp_path, GOOD)) == ["FC105"]


def test_missing_file() -> None:
    assert codes(read_claim_file("/nonexistent/x.yaml")) == ["FC111"]


def test_hedge_from_stated_and_override(tmp_path: Path) -> None:
    text = 'document: {id: d}\nclaims:\n  - {id: a, stated: "ruim 860 miljoen"}\n  - {id: b, stated: "860 miljoen", hedge: about}\n'
    a, b = load(tmp_path, text).claims
    assert a.hedge is Hedge.ABOVE and a.figure.interval.lo == 860_000_000
    assert b.hedge is Hedge.ABOUT and b.figure.interval.lo < 860_000_000 < b.figure.interval.hi


def test_a_precision_ending_in_a_separator_control_character_reads_as_its_digits(tmp_path: Path) -> None:
    # found by the adversarial batch test: str.strip() takes \x1f, int() does not
    claim_file = load(tmp_path, 'document: {id: d}\nclaims:\n  - {id: a, stated: "55.700", precision: "0\\x1f"}\n')
    assert codes(claim_file) == []
    assert claim_file.claims[0].figure.precision == 0
