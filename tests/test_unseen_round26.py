"""Readings from the first look at the development documents of round 26: the WNT statement, the
model table of top officials' pay that every Dutch public body prints."""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.scan import scan
from factcheck.model import Verdict
from factcheck.sources.pdf_layout import Word
from factcheck.tables import check_pdf
from factcheck.tables.detect import group_lines
from tests.support.discovered import relations as _relations

DOCS = Path(__file__).parent / "unseen" / "docs"


def _pay(path: Path, page: int) -> list[tuple[str, str, tuple[str, ...], Verdict, bool]]:
    return [(c.total_label, c.total.stated, tuple(p.stated for p in c.parts), c.verdict, c.alarm)
            for c in check_pdf(path, lang="nl", pages=[page], all_pages=True)
            if c.reading.startswith("the WNT") and "Subtotaal is the sum" not in c.reading]  # (its Subtotaal: since round 28)


def test_the_pay_under_the_maximum_is_the_subtotal_less_what_was_paid_unduly() -> None:
    # Thuiszorg de Lindeboom's accounts 2020 (nlzrj-03 p5): for 2019 the Subtotaal is €102.290
    # (€93.015 + €9.275) and no undue payment is printed, but the pay is €102.190. The maximum
    # (€107.000) stands between them, so no sum of the rows above reaches the pay: it went unchecked.
    # For 2020 the pay exceeds the maximum of €111.000 by the €11.151 printed as the excess.
    pay = _pay(DOCS / "nlzrj-03.pdf", 5)
    assert ("Bezoldiging", "€102.190", ("€102.290",), Verdict.MISMATCH, True) in pay
    assert ("Bezoldiging", "€122.151", ("€122.151",), Verdict.CONSISTENT, False) in pay
    assert ("Reden waarom de overschrijding al dan niet is toegestaan", "€11.151", ("€122.151", "€111.000"),
            Verdict.CONSISTENT, False) in pay


def test_a_statement_read_apart_at_the_undue_payment_is_one_statement() -> None:
    # Airport Coordination Netherlands (nlcor-01 p2): the reader splits the statement into two
    # tables at "-/- Onverschuldigd betaald … N.v.t."; the pay in the second is the Subtotaal in
    # the first ("n.v.t." takes nothing off).
    assert _pay(DOCS / "nlcor-01.pdf", 2) == [("Bezoldiging", "147.025,18", ("147.025,18",), Verdict.CONSISTENT, False)]


def test_the_pay_is_read_by_the_model_not_as_the_rows_that_happen_to_add_up_to_it() -> None:
    # Autoriteit Persoonsgegevens (nlrijk-01 p17), three officials a column: the pay equals Beloning
    # plus Beloningen betaalbaar op termijn too, but the model makes it the Subtotaal (less an undue
    # payment): one reading, the law's.
    pay = _pay(DOCS / "nlrijk-01.pdf", 17)
    assert [(stated, parts) for _, stated, parts, *_ in pay] == [
        ("156.102", ("156.102",)), ("147.161", ("147.161",)), ("175.160", ("175.160",)),
        ("152.215", ("152.215",)), ("143.462", ("143.462",)), ("170.759", ("170.759",))]


def test_a_result_printed_once_under_the_two_totals_it_nets() -> None:
    # Omgevingsdienst Regio Nijmegen's accounts 2020 (nlwnv-01 p1), by task: "Totaal lasten en
    # baten 21.423.873 21.907.544", then "Resultaat positief 483.671" in the income column alone:
    # income less costs, across the columns of the row above.
    checks = check_pdf(DOCS / "nlwnv-01.pdf", lang="nl", pages=[1], all_pages=True)
    result = [(c.total.stated, tuple(p.stated for p in c.parts), tuple(p.sign for p in c.parts), c.verdict)
              for c in checks if c.total_label == "Resultaat positief"]
    assert result == [("483.671", ("21.907.544", "21.423.873"), (1, -1), Verdict.CONSISTENT)]


def test_a_minus_printed_after_the_figure_makes_it_negative() -> None:
    # SEIN's cash flow statement 2020 (nlzrk-01 p2), in the format of Dutch accounting software:
    # "- mutaties voorzieningen 808-", "5.564-". Such cells were no figures: the table fell apart
    # into fragments whose headers were amounts, and none of its eleven totals was checked.
    checks = check_pdf(DOCS / "nlzrk-01.pdf", lang="nl", pages=[2], all_pages=True)
    ops = [c for c in checks if c.total_label == "Kasstroom uit bedrijfsoperaties" and c.total.stated == "8.447"]
    assert [(tuple(p.stated for p in c.parts), c.parts[-1].value, c.verdict) for c in ops] == [
        (("9.706", "4.305", "5.564-"), -5564, Verdict.CONSISTENT)]
    cash = [c for c in checks if c.total_label.startswith("Mutatie geldmiddelen") and c.total.stated == "231"]
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in cash] == [
        (("7.228", "3.648-", "3.349-"), Verdict.CONSISTENT)]


def test_an_officials_part_time_factor_is_no_part_of_the_pay() -> None:
    # The WNT statements of a joint arrangement (nlwnu-01 p4) and of a shared service (nlwnt-03 p2)
    # print "Omvang dienstverband (in fte)  1" a few rows above the pay: it was read as a part
    # (123.550 <- 1 + 107.299 + 16.251, within rounding), and in the second as a part of the 2018
    # Som bezoldiging found from the arithmetic.
    checks = check_pdf(DOCS / "nlwnu-01.pdf", lang="nl", pages=[4], all_pages=True)
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks if c.total.stated == "123.550"] == [
        (("107.299", "-", "16.251"), Verdict.CONSISTENT)]
    checks = check_pdf(DOCS / "nlwnt-03.pdf", lang="nl", pages=[2], all_pages=True)
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks
            if c.total_label == "Som bezoldiging" and c.total.stated == "€149.000"] == [
        (("€136.000", "€13.000"), Verdict.CONSISTENT)]


def test_a_balance_sheets_side_total_at_the_foot_of_the_page_closes_the_side() -> None:
    # U-center's balance sheet 2020 (nlzrl-01 p2, p3): "TOTAAL ACTIVA 6.518.759 5.115.576" stands
    # at the foot of the page, twenty-five lines under "Liquide middelen", too far off to be taken
    # for the table's last row, and so went unchecked (as did TOTAAL PASSIVA on the next page).
    for page, label, parts in ((2, "TOTAAL ACTIVA", ("1.302.417", "4.677.368", "538.974")),
                               (3, "TOTAAL PASSIVA", ("1.657.309", "1.147.918", "3.713.532"))):
        checks = check_pdf(DOCS / "nlzrl-01.pdf", lang="nl", pages=[page], all_pages=True)
        assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks
                if c.total_label == label and c.total.stated == "6.518.759"] == [(parts, Verdict.CONSISTENT)]


def test_a_line_of_figures_with_no_words_under_the_last_activity_is_the_net_change_in_cash() -> None:
    # U-center's cash flow statement 2020 (nlzrl-01 p5) prints the net change in cash as a bare line
    # "-982.607 -253.195" under "Kasstroom uit financieringsactiviteiten": the three activities'
    # net cash flows add up to it (and the next table takes it as "Mutatie liquide middelen").
    checks = check_pdf(DOCS / "nlzrl-01.pdf", lang="nl", pages=[5], all_pages=True)
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks if c.total.stated == "-982.607"] == [
        (("-921.001", "-40.408", "-21.198"), Verdict.CONSISTENT)]


def test_two_figures_with_the_minus_after_them_set_the_pages_format_and_a_lone_one_does_not() -> None:
    # SEIN's segment account (nlzrk-01 p4) prints only two such figures, "295-" and "358-", under
    # the operating result: RESULTAAT BOEKJAAR 2.345 is 2.640 less 295.
    checks = check_pdf(DOCS / "nlzrk-01.pdf", lang="nl", pages=[4], all_pages=True)
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks if c.total_label == "RESULTAAT BOEKJAAR"] == [
        (("2.640", "295-"), Verdict.CONSISTENT), (("1.422", "358-"), Verdict.CONSISTENT)]
    # New York City's capital budget changes (enusa-01 p1): "(SHAREPOINT ID 13-" / "294765S33212)"
    # breaks an id over two lines; read as -13 in a column of its own, it broke the table apart.
    checks = check_pdf(DOCS / "enusa-01.pdf", lang="en", pages=[1], all_pages=True)
    aging = [c for c in checks if c.total_label == "TOTALS FOR AGING (5 PROJECTS)" and c.total.stated == "3,477,000"]
    assert [(len(c.parts), c.verdict) for c in aging] == [(5, Verdict.CONSISTENT)]
    # Washington's decision package (enfsn-01 p3): "9-" alone on a line of the object codes' list
    # ("T-Intra-Agency Reimbursements" / "9-") made a column of its own in the table beside it
    checks = check_pdf(DOCS / "enfsn-01.pdf", lang="en", pages=[3], all_pages=True)
    assert not [c for c in checks if any(p.stated == "9-" for p in (c.total, *c.parts))]
    assert {c.total.col for c in checks if c.total.table == 2 and c.total_label == "Total"} == {1, 2, 3, 4, 5}


def test_a_table_read_apart_at_a_heading_line_on_its_own_page_is_joined_where_that_makes_its_total_hold() -> None:
    # Avri's balance sheet 2020 (nlgmx-01 p2): the heading "Netto-vlottende schulden met een
    # rentetypische looptijd korter dan één jaar" across the liabilities split them into two
    # tables, and "Totaal passiva 45.692" was read over the five rows under the heading alone.
    checks = check_pdf(DOCS / "nlgmx-01.pdf", lang="nl", pages=[2], all_pages=True)
    liabilities = [c for c in checks if c.total_label == "Totaal passiva"]
    assert [(c.total.stated, len(c.parts), c.verdict) for c in liabilities] == [
        ("45.692", 13, Verdict.CONSISTENT), ("47.432", 13, Verdict.CONSISTENT)]


def test_a_count_times_an_amount_is_no_scale_caption() -> None:
    # Thuiszorg de Lindeboom (nlzrj-03 p3): "De totale subsidie bedraagt derhalve 36 x € 1.800 voor
    # de medewerkers en 1 x € 1.750 voor de ZZP'er, totaal € 66.550." "x € 1.800" was taken for a
    # table's scale caption ("bedragen x € 1.000"), and both amounts were lost.
    text = "De totale subsidie bedraagt derhalve 36 x € 1.800 voor de medewerkers en 1 x € 1.750 voor de ZZP'er"
    assert [(f.stated, f.kind) for f in scan(text, "nl") if f.kind == "money"] == [("€ 1.800", "money"), ("€ 1.750", "money")]
    # a caption still is one
    assert [(f.stated, f.kind) for f in scan("(bedragen x € 1.000)", "nl")] == [("1", "label")]


def test_a_lone_figure_with_the_minus_after_it_set_off_in_a_column_is_a_value() -> None:
    # SEIN's reconciliation of the segments' results (nlzrk-01 p5) prints one such figure, "188-"
    # for the research segment in 2019, set off in the year's column.
    checks = check_pdf(DOCS / "nlzrk-01.pdf", lang="nl", pages=[5], all_pages=True)
    assert [(tuple(p.stated for p in c.parts), c.verdict) for c in checks if c.total.stated == "2.102"
            and len(c.parts) == 4] == [(("1.064", "713", "188-", "513"), Verdict.CONSISTENT)]


def test_counts_times_prices_and_their_total_in_words() -> None:
    # Thuiszorg de Lindeboom (nlzrj-03 p3): "36 x € 1.800 voor de medewerkers en 1 x € 1.750 voor
    # de ZZP'er, totaal € 66.550". (The "1" of "1 x" was taken for the one in "€ 1.800" before it.)
    assert ("€ 66.550", "sum", ("36", "€ 1.800", "1", "€ 1.750")) in _relations("nlzrj-03.pdf")


def test_the_first_half_of_a_dutch_compound_is_no_figure_with_its_minus_after_it() -> None:
    # "kinderen van 0- tot 4-jarigen  12.000", "1- en 2-persoonshuishoudens": on a page that prints
    # negatives as "295-", the "0-" and "1-" before "tot"/"en" are the first halves of compounds.
    words = [Word(t, x, x + 20, 100, 110, 10) for t, x in (("kinderen", 10), ("0-", 40), ("tot", 62), ("4-jarigen", 84),
                                                          ("12.000", 300))]
    words += [Word(t, x, x + 20, 130, 140, 10) for t, x in (("Lasten", 10), ("295-", 300))]
    words += [Word(t, x, x + 20, 160, 170, 10) for t, x in (("Baten", 10), ("358-", 300))]
    tokens = {t.text: t.broken for ln in group_lines(words) for t in ln.tokens}
    assert tokens["0-"] and not tokens["295-"] and not tokens["358-"]


def _movements(name: str, page: int) -> list[tuple[str, str, str, tuple[str, ...], tuple[int, ...], Verdict]]:
    return [(c.total_label, c.lane_label[:12], c.total.stated, tuple(p.stated for p in c.parts),
             tuple(p.sign for p in c.parts), c.verdict)
            for c in check_pdf(DOCS / name, lang="nl", pages=[page], all_pages=True)
            if c.reading.startswith("the fixed assets' movement schedule")]


def test_a_fixed_assets_movement_schedule_closes_by_the_movements_its_rows_name() -> None:
    # Het Schild's accounts 2020 (nlzrm-01 p5), DigiMV's Mutatieoverzicht materiële vaste activa:
    # the cost closes at 560.484 + 65.775 investments − 43.889 fully written-off assets taken out;
    # the depreciation at 268.464 + 64.273 − 43.889; the book value at 292.020 + 1.502, the
    # movements' net effect (65.775 − 64.273). Read as other sums (the cost as the depreciation plus
    # the book value under it) they were checked, but not as the schedule states them.
    found = _movements("nlzrm-01.pdf", 5)
    lane = "Andere vaste"
    assert ("Stand per 31 december 2020 - aanschafwaarde", lane, "582.370", ("560.484", "65.775", "43.889"),
            (1, 1, -1), Verdict.CONSISTENT) in found
    assert ("cumulatieve afschrijvingen", lane, "288.848", ("268.464", "64.273", "43.889"), (1, 1, -1),
            Verdict.CONSISTENT) in found
    assert ("Boekwaarde per 31 december 2020", lane, "293.522", ("292.020", "1.502"), (1, 1), Verdict.CONSISTENT) in found
    assert ("Mutaties in boekwaarde (per saldo)", lane, "1.502", ("65.775", "64.273"), (1, -1),
            Verdict.CONSISTENT) in found


def test_a_movement_the_schedule_does_not_name_leaves_its_column_unread() -> None:
    # SEIN (nlzrk-01 p3): "- activering gereedgekomen projecten 378" moves assets under
    # construction to another class; that column's (and the Totaal's) cost is not read, the
    # others' are, and the book value closes by its net movements where nothing else reads it.
    found = _movements("nlzrk-01.pdf", 3)
    costs = {lane for label, lane, *_ in found if label.startswith("Stand per 31 december")}
    assert "in uitvoerin" not in costs and "Bedrijfs-geb" in costs
    assert ("Boekwaarde per 31 december 2020", "Bedrijfs-geb", "45.996", ("49.584", "3.588-"), (1, 1),
            Verdict.CONSISTENT) in found
