"""One exact equation of a passage is proposed once, whichever of its figures it is solved for."""

from __future__ import annotations

from factcheck.discover import discover
from factcheck.extract import extract_document
from tests.support.discovered import discovered


def test_an_equation_is_not_proposed_again_over_another_statement_of_a_figure() -> None:
    # a foundation's report: "The Observatory was estimated at its building cost, €12,275.00 …
    # • €11,400.00 for its initial cost …; and • €875.00 for the fixing of various issues", and a
    # later sentence "(€4,000 wired minus €875 covering work delivered)"
    found = [(stated, tuple(sorted(inputs))) for stated, _, inputs, _ in discovered("eneur-03.pdf")]
    assert ("€12,275.00", ("€11,400.00", "€875.00")) in found
    assert ("€875", ("€11,400.00", "€12,275.00")) not in found
    assert ("€3,125", ("€4,000", "€875")) in found


def test_a_figure_of_one_equation_may_be_the_result_of_another(tmp_path) -> None:
    # Court of Audit questions on Defence's annual report 2011 (shared corpus, kamervragen): € 10,6
    # miljoen is a part of the € 110,5 miljoen of question 12 and, stated again, what makes € 111,2
    # miljoen come to € 100,6 miljoen in question 13
    text = tmp_path / "defensie.txt"
    text.write_text(
        "Vraag 12 Hoe verklaart u het feit dat de aangegane verplichtingen voor een bedrag van 110,5 miljoen euro te "
        "laag zijn ingeboekt? De geconstateerde fouten leiden ertoe dat in 2011 een bedrag van € 99,9 miljoen in de "
        "aangegane verplichtingen te laag is geboekt. Naast dit bedrag blijkt uit de controle van mutaties in 2012 dat "
        "voor € 10,6 miljoen aan contracten geen verplichting is opgenomen in 2011 terwijl dit wel had gemoeten. In "
        "totaal is het in 2011 te laag geboekte bedrag aan aangegane verplichtingen € 110,5 miljoen. Vraag 13 Hoe "
        "verklaart u het feit dat de openstaande verplichtingen voor een bedrag van 100,6 miljoen euro te hoog waren "
        "verantwoord? De openstaande verplichtingen zijn voor een bedrag van € 111,2 miljoen te hoog verantwoord. "
        "Verder blijkt uit de controle 2012 dat € 10,6 miljoen aan contracten ten onrechte niet in 2011 is geboekt, "
        "waardoor dit bedrag moet toegevoegd worden aan de eindstand van de openstaande verplichtingen. Per saldo is "
        "de stand ultimo 2011 dus € 100,6 miljoen te hoog.\n", encoding="utf-8")
    doc = extract_document(text)
    printed = {c["id"]: c["stated"] for c in doc.claims}
    found = set()
    for claim in discover(doc.claims, "nl", repeats=False):
        ids = [i.split(" (", 1)[0] for i in claim["evidence"]["inputs"].split(", ")]
        found.add((claim["stated"], tuple(sorted(printed[i] for i in ids))))
    assert any(sorted((stated, *inputs)) == ["€ 10,6 miljoen", "€ 100,6 miljoen", "€ 111,2 miljoen"]
               for stated, inputs in found)
