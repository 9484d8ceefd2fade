"""Document -> claims: provenance, context, stable ids, tables, languages, process pool."""

from __future__ import annotations

import hashlib
import keyword
import re
from pathlib import Path

import pytest

from factcheck.extract import detect_language, extract_document
from factcheck.extract.ids import assign_ids, base_id
from factcheck.extract.tables import line_kind, regions

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
PDFS = ROOT / "tests" / "pdfs"
ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


@pytest.fixture(scope="module")
def bundled():
    return extract_document(DOC)


def test_header(bundled) -> None:
    assert bundled.header["id"] == "asiel-migratie-2025-antwoorden"
    assert bundled.header["language"] == "nl"
    assert bundled.header["sha256"] == hashlib.sha256(DOC.read_bytes()).hexdigest()


def test_ids_are_readable_unique_and_stable(bundled) -> None:
    ids = [c["id"] for c in bundled.claims]
    assert all(ID_RE.match(i) for i in ids)
    assert len(ids) == len(set(ids))
    assert ids == [c["id"] for c in extract_document(DOC).claims]
    assert {"kostprijs_noodopvang", "asielzoekers_noodopvang", "locatiegebonden_kosten_reguliere_opvang"} <= set(ids)


def test_ids_do_not_depend_on_line_numbers(tmp_path: Path, bundled) -> None:
    shifted = tmp_path / "shifted.txt"
    shifted.write_text("Voorwoord zonder cijfers.\n\n\n" + DOC.read_text(encoding="utf-8"), encoding="utf-8")
    again = extract_document(shifted)
    assert [c["id"] for c in again.claims] == [c["id"] for c in bundled.claims]
    assert [c["where"]["line"] for c in again.claims] == [c["where"]["line"] + 3 for c in bundled.claims]


def test_disambiguation_by_question() -> None:
    claims = [{"subject": "besparing", "where": {"question": 14}}, {"subject": "besparing", "where": {"question": 15}},
              {"subject": "besparing", "where": {"question": 15}}, {"kind": "money", "stated": "500 miljoen euro", "where": {}}]
    assign_ids(claims)
    assert [c["id"] for c in claims] == ["besparing", "besparing_q15", "besparing_q15_2", "money_500_miljoen_euro"]
    assert base_id({"subject": "Oekraïne-opvang kosten"}) == "oekraine_opvang_kosten"


def test_spans_lines_and_columns_point_at_the_figure(bundled) -> None:
    text = DOC.read_text(encoding="utf-8")
    lines = text.split("\n")
    for claim in bundled.claims:
        start, end = claim["where"]["span"]
        assert re.sub(r"\s+", " ", text[start:end]) == claim["stated"]
        line, col = claim["where"]["line"], claim["where"]["col"]
        assert lines[line - 1][col - 1:].startswith(claim["stated"].split(" ")[0])


def test_context_and_period(bundled) -> None:
    by_id = {c["id"]: c for c in bundled.claims}
    saving = by_id["besparing_hoofdlijnenakkoord_q14"]
    assert saving["period"] == "vanaf 2028" and saving["where"]["asked_by"] == "Podt, A. (D66)"
    appeals = by_id["beroepen"]
    assert appeals["period"] == "2024 tot en met september"
    assert all("question" in c["where"] for c in bundled.claims)
    questions = [c for c in bundled.claims if c["where"]["part"] == "question"]
    assert {c["stated"] for c in questions} >= {"30%", "27.000", "2 op de 3", "€45"}


def test_table_regions_are_skipped_and_reported() -> None:
    doc = extract_document(PDFS / "1_De_Koning.pdf")
    assert doc.tables and doc.skipped_in_tables > 20
    assert all(c["kind"] in ("money", "duration") for c in doc.claims)
    assert {c["stated"] for c in doc.claims} >= {"€ 1.559.000", "€ 275.000", "€ 1.284.000"}
    info = doc.extraction_info()
    assert info["table_pages"] == [1] and info["numbers_in_tables"] == doc.skipped_in_tables


def test_table_line_heuristic() -> None:
    assert line_kind("€ 100.000 – € 200.000 1.441.161 (40%) € 151.436") == "wide"
    assert line_kind("Mutatie nota van wijziging 2018 – – – – – –") == "wide"
    assert line_kind("Stand 2018 28.287 –") == "table"
    assert line_kind("Grondwatertarief 120 120 120 120 2030") == "wide"
    assert line_kind("Personeel Dienst van het Koninklijk Huis 18.206") == "row"
    assert line_kind("meer dan € 100.000, € 200.000, € 300.000 en € 400.000 voor") == "prose"
    assert line_kind("(49,5%-37,1% =) 12,4% en zo verder in een lange zin.") == "prose"
    assert regions("Een zin over 3 plekken.\nDe volgende zin noemt 4 mensen.\n") == []


def test_language_detection_and_forcing() -> None:
    assert detect_language("The total employment is projected to rise by 20.5 million in the period.") == "en"
    assert detect_language("De kosten van de opvang zijn hoger dan verwacht en dat is een probleem.") == "nl"
    labor = extract_document(PDFS / "labor.pdf")
    assert labor.header["language"] == "en"
    assert any(c["value"] == "20500000" for c in labor.claims)
    forced = extract_document(PDFS / "labor.pdf", language="nl")
    assert forced.header["language"] == "nl"
    assert not any(c["value"] == "20500000" for c in forced.claims)  # "20.5" is not a Dutch number


def test_process_pool_gives_the_same_claims(pdf_bundle) -> None:
    path = pdf_bundle([PDFS / "fichebundel-13.pdf", PDFS / "fichebundel-85.pdf"], 4)
    serial = extract_document(path, jobs=1)
    parallel = extract_document(path, jobs=2)
    assert serial.pages == parallel.pages == 24
    assert serial.claims == parallel.claims
    assert max(c["where"]["page"] for c in serial.claims) >= 23


def test_every_unit_is_a_unit_expression_the_checker_reads(bundled) -> None:
    units = pytest.importorskip("factcheck.units")
    system = units.unit_system()
    names = ("fichebundel-13.pdf", "fichebundel-85.pdf", "1_De_Koning.pdf", "labor.pdf")
    docs = [bundled] + [extract_document(PDFS / n) for n in names]
    for doc in docs:
        for claim in doc.claims:
            if claim.get("unit"):
                system.resolve(claim["unit"])  # raises FC211 when it cannot


def test_running_heads_repeated_on_many_pages_are_left_out(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_extract_sources", Path(__file__).with_name("test_extract_sources.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages = [[f"Rapport 2021 | {n} | Hoofdstuk 3", "", f"Er zijn {n * 100} aanvragen gedaan in deze periode.",
              "Nog wat tekst zonder cijfers.", "En nog een regel tekst.", f"Pagina {n} van 12"] for n in range(1, 13)]
    path = tmp_path / "heads.pdf"
    path.write_bytes(module.make_pdf(pages))
    doc = extract_document(path)
    assert [c["value"] for c in doc.claims] == [str(n * 100) for n in range(1, 13)]


def test_title_passes_over_a_page_head_word_and_quotes_drop_private_use_glyphs(tmp_path: Path) -> None:
    # The bundled answers open with "BIJVOEGSEL" (a page head) above the real title (issue 11);
    # Word exports set bullets as U+F0B7 of the Symbol font, which reads as a box in a quote.
    from factcheck.extract import extract_document

    root = Path(__file__).resolve().parent.parent
    doc = extract_document(root / "documents" / "asiel-migratie-2025-antwoorden.txt")
    assert doc.header["title"].startswith("Schriftelijke antwoorden van de minister van Asiel en Migratie")
    text = tmp_path / "bullets.txt"
    text.write_text("Kosten\n\n\uf0b7 De opvang kost € 55.700 per plaats.\n", encoding="utf-8")
    (claim,) = [c for c in extract_document(text).claims if c["stated"] == "€ 55.700"]
    assert "\uf0b7" not in claim["quote"] and "De opvang kost € 55.700" in claim["quote"]


def test_an_id_is_never_a_python_keyword() -> None:
    # Zambia budget address 2025 (tests/unseen/docs/enworld-05.pdf): "Domestic borrowing will be
    # K15.4 billion or 7.1 percent while K19.4 billion or 8.9 percent …" gave 8.9 percent the subject
    # "while", and a relation over it, "sum(while, …)", could not be read as a formula (FC201)
    assert base_id({"subject": "while", "kind": "percent"}) == "percent_while"
    assert base_id({"subject": "while spending"}) == "while_spending"
    doc = extract_document(Path(__file__).parent / "unseen" / "docs" / "enworld-05.pdf")
    assert not [c["id"] for c in doc.claims if keyword.iskeyword(c["id"])]


def test_a_quote_does_not_open_with_the_running_heads_of_its_page() -> None:
    # GreenGov.SG report FY2023 (dev enpqh-03): every page opens with its number and a row of
    # section tabs ("FOREWORD ABOUT APPENDIX EXECUTIVE SUMMARY INTRODUCTION EXCEL ENABLE EXCITE
    # GOVERNANCE"), which the text layer puts before the page's first sentence
    doc = extract_document(ROOT / "tests" / "unseen" / "docs" / "enpqh-03.pdf")
    quotes = {c["stated"]: c["quote"] for c in doc.claims if c.get("origin") == "extracted"}
    assert quotes["1,367,002"].startswith("The public sector’s total Scope 1 emissions for FY2023")
    assert quotes["2,244,854"].startswith("The public sector’s total Scope 2 emissions for FY2023")
    assert sum("EXCITE GOVERNANCE" in q for q in quotes.values()) <= 2  # page 1 prints its tabs in another order


def test_a_highlight_that_says_what_changed_is_a_sentence_not_a_row() -> None:
    # Utah Housing Corporation's financial highlights (enwvm-01 p1), a list without full stops:
    # "Total cash and cash equivalents decreased $82.6 million (-46.2%)". Read as table rows, its
    # eleven figures were left to the table reader, which found no table in them.
    assert line_kind("   Total cash and cash equivalents decreased $82.6 million (-46.2%)") == "prose"
    assert line_kind("   Interest expense increased $49.8 million (74.8%)") == "prose"
    assert line_kind("   Total cash and cash equivalents      $82.6 million   (-46.2%)") == "row"
