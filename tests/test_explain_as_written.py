"""Explanations show every conversion and percentage as written, never "= ≈", and a Dutch
explanation is Dutch throughout: unit names and messages too (issue 11)."""

from __future__ import annotations

import json
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


def test_a_discovered_count_times_amount_carries_the_totals_unit(tmp_path: Path) -> None:
    # "30.343 × €32.400 = €983.113.200": the relation is in euros, as the document writes it,
    # not in "person * EUR"; a hand-written relation with the same units is still a unit error.
    from factcheck.discover import discover
    from factcheck.extract import extract_document

    root = Path(__file__).resolve().parent.parent
    extracted = extract_document(root / "documents" / "asiel-migratie-2025-antwoorden.txt").claims
    (product,) = [p for p in discover(extracted, "nl", repeats=False) if p.get("stated") == "€983.113.200"]
    assert product["unit"] == "EUR"
    import yaml

    path = tmp_path / "c.yaml"
    data = json.loads(json.dumps({"document": {"id": "d"}, "claims": [*extracted, product]}))  # no shared objects
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = next(r for r in check_paths([path], discover=False).results if r.claim.id == product["id"])
    assert result.verdict.value == "consistent"
    assert _line(result.explanation, "Berekend:").startswith("Berekend: € 983.113.200 (")
    hand = tmp_path / "hand.yaml"
    hand.write_text('document: {id: h}\nclaims:\n  - {id: n, stated: "30.343", unit: person}\n'
                    '  - {id: k, stated: "€32.400", unit: EUR}\n'
                    '  - {id: t, stated: "€983.113.200", unit: EUR, expr: n * k}\n', encoding="utf-8")
    assert [r.verdict.value for r in check_paths([hand]).results] == ["unit"]
