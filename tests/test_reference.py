"""Reference tables (issue 12): reading them, ref() in formulas, links from documents, and the
cases from the shared corpus, on excerpts kept in tests/ (a slice of the begrotingsstaten CSV and
one page of each PDF)."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.engine import check_paths
from factcheck.errors import FormulaError
from factcheck.extract_cli import main as extract_main
from factcheck.formula import parse_formula
from factcheck.model import Verdict
from factcheck.reference.keys import Key
from factcheck.reference.link import Vocabulary, prose_links
from factcheck.reference.mapping import read_mapping
from factcheck.reference.table import ReferenceError, read_table

HERE = Path(__file__).parent
SLICE = HERE / "data" / "reference" / "begrotingsstaten-slice.csv"
KONING = HERE / "pdfs" / "1_De_Koning.pdf"
BMH_PAGE = HERE / "pdfs" / "bmh14_p108_jenv_artikel37.pdf"
HEADER = ("Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,Artikel nummer,"
          "Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,Stand eerste suppletoire,"
          "Stand tweede suppletoire,Realisatie\n")


def _extract(tmp_path: Path, *documents: Path, table: Path = SLICE) -> Path:
    run = tmp_path / "run"
    assert extract_main([str(table), "-o", str(run)]) == 0
    registration = next(run.glob("*.yaml"))
    assert extract_main([*map(str, documents), "-o", str(run), "--reference", str(registration), "--no-progress"]) == 0
    return run


def _links(run: Path) -> dict[str, object]:
    checked = check_paths([run])
    return {r.claim.stated + " " + r.claim.expr: r for r in checked.results  # type: ignore[operator]
            if r.claim.expr and r.claim.expr.startswith("ref(")}


# -- the cases from the shared corpus -----------------------------------------------------------


def test_de_koning_stands_are_linked_and_consistent(tmp_path: Path) -> None:
    links = _links(_extract(tmp_path, KONING))
    expected = {
        "28.287 ref(begrotingsstaten, 2018, ontwerpbegroting, I, 2)",
        "28.913 ref(begrotingsstaten, 2018, eerste_suppletoire, I, 2)",
        "28.914 ref(begrotingsstaten, 2019, ontwerpbegroting, I, 2)",
    }
    assert expected <= set(links)
    for name in expected:
        assert links[name].verdict is Verdict.CONSISTENT, links[name].explanation  # type: ignore[attr-defined]
    # the receipts table is linked to receipts, never to expenditure
    assert "7 ref(begrotingsstaten, 2018, eerste_suppletoire, I, 2, kind=ontvangsten)" in links
    # rows of mutations and the years beyond the budget's own are not in the tables: not linked
    assert not any(name.startswith(("626 ", "28.288 ")) for name in links)
    why = links["28.913 ref(begrotingsstaten, 2018, eerste_suppletoire, I, 2)"].explanation  # type: ignore[attr-defined]
    assert "'Functionele uitgaven van de Koning'" in why and "Stand ontwerpbegroting 2019" in why
    assert "begrotingsstaten-slice.csv:" in why and "Stand eerste suppletoire" in why
    assert "  ref(begrotingsstaten, 2018, eerste_suppletoire, I, 2) = " in why  # the input as written


def test_bmh14_article_37_printed_x1000_in_millions_is_a_scale_slip_each_year(tmp_path: Path) -> None:
    links = _links(_extract(tmp_path, BMH_PAGE))
    printed = {"2013": "733", "2014": "681", "2015": "757", "2016": "878", "2017": "1.633", "2018": "1.182"}
    for year, stated in printed.items():
        name = f"{stated} ref(begrotingsstaten, {year}, vastgestelde_begroting, VI, 37)"
        assert name in links, sorted(links)
        result = links[name]
        assert result.verdict is Verdict.SCALE  # type: ignore[attr-defined]
        assert result.scale_factor == Fraction(1, 1000)  # type: ignore[attr-defined]
        text = result.explanation  # type: ignore[attr-defined]
        assert "Bedragen x1000" in text and "x 1.000.000" in text
        assert "'Justitie en Veiligheid' (above the table) \u2192 hoofdstuk VI" in text
    # 2003-2012 are not in the table; "ca. 1,2 mld." names no article: none of them is linked
    assert len(links) == 6


def test_a_figure_naming_no_budget_is_not_linked(tmp_path: Path) -> None:
    run = _extract(tmp_path, KONING)
    linked = {str(r.claim.stated) for r in check_paths([run]).results if r.claim.expr and "ref(" in r.claim.expr}
    assert "€ 1.559.000" not in linked and "€ 105.000" not in linked


def test_a_key_several_rows_match_equally_is_not_linked(tmp_path: Path) -> None:
    # the same chapter, article, year and kind twice: which row is meant is not clear
    doubled = tmp_path / "doubled.csv"
    lines = SLICE.read_text(encoding="utf-8").splitlines(keepends=True)
    koning = [line for line in lines if line.startswith("2018,U,I,De Koning,2,")]
    doubled.write_text("".join(lines + koning), encoding="utf-8")
    links = _links(_extract(tmp_path, KONING, table=doubled))
    assert not any("2018, ontwerpbegroting, I, 2)" in name for name in links)
    assert "28.914 ref(begrotingsstaten, 2019, ontwerpbegroting, I, 2)" in links


def test_prose_links_need_one_article_one_year_one_phase() -> None:
    table = read_table(SLICE)
    vocabulary = Vocabulary(table)

    def claim(quote: str) -> dict[str, object]:
        return {"id": "x", "origin": "extracted", "kind": "money", "unit": "EUR", "value": "1181800000",
                "stated": "1.181,8 miljoen euro", "quote": quote, "where": {"page": 1}}

    one = claim("In de vastgestelde begroting 2018 staat voor artikel 37 van hoofdstuk VI 1.181,8 miljoen euro.")
    two_articles = claim("In de vastgestelde begroting 2018 staat voor artikel 37 en artikel 36 van hoofdstuk VI "
                         "1.181,8 miljoen euro.")
    no_phase = claim("In 2018 staat voor artikel 37 van hoofdstuk VI 1.181,8 miljoen euro.")
    no_chapter = claim("In de vastgestelde begroting 2018 staat voor artikel 37 1.181,8 miljoen euro.")
    links = prose_links([table], [vocabulary], [one, two_articles, no_phase, no_chapter], None)
    assert [link["expr"] for link in links] == ["ref(begrotingsstaten, 2018, vastgestelde_begroting, VI, 37)"]
    assert "'hoofdstuk VI' (sentence)" in links[0]["evidence"]["matched"]


# -- reading tables -----------------------------------------------------------------------------


def test_begrotingsstaten_layout_keys_and_provenance() -> None:
    table = read_table(SLICE)
    assert table.layout.name == "begrotingsstaten"
    (figure,) = table.lookup(Key(2018, "U", "I", "2", "eerste_suppletoire"))
    assert figure.value == 28913 and figure.column == "Stand eerste suppletoire"
    assert SLICE.read_text(encoding="utf-8").splitlines()[figure.line - 1].startswith("2018,U,I,De Koning,2,")
    # expenditure and commitments are different keys, never one figure
    assert table.lookup(Key(2013, "V", "VI", "37", "tweede_suppletoire"))[0].value == 247400
    assert table.lookup(Key(2013, "U", "VI", "37", "tweede_suppletoire"))[0].value == 767400
    assert table.lookup(Key(2013, "U", "VI", "99", "realisatie")) == []


def test_a_quoted_line_break_keeps_the_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + '2013,U,IIB,"Overige Hoge Colleges\nvan Staat",10,Nominaal,1,2,3,4,5\n'
                    "2013,U,IIB,Overige,11,Apparaat,6,7,8,9,10\n", encoding="utf-8")
    table = read_table(path)
    assert table.lookup(Key(2013, "U", "IIB", "11", "realisatie"))[0].line == 4


def test_budgettaire_tabellen_totals_are_not_summed_again_and_parts_add_up(tmp_path: Path) -> None:
    path = tmp_path / "bt.csv"
    path.write_text(textwrap.dedent("""\
        Begrotingsjaar;Hoofdstuknummer;Hoofdstuknaam;Artikelnummer;Artikelnaam;VUO;Totaal;Artikelonderdeelnummer;Instrumentnummer;Detailnummer;StandOWB
        2025;XX;Asiel en Migratie;1;Opvang;U;J;;;;1000
        2025;XX;Asiel en Migratie;1;Opvang;U;J;1;;;600
        2025;XX;Asiel en Migratie;1;Opvang;U;N;1;1;1;600
        2025;XX;Asiel en Migratie;1;Opvang;U;N;2;1;1;400
        2025;XX;Asiel en Migratie;2;Terugkeer;U;N;1;1;1;30
        2025;XX;Asiel en Migratie;2;Terugkeer;U;N;2;1;1;12
        2025;XX;Asiel en Migratie;2;Terugkeer;O;N;1;1;1;5
        """), encoding="utf-8")
    table = read_table(path)
    assert table.layout.name == "budgettaire_tabellen"
    (total,) = table.lookup(Key(2025, "U", "XX", "1", "ontwerpbegroting"))
    assert total.value == 1000 and total.summed == 1
    (summed,) = table.lookup(Key(2025, "U", "XX", "2", "ontwerpbegroting"))
    assert summed.value == 42 and summed.summed == 2  # receipts are not among the parts
    assert table.lookup(Key(2025, "O", "XX", "2", "ontwerpbegroting"))[0].value == 5


def test_an_unknown_header_needs_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("Jaar;Hfd;Art;Naam;Bedrag\n2024;VI;37;Migratie;1250\n", encoding="utf-8")
    with pytest.raises(ReferenceError) as caught:
        read_table(path)
    assert caught.value.code == "FC501" and str(caught.value).startswith(f"{path}:1:1: FC501")
    mapping = tmp_path / "own.mapping.yaml"
    mapping.write_text(textwrap.dedent("""\
        name: eigen_tabel
        scale: 1000000
        kind: uitgaven
        columns: {year: Jaar, chapter: Hfd, article: Art, article_name: Naam}
        values: {Bedrag: realisatie}
        """), encoding="utf-8")
    table = read_table(path, read_mapping(mapping), "eigen_tabel")
    (figure,) = table.lookup(Key(2024, "U", "VI", "37", "realisatie"))
    assert figure.value == 1250 and table.scale == 1000000


def test_a_mapping_mistake_is_located(tmp_path: Path) -> None:
    mapping = tmp_path / "bad.yaml"
    mapping.write_text("name: eigen\ncolumns: {year: Jaar, chapter: H, article: A}\nvalues:\n  Bedrag: begroot\n",
                       encoding="utf-8")
    with pytest.raises(ReferenceError) as caught:
        read_mapping(mapping)
    assert str(caught.value).startswith(f"{mapping}:4:11: FC502 'begroot' is not a phase")


# -- ref() written by hand ----------------------------------------------------------------------


def test_ref_syntax_is_parsed_by_the_allow_list() -> None:
    formula = parse_formula("ref(begrotingsstaten, 2013, vastgestelde_begroting, VI, 37) / 1000")
    assert formula.names == ("ref:begrotingsstaten:2013:U:VI:37:vastgestelde_begroting",)
    keyword = parse_formula("ref(begrotingsstaten, year=2013, phase=o1, chapter=vi, article=37, kind=ontvangsten)")
    assert keyword.names == ("ref:begrotingsstaten:2013:O:VI:37:eerste_suppletoire",)
    for bad, message in [
        ("ref(begrotingsstaten, 2013, begroot, VI, 37)", "is not a phase"),
        ("ref(begrotingsstaten, 2013, ontwerpbegroting, VI)", "needs article"),
        ("ref(begrotingsstaten, 2013, ontwerpbegroting, VI, 37, row=5)", "no argument 'row'"),
        ("ref(begrotingsstaten, 2013, ontwerpbegroting, VI, a.b)", "names and whole numbers"),
        ("ref(begrotingsstaten, 2013, ontwerpbegroting, VI, 37 + 1)", "names and whole numbers"),
        ("ref(__import__, 2013, ontwerpbegroting, VI, 37)", "not the name of a reference table"),
    ]:
        with pytest.raises(FormulaError) as caught:
            parse_formula(bad)
        assert caught.value.code == "FC504" and message in caught.value.message, bad


def _hand_written(tmp_path: Path, body: str) -> Path:
    run = tmp_path / "hand"
    assert extract_main([str(SLICE), "-o", str(run)]) == 0
    (run / "answer.yaml").write_text(textwrap.dedent("""\
        document:
          id: answer
          language: nl
        claims:
        """) + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8")
    return run


def test_a_hand_written_relation_against_the_table(tmp_path: Path) -> None:
    run = _hand_written(tmp_path, """\
        - id: budget_migratie_2018
          stated: "1,18 miljard euro"
          unit: EUR
          expr: ref(begrotingsstaten, 2018, vastgestelde_begroting, VI, 37)
        - id: budget_migratie_2017
          stated: "1,18 miljard euro"
          unit: EUR
          expr: ref(begrotingsstaten, 2017, vastgestelde_begroting, VI, 37)
        - id: not_in_table
          stated: "5 miljoen euro"
          unit: EUR
          expr: ref(begrotingsstaten, 2018, realisatie, VI, 99)
        - id: typo
          stated: "5 miljoen euro"
          unit: EUR
          expr: ref(begrotingstaten, 2018, realisatie, VI, 37)
        """)
    results = {r.claim.id: r for r in check_paths([run]).results}
    assert results["budget_migratie_2018"].verdict is Verdict.ROUNDING
    assert results["budget_migratie_2017"].verdict is Verdict.MISMATCH  # 1.632.841 thousand
    assert results["not_in_table"].verdict is Verdict.UNVERIFIABLE
    assert "has no value for 2018, uitgaven, hoofdstuk VI, artikel 99" in results["not_in_table"].explanation
    typo = results["typo"]
    assert typo.verdict is Verdict.ERROR and "FC505" in (typo.message or "")
    assert "did you mean 'begrotingsstaten'?" in (typo.message or "")


def test_a_changed_table_is_said(tmp_path: Path) -> None:
    copy = tmp_path / "slice.csv"
    copy.write_text(SLICE.read_text(encoding="utf-8"), encoding="utf-8")
    run = tmp_path / "run"
    assert extract_main([str(copy), "-o", str(run)]) == 0
    copy.write_text(copy.read_text(encoding="utf-8").replace("28913", "28900"), encoding="utf-8")
    (run / "x.yaml").write_text("document: {id: x}\nclaims:\n  - id: a\n    stated: '28.913'\n    unit: EUR\n"
                                "    scale: '1000'\n    expr: ref(begrotingsstaten, 2018, eerste_suppletoire, I, 2)\n",
                                encoding="utf-8")
    checked = check_paths([run])
    assert any(d.code == "FC506" for d in checked.diagnostics)
    assert checked.results[0].verdict is Verdict.MISMATCH  # the table as it is now


# -- across documents ---------------------------------------------------------------------------


def _figure_file(path: Path, doc: str, quote: str, stated: str, page: int) -> None:
    path.write_text(textwrap.dedent(f"""\
        document:
          id: {doc}
          language: nl
        claims:
          - id: taakstelling
            quote: "{quote}"
            stated: "{stated}"
            unit: EUR
            kind: money
            period: "2027"
            origin: extracted
            where: {{page: {page}}}
        """), encoding="utf-8")


def test_check_compares_repeated_quantities_across_documents(tmp_path: Path) -> None:
    sentence = "Voor het jaar 2027 is de taakstelling op de asielopvang {} volgens de begroting."
    _figure_file(tmp_path / "antwoorden.yaml", "antwoorden", sentence.format("500 miljoen euro"), "500 miljoen euro", 3)
    _figure_file(tmp_path / "begroting.yaml", "begroting", sentence.format("1 miljard euro"), "1 miljard euro", 7)
    (result,) = [r for r in check_paths([tmp_path]).results if r.claim.id.startswith("across_")]
    assert result.verdict is Verdict.CONFLICT
    text = result.explanation
    assert "500 miljoen euro (2027): " + str(tmp_path / "antwoorden.yaml") + ":5:9" in text
    assert "1 miljard euro (2027): " + str(tmp_path / "begroting.yaml") + ":5:9" in text
    assert text.count("taakstelling op de asielopvang") == 2  # both quotes
    assert {e["claim"] for e in result.evidence} == {"antwoorden.taakstelling", "begroting.taakstelling"}
    # with the same figure, the documents corroborate each other; --no-repeats switches it off
    _figure_file(tmp_path / "begroting.yaml", "begroting", sentence.format("500 miljoen euro"), "500 miljoen euro", 7)
    (agree,) = [r for r in check_paths([tmp_path]).results if r.claim.id.startswith("across_")]
    assert agree.verdict is Verdict.CONSISTENT
    assert not [r for r in check_paths([tmp_path], discover=False).results if r.claim.id.startswith("across_")]


def test_a_short_row_is_left_out_with_a_located_warning(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "2013,U,VI,Justitie,37,Migratie,1,2,3,4,5\n2013,U,VI,Justitie\n"
                    "2014,U,VI,Justitie,37,Migratie,6,7,8,9,10\n", encoding="utf-8")
    table = read_table(path)
    assert table.warning_lines() == [f"{path}:3:1: FC503 the row has fewer cells than the header's 11; "
                                     "it is left out (warning)"]
    (figure,) = table.lookup(Key(2014, "U", "VI", "37", "realisatie"))
    assert (figure.value, figure.line, figure.article_name) == (10, 4, "Migratie")


def test_extract_links_to_a_csv_given_directly_and_says_why_not_when_unreadable(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "k.yaml"
    assert extract_main([str(KONING), "-o", str(out), "--reference", str(SLICE), "--no-progress"]) == 0
    assert "expr: ref(begrotingsstaten, 2018, ontwerpbegroting, I, 2)" in out.read_text(encoding="utf-8")
    assert extract_main([str(KONING), "-o", str(out), "--reference", str(tmp_path / "nope.csv")]) == 2
    assert "FC500 cannot read the reference table" in capsys.readouterr().err
