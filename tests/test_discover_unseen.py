"""Discovery on unseen dev excerpts (tests/unseen): shares, percentage points, and their limits."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from factcheck.discover import discover
from factcheck.discover.figures import Fig
from factcheck.engine import check_paths
from factcheck.extract import extract_document
from factcheck.extract.tables import regions
from factcheck.model import Interval
from factcheck.sources.pdf_layout import page_texts
from tests.support.discovered import relations as _relations

DOCS = Path(__file__).parent / "unseen" / "docs"




def test_shares_with_the_whole_in_the_passage_or_pages_before() -> None:
    # Zambia budget address 2025: "K174.2 billion or 80.2 percent of the Budget" with the budget,
    # K217.1 billion, one sentence before; "K73.8 billion or 34.0 percent of the Budget" two pages on.
    found = _relations("enworld-05.pdf")
    assert ("80.2 percent", "ratio", ("K174.2 billion", "K217.1 billion")) in found
    assert ("34.0 percent", "ratio", ("K73.8 billion", "K217.1 billion")) in found
    # "K19.4 billion or 8.9 percent": the amount beside the percentage, not K15.4 / K174.2 (8.84 %)
    assert ("8.9 percent", "ratio", ("K19.4 billion", "K217.1 billion")) in found
    assert not [r for r in found if r[0] == "8.9 percent" and r[2] != ("K19.4 billion", "K217.1 billion")]
    # a small percentage set right after its part ("K8.2 billion or 3.8 percent"): only that
    # amount was tried as the part, so the whole's match is not put down to chance
    assert ("3.8 percent", "ratio", ("K8.2 billion", "K217.1 billion")) in found
    assert ("7.1 percent", "ratio", ("K15.4 billion", "K217.1 billion")) in found


def test_a_rate_of_change_is_not_taken_for_a_share() -> None:
    # Public Accounts of Canada 2021: "Customs import duties decreased by $0.6 billion, or 12.3%";
    # 0.6 / 4.9 happens to give 12.3 %, but the sentence states a change, not a share.
    found = _relations("enworld-01.pdf")
    assert not [r for r in found if r[1] == "ratio" and r[0] in ("12.3%", "9.5%")]


def test_percentage_points_are_the_difference_of_two_percentages() -> None:
    # SERV advice: "de rentevoet 0,1 procentpunt hoger zal liggen (3,4% tegenover 3,3%)"
    found = _relations("nltaal-05.pdf")
    assert ("0,1 procentpunt", "points", ("3,4%", "3,3%")) in found


def test_proposed_shares_are_read_back_and_hold(tmp_path: Path) -> None:
    from factcheck.cli import main

    out = tmp_path / "claims"
    assert main(["extract", str(DOCS / "enworld-05.pdf"), "--out", str(out)]) == 0
    run = check_paths([out])
    assert not [d for d in run.diagnostics if d.code.startswith("FC1")]
    shares = [r for r in run.results if r.claim.evidence and r.claim.evidence.get("relation") == "ratio"]
    assert shares and all(r.verdict.value in ("consistent", "rounding") for r in shares)


def test_a_sentence_wrapped_after_a_figure_is_prose_not_a_table() -> None:
    text = page_texts(DOCS / "enworld-05.pdf")[0]
    start = text.index("K217.1")
    assert not [r for r in regions(text) if r.start <= start < r.end]


@lru_cache(maxsize=None)
def _extracted(name: str, tmp: str) -> Path:
    """The claim file `factcheck extract` writes for an unseen dev excerpt."""
    from factcheck.cli import main

    out = Path(tmp) / name.replace(".pdf", "")
    assert main(["extract", str(DOCS / name), "--out", str(out)]) == 0
    return out / name.replace(".pdf", ".yaml")


def _text_table_results(path: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    run = check_paths([path])
    assert not [d for d in run.diagnostics if d.code.startswith("FC1")]
    out = {}
    for r in run.results:
        ev = r.claim.evidence or {}
        if str(ev.get("relation", "")).endswith("table row"):
            out[r.claim.stated or ""] = (str(ev["relation"]), r.verdict.value, tuple(
                i.split(" (", 1)[1].rstrip(")") for i in str(ev["inputs"]).split(", ")))
    return out


def test_statements_about_table_rows_are_checked_against_the_rows(tmp_path: Path) -> None:
    # Public Accounts of Canada 2021: "Personal income tax revenues increased by $7.2 billion in
    # 2021, or 4.3%" beside the table row 174,755 | 167,576 (in millions of dollars).
    found = _text_table_results(_extracted("enworld-01.pdf", str(tmp_path)))
    assert found["$7.2 billion"] == ("difference of a table row", "rounding", ("174,755", "167,576"))
    assert found["4.3%"] == ("growth over a table row", "rounding", ("174,755", "167,576"))
    # a decrease: the base of the rate is the earlier, larger value
    assert found["12.9%"][0] == "growth over a table row" and found["12.9%"][1] == "rounding"
    # "$0.2 billion, or 0.8%" (173 million over 22,219): so coarse that the tables' pairs give as
    # much by chance one time in a few; the amount search alone leaves it, and it is read only
    # through its rate, whose words and years name the row "Employment insurance premiums"
    assert found["0.8%"][0] == "change along a table row"
    assert found["$0.2 billion"] == ("difference of a table row", "rounding", ("22,392", "22,219"))
    # "Total revenues amounted to $316.4 billion in 2021, down $17.7 billion": the row 316,446 |
    # 334,131 is printed in two tables (pages 1 and 2); the sentence quotes one of its cells, so
    # the match is judged against that row's pairs only, and the two copies are one statement
    assert found["$17.7 billion"] == ("difference of a table row", "rounding", ("334,131", "316,446"))


def test_a_figure_the_prose_adds_up_is_also_read_off_its_table_row(tmp_path: Path) -> None:
    # Public Accounts of Canada 2021: "Total expenses … were $31.7 billion … higher than projected
    # …, with program expenses $30.8 billion higher than forecast and public debt charges $0.9
    # billion higher": $30.8 billion is read in the sentence (31.7 - 0.9) and is also the
    # difference of the row "Total program expenses" (Actual 608,522, Projection 577,734)
    path = _extracted("enworld-01.pdf", str(tmp_path))
    found = _text_table_results(path)
    assert found["$30.8 billion"] == ("difference of a table row", "rounding", ("608,522", "577,734"))
    ids = {r.claim.id for r in check_paths([path]).results if r.claim.stated == "$30.8 billion"}
    assert {"rel_program_expenses", "relt_program_expenses"} <= ids


def test_a_cell_quoted_from_a_row_is_not_a_difference_of_its_neighbours(tmp_path: Path) -> None:
    # NYC Comptroller audit: "$48,493" is printed in the row itself; that two other cells of the
    # row differ by it is the row adding up, not a calculation in the text.
    found = _text_table_results(_extracted("enus-01.pdf", str(tmp_path)))
    assert "$48,493" not in found


def test_a_share_whose_whole_stands_in_its_own_sentence(tmp_path: Path) -> None:
    # Village financial report: "the unreserved fund balance of the General Fund was $9,393,664,
    # representing 91% of the total General Fund Balance of $10,291,594". Another amount of the
    # document ($10,297,548, pages away) would give 91% too; the sentence's own is the whole.
    run = check_paths([_extracted("enus-03.pdf", str(tmp_path))])
    shares = [r for r in run.results if r.claim.stated == "91%" and r.claim.expr]
    assert len(shares) == 1
    assert shares[0].claim.expr.endswith("/ total_general_fund_balance")
    assert shares[0].verdict.value == "rounding"


def test_an_exact_difference_of_round_figures_is_no_coincidence(tmp_path: Path) -> None:
    # Wassenaar jaarstukken 2023: "De geraamde baten bedroegen € 2.778.000 waarvan €2.500.000
    # bestaat uit Rijksbijdragen 2023 en € 278.000 uit het overgehevelde overschot". €2.500.000
    # may stand for anything from 2.450.000 to 2.550.000, so a match within rounding is cheap;
    # 2.778.000 − 2.500.000 landing exactly on 278.000 is not.
    run = check_paths([_extracted("nltaal-01.pdf", str(tmp_path))])
    found = [r for r in run.results if r.claim.stated == "€ 278.000" and r.claim.expr]
    assert len(found) == 1 and found[0].verdict.value == "consistent"
    assert found[0].claim.expr == "geraamde_baten_bedroegen - bestaat_rijksbijdragen"


def test_percentages_that_name_a_table_row_are_its_share_of_the_tables_total(tmp_path: Path) -> None:
    # Town annual financial report (MD&A), page 3: "expenses are public safety (37%), home and
    # community services (25%) and general government support (22%)", next to page 2's table of
    # program expenses whose Total Expenses is 47,565,188 (governmental activities).
    from factcheck.cli import main

    assert main(["extract", str(DOCS / "enus-03.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "enus-03.yaml"])
    shares = {r.claim.stated: r for r in run.results
              if r.claim.evidence and r.claim.evidence.get("relation") == "share of a table's total"}
    assert set(shares) == {"37%", "25%", "22%"}
    assert shares["37%"].claim.evidence["inputs"].endswith("(17,566,642), t2_1_r22_c1 (47,565,188)")
    assert all(r.verdict.value in ("consistent", "rounding") for r in shares.values())


def test_a_total_of_two_is_read_as_a_sum_when_its_sentence_says_total() -> None:
    # Village annual report (MD&A): "$1,168,100 ... Of this amount $1,073,000 represents the amount
    # estimated for use in the 2012 budget and $95,100 ..." - no word of the two parts' sentence
    # speaks of a difference; the total's ("Of this amount", "total") speaks of a sum.
    assert ("$1,168,100", "sum", ("$1,073,000", "$95,100")) in _relations("enus-03.pdf")
    # DUS-I RIF report: "bijna € 110 miljoen" (hedged) is never part of an exact sum of round
    # figures ("totaal 127 miljoen" = 110 + 17 holds by coincidence: 127 = 100 + 17 + 10)
    assert not [r for r in _relations("nlmix-01.pdf") if r[1] == "sum" and "€ 110 miljoen" in (r[0], *r[2])]


def test_a_change_the_text_states_from_to_is_checked_even_when_it_is_wrong(tmp_path: Path) -> None:
    # Colorado JBC, FY 2025-26 Appropriations Report: "increased from $18.498 billion in FY
    # 2024-25 to $18.544 billion in FY 2025-26 (an increase of $60.2 million or 0.3 percent)" -
    # the difference is $46 million. The sentence runs over a page break. Arithmetic alone would
    # never propose $60.2 million; the wording does, and the check says it does not hold.
    from factcheck.cli import main

    assert main(["extract", str(DOCS / "entab-03.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "entab-03.yaml"])
    stated = {r.claim.stated: r for r in run.results if r.claim.evidence and r.claim.evidence.get("wording") == "from … to"}
    assert stated["$60.2 million"].verdict.value == "mismatch"
    assert "$18.498 billion" in stated["$60.2 million"].claim.evidence["inputs"]
    assert stated["0.3 percent"].claim.expr.endswith(") / total_general_fund_expenditures")


def test_percentage_changes_and_shares_named_in_the_text_are_read_off_the_table(tmp_path: Path) -> None:
    # WODC/CBS Criminaliteit en rechtshandhaving 2023, page 3: "Sinds 2013 nam de geregistreerde
    # criminaliteit in totaal af met 27%" above the row "Geregistreerde misdrijven 1.105.560 ...
    # 807.375" (2013 ... 2023); page 4: "Daarvan was 44% een dagvaarding" of the decisions of the
    # OM, the row "w.o. dagvaarding 82.000" under "Beslissingen door het OM 187.000" (2023).
    from factcheck.cli import main

    assert main(["extract", str(DOCS / "nlpub-01.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "nlpub-01.yaml"])
    found = {(r.claim.stated, str((r.claim.evidence or {}).get("relation"))): r for r in run.results if r.claim.expr}
    crime = found[("27%", "change along a table row")]
    assert crime.verdict.value in ("consistent", "rounding")
    assert "Geregistreerde misdrijven" in str(crime.claim.evidence["found"])
    assert "from 2013 to 2023" in str(crime.claim.evidence["found"])
    summons = found[("44%", "share of a table's total")]
    assert [i.claim.stated for i in summons.inputs if i.claim] == ["82.000", "187.000"]  # 2023, the latest year
    # only agreement is reported: nothing this search found is an alarm
    assert not [r for r in run.results if r.claim.origin == "discovered" and r.verdict.value in ("mismatch", "scale")]


def test_lower_than_is_wording_for_a_difference() -> None:
    # Public Accounts of Canada 2021, p. 23 (enworld-01 p3): "The 2021 budgetary deficit of
    # $327.7 billion was $15.5 billion lower than the $343.2-billion deficit projected".
    assert _relates("enworld-01.pdf", "difference", {"$15.5 billion", "$343.2-billion", "$327.7 billion"})


def _relates(name: str, relation: str, figures: set[str]) -> bool:
    """Whether discovery relates exactly these printed figures, whichever one it solved for."""
    return any(r[1] == relation and {r[0], *r[2]} == figures for r in _relations(name))


def test_a_total_stated_before_its_breakdown() -> None:
    # DUS-I monitoring RIF-2 (nlmix-01 p1): "Met RIF-2 werd totaal € 127 miljoen subsidie
    # beschikbaar gesteld. Voor … € 100 miljoen … opgehoogd met € 27 miljoen"; and on p4 the
    # breakdown in round parts, "€ 100 miljoen … € 17 miljoen … € 10 miljoen", which add up exactly.
    assert _relates("nlmix-01.pdf", "sum", {"€ 127 miljoen", "€ 100 miljoen", "€ 27 miljoen"})
    assert _relates("nlmix-01.pdf", "sum", {"127 miljoen", "€ 100 miljoen", "€ 17 miljoen", "€ 10 miljoen"})


def test_the_words_after_of_name_a_share_s_whole() -> None:
    # Village annual report, MD&A (enus-03 p1): "fund balance of $6,103,664 is 14.0% of total General
    # Fund expenditures and other financing uses", the whole stated on p4: "Expenditures and other
    # financing uses were $43,484,184".
    assert _relates("enus-03.pdf", "ratio", {"14.0%", "$6,103,664", "$43,484,184"})


def test_a_summary_about_statements_a_few_pages_on(tmp_path: Path) -> None:
    # Saanich annual report 2023 (enaud-01 p1): "Total expenses increased by $27.4 million or 11.9%
    # over 2022", the statement of operations three pages on: 258,045,212 | 230,674,994.
    found = _text_table_results(_extracted("enaud-01.pdf", str(tmp_path)))
    assert found["$27.4 million"] == ("difference of a table row", "rounding", ("258,045,212", "230,674,994"))
    assert found["11.9%"] == ("growth over a table row", "rounding", ("258,045,212", "230,674,994"))


def test_the_clause_before_an_amount_names_the_row(tmp_path: Path) -> None:
    # Public Accounts of Canada 2021 (enworld-01 p3): "Major transfers to persons were $10.5 billion
    # higher than forecast": the clause's words pick the row "Major transfers to persons"
    # (200,087 | 189,578), a small set of pairs, before any difference is looked at.
    found = _text_table_results(_extracted("enworld-01.pdf", str(tmp_path)))
    assert found["$10.5 billion"] == ("difference of a table row", "rounding", ("200,087", "189,578"))


def test_a_share_in_a_sentence_that_also_states_a_change() -> None:
    # Village MD&A (enus-03 p3): "Tax revenues ($30,866,126) … represent the largest revenue source
    # (63% which is down from 2010's figure of 67%)": "down" speaks of the share, not of 63%.
    assert _relates("enus-03.pdf", "ratio", {"63%", "$30,866,126", "$49,275,861"})


def test_which_percentages_state_a_change() -> None:
    from factcheck.discover.relations import rate_of_change

    sentences = {
        # Public Accounts of Canada 2021 (enworld-01)
        ("12.3%", "Customs import duties decreased by $0.6 billion, or 12.3%, in 2021."): True,
        ("4.3%", "Personal income tax revenues increased by $7.2 billion in 2021, or 4.3%"): True,
        # WODC Criminaliteit en rechtshandhaving 2023 (nlpub-01 p4, p6)
        ("3%", "In 2023 werden 178.000 misdrijfzaken bij het OM ingeschreven; 3% minder dan in 2022"): True,
        ("44%", "Daarvan was 44% een dagvaarding, 28% een onvoorwaardelijk sepot"): False,
        ("47%", "daalde het aandeel dagvaardingen van 47% naar 44%"): False,
        ("2%", "een stijging van 2% ten opzichte van 2022"): True,
        ("45%", "daalde ten opzichte van 2013 met 45% tot 4.000."): True,
        # Zambia budget address 2025 (enworld-05)
        ("8.9 percent", "Domestic borrowing will be K15.4 billion or 7.1 percent while K19.4 billion or 8.9 "
                        "percent will come from external sources."): False,
    }
    for (stated, quote), change in sentences.items():
        fig = _percent(stated, quote)
        assert rate_of_change(fig) is change, quote


def _percent(stated: str, quote: str) -> Fig:

    value = Fraction(stated.split("%")[0].split(" ")[0])
    return Fig("p", stated, value, Interval(value - Fraction(1, 2), value + Fraction(1, 2)), "%", (), "percent",
               quote, (1, 1), (), None, None, frozenset())


def test_a_list_that_names_each_share_after_it(tmp_path: Path) -> None:
    # WODC (nlpub-01 p4): "Daarvan was 44% een dagvaarding, 28% een onvoorwaardelijk sepot, 22% een
    # opgelegde strafbeschikking": 28% is the row "w.o. … onvoorwaardelijk beleidssepot" (53.000 of
    # 187.000), not "dagvaarding", which stands before it as the previous share's name.
    run = check_paths([_extracted("nlpub-01.pdf", str(tmp_path))])
    found = {r.claim.stated: str((r.claim.evidence or {}).get("inputs")) for r in run.results
             if (r.claim.evidence or {}).get("relation") == "share of a table's total"}
    assert "(53.000)" in found["28%"] and "(187.000)" in found["28%"]
    assert "(42.000)" in found["22%"] and "(187.000)" in found["22%"]


def test_changes_named_after_the_percentage_in_a_list(tmp_path: Path) -> None:
    # WODC (nlpub-01 p4): "In 2023 werden 178.000 misdrijfzaken bij het OM ingeschreven; 3% minder dan
    # in 2022 en circa 15% minder dan in 2013": the clause names no row, so the sentence's subject
    # does ("Ingeschreven misdrijfzaken bij het OM"); 2022 is 3%'s base, not the end year of 15%.
    # p5: "74.000 misdrijfzaken af, 30% minder dan in 2013": 105.000 to 74.000 is 29.5 %.
    run = check_paths([_extracted("nlpub-01.pdf", str(tmp_path))])
    found = {(r.claim.stated, (r.claim.where or {}).get("page")): (str((r.claim.evidence or {}).get("inputs")),
                                                                   r.verdict.value)
             for r in run.results if (r.claim.evidence or {}).get("relation") == "change along a table row"}
    assert "(184.000)" in found[("3%", 4)][0] and "(178.000)" in found[("3%", 4)][0]
    assert "(209.000)" in found[("15%", 4)][0] and "(178.000)" in found[("15%", 4)][0]
    assert "(105.000)" in found[("30%", 5)][0] and found[("30%", 5)][1] in ("consistent", "rounding")


def test_a_share_named_before_a_year_and_one_shared_by_from_and_to(tmp_path: Path) -> None:
    # WODC (nlpub-01 p5): "Het aandeel vrijheidsstraffen in 2023 is gelijk gebleven ten opzichte van
    # 2022 (op 39%), het aandeel geldboetes is gestegen van 17% in 2022 naar 18% in 2023": a year
    # does not end the words that name the row; "17%" is named by the words before "van".
    run = check_paths([_extracted("nlpub-01.pdf", str(tmp_path))])
    found = {r.claim.stated: str((r.claim.evidence or {}).get("found")) for r in run.results
             if (r.claim.evidence or {}).get("relation") == "share of a table's total"
             and (r.claim.where or {}).get("page") == 5}
    assert "w.o. vrijheidsstraffen" in found["39%"]
    assert "w.o. geldboetes" in found["17%"]


def test_shares_of_a_total_printed_first_named_by_a_compound(tmp_path: Path) -> None:
    # DUS-I monitoring RIF-2 (nlmix-01 p2): "is het percentage startersaanvragen gedaald van 92% naar
    # 59%", Tabel 1 on p3: Starters 33 of 36 (2019) and 13 of 22 (2023), under "Totaal aantal
    # aanvragen", its first row; "starters" heads the compound "startersaanvragen". The summary on
    # p1 ("toegenomen van 8% in 2019 naar 41% in 2023") speaks of the same table two pages on, and
    # "in 2023" ties 41% to the 2023 column.
    run = check_paths([_extracted("nlmix-01.pdf", str(tmp_path))])
    found = {(r.claim.stated, (r.claim.where or {}).get("page")): str((r.claim.evidence or {}).get("inputs"))
             for r in run.results if (r.claim.evidence or {}).get("relation") == "share of a table's total"}
    assert "(33)" in found[("92%", 2)] and "(36)" in found[("92%", 2)]
    assert "(13)" in found[("59%", 2)] and "(22)" in found[("59%", 2)]
    assert "(9)" in found[("41%", 1)] and "(22)" in found[("41%", 1)]


def test_every_amount_of_a_list_adding_up_to_a_total() -> None:
    # NYC Comptroller audit (enus-01 p3): "HHC underpaid the City $193,513 in Fiscal Year 2004,
    # $297,450 in Fiscal Year 2005, $303,750 …, $328,050 … and $331,875 in Fiscal Year 2008", beside
    # "$1,454,638 in Improper Rental Payments": every amount of the list, exactly.
    assert _relates("enus-01.pdf", "sum", {"$1,454,638", "$193,513", "$297,450", "$303,750", "$328,050", "$331,875"})


def test_a_change_named_by_the_next_sentence() -> None:
    # Colorado Appropriations Report FY 2025-26 (entab-03 p3): "Total General Fund appropriations
    # increased from $15.9 billion for FY 2024-25 (as adjusted in the 2025 session) to $16.9 billion
    # for FY 2025-26. This $1.1 billion increase—6.8 percent—is the result of bills …"
    assert _relates("entab-03.pdf", "difference", {"$1.1 billion", "$16.9 billion", "$15.9 billion"})
    assert _relates("entab-03.pdf", "growth", {"6.8 percent", "$16.9 billion", "$15.9 billion"})


def test_a_next_sentence_with_a_change_of_its_own_is_not_the_change() -> None:
    # Zambia budget address (enworld-05 p3): "I, therefore, propose to increase the allocation for CDF
    # to K5.6 billion in 2025 from K4.8 billion in 2024. This will increase the allocation to each
    # constituency to K36.1 million from K30.6 million in 2024." K30.6 million is no change of CDF.
    assert not [r for r in _relations("enworld-05.pdf") if "K4.8 billion" in r[2] and r[0] in ("K30.6 million",
                                                                                             "K36.1 million")]


def test_a_figure_broken_down_right_after_it() -> None:
    # Sira study cited by the Tweede Kamer (nlstaat-03 p1): "67% van de ATR-adviespunten wordt
    # opgevolgd (54% volledig en 13% gedeeltelijk)"; Village MD&A (enus-03 p1): "the unrestricted
    # portion is $2,402,776 (Governmental Activities ($906,218) and Business-type Activities
    # $3,308,994)", the bracketed amount negative.
    assert _relates("nlstaat-03.pdf", "sum", {"67%", "54%", "13%"})
    assert _relates("enus-03.pdf", "sum", {"$2,402,776", "$906,218", "$3,308,994"})


def test_a_footnote_that_explains_its_figure() -> None:
    # Rekenhof on the Flemish budget 2026 (nltaal-03 p3): "De totale (positieve) impact van de
    # begrotingsfondsen op het vorderingensaldo 2026 bedraagt 265,8 miljoen euro53." and footnote 53:
    # "Dat is het verschil tussen de ESR-ontvangsten (791,9 miljoen euro) en de ESR-uitgaven (526,1
    # miljoen euro)."
    assert _relates("nltaal-03.pdf", "difference", {"265,8 miljoen", "791,9 miljoen euro", "526,1 miljoen euro"})


def test_a_total_broken_down_in_the_sentences_after_it() -> None:
    # Zambia budget address 2025 (enworld-05 p1): "Government proposes to spend K217.1 billion …
    # Out of this amount, K174.2 billion … while K8.2 billion … The balance of K34.7 billion …": the
    # words that tie the parts to the total stand in the parts' sentences.
    assert _relates("enworld-05.pdf", "sum", {"K217.1 billion", "K174.2 billion", "K8.2 billion", "K34.7 billion"})


def test_a_long_passage_is_not_cut_between_a_result_and_its_inputs() -> None:
    # Village MD&A (enus-03 p4), the 24th figure of a long passage: "However, actual results of
    # operations showed the addition of $1,067,432 to fund balance." then "Revenues and other
    # financing sources were $44,551,616 …" and "Expenditures and other financing uses were
    # $43,484,184 …".
    assert _relates("enus-03.pdf", "difference", {"$1,067,432", "$44,551,616", "$43,484,184"})


def test_from_to_shares_and_round_percentages(tmp_path: Path) -> None:
    # WODC (nlpub-01 p4): "In de afgelopen elf jaar daalde het aandeel dagvaardingen van 47% naar 44%
    # en het aandeel transacties van 8% naar 1%": without years, "van" is the first year column
    # (18.000 of 214.000 in 2013). "steeg van 6% in 2022 naar 10% in 2023": 1400 of 14.000; a round
    # "10%" stands for 5-15 %, but the share lands within 9.5-10.5 %, so its odds are those of that band.
    run = check_paths([_extracted("nlpub-01.pdf", str(tmp_path))])
    found = {(r.claim.stated, (r.claim.where or {}).get("line")): str((r.claim.evidence or {}).get("inputs"))
             for r in run.results if (r.claim.evidence or {}).get("relation") == "share of a table's total"
             and (r.claim.where or {}).get("page") == 4}
    assert any("(18.000)" in v and "(214.000)" in v for (s, _), v in found.items() if s == "8%")
    assert any("(1400)" in v and "(14.000)" in v for (s, _), v in found.items() if s == "10%")


def test_a_share_is_never_taken_of_figures_in_different_units() -> None:
    # SEO business case for Almere (nlgem-03 p4): "Tijdens een pilot van zes maanden ... lukte dit
    # voor 67 procent van de ouderen" and, in a footnote, "Bij een ligduur van tien dagen": six
    # months over ten days read 60 % and met 67 procent's wide interval; the engine then gave 1826 %
    # (p5's "vermindert met 67 procent, dus 295 ligdagen" is a share of days in days)
    shares = [r for r in _relations("nlgem-03.pdf") if r[0] == "67 procent"]
    assert shares == [("67 procent", "ratio", ("295", "441"))]


def test_an_equation_printed_in_the_text_is_proposed_as_written() -> None:
    # Pensioenfonds DNB, jaarverslag 2024 (nlrap-03 p4): "3,09% x 95,1% = 2,94% voor de actieven";
    # the line is a calculation in the text, not a table row, and the check finds it holds
    found = _relations("nlrap-03.pdf")
    assert ("2,94%", "product", ("3,09%", "95,1%")) in found
    assert ("5,79%", "product", ("6,09%", "95,1%")) in found


def test_equations_of_one_operator_only_and_of_written_figures_only() -> None:
    from factcheck.discover.equations import stated_equations
    from factcheck.discover.figures import from_dicts

    def claims(quote: str, stated: list[str]) -> list[dict]:
        return [{"id": f"f{k}", "stated": s, "kind": "money", "unit": "EUR", "quote": quote,
                 "where": {"page": 1, "line": 1}} for k, s in enumerate(stated)]

    wrong = claims("Totaal € 1.500 + € 2.500 = € 4.100 aan subsidie.", ["€ 1.500", "€ 2.500", "€ 4.100"])
    (proposal,) = stated_equations(from_dicts(wrong, "nl"))
    assert proposal.relation == "sum" and proposal.expr == "f0 + f1" and proposal.target.id == "f2"
    mixed = claims("Dat is 3 x € 2 + € 1 = € 7.", ["€ 2", "€ 1", "€ 7"])
    assert stated_equations(from_dicts(mixed, "nl")) == []  # precedence the text does not show
    unread = claims("Regel 12=10+11 telt op.", [])
    assert stated_equations(from_dicts(unread, "nl")) == []


def test_a_total_the_next_sentence_states_of_the_amounts_before_it(tmp_path: Path) -> None:
    # District of Saanich 2023 (enaud-01 p2): "… increased by $25 .3 million and total reserves and
    # appropriated surplus increased by $13 .8 million . Overall, these results increased the
    # Corporation's overall financial position by $37 .4 million": the words say it is their sum,
    # which is 39.1 million - the text's own arithmetic is wrong, and the check says so
    assert ("$37.4 million", "sum", ("$25.3 million", "$13.8 million")) in _relations("enaud-01.pdf")
    run = check_paths([_extracted("enaud-01.pdf", str(tmp_path))])
    verdicts = {r.claim.stated: r.verdict.value for r in run.results
                if (r.claim.evidence or {}).get("wording") == "Overall, these"}
    assert verdicts == {"$37.4 million": "mismatch"}


def test_a_sentence_that_sums_up_needs_words_that_add_up_and_point_back() -> None:
    from factcheck.discover.summed_up import _SUMMED_UP

    assert _SUMMED_UP.match("Overall, these results increased the position by $37 .4 million .")
    assert _SUMMED_UP.match("In totaal leveren deze maatregelen € 12 miljoen op.")
    assert _SUMMED_UP.match("Together, both funds hold $5.1 million.")
    # an adding word with nothing pointing back, or a pointing word that adds nothing up
    assert not _SUMMED_UP.match("Overall spending rose to $37.4 million.")
    assert not _SUMMED_UP.match("These results increased the position by $37.4 million.")
    assert not _SUMMED_UP.match("Per saldo is dit een voordeel van € 2 miljoen.")


def _wordings(name: str) -> set[tuple[str, str, str]]:
    """(target, wording, printed inputs) of the relations discovery proposes for an unseen excerpt."""
    doc = extract_document(DOCS / name)
    printed = {c["id"]: c["stated"] for c in doc.claims}
    return {(c["stated"], str(c["evidence"]["wording"]), " + ".join(
        printed[i.split(" (", 1)[0]] for i in c["evidence"]["inputs"].split(", ")))
        for c in discover(doc.claims, doc.header.get("language", "nl"), repeats=False)}


def test_a_breakdown_after_a_year_and_with_or_in_the_next_sentence_naming_its_parts() -> None:
    # NYC Council report on the Board of Elections (enparl-03 p1): "a budget of $144.8 million in
    # Fiscal 2025, with $68.2 million for Personal Services …, and $76.6 million for OTPS"
    assert ("$144.8 million", "a breakdown", "$68.2 million + $76.6 million") in _wordings("enparl-03.pdf")
    # NYC Comptroller audit (enus-01 p2): "HHC improperly deducted $2,450,578 in offsets against EMS
    # payments due the City. These offsets include $1,454,638 …; $947,447 …; and $48,493 …"
    assert ("$2,450,578", "These offsets include", "$1,454,638 + $947,447 + $48,493") in _wordings("enus-01.pdf")


def test_a_table_without_a_scale_is_read_at_the_one_the_text_quotes_it_at(tmp_path: Path) -> None:
    # City of Edmonton annual report 2022 (enmun-03 p3-4): "the City's financial assets were
    # $8,511.1 million, an increase of $417.3 million over the prior year", beside a table that
    # prints 8,511.1 | 8,093.8 under no "($ millions)"; the text quotes four of its cells in millions
    found = _text_table_results(_extracted("enmun-03.pdf", str(tmp_path)))
    assert found["$417.3 million"] == ("difference of a table row", "consistent", ("8,511.1", "8,093.8"))
    assert found["$286.9 million"] == ("difference of a table row", "consistent", ("5,657.7", "5,370.8"))
    assert found["$602.5 million"] == ("difference of a table row", "consistent", ("14,441.6", "13,839.1"))


def test_the_item_of_a_list_whose_others_are_rows_in_order_is_read_off_its_row(tmp_path: Path) -> None:
    # Village annual report (enus-03 p4): "all were lower than budget. The respective amounts are as
    # follows: $460,442, $406,125, $133,116, $752,361 and $392,400": the last four are Final Budget
    # - Actual of four rows in order on page 5; the first is the row before them, 7,930,600 -
    # 7,470,160 = 460,440, and the text's $460,442 is off by two (the statement prints 460,440)
    found = _text_table_results(_extracted("enus-03.pdf", str(tmp_path)))
    assert found["$460,442"] == ("difference of a table row", "mismatch", ("7,930,600", "7,470,160"))
    assert found["$406,125"][1] == "consistent"


def test_a_change_noun_after_the_amount_names_what_changed(tmp_path: Path) -> None:
    # Australian agency annual report (enaus-03 p6, under the heading "Statement of Cash Flows"):
    # "The $26.4 million increase in cash received compared to the original budget": the words
    # after the amount name the row "Total cash received" (61,099 actual, 34,692 budget, $'000),
    # and say it is a change, so the row's odds are those of a named change
    found = _text_table_results(_extracted("enaus-03.pdf", str(tmp_path)))
    assert found["$26.4 million"][::2] == ("difference of a table row", ("61,099", "34,692"))
    assert found["$25.0 million"][::2] == ("difference of a table row", ("59,685", "34,692"))
    assert found["$26.4 million"][1] in ("consistent", "rounding")


def test_a_precise_amount_that_slips_in_its_last_digits_is_read_off_the_row_it_names(tmp_path: Path) -> None:
    # Village annual report (enus-03 p4): "Expenditures and other financing uses were $43,484,184,
    # which was less than the final budget by $2,155,146" - the budget statement's row "Total
    # Expenditures" gives Final Budget 41,059,824 - Actual 38,904,680 = 2,155,144 (its variance
    # column prints that): seven digits that miss by two are no coincidence, and the text is off
    found = _text_table_results(_extracted("enus-03.pdf", str(tmp_path)))
    assert found["$2,155,146"] == ("difference of a table row", "mismatch", ("41,059,824", "38,904,680"))


def test_a_percentage_of_a_named_whole_is_no_rate_of_the_change() -> None:
    # Colchester CT budget: "other revenue sources have increased from $1.58 million in FY 2010-11
    # to $1.97 million in the current fiscal year, or 3.49% of total revenues": 3.49 % is a share
    # of total revenues (printed nowhere), not (1.97 - 1.58) / 1.58 - a mismatch `check` would raise
    found = _relations("entwn-01.pdf")
    assert not [r for r in found if r[0] == "3.49%"]
    # a percentage whose whole the text prints is still read as a share of it
    assert ("31.18%", "ratio", ("$12.86 million", "$41.24 million")) in found


def test_a_headings_amount_is_the_sum_of_the_first_amounts_under_it() -> None:
    # BEA's explainer of the 2020 recovery acts (ensuc-03): "Treasury Stabilization Fund - $500
    # Billion" over "$454 billion … $25 billion …, $4 billion … and $17 billion …"; "Pandemic Relief
    # for Aviation Workers - $32 Billion" over "$32 billion in payroll support …, with $25 billion …,
    # $4 billion … and $3 billion …" (the restatement passed over)
    wordings = _wordings("ensuc-03.pdf")
    cue = "a heading's amount and the paragraph under it"
    assert ("$500 Billion", cue, "$454 billion + $25 billion + $4 billion + $17 billion") in wordings
    assert ("$32 Billion", cue, "$25 billion + $4 billion + $3 billion") in wordings
    # "Paycheck Protection Program (PPP) - $350 Billion" over "$350 billion …, loans up to $10
    # million … up to $100,000": nothing adds up to it, so nothing is proposed
    assert not [w for w in wordings if w[0] == "$350 Billion"]


def test_a_change_named_by_its_year_alone_is_from_the_year_before(tmp_path: Path) -> None:
    # City of Asheville budget message (enusa-03 p2): "staff is projecting a 3.4% budget-to-budget
    # increase in sales tax revenue in FY 2014-15" and "Revenue from licenses and permits in the
    # general fund shows a 10.0% increase", above the rows "Sales & Other Taxes 18,084,277
    # 18,704,766" and "Licenses & Permits 4,706,690 5,175,010" (2013-14 Budget, 2014-15 Proposed)
    found = _text_table_results(_extracted("enusa-03.pdf", str(tmp_path)))
    assert found["3.4%"] == ("change along a table row", "rounding", ("18,084,277", "18,704,766"))
    assert found["10.0%"] == ("change along a table row", "rounding", ("4,706,690", "5,175,010"))
    # "budgeted to increase 2.5% in FY 2014-15" is 2.0 % on its row: only agreement is reported
    assert "2.5%" not in found
    # page 1 restates the total two pages on: "a total General Fund Budget of $99.5 million, a
    # 3.8% increase over FY 2013-2014", the row "Total Appropriations" alone named best
    assert found["3.8%"] == ("change along a table row", "rounding", ("95,861,764", "99,547,954"))


def test_which_clauses_name_the_years_of_a_change() -> None:
    from factcheck.discover.table_growth import _span

    assert _span("is budgeted to increase ", " in FY 2014-15") == (None, 2014)
    assert _span("shows a ", " increase") == (None, None)
    assert _span("een stijging van ", " ten opzichte van 2022") == (2022, None)
    assert _span("a ", " increase over FY 2013-2014") == (2013, 2014)
    # a base that is no year ("higher than budgeted") is no change between two years' columns
    assert _span("Non-tax revenue in 2025-26 is estimated to be ", " higher than budgeted") is None
    assert _span("is ", " higher than the revised estimate") is None


def test_an_amount_printed_with_a_rate_of_change_is_the_same_change_of_the_row(tmp_path: Path) -> None:
    # Public Accounts of Canada 2021 (enworld-01 p2): "EI premium revenues increased by $0.2
    # billion, or 0.8%": the percentage names the row "EI premiums 22,219 22,392" ($ millions) and
    # its years, and the amount joined to it by "or" is the same change in money
    found = _text_table_results(_extracted("enworld-01.pdf", str(tmp_path)))
    assert found["0.8%"] == ("change along a table row", "rounding", ("22,219", "22,392"))
    assert found["$0.2 billion"] == ("difference of a table row", "rounding", ("22,392", "22,219"))
    # DOE budget in brief (engen-01 p4): "The Naval Reactors (NR) FY 2025 Budget Request is for
    # $2,118,773,000, a $37,328,000 (1.8 percent) increase from FY 2023 Enacted": the level the
    # sentence prints is the figure it took, the table ($K) gives FY 2023's 2,081,445
    found = _text_table_results(_extracted("engen-01.pdf", str(tmp_path)))
    assert found["$37,328,000"] == ("difference of a table row", "consistent", ("$2,118,773,000", "2,081,445"))


def test_a_change_column_is_no_year_and_a_printed_level_names_the_row(tmp_path: Path) -> None:
    # GreenGov.SG report FY2023 (enpqh-03): "total Scope 1 emissions for FY2023 were 1,367,002
    # tCO2e, a 0.9% decrease compared to FY2022" over a table whose last column, "Change from
    # baseline to FY2023", names FY2023 too: that column holds changes, so FY2023 is the level
    # column beside it. "electricity use in FY2023 was 5,448,673,581 kWh, a 1.5% increase from
    # FY2022" names no row in words; the level it prints is the TOTAL row's FY2023 cell.
    found = _text_table_results(_extracted("enpqh-03.pdf", str(tmp_path)))
    assert found["0.9%"] == ("change along a table row", "rounding", ("1,379,166", "1,367,002"))
    assert found["1.5%"] == ("change along a table row", "rounding", ("5,369,812,924", "5,448,673,581"))
    assert found["0.4%"] == ("change along a table row", "rounding", ("33,500,339,038", "33,358,520,320"))



def test_a_sum_over_a_breakdown_in_place_of_its_total_is_not_proposed_again() -> None:
    # DOE proposal budget justification (enkrv-01 p2): "The total direct costs are $1,802,920 of
    # which $1,705,002 … $6,418 … and $91,500", "total indirect costs … $947,080", "The total cost
    # of this proposal is $2,750,000": $2,750,000 − $1,802,920 = $947,080 is read; the four
    # figures $1,705,002 + $6,418 + $91,500 + $947,080 make the same arithmetic again.
    found = _relations("enkrv-01.pdf")
    assert ("$1,802,920", "sum", ("$1,705,002", "$6,418", "$91,500")) in found
    assert ("$947,080", "difference", ("$2,750,000", "$1,802,920")) in found
    assert not [r for r in found if r[0] == "$2,750,000" and len(r[2]) == 4]


def test_a_rate_read_off_its_table_row_is_not_read_again_in_its_sentence(tmp_path: Path) -> None:
    # DOE Budget in Brief FY 2025 (engen-01 p1): "DOE proposes $51 billion …, a $3.6 billion, or
    # 7.5 percent, increase from the FY 2023 Enacted Level" is the change of the row 'DOE Budget
    # Function', 47,817,100 to 51,415,029 (thousands), whose cells restate $51 billion and $3.6
    # billion: the sentence's 3.6 / (51 - 3.6) is that calculation again, not a second one
    from ruamel.yaml import YAML

    from factcheck.discover.changes import BESIDE_LEVEL
    from factcheck.discover.figures import from_dicts
    from factcheck.discover.one_reading import rates_read_twice

    path = _extracted("engen-01.pdf", str(tmp_path))
    readings: dict[str, list[tuple[str, str]]] = {}
    for r in check_paths([path]).results:
        ev = r.claim.evidence or {}
        if ev.get("relation"):
            readings.setdefault(r.claim.stated or "", []).append((str(ev["relation"]), str(ev.get("wording", ""))))
    # read once, off the row: with the "$3.6 billion" printed before it (the difference of the
    # same two cells, on a page the table runs on to under the first page's "(Dollars in Thousands)")
    assert readings["7.5 percent"] == [("growth over a table row", "")]
    assert readings["$3.6 billion"] == [("difference of a table row", "")]
    # "a $89,475,000 (18.8 percent) increase above FY 2023 Enacted": no table row read it, the
    # sentence's reading stays
    assert readings["18.8 percent"] == [("growth", BESIDE_LEVEL)]
    # a row whose cells are not the sentence's figures is another calculation: both are kept
    claims = (YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {})["claims"]
    figures = from_dicts(claims, "en")
    sentence = {
        "id": "rel_percent_7_5_percent", "expr": "money_3_6_billion / (doe_proposes - money_3_6_billion)",
        "evidence": {"relation": "growth", "target": "percent_7_5_percent", "wording": BESIDE_LEVEL,
                     "inputs": "doe_proposes ($51 billion), money_3_6_billion ($3.6 billion)"}}
    table = next(c for c in claims if (c.get("evidence") or {}).get("target") == "percent_7_5_percent")
    cells = [c for c in claims if c["id"] in table["expr"] and "table" in (c.get("where") or {})]
    assert rates_read_twice([sentence, table, *cells], figures) == {"rel_percent_7_5_percent"}
    moved = [dict(c, value=str(int(c["value"]) // 2)) for c in cells]
    assert rates_read_twice([sentence, table, *moved], figures) == set()


def test_an_amount_and_its_percentage_may_meet_a_row_within_the_cells_rounding(tmp_path: Path) -> None:
    # PG&E's 2017 budget report (ensuc-01 p5): "IT's 2017 capital budget is $68.5 million or 33.5
    # percent below the adopted amount" over the row "IT 200.6 | 204.5 | 135.9 | -33.5% | (68.5)":
    # the printed cells differ by 68.6, the text worked from unrounded amounts. The amount alone
    # would not be read (its cells' rounding too loose to tell it from chance); its percentage,
    # met by the same two cells, ties it to them.
    found = _text_table_results(_extracted("ensuc-01.pdf", str(tmp_path)))
    assert found["$68.5 million"] == ("difference of a table row", "rounding", ("204.5", "135.9"))
    assert found["33.5 percent"] == ("growth over a table row", "rounding", ("204.5", "135.9"))
    # "Nuclear Generation's 2017 expense budget is $28.6 million or 8.1 percent below": 383.5 - 355.0
    assert found["$28.6 million"][1:] == ("rounding", ("383.5", "355.0"))
    # "$2.3 million or 0.8 percent": two small figures, and another row differs by 2.3 as well;
    # chance would give that too often, so it is left unread
    assert "$2.3 million" not in found


def test_a_continued_table_keeps_its_scale_and_a_rounded_change_is_read_beside_its_column(tmp_path: Path) -> None:
    # DOE Budget in Brief FY 2025 (engen-01): the appropriation summary prints "(Dollars in
    # Thousands)" over its first page only; the row 'DOE Budget Function' (47,817,100 | 51,415,029
    # | 3,597,929 | 7.5%) stands on the next page. "a $3.6 billion, or 7.5 percent, increase" is
    # that row's difference: its "$" column, which the heads do not name as a change, holds the
    # two levels' difference in every row, and prints it to the digit where the text rounds it.
    from factcheck.discover.quoted_scale import at_quoted_scale
    from factcheck.tables import find_tables, iter_page_words

    pages = {page.number: find_tables(page, "en") for page in iter_page_words(DOCS / "engen-01.pdf", [2, 3])}
    assert pages[2][0].scale is not None and pages[3][0].scale is None
    carried, read = at_quoted_scale(pages, [])
    assert carried[3][0].scale == pages[2][0].scale and (3, 1) in read
    found = _text_table_results(_extracted("engen-01.pdf", str(tmp_path)))
    assert found["$3.6 billion"] == ("difference of a table row", "rounding", ("51,415,029", "47,817,100"))
    # "a $89,475,000 (18.8 percent) increase" prints the "$" column's +89,475 to the digit: a
    # quotation of that cell, not read as a calculation of the row
    assert "$89,475,000" not in found


def test_an_amount_restated_as_a_percentage_is_the_difference_of_the_rates_levels() -> None:
    # Portfolio committee report on a department's spending (enhvk-01 p7): "the Branch spent R62.5
    # million against an allocation of R72.2 million. Spending is R9.6 million or 13.4 per cent
    # lower than projected": R9.6 million is 72.2 - 62.5 (within rounding), and 13.4 per cent is
    # that change over the allocation
    assert _relates("enhvk-01.pdf", "difference", {"R9.6 million", "R72.2 million", "R62.5 million"})
    assert _relates("enhvk-01.pdf", "share", {"13.4 per cent", "R9.6 million", "R72.2 million"})


def test_highlights_are_read_against_the_statements_and_a_negative_base_is_its_size(tmp_path: Path) -> None:
    # Utah Housing Corporation's audited statements FY2025 (enwvm-01): the highlights on p1,
    # "Interest expense increased $49.8 million (74.8%)", are the statement's row on p4 (116,301 |
    # 66,517, in thousands). "Net fair value of investments increased $60.5 million (623.3%)"
    # runs from (9,710) to 50,811: a change over a negative amount is over its size, as the
    # statement's own "% Change" column prints it, and no alarm.
    path = _extracted("enwvm-01.pdf", str(tmp_path))
    found = _text_table_results(path)
    assert found["$49.8 million"] == ("difference of a table row", "rounding", ("116,301", "66,517"))
    assert found["74.8%"] == ("growth over a table row", "rounding", ("116,301", "66,517"))
    assert found["623.3%"][1] in ("consistent", "rounding")
    run = check_paths([path])
    assert not [r for r in run.results if r.verdict.value in ("mismatch", "conflict", "scale")]


def test_a_lettered_item_opens_a_sentence_and_a_far_off_count_is_no_change() -> None:
    # Zambia's Seventh National Development Plan: "This increased the total number of public
    # universities to 6. f) The total student enrolment in the public universities increased from
    # 7,933 in 2008 to 59,272 in 2015." The item "f)" opens a new sentence, and the "6" is in any
    # case no change of 51,339 students, right or mistyped: no relation and no alarm
    doc = extract_document(DOCS / "enjqm-01.pdf")
    (enrolment,) = [c for c in doc.claims if c["stated"] == "59,272"]
    assert enrolment["quote"].startswith("f) The total student enrolment")
    found = _relations("enjqm-01.pdf")
    assert not [r for r in found if r[0] == "6" or "59,272" in r[2] and r[1] == "difference"]


def test_a_change_with_its_rate_on_a_named_old_level_is_its_growth_not_a_share() -> None:
    # DFID Results Estimates 2015-2020: "The total amount of ODA provided by the UK Government was
    # provisionally £15,174 million in 2019. This was an increase of £622 million (4.1%) on spend in
    # 2018 (£14,552 million)." 622 / 15,174 gives 4.1% too, but the text's rate is over 2018's spend:
    # 622 / 14,552 = 4.27%, a real error the check must report
    found = _relations("enwzc-01.pdf")
    rates = [r for r in found if r[0] == "4.1%"]
    assert rates == [("4.1%", "growth", ("£14,552 million", "£622 million"))]
    doc = extract_document(DOCS / "enwzc-01.pdf")
    (rate,) = [c for c in discover(doc.claims, "en", repeats=False) if c["stated"] == "4.1%"]
    assert rate["expr"] == "increase / money_14_552_million"


def test_a_share_of_a_table_row_that_chance_gives_one_time_in_eleven_is_not_proposed(tmp_path: Path) -> None:
    # City of Asheville budget FY 2014-15: "a fund balance in the General Fund equal to 15% of
    # expenditures" is a policy, not General Government's 14,124,847 of 95,861,764 (14.7%), which
    # chance would give about once in eleven tries. The rows the sentences name stay: "representing
    # 15% of the FY 2014-15 general fund budget" (14,749,023) and Public Safety's 46%
    run = check_paths([_extracted("enusa-03.pdf", str(tmp_path))])
    found = [(r.claim.stated, str((r.claim.evidence or {}).get("inputs"))) for r in run.results
             if (r.claim.evidence or {}).get("relation") == "share of a table's total"]
    assert not [f for f in found if "(14,124,847)" in f[1]]
    assert ("15%", "t4_1_r2_c4 (14,749,023), t4_1_r7_c4 (99,547,954)") in found
    assert ("46%", "t4_1_r1_c4 (45,499,309), t4_1_r7_c4 (99,547,954)") in found


def test_a_part_in_brackets_after_its_share_with_the_whole_sentences_before() -> None:
    # DFID Results Estimates 2015-2020: "From 2015 to March 2020 DFID reached 33.7 million people
    # with humanitarian assistance …" and, seven sentences on, "Of those reached by DFID
    # humanitarian programmes from 2015 to March 2020, at least 40% (13.7 million) were women and
    # girls": the part stands in brackets after its share, the whole is found on a second look
    # back to the passage's start
    found = _relations("enwzc-01.pdf")
    assert ("40%", "ratio", ("13.7 million", "33.7 million")) in found


def test_a_percentage_above_or_below_a_level_is_a_rate_not_a_share() -> None:
    # New York's balance of payments FFY 2022: "per capita federal expenditures were about $413
    # lower in New York than nationwide, with New York's figure of $10,694 per capita 3.7 percent
    # below the nationwide figure": 3.7 percent compares two levels; $413 of $11,095 (a per capita
    # tax figure two pages back) lands there by chance
    found = _relations("enbvx-01.pdf")
    assert not [r for r in found if r[0] == "3.7 percent" and r[1] == "ratio"]


def test_the_amount_a_rate_restates_is_its_change_not_a_level() -> None:
    # PG&E's 2017 budget report to the CPUC: "Nuclear Generation's 2017 expense budget is $28.6
    # million or 8.1 percent above the 2017 adopted amount. … Nuclear Generation's 2017 capital
    # budget is $25.0 million or 14.0 percent above the 2017 adopted amount." $28.6 million over
    # $25.0 million is 14.4 %, but $25.0 million is 14.0 percent's own change, not a level
    found = _relations("ensuc-01.pdf")
    assert not [r for r in found if r[0] == "14.0 percent" and "$28.6 million" in r[2]]


def test_a_rate_from_a_level_a_year_ago_after_a_bullet_the_font_maps_to_a_control() -> None:
    # City of Calgary, Current Economic Analysis, March 2013: "\x83 Calgary housing sales in March
    # 2013 was 2,631 units, up 27 per cent from 2,071 units in last February but down 0.6 per cent
    # from 2,647 units a year ago." The font's bullet is the C1 control U+0083: it opens the
    # sentence and is no part of the quote; "a year ago" is a time, not "per year"; and 2,071, an
    # amount "from" introduces, is the other rate's old level, not 0.6 per cent's new one
    doc = extract_document(DOCS / "enaux-01.pdf")
    (sales,) = [c for c in doc.claims if c["stated"] == "2,647"]
    assert sales["quote"].startswith("Calgary housing sales in March 2013")
    assert "year" not in str(sales.get("unit"))
    found = _relations("enaux-01.pdf")
    assert ("0.6 per cent", "growth", ("2,631", "2,647")) in found
    assert ("27 per cent", "growth", ("2,631", "2,071")) in found


def test_a_whole_that_may_be_nothing_bounds_no_share() -> None:
    # Berkeley's financial condition audit (enusf-01, dev): a hedged fraction ("roughly one-half")
    # whose interval reaches 0 was tried as a share's whole and divided by zero, which lost
    # the document's discovery; its growth rates are found now
    relations = _relations("enusf-01.pdf")
    assert ("35 percent", "growth", ("$474.5 million", "$352.0 million")) in relations
    assert ("60 percent", "growth", ("$333.8 million", "$208.7 million")) in relations


def test_a_share_of_a_count_whose_noun_the_sentence_leaves_out() -> None:
    # enlat-01 (dev): "set itself 117 performance targets and achieved 77 or 65.8 percent"
    assert ("65.8 percent", "ratio", ("77", "117")) in _relations("enlat-01.pdf")


def test_from_to_with_hedged_levels_is_a_stated_change(tmp_path: Path) -> None:
    # the National Council on Disability's budget justification (enfed-01, dev): "has increased
    # approximately 48% in one year, from approximately 435 in FY09 to approximately 832 in FY10"
    # is a rise of 91 %: the sentence's rate is checked, and fails
    from factcheck.cli import main

    relations = _relations("enfed-01.pdf")
    assert ("48%", "growth", ("832", "435")) in relations
    assert ("27%", "growth", ("$15,393", "$20,874")) in relations
    out = tmp_path / "claims"
    assert main(["extract", str(DOCS / "enfed-01.pdf"), "--out", str(out)]) == 0
    run = check_paths([out])
    verdicts = {r.claim.stated: r.verdict.value for r in run.results if r.claim.evidence
                and r.claim.evidence.get("relation") == "growth"}
    assert verdicts["48%"] == "mismatch"


def test_several_shares_that_one_whole_fits_together_are_read() -> None:
    # enlat-03 (dev), page 2: "R2.13 billion (55%) … R1.62 billion (42%) … R108.5 million (3%)" of
    # the R3.85 billion the page before states; alone each might be chance, together they are not
    relations = _relations("enlat-03.pdf")
    for share in (("55%", "ratio", ("R2.13 billion", "R3.85 billion")), ("42%", "ratio", ("R1.62 billion", "R3.85 billion"))):
        assert share in relations
    # the 3 % is the same statement as page 1's table row "Capital assets R 108.5 m 3%": read once
    assert {inputs for target, _, inputs in relations if target == "3%"} & {
        ("R108.5 million", "R3.85 billion"), ("R 108.5 m", "R3.85 billion")}


def test_a_rate_tied_to_its_new_level_and_named_old_level_is_read_when_it_fails(tmp_path: Path) -> None:
    # enlat-01 (dev), page 1: "a final appropriation of R8.881 billion which is a 15.65 percent
    # decrease from the R10.2 billion" (the fall is 12.93 %): the words tie the rate to both levels
    from factcheck.cli import main

    assert ("15.65 percent", "growth", ("R8.881 billion", "R10.2 billion")) in _relations("enlat-01.pdf")
    out = tmp_path / "claims"
    assert main(["extract", str(DOCS / "enlat-01.pdf"), "--out", str(out)]) == 0
    run = check_paths([out])
    assert [r.verdict.value for r in run.results if r.claim.stated == "15.65 percent" and r.claim.evidence] == ["mismatch"]


def test_amounts_in_brackets_that_add_up_to_the_one_before_them_are_its_parts() -> None:
    # enlat-01 (dev), page 2: "requested R54 million in rollovers …, mostly for electrification
    # projects (R42m) and ICT and safety equipment (R12m)"
    assert ("R54 million", "sum", ("R42m", "R12m")) in _relations("enlat-01.pdf")


def test_a_share_of_bare_whole_counts_takes_them_as_exact() -> None:
    # enlat-01 (dev), page 5: "Mintek achieved 25 or 89 percent of the targets" is 25 of 28; 25 of
    # the 29 positions a page on is 86.2 %, which only "24.5 to 25.5 of 28.5 to 29.5" brought in reach
    assert not [r for r in _relations("enlat-01.pdf") if r[0] == "89 percent" and r[2] == ("25", "29")]


def test_a_change_whose_sign_says_which_way_is_read_off_the_table_row(tmp_path: Path) -> None:
    # Florida's report on local pension plans (enusd-01 p3): "Aggregate asset values ... changed
    # by -1.43 percent", "contributions ... changed by +6.43 percent": no rise or fall word, the
    # sign says which way; the rows stand on the next page, 2016 and 2017
    found = _text_table_results(_extracted("enusd-01.pdf", str(tmp_path)))
    assert found["-1.43 percent"] == ("change along a table row", "rounding",
                                      ("$35,851,274,025", "$35,337,124,436"))
    assert found["+6.43 percent"] == ("change along a table row", "rounding", ("$1,854,998,024", "$1,974,293,933"))
    assert found["-0.50 percent"][1] in ("consistent", "rounding")


def test_an_amount_and_the_bulleted_list_its_sentence_leads_into(tmp_path: Path) -> None:
    # Australia's MYEFO 2024-25, Appendix A (enanz-01 p6): "The Government will provide $78.0
    # million over three years ..., including: • $39.8 million ... • $26.7 million ... • $8.6
    # million ... • $3.0 million ..." (78.1: within the rounding of the five amounts)
    path = _extracted("enanz-01.pdf", str(tmp_path))
    run = check_paths([path])
    sums = {r.claim.stated: (r.verdict.value, str(r.claim.evidence["inputs"])) for r in run.results
            if (r.claim.evidence or {}).get("relation") == "sum"}
    verdict, inputs = sums["$78.0 million"]
    assert verdict == "rounding" and [i.split(" (")[1].rstrip(")") for i in inputs.split(", ")] == [
        "$39.8 million", "$26.7 million", "$8.6 million", "$3.0 million"]
    # a list inside an item: "• $168.5 million ... including: – $116.7 million – $33.0 million –
    # $15.0 million – $3.8 million"; the dash that opens each line is a bullet, not a minus sign
    assert sums["$168.5 million"][0] == "consistent"
    text = path.read_text(encoding="utf-8")
    assert 'stated: "$116.7 million"' in text and 'value: "-116700000"' not in text


def test_an_amount_over_years_is_the_sum_of_its_table_rows_year_cells(tmp_path: Path) -> None:
    # MYEFO 2024-25 (enanz-01 p6): "$3.0 million over three years from 2024–25 for the Office of
    # the Australian Information Commissioner", above the row "Office of the Australian
    # Information Commissioner  -  0.5  1.2  1.3  -" of "Payments ($m)"
    found = _text_table_results(_extracted("enanz-01.pdf", str(tmp_path)))
    assert found["$3.0 million"] == ("sum of years along a table row", "consistent", ("0.5", "1.2", "1.3"))
    # "$12.0 million over three years from 2025–26 for the Indigenous Broadcasting and Media
    # Program": the programme, not the agency that runs it; the row its words choose ("Australian
    # Broadcasting Corporation") does not add up, and of the four rows sharing a word with it one
    # does: "National Indigenous Australians Agency  -  -  4.0  4.0  4.0" on the page before
    assert found["$12.0 million"] == ("sum of years along a table row", "consistent", ("4.0", "4.0", "4.0"))
    # "decrease receipts by $50.3 million over two years from 2025–26": a row of reductions,
    # "-50.2  -0.1", adds up to the amount's negative
    assert found["$50.3 million"] == ("sum of years along a table row", "consistent", ("-50.2", "-0.1"))
    # "$44.5 million over three years from 2025–26 ... to the Federal Circuit and Family Court":
    # its table has one row ("Federal Court of Australia  -  -  14.7  14.9  15.0") under the years
    assert found["$44.5 million"] == ("sum of years along a table row", "rounding", ("14.7", "14.9", "15.0"))
    # "$83.1 million over two years from 2026–27 ... for the Australian Broadcasting Corporation":
    # "Special Broadcasting Service Corporation" shares as many words (its "Service" with
    # "services"), but the ABC's row is named whole
    assert found["$83.1 million"] == ("sum of years along a table row", "consistent", ("40.9", "42.2"))


def test_an_amount_over_the_years_of_a_one_row_table(tmp_path: Path) -> None:
    # Budget Paper No. 2 2026-27 (engen-03 p6): "This measure is estimated to increase receipts by
    # $755.0 million over the five years from 2025–26", under "Receipts ($m)  2025-26 … 2029-30 /
    # Department of Home Affairs  -  90.0  210.0  225.0  230.0": the nil year adds nothing
    found = _text_table_results(_extracted("engen-03.pdf", str(tmp_path)))
    assert found["$755.0 million"] == ("sum of years along a table row", "consistent", ("90.0", "210.0", "225.0", "230.0"))


def test_a_net_variance_and_the_signed_differences_under_it(tmp_path: Path) -> None:
    # Wassenaar, Jaarstukken 2023 (nlzrg-05 p2): "c. Overige onderdelen Onderwijs (per saldo
    # voordelig € 37.000) Bij leerlingenvervoer (€ 40.000) en bij vroeg- en voorschoolse opvang
    # ( € 38.000) zijn er lagere lasten gerealiseerd. Bij schoolzwemmen (€16.000) en
    # Onderwijsbegeleiding (€ 25.000) zijn er hogere lasten gerealiseerd."
    run = check_paths([_extracted("nlzrg-05.pdf", str(tmp_path))])
    nets = {r.claim.stated: (r.verdict.value, r.claim.expr) for r in run.results
            if str((r.claim.evidence or {}).get("wording", "")).startswith("a net variance")}
    verdict, expr = nets["€ 37.000"]
    assert verdict == "consistent" and expr.count(" + ") == 1 and expr.count(" - ") == 2
    # "Combisporthal Dr. Mansveltkade (per saldo voordelig € 364.000)": € 158.000, € 75.000 and
    # € 100.000 in sentences that name no direction go the heading's way, as does "een incidenteel
    # voordeel van € 31.000"
    assert nets["€ 364.000"][0] == "consistent" and " - " not in nets["€ 364.000"][1]
    # "b. Overige verschillen (per saldo voordelig € 86.000)": its paragraph names no amount
    assert "€ 86.000" not in nets


def test_a_share_that_two_wholes_fit_is_left_unread() -> None:
    # Afvalschap IJmond-Zaanstreek, jaarstukken 2018 (development document nlwsb-01): "Dit is 18,15% en
    # komt overheen met een bedrag van circa € 114,5 miljoen" fits over "€ 623,329 miljoen" a
    # paragraph before and over "circa € 630 miljoen" alike: a hedged amount meets many wholes,
    # and the words name none of them
    found = _relations("nlwsb-01.pdf")
    assert not [r for r in found if r[0] == "18,15%"]


def test_of_two_wholes_the_one_whose_printed_figures_give_the_share() -> None:
    # HMRC Income Tax Liabilities Statistics 2019 (development document entax-01): "13.3 million
    # (42.6%) of the 31.2 million income taxpayers" fits over the 31.4 million of the next
    # sentence too, but only at the edges of its rounding (13.35 / 31.35); the printed figures of
    # the whole the sentence names give 42.6 % (13.3 / 31.2 = 42.63 %)
    found = _relations("entax-01.pdf")
    assert ("42.6%", "ratio", ("13.3 million", "31.2 million")) in found
    assert not [r for r in found if r[0] == "42.6%" and r[2] != ("13.3 million", "31.2 million")]


def test_a_fiscal_notes_counts_at_a_price_and_amounts_added_in_words(tmp_path: Path) -> None:
    # Washington's fiscal note on HB 1001 (development document enfsn-01): "FY2020: $2,000 (8
    # applicants @$250) PLUS $160 (8 filing fees @$20) = $2,160". The bracket after "$2,000" made
    # the line look like a table row, so none of its figures was written, and "@$250" lost its sign.
    found = _relations("enfsn-01.pdf")
    assert ("$2,000", "product", ("8", "$250")) in found
    assert ("$160", "product", ("8", "$20")) in found
    assert ("$2,160", "sum", ("$2,000", "$160")) in found
    assert ("$3,200", "product", ("16", "$200")) in found
    # "16 renewals" at $200 is $3,200, not 3,200 renewal-dollars: the counted thing is a multiplier
    run = check_paths([_extracted("enfsn-01.pdf", str(tmp_path))])
    products = [r for r in run.results if r.claim.evidence and r.claim.evidence.get("wording") == "@"]
    assert len(products) >= 6 and all(r.verdict.value == "consistent" for r in products)


def test_the_tail_of_a_longer_formula_is_no_equation_and_two_worked_examples_no_conflict() -> None:
    # The rent commission's policy book (development document nlwoc-03): "= 5 x (6+2)+ 2 x 4 = 48"
    # was read as 2 x 4 = 48, a false mismatch; and "De WOZ-waarde van een woning is … 60 m2" and
    # "De WOZ-waarde van een woning in Amsterdam is … 35 m2", two worked examples, a false conflict.
    doc = extract_document(DOCS / "nlwoc-03.pdf")
    claims = discover(doc.claims, "nl")
    # read whole, by arithmetic's precedence: five times (6 + 2), plus 2 times 4
    printed = {c["id"]: c.get("stated") for c in doc.claims}
    (formula,) = [c for c in claims if c.get("stated") == "48" and c.get("expr")]
    names = re.findall(r"[a-z_][a-z0-9_]*", formula["expr"])
    assert [printed[n] for n in names] == ["5", "6", "2", "2", "4"]
    assert re.sub(r"[a-z_][a-z0-9_]*", "n", formula["expr"]) == "n * (n + n) + n * n"
    m2 = [c for c in claims if c.get("repeats") and c.get("unit") == "m2"]
    assert m2 and not [c for c in m2 if "|" in str(c["evidence"]["values"])]
