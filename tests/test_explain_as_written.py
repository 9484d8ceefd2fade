"""Explanations show every conversion and percentage as written, never "= ≈", and a Dutch
explanation is Dutch throughout: unit names and messages too (issue 11)."""

from __future__ import annotations

from pathlib import Path

from factcheck.engine import check_paths
from factcheck.report import build_view

CLAIMS = """\
document:
  id: d
  language: {language}
claims:
  - id: per_maand
    stated: "€75.000.000"
    unit: EUR / month
  - id: per_jaar
    stated: "€900.000.000"
    unit: EUR / year
    expr: per_maand
  - id: aandeel
    stated: "90%"
  - id: budget
    stated: "€10.000.000"
    unit: EUR
  - id: deel
    stated: "€9.000.000"
    unit: EUR
    expr: aandeel * budget
  - id: a
    stated: "€3.000.000"
    unit: EUR
  - id: b
    stated: "€51.574"
    unit: EUR
  - id: verhouding
    stated: "58,17"
    expr: a / b
  - id: kostprijs
    stated: "€55.700"
    unit: EUR / place / year
  - id: bezetting
    stated: "30.343"
    unit: person
  - id: totaal
    stated: "€1.690.105.100"
    unit: EUR * person / place / year
    expr: bezetting * kostprijs
  - id: fout
    stated: "3"
    expr: kostprijs_x + 1
"""


def _explanations(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIMS.format(language="nl"), encoding="utf-8")
    return {r.claim.id: r.explanation for r in check_paths([path]).results}


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_a_unit_conversion_is_shown_as_a_step(tmp_path: Path) -> None:
    text = _explanations(tmp_path)["per_jaar"]
    # was "Ingevuld: 75.000.000 = 900.000.000"
    assert _line(text, "Ingevuld:") == "Ingevuld: € 75.000.000 per maand × 12 = € 900.000.000 per jaar"


def test_a_percentage_keeps_its_sign(tmp_path: Path) -> None:
    text = _explanations(tmp_path)["deel"]
    assert _line(text, "Ingevuld:") == "Ingevuld: 90 % × 10.000.000 = 9.000.000"  # was "90 × 10.000.000"


def test_an_inexact_result_is_not_equals_about(tmp_path: Path) -> None:
    text = _explanations(tmp_path)["verhouding"]
    assert "= ≈" not in text
    assert _line(text, "Ingevuld:") == "Ingevuld: 3.000.000 / 51.574 ≈\u00a058,1688"


def test_dutch_explanations_name_units_in_dutch(tmp_path: Path) -> None:
    text = _explanations(tmp_path)["totaal"]
    assert "kostprijs = € 55.700 per plaats per jaar  (gedrukt: “€55.700”" in text
    assert "bezetting = 30.343 personen  (gedrukt" in text
    assert "place" not in text and "person " not in text and "EUR" not in text.split("\n", 1)[1]


def test_dutch_explanations_give_messages_in_dutch(tmp_path: Path) -> None:
    text = _explanations(tmp_path)["fout"]
    assert text.endswith("FC203 onbekende claim-id 'kostprijs_x' in de formule; bedoelde u 'kostprijs'?")
    assert "unknown" not in text


def test_english_explanations_keep_the_claim_files_units(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d, language: en}\nclaims:\n  - {id: m, stated: "€75,000,000", unit: EUR / month}\n'
                    '  - {id: y, stated: "€900,000,000", unit: EUR / year, expr: m}\n', encoding="utf-8")
    (result,) = check_paths([path]).results
    assert _line(result.explanation, "Filled in:") == "Filled in: 75,000,000 EUR / month × 12 = 900,000,000 EUR / year"


def test_report_details_of_a_dutch_document_are_dutch(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - {id: a, stated: "2", unit: EUR}\n'
                    '  - {id: s, stated: "7", unit: EUR, expr: a + a}\n', encoding="utf-8")
    view = build_view(check_paths([path]))
    (row,) = view.results
    assert any(label.endswith("zou moeten zijn") for label in row.extra), row.extra
