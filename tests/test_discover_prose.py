"""Relations the prose states, read on unseen dev excerpts (tests/unseen/docs): breakdowns, rates of
change beside their levels, shares the sentence says a percentage comes to, exact sums in prose."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from test_discover_unseen import _extracted, _relations, _text_table_results

from factcheck.discover import discover
from factcheck.discover.figures import Fig
from factcheck.discover.relations import _prose, find_relations, rate_of_change
from factcheck.extract import extract_document
from factcheck.model import Interval

DOCS = Path(__file__).parent / "unseen" / "docs"


def _rates(quote: str, rate: str, *between: Fig) -> list[str]:
    """The growth relations found in enloc-01 p3's sentence as rewritten in ``quote``."""
    figs = [_fig("l", "$144 billion", "144", "0.5", quote, "ZMW", 1), *between,
            _fig("c", "$14.8 billion", "14.8", "0.05", quote, "ZMW", 1),
            _fig("p", rate, rate.split("-")[0], "0.05" if "." in rate else "0.5", quote, "%", 1)]
    return [p.expr for p in find_relations(figs) if p.relation == "growth"]


def _fig(id: str, stated: str, value: str, half: str, quote: str, unit: str, line: int) -> Fig:
    v, h = Fraction(value), Fraction(half)
    kind = "percent" if unit == "%" else "money"
    dims = (("%", 1),) if unit == "%" else (("ZMW", 1),)
    return Fig(id=id, stated=stated, value=v, interval=Interval(v - h, v + h), unit=unit, dims=dims, kind=kind,
               quote=quote, position=(1, line), passage=("page", 1, None), period=None, subject=None,
               words=frozenset())


def test_a_percentage_of_the_budget_is_a_share_whatever_the_clause_says_of_growth() -> None:
    # Zambia budget address 2024 (enworld-02 p3): "to stimulate economic growth and improve
    # livelihoods …, I propose to spend K35.0 billion or 20.9 percent of the budget": "growth" and
    # "improve" lead up to the amount, but "percent of the budget" names the share's whole
    quote = ("Madam Speaker, to stimulate economic growth and improve livelihoods of our people, I propose to "
             "spend K35.0 billion or 20.9 percent of the budget on the Economic Affairs function.")
    assert not rate_of_change(_fig("p", "20.9 percent", "20.9", "0.05", quote, "%", 1))
    assert ("20.9 percent", "ratio", ("K35.0 billion", "K167.3 billion")) in _relations("enworld-02.pdf")
    # Public Accounts of Canada (enworld-01 p2): no "of" after it, the rate stays a change
    assert rate_of_change(_fig("p", "12.3%", "12.3", "0.05", "Customs import duties decreased by $0.6 billion, "
                               "or 12.3%, largely due to lower imports.", "%", 1))


def test_a_breakdown_after_comprising_and_within_rounding() -> None:
    # Malaysia Budget 2025 (enloc-03 p2): "is 4,600 ringgit, comprising 2,200 ringgit STR and 2,400
    # ringgit SARA"; Zambia 2024 (enworld-02 p5): "K111.6 billion will come from domestic revenues
    # out of which K93.6 billion … while K18.1 billion" (111.7: the amounts are rounded)
    assert ("4,600 ringgit", "sum", ("2,200 ringgit", "2,400 ringgit")) in _relations("enloc-03.pdf")
    assert ("K111.6 billion", "sum", ("K93.6 billion", "K18.1 billion")) in _relations("enworld-02.pdf")


def test_a_breakdown_of_percentages_must_add_up_exactly() -> None:
    # "8% (3% en 4%)" (nltab-style breakdown, figures changed): small rounded numbers meet almost
    # any total within their rounding
    quote = "Het aandeel steeg tot 8% (3% in het noorden en 4% in het zuiden) van de zaken."
    figs = [_fig("t", "8%", "8", "0.5", quote, "%", 1), _fig("a", "3%", "3", "0.5", quote, "%", 1),
            _fig("b", "4%", "4", "0.5", quote, "%", 1)]
    assert not [p for p in find_relations(figs) if p.relation == "sum"]


def test_the_sentence_after_an_amount_breaks_it_down() -> None:
    # enworld-02 p5: "the balance of K54.0 billion will be financing. … Of this amount, K15.6 billion
    # will be domestic and K38.4 billion external financing."
    found = _relations("enworld-02.pdf")
    assert ("K54.0 billion", "sum", ("K38.4 billion", "K15.6 billion")) in found
    # Zambia 2025 (enworld-05 p1): "The balance of K34.7 billion or 16.0 percent … Domestic borrowing
    # will be K15.4 billion or 7.1 percent while K19.4 billion or 8.9 percent will come from external
    # sources": no pointing word, but each part comes with its percentage, and those add up too
    assert ("K34.7 billion", "sum", ("K15.4 billion", "K19.4 billion")) in _relations("enworld-05.pdf")


def test_parts_without_their_percentages_or_a_pointing_word_are_no_breakdown() -> None:
    # enworld-05 p1 with the percentages taken out: two sentences of amounts that happen to add up
    first = "The balance of K34.7 billion will be financed through borrowing."
    second = "Domestic borrowing will be K15.4 billion while K19.4 billion will come from external sources."
    figs = [_fig("t", "K34.7 billion", "34.7", "0.05", first, "ZMW", 1),
            _fig("a", "K15.4 billion", "15.4", "0.05", second, "ZMW", 2),
            _fig("b", "K19.4 billion", "19.4", "0.05", second, "ZMW", 3)]
    assert not [p for p in find_relations(figs) if p.cue == "parts with their percentages"]


def test_a_sum_adds_up_the_amount_the_text_states_not_its_breakdown() -> None:
    # enworld-02 p5: K167.3 = 111.6 + 1.7 + 54.0, and 54.0 = 15.6 + 38.4: the text adds up K54.0
    found = _relations("enworld-02.pdf")
    assert ("K167.3 billion", "sum", ("K111.6 billion", "K1.7 billion", "K54.0 billion")) in found
    assert not [r for r in found if r[0] == "K167.3 billion" and "K15.6 billion" in r[2]]


def test_a_rate_of_change_beside_the_level_it_changes() -> None:
    # US Budget FY2024 (enloc-01): "The Budget requests $144 billion …, a $14.8 billion or 11.5-percent
    # increase from the 2023 enacted level": 14.8 / (144 - 14.8) = 11.46 %
    found = _relations("enloc-01.pdf")
    assert ("11.5-percent", "growth", ("$144 billion", "$14.8 billion")) in found
    assert ("1.6-percent", "growth", ("$73.3 billion", "$1.1 billion")) in found
    # enworld-02 p4: "a further K900.0 million …, an increase of 383 percent from K186.4 million"
    assert ("383 percent", "growth", ("K900.0 million", "K186.4 million")) in _relations("enworld-02.pdf")


def test_a_rate_that_does_not_hold_over_the_level_is_not_proposed() -> None:
    # enloc-01 p3 with the rate changed: the level is read from the layout, not stated, so a
    # reading whose arithmetic fails is no reading (and no alarm)
    assert _rates("The Budget requests $144 billion for 2024, a $14.8 billion or 11.5-percent increase from 2023.",
                  "11.5-percent") == ["c / (l - c)"]
    assert not _rates("The Budget requests $144 billion for 2024, a $14.8 billion or 20-percent increase from 2023.",
                      "20-percent")


def test_the_amount_a_percentage_comes_to() -> None:
    # SEO business case Almere (nlgem-03 p6): "Van de 242 patiënten … ca. 44 procent na ontslag
    # opnieuw opgenomen, dus 106 personen. … daalt dit aantal met 20 procent, oftewel 21 personen."
    found = _relations("nlgem-03.pdf")
    assert ("44 procent", "ratio", ("106", "242")) in found
    assert ("20 procent", "ratio", ("21", "106")) in found  # a fall of 20 %: a share of its base
    # Eerste Kamer (nlstaat-02 p1): "namelijk 94% (€ 687,1 miljoen)" of € 730,7 miljoen; "Slechts 6%
    # (€ 43,6 miljoen)" fits both € 687,1 and € 730,7 miljoen within 5.5-6.5 %: left unread
    found = _relations("nlstaat-02.pdf")
    assert ("94%", "ratio", ("€ 687,1 miljoen", "€ 730,7 miljoen")) in found
    assert not [r for r in found if r[0] == "6%"]


def test_an_exact_difference_in_prose_needs_no_wording() -> None:
    # bpfBOUW jaarverslag (nlrap-01 p2): baten 14,2 and lasten 12,6 miljard euro, "Het positieve
    # resultaat bedroeg 1,6 miljard euro"
    assert ("12,6 miljard euro", "difference", ("14,2 miljard euro", "1,6 miljard euro")) in _relations("nlrap-01.pdf")
    # Canada Public Accounts 2012 (enworld-04 p1): "increased by $31.8 billion …, largely reflecting the
    # $26.2-billion budgetary deficit and a $2.3-billion other comprehensive loss" and "an additional
    # $3.3 billion" (the figures repeat in the text: the same sum over either copy is one sum)
    assert ("$31.8 billion", "sum", ("$26.2-billion", "$2.3-billion", "$3.3 billion")) in _relations("enworld-04.pdf")
    # Malaysia 2025 (enloc-03 p1): 470 billion ringgit = 338.2 + 81 + 30 + 10 + 10.8 holds, but five
    # amounts of a passage adding up to a sixth is too common a coincidence without words that say so
    assert not [r for r in _relations("enloc-03.pdf") if r[0] == "470 billion"]


def test_a_balance_sheet_run_together_is_no_prose() -> None:
    # charity accounts (engov-03 p4): "Cash at Bank and In-hand 2,291,650 1,414,480 2,344,252":
    # columns of a table, whose sums are the table's business, not the prose's
    assert not [r for r in _relations("engov-03.pdf") if r[0] in ("2,291,650", "1,354,007")]


def test_a_change_whose_subject_names_the_row_is_matched_to_that_row(tmp_path: Path) -> None:
    # District of Saanich annual report (enaud-01 p1): "increases to transfers from other governments
    # of $14.5 million" against the row "Transfers from other governments" (16,850,691 and
    # 2,381,939) of a statement three pages on: "of" after a rise word says it is a change, and the
    # subject names the row, so odds of 1 in 16 do not put it down to chance
    found = _text_table_results(_extracted("enaud-01.pdf", str(tmp_path)))
    assert found["$14.5 million"][0] == "difference of a table row"
    assert found["$14.5 million"][2] == ("16,850,691", "2,381,939")
    # "Investment in tangible capital assets such as lands, parks infrastructure, roads and sidewalks
    # increased by $25.3 million" (p2) names the row "Invested in tangible capital assets" best
    assert found["$25.3 million"][2] == ("924,158,224", "898,906,439")


def test_a_change_that_names_no_row_keeps_the_strict_odds(tmp_path: Path) -> None:
    # Vlaamse begroting (nltaal-03 p1): "De geraamde Vlaamse geconsolideerde schuld 2026 neemt toe
    # met 6,8 miljard euro": the row 'Mobiliteit en Openbare Werken' (7.345,0 - 527,8) lands within
    # its rounding with odds of 1 in 17, but the sentence does not name that row
    found = _text_table_results(_extracted("nltaal-03.pdf", str(tmp_path)))
    assert found.get("6,8 miljard euro", ("", "", ()))[2] != ("7.345,0", "527,8")


def test_a_sentence_cut_by_a_page_break_is_read_with_its_start() -> None:
    # Kenyan Auditor-General (enmix-01 p2-3): "… reflects donor amounts withdrawn totalling
    # Kshs.3,311,256,594 …, while the statement … reflects loan from external development partners" |
    # "73 of Kshs.3,308,061,239. The difference of Kshs.3,195,355 was not explained or supported."
    found = _relations("enmix-01.pdf")
    assert ("Kshs.3,195,355", "difference", ("Kshs.3,311,256,594", "Kshs.3,308,061,239")) in found
    # the borrowed start serves as input only: the total on page 2 is not proposed again from page 3
    assert not [r for r in found if r[0] == "Kshs.3,311,256,594"]


def test_a_rate_of_a_part_is_not_read_over_the_level() -> None:
    # enloc-01 p3 rewritten: the change is of grants, a part of the level (14.8 / 129.2 = 11.46 %
    # holds by construction, and must not be read as the level's rate)
    assert not _rates("The Budget requests $144 billion for 2024, a $14.8 billion or 11.5-percent increase in grants.",
                      "11.5-percent")
    # with another figure between the level and the change, the change may be of that clause
    quote = ("The Budget requests $144 billion for 2024 and funds 1,200 grants, a $14.8 billion or "
             "11.5-percent increase from the 2023 enacted level.")
    grants = replace(_fig("g", "1,200", "1200", "0.5", quote, "ZMW", 1), kind="count", dims=None, unit=None)
    assert not _rates(quote, "11.5-percent", grants)


def test_an_exact_difference_with_a_cue_still_needs_the_strict_odds_without_its_score() -> None:
    # O&I-lijst 2021 (corpus, p86-87): "… levert een besparing op van 22 miljoen euro." ends item 36;
    # item 37 says kraamzorg costs "circa 328 miljoen euro … In prijspeil 2021 … circa 350 miljoen
    # euro". 350 - 328 = 22 exactly, and "besparing" is a word of difference, but the result stands
    # before inputs from another item: only a high score or 1 in 20 odds would carry it
    where = lambda line: {"page": 87, "line": line}  # noqa: E731
    claims = [
        {"id": "sov", "stated": "22 miljoen euro", "kind": "money", "unit": "EUR", "where": where(1),
         "quote": "Het herinvoeren van de voorwaarde van de verzekeringsplicht levert een besparing op van 22 miljoen euro."},
        {"id": "kraamzorg", "stated": "328 miljoen euro", "kind": "money", "unit": "EUR", "where": where(4),
         "quote": "De uitgaven aan kraamzorg bedragen in 2019 circa 328 miljoen euro voor ca. 160.000 verzekerden."},
        {"id": "verzekerden", "stated": "160.000", "kind": "count", "where": where(4),
         "quote": "De uitgaven aan kraamzorg bedragen in 2019 circa 328 miljoen euro voor ca. 160.000 verzekerden."},
        {"id": "prijspeil", "stated": "350 miljoen euro", "kind": "money", "unit": "EUR", "where": where(5),
         "quote": "In prijspeil 2021 betekent dat circa 350 miljoen euro."},
    ]
    assert not [c for c in discover(claims, "nl", repeats=False) if c["stated"] == "22 miljoen euro"]


def test_a_breakdown_in_brackets_ends_at_the_closing_bracket() -> None:
    # US government report (corpus icdar2013 us-027): footnote marks "11, 12" after the bracket
    # are no parts of the 17.8 million
    quote = ("Student enrollment in these institutions in the fall of 2006 measured 17.8 million (11.2 million in "
             "four-year institutions and 6.5 million in two-year institutions).11, 12 Of these students,")
    where = {"page": 1, "line": 1}
    claims = [{"id": i, "stated": s, "kind": "count", "quote": quote, "where": where}
              for i, s in (("total", "17.8 million"), ("four", "11.2 million"), ("two", "6.5 million"), ("note", "12"))]
    found = [c for c in discover(claims, "en", repeats=False) if c["stated"] == "17.8 million"]
    assert [c["expr"] for c in found] == ["sum(four, two)"]


def test_a_ballot_in_capitals_is_no_prose() -> None:
    # LA precinct bulletin (corpus): "RUBIN STATE MEASURE 48 VOTER NOMINATED YES 90 YES 109 YES 96
    # NEEL KASHKARI 247": 48 + 90 + 109 = 247 exactly, the columns of a form read as one line
    # (the exact sum was proposed from the whole bulletin's passage, whose other figures are not
    # repeated here: the reading of the line is what decides)
    assert not _prose("RUBIN STATE MEASURE 48 VOTER NOMINATED YES 90 YES 109 YES 96 NEEL KASHKARI 247 REP NO 142")
    assert not _prose("2017 2018 £ £ Note Current Assets 60,473 Debtors and Prepayments 52,602 D 1,354,007 Cash "
                      "at Bank and In-hand 2,291,650 1,414,480 2,344,252 Current Liabilities 105,354")
    assert _prose("The accumulated deficit increased by $31.8 billion in 2011-2012, largely reflecting the "
                  "$26.2-billion budgetary deficit and a $2.3-billion other comprehensive loss.")


def test_a_rate_above_a_level_is_a_rise() -> None:
    # US budget (enloc-01 p6): "the Budget provides a total of $14.1 billion for the IRS, $1.8 billion,
    # or 15 percent, above the 2023 enacted level": 1.8 / (14.1 - 1.8) is 14.6 %; "above" says
    # which way, as "higher" would
    quote = ("To ensure that taxpayers receive the highest quality customer service and that all Americans are "
             "treated fairly by the U.S. tax system, the Budget provides a total of $14.1 billion for the IRS, "
             "$1.8 billion, or 15 percent, above the 2023 enacted level.")
    figs = [_fig("l", "$14.1 billion", "14.1", "0.05", quote, "ZMW", 1), _fig("c", "$1.8 billion", "1.8", "0.05", quote, "ZMW", 1),
            _fig("p", "15 percent", "15", "0.5", quote, "%", 1)]
    assert [p.expr for p in find_relations(figs) if p.relation == "growth"] == ["c / (l - c)"]
    # "below" the level: the change is added back to the level it fell to, and then 15 % does not hold
    below = [replace(f, quote=quote.replace("above", "below")) for f in figs]
    assert not [p for p in find_relations(below) if p.relation == "growth"]


def test_a_figure_is_found_where_it_stands_not_inside_a_longer_number() -> None:
    # Criminaliteit en rechtshandhaving (nlpub-01 p4): "Daarvan was 44% een dagvaarding, …, 4% een
    # voorwaardelijk beleidssepot": the words around "4%" are those after its own place, not after
    # the "4%" that ends "44%"
    from factcheck.discover.figures import place
    from factcheck.discover.table_shares import _context_words

    quote = ("Daarvan was 44% een dagvaarding, 28% een onvoorwaardelijk sepot, 22% een opgelegde strafbeschikking, "
             "4% een voorwaardelijk beleidssepot en circa 1% een voldane transactie.")
    assert place(quote, "4%") == quote.index(" 4%") + 1
    assert place("€ 1.061 en € 1.0", "€ 1.0") == len("€ 1.061 en ")
    assert place("no such figure", "4%") == -1
    before, _ = _context_words(_fig("p", "4%", "4", "0.5", quote, "%", 1))
    assert {"voorwaardelijk", "beleidssepot"} <= before


def test_a_figure_of_another_sentence_is_no_part_of_this_one_for_sharing_digits() -> None:
    # Court of Audit answers (kamervragen, corpus): "Vraag 28 Het aantal fraudeonderzoeken … is
    # gestegen met 8% van 982 naar 1.046 …, Kamerstuk 33 523 nrs. 1-2 …": a figure "8" or "1" of
    # another sentence on the page is not printed here ("8%", "1-2"), so it is no stated change
    from factcheck.discover.changes import stated_changes

    quote = ("Vraag 28 Het aantal fraudeonderzoeken bij het anti -fraudebureau OLAF is gestegen met 8% van 982 "
             "naar 1.046 en het totaalbedrag …, Kamerstuk 33 523 nrs. 1-2 besloeg 1,9 miljard euro.")
    other = "Vraag 8 gaat over 1 ander onderwerp."

    def count(id: str, stated: str, value: str, quote: str, line: int) -> Fig:
        v = Fraction(value)
        return Fig(id=id, stated=stated, value=v, interval=Interval(v - Fraction(1, 2), v + Fraction(1, 2)), unit=None,
                   dims=None, kind="count", quote=quote, position=(1, line), passage=("page", 1, None), period=None,
                   subject=None, words=frozenset())

    figs = [_fig("p", "8%", "8", "0.5", quote, "%", 2), count("old", "982", "982", quote, 2),
            count("new", "1.046", "1046", quote, 2), count("eight", "8", "8", other, 3), count("one", "1", "1", other, 3)]
    assert [(p.target.id, p.relation) for p in stated_changes(figs)] == [("p", "growth")]


def test_a_rate_over_two_levels_stated_in_the_sentences_before_it() -> None:
    # Sri Lanka tourist arrivals (engrn-03 p1): "… during December 2018 was 253,169. In comparison
    # to December last year, there is a growth of 3.5% when the arrivals were 244,536." and
    # "… 2,333,796 tourists had visited Sri Lanka for this year. It is a 10.3% growth over last year
    # when 2,116,407 tourists had visited the country.": no "from … to", the words say a rise
    found = _relations("engrn-03.pdf")
    assert ("3.5%", "growth", ("253,169", "244,536")) in found
    assert ("10.3%", "growth", ("2,333,796", "2,116,407")) in found
    # bpfBOUW jaarverslag (nlrap-01 p3): "Eind 2023 waren 17.105 werkgevers …, ultimo 2024 waren
    # dat 17.875 werkgevers. Dat is een toename van ongeveer 5 procent."
    assert ("5 procent", "growth", ("17.875", "17.105")) in _relations("nlrap-01.pdf")
    # Indian budget speech 2020 (enrep-01 p2): "Foreign exchange earnings grew 7.4% to ` 1.88 lakh
    # crores for the period January to November 2019 from ` 1.75 lakh crores": the levels' rounding
    # makes 6.8-8.0 % of the pair, so the odds are 1 in 18 with the other pairs of the window tried
    assert ("7.4%", "growth", ("`1.88 lakh crores", "`1.75 lakh crores")) in _relations("enrep-01.pdf")  # ₹ printed as a backtick


def test_a_rate_over_levels_is_proposed_only_when_one_pair_holds() -> None:
    # the sentence of engrn-03 p1 with the levels changed: 3.5% is no growth of 253,169 over
    # 200,000, nor over both of two levels that give it (which one the words mean is not said)
    first = "The total number of arrivals during December 2018 was 253,169."
    quote = "In comparison to December last year, there is a growth of 3.5% when the arrivals were 200,000."
    figs = [_fig("new", "253,169", "253169", "0.5", first, "ZMW", 1), _fig("old", "200,000", "200000", "0.5", quote, "ZMW", 2),
            _fig("p", "3.5%", "3.5", "0.05", quote, "%", 2)]
    assert not [p for p in find_relations(figs) if p.relation == "growth"]
    figs[1] = _fig("old", "244,536", "244536", "0.5", quote.replace("200,000", "244,536"), "ZMW", 2)
    figs[2] = replace(figs[2], quote=figs[1].quote)
    assert [p.expr for p in find_relations(figs) if p.relation == "growth"] == ["(new - old) / old"]
    twice = "In November it was 244,537 and in December 244,536, there is a growth of 3.5% since."
    figs = [figs[0], _fig("a", "244,537", "244537", "0.5", twice, "ZMW", 2),
            _fig("b", "244,536", "244536", "0.5", twice, "ZMW", 2), _fig("p", "3.5%", "3.5", "0.05", twice, "%", 2)]
    assert not [p for p in find_relations(figs) if p.relation == "growth"]


def test_a_set_of_rows_that_holds_no_pair_is_no_look(tmp_path: Path) -> None:
    # District of Saanich (enaud-01 p1): "revenues from own sources with an increase of $7.8
    # million" against the row "Revenue from own sources" (24,540,759 and 16,767,148) three pages
    # on. The rows the subject names were one set looked in, every row another; no row is named
    # best and no cell quoted, so those sets give no match and add no tries (odds 1 in 13)
    found = _text_table_results(_extracted("enaud-01.pdf", str(tmp_path)))
    assert found["$7.8 million"] == ("difference of a table row", "rounding", ("24,540,759", "16,767,148"))


def test_a_round_percentage_of_precise_amounts_has_the_odds_of_its_narrow_band() -> None:
    # SFUSD budget (enfin-03 p1): "$95.9 million, ESSER III - American Rescue Plan $76.7M (80% of
    # total)": "80%" may stand for 75-85 %, but 76.7 / 95.9 = 79.98 % lands within 79.5-80.5 %
    assert ("80%", "ratio", ("$76.7M", "$95.9 million")) in _relations("enfin-03.pdf")
    # Almere (nlgem-03 p4): "300 patiënten … waarvan 40 procent": 300 of the 750 patiënten of
    # another passage is exactly 40 %, but round amounts land on round shares all the time
    assert not [r for r in _relations("nlgem-03.pdf") if r[0] == "40 procent"]


def test_a_percentage_worded_as_the_result_of_two_others() -> None:
    # bpfBOUW jaarverslag (nlrap-01 p6): "… exclusief derivaten, was 9,0 procent positief. De
    # afdekking … heeft per saldo een negatieve bijdrage geleverd … van 1,4 procent. Daardoor is het
    # rendement inclusief derivaten uitgekomen op 7,6 procent positief."
    assert ("7,6 procent", "difference", ("9,0 procent", "1,4 procent")) in _relations("nlrap-01.pdf")
    # whole percentages meet by chance: "44% …, 28% …, 22% …, 4% …" (nlpub-01 p4) state no sum
    assert not [r for r in _relations("nlpub-01.pdf") if r[1] in ("sum", "difference") and r[0].endswith("%")
                and all(i.endswith("%") for i in r[2])]


def test_an_exact_match_chance_would_rarely_give_needs_no_words_in_a_heading() -> None:
    # SFUSD budget (enfin-03 p1), a chart's headings: "$138.9 million Elementary and Secondary
    # School Emergency Relief (ESSER) Funds $43 million, … Supplemental Appropriations Act $95.9
    # million, ESSER III": no words say so and it is no lower-case prose, but an exact difference
    # that chance gives about once in 300 is the heading's arithmetic
    assert ("$95.9 million", "difference", ("$138.9 million", "$43 million")) in _relations("enfin-03.pdf")
    # a balance sheet run together (engov-03 p4, "… In-hand 2,291,650 1,414,480 2,344,252"): its
    # rows meet exactly too, but they are table rows, not statements
    assert not [r for r in _relations("engov-03.pdf") if r[0] in ("2,291,650", "1,354,007")]


def test_rates_of_change_are_no_levels_that_add_up() -> None:
    # CONAB grain crop assessment (shared corpus): "The estimated yield is of 184.30 million tons,
    # 10.9% higher than in 2011/12 … This outcome represents an increment of 18.13 million tons due,
    # mostly to soybeans and corn second crop that present increase in yield of 22.4% and 11.5%,
    # respectively." 11.5 + 10.9 = 22.4, but all three are rates of change, and 11.5% stands after
    # 22.4%: no percentage here is the result of two others
    first = "The estimated yield is of 184.30 million tons, 10.9% higher than in 2011/12, when it reached 166.17 million tons (Table 2)."
    second = ("This outcome represents an increment of 18.13 million tons due, mostly to soybeans and corn second "
              "crop that present increase in yield of 22.4% and 11.5%, respectively.")
    figs = [_fig("a", "10.9%", "10.9", "0.05", first, "%", 1), _fig("b", "22.4%", "22.4", "0.05", second, "%", 2),
            _fig("c", "11.5%", "11.5", "0.05", second, "%", 2)]
    assert not find_relations(figs)


def test_a_change_over_the_same_period_as_the_clause_before(tmp_path: Path) -> None:
    # Criminaliteit en rechtshandhaving (nlpub-01 p3): "Het totale aantal registraties van
    # verdachten nam sinds 2013 af met 26%; het onderliggend aantal unieke personen nam in
    # diezelfde periode af met 35%." The second clause names no year: "diezelfde periode" is 2013
    # to the table's latest year, as the clause before says (232.390 -> 150.450: -35,3 %)
    found = _text_table_results(_extracted("nlpub-01.pdf", str(tmp_path)))
    assert found["35%"][0] == "change along a table row"
    assert found["35%"][2] == ("232.390", "150.450")


def test_a_sentence_that_says_the_amount_before_is_divided_breaks_it_down() -> None:
    # Indian budget speech 2020 (enrep-01 p1): "… an allocation of about ` 2.83 lakh crore has been
    # made for the year 2020-21. Its divided, inter-alia; a) For Agriculture, Irrigation & allied
    # activities - ` 1.60 lakh crore b) For Rural development &Panchayati Raj - ` 1.23 lakh crore"
    assert ("`2.83 lakh crore", "sum", ("` 1.60 lakh crore", "` 1.23 lakh crore")) in _relations("enrep-01.pdf")


def test_an_amount_the_text_says_the_table_below_sets_out(tmp_path: Path) -> None:
    # Kenyan Auditor-General report (enmix-01): "unpresented cheques totalling Kshs.887,120,153 …
    # as analyzed below" over four accounts that add up to it, and (p5) "the Ministry paid various
    # allowances totalling to Kshs.228,105,416 as detailed below:" over six allowances that add
    # up to 228,105,424, as the table's Total row prints: the text's total is 8 shillings short
    from factcheck.engine import check_paths

    run = check_paths([_extracted("enmix-01.pdf", str(tmp_path))])
    found = {r.claim.stated: r.verdict.value for r in run.results
             if (r.claim.evidence or {}).get("relation") == "total of the table below"}
    assert found == {"Kshs.887,120,153": "consistent", "Kshs.228,105,416": "mismatch"}


def test_a_column_in_thousands_of_dollars_and_a_change_after_its_level(tmp_path: Path) -> None:
    # Digital Transformation Agency annual report (enaus-03): the statements head each column
    # "$’000" (typographic apostrophe); p6: "Revenue from Government for 2016–17 was $48.3 million,
    # an increase of $13.6 million …": the change takes the subject of the level before it
    found = _text_table_results(_extracted("enaus-03.pdf", str(tmp_path)))
    assert found["$13.6 million"] == ("difference of a table row", "rounding", ("48,292", "34,706"))
    assert found["$15.8 million"][2] == ("16,008", "185")


def test_a_unit_per_column_is_part_of_the_header() -> None:
    from factcheck.tables import find_page_tables
    from factcheck.tables.scale import find_scale

    assert find_scale(["$’000"]).multiplier == 1000  # type: ignore[union-attr]
    assert find_scale(["£'000"]).unit == "GBP"  # type: ignore[union-attr]
    # enaus-03 p1, Table 1: "Remaining balance 2016–17 $’000 (a) - (b)": the unit line under the
    # headers does not cut them off (the difference column is read from them)
    table = find_page_tables(Path(__file__).parent / "unseen" / "docs" / "enaus-03.pdf", "en", pages=[1],
                             all_pages=True)[1][0]
    assert table.scale is not None and table.scale.multiplier == 1000
    assert any("Remaining balance" in c.header for c in table.columns)


def test_rupees_written_rs_dot_do_not_end_a_sentence_and_precise_figures_meet_within_rounding() -> None:
    # Nepal budget speech 2017/18 (enstat-01 p1): "Out of the total allocation, Rs.803.53 billion or
    # 62.8 percent …, Rs. 335.17 billion or 26.2 percent for capital expenditure and Rs.140.28 billion
    # or 11 percent for financing": the full stop of "Rs." before an amount ended the sentence, which
    # put each percentage in another sentence than its amount
    from factcheck.extract.context import Sentences

    text = "allocation, Rs.803.53 billion or 62.8 percent for recurrent, Rs. 335.17 billion or 26.2 percent for capital."
    assert Sentences(text).bounds(text.index("335.17"), text.index("335.17") + 6) == (0, len(text))
    found = _relations("enstat-01.pdf")
    assert ("26.2 percent", "ratio", ("Rs. 335.17 billion", "Rs.1278.99 billion")) in found
    assert ("Rs.1278.99 billion", "sum", ("Rs.803.53 billion", "Rs. 335.17 billion", "Rs.140.28 billion")) in found
    # p2: "Rs. 214.03 billion will be arranged from foreign loan. After financing …, budget deficit
    # will remain Rs. 247.73 billion" of Rs. 461.77 billion: 461.77 - 214.03 = 247.74, one unit off
    # in the last of five digits, as rare by chance as an exact match of such figures
    assert ("Rs. 247.73 billion", "difference", ("Rs. 461.77 billion", "Rs. 214.03 billion")) in found


def test_a_stated_breakdown_is_a_second_reading_of_a_figure_that_has_one() -> None:
    # Zambia budget address 2025 (enworld-05 p1): "The balance of K34.7 billion or 16.0 percent will
    # be financed through borrowing. Domestic borrowing will be K15.4 billion or 7.1 percent while
    # K19.4 billion or 8.9 percent will come from external sources": 16.0 percent is K34.7 billion's
    # share of the budget, and the sum of the two percentages that break it down
    found = _relations("enworld-05.pdf")
    assert ("16.0 percent", "ratio", ("K34.7 billion", "K217.1 billion")) in found
    assert ("16.0 percent", "sum", ("7.1 percent", "8.9 percent")) in found
    ids = [c["id"] for c in discover(_extracted_claims("enworld-05.pdf"), "en", repeats=False)]
    assert len(ids) == len(set(ids))


def _extracted_claims(name: str) -> list[dict]:
    from factcheck.extract import extract_document

    return extract_document(Path(__file__).parent / "unseen" / "docs" / name).claims


def test_a_sentence_that_counts_back_to_a_list_states_its_total() -> None:
    # Guam rhinoceros beetle proposal (enacc-03 p1): "… Cycas micronesica, Cocos nucifera and
    # Heterospathe elata accounting for 16%, 12% and 11% of total trees … These three species, 39% of
    # the trees in Guam's forests, are being attacked"
    assert ("39%", "sum", ("16%", "12%", "11%")) in _relations("enacc-03.pdf")
    # the count must name as many figures as the sentence before lists
    first = "The trees were Cycas, Cocos and Heterospathe, accounting for 16%, 12% and 11% of total trees."
    second = "These two species, 28% of the trees, are being attacked."
    figs = [_fig("a", "16%", "16", "0.5", first, "%", 1), _fig("b", "12%", "12", "0.5", first, "%", 1),
            _fig("c", "11%", "11", "0.5", first, "%", 1), _fig("t", "28%", "28", "0.5", second, "%", 2)]
    assert not [p for p in find_relations(figs) if p.target.id == "t"]


def test_a_share_whose_words_print_the_whole() -> None:
    # City of Vancouver Q3 2014 report (enmun-01 p3 and p5): "2014 capital expenditures to the end of
    # Q3 were $179 million ($181 million to the end of Q3 2013), representing 60% of the 2014 Annual
    # Capital Expenditure Budget of $297 million": the phrase after "60% of" ends with the whole,
    # one amount, not any of the sentence's
    from factcheck.discover.relations import _whole_printed

    found = _relations("enmun-01.pdf")
    assert found.count(("60%", "ratio", ("$179 million", "$297 million"))) == 2
    quote = "were $179 million ($181 million), representing 60% of the 2014 Annual Budget of $297 million."
    assert _whole_printed("60%", "$297 million", quote) and not _whole_printed("60%", "$181 million", quote)


def test_a_share_names_the_whole_of_its_sibling_in_the_sentence() -> None:
    # Seattle Public Schools budget summary (enfin-03 p1): "$95.9 million, ESSER III - American Rescue
    # Plan $76.7M (80% of total) General $19.2M (20% of total)": 80% is read as a share of $95.9
    # million; "of total" then names that whole for 20% beside it, one whole instead of every amount
    found = _relations("enfin-03.pdf")
    assert ("80%", "ratio", ("$76.7M", "$95.9 million")) in found
    assert ("20%", "ratio", ("$19.2M", "$95.9 million")) in found


def test_a_bullet_after_a_full_stop_opens_the_next_sentence() -> None:
    # City of Gallatin ACFR 2025, financial highlights (enxye-01 p1), bullets of a Symbol font: the
    # next bullet's sentence is another sentence, so its subject is not "citizens and creditors The
    # government's total net position"
    from factcheck.extract.context import Sentences

    text = ("may be used to meet the City’s ongoing \r\nobligations to citizens and creditors. \r\n\uf0b7 The "
            "government’s total net position increased by $32.82 million in 2025.")
    at = text.index("$32.82")
    assert Sentences(text).bounds(at, at + 6) == (text.index(" \r\n\uf0b7"), len(text))
    doc = extract_document(DOCS / "enxye-01.pdf")
    (claim,) = [c for c in doc.claims if c.get("stated") == "$32.82 million"]
    assert claim["quote"].startswith("The government’s total net position increased")
    assert "creditors" not in (claim.get("subject") or "")
