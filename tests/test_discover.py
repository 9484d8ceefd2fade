"""Discovery on the bundled document: relations nobody wrote down, repeats and conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claimfile import parse_claim_text
from factcheck.discover import discover
from factcheck.engine import check_files
from factcheck.extract import extract_document
from factcheck.model import Verdict

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    return extract_document(DOCUMENT).claims


@pytest.fixture(scope="module")
def proposals(extracted: list[dict]) -> list[dict]:
    return discover(extracted, "nl")


def _stated(extracted: list[dict], expr_ids: str) -> list[str]:
    by_id = {c["id"]: c["stated"] for c in extracted}
    names = [n.strip() for n in expr_ids.replace("sum(", "").replace(")", "").replace("*", ",").replace("-", ",").replace("+", ",").split(",")]
    return [by_id[n] for n in names if n]


def test_finds_the_question_8_chain_and_little_else(extracted: list[dict], proposals: list[dict]) -> None:
    relations = [p for p in proposals if "expr" in p]
    found = {(p["stated"], tuple(_stated(extracted, p["expr"]))) for p in relations}
    assert ("€32.400", ("€55.700", "€23.300")) in found
    assert ("€983.113.200", ("30.343", "€32.400")) in found
    assert len(relations) <= 2 + 3


def test_savings_2027_come_out_as_a_conflict(extracted: list[dict], proposals: list[dict]) -> None:
    by_id = {c["id"]: c for c in extracted}
    conflicts = []
    for group in (p for p in proposals if "repeats" in p):
        members = [by_id[i] for i in group["repeats"]]
        if {m["stated"] for m in members} >= {"1 miljard", "500 miljoen euro"}:
            conflicts.append(members)
    (members,) = conflicts
    questions_1bn_2027 = {m["where"]["question"] for m in members if m["stated"] == "1 miljard" and "2027" in (m.get("period") or "")}
    questions_500m = {m["where"]["question"] for m in members if m["stated"] == "500 miljoen euro"}
    assert questions_1bn_2027 == {1, 29}
    assert questions_500m == {14, 15, 49, 51, 52, 57, 71}


def test_41000_places_are_corroborated(extracted: list[dict], proposals: list[dict]) -> None:
    by_id = {c["id"]: c for c in extracted}
    groups = [p for p in proposals if "repeats" in p and {by_id[i]["stated"] for i in p["repeats"]} == {"41.000"}]
    (group,) = groups
    assert len(group["repeats"]) == 6


def test_check_gives_the_verdicts(extracted: list[dict]) -> None:
    # The same path a user takes: the extracted file, checked, with discovery at check time.
    import yaml

    text = yaml.safe_dump({"document": {"id": "asiel", "language": "nl"}, "claims": extracted}, allow_unicode=True, sort_keys=False)
    run = check_files([parse_claim_text(text, "asiel.yaml")])
    verdicts = {r.claim.id: r.verdict for r in run.results}
    assert sum(v is Verdict.CONFLICT for v in verdicts.values()) == 1
    conflict = next(r for r in run.results if r.verdict is Verdict.CONFLICT)
    assert "500 miljoen euro" in conflict.explanation and "1 miljard" in conflict.explanation
    # The disagreement is summarised side by side, with where each side is stated.
    assert "1 miljard (vanaf 2027): vraag 1, 29" in conflict.explanation
    assert "500 miljoen euro (2027): vraag 14, 15, 49, 51, 52, 57, 71" in conflict.explanation
    relations = [r for r in run.results if r.claim.expr]
    assert len(relations) >= 2 and all(r.verdict is Verdict.CONSISTENT for r in relations)


def test_deleted_proposals_stay_deleted(extracted: list[dict], proposals: list[dict]) -> None:
    gone = proposals[0]["id"]
    again = discover(extracted, "nl", deleted=[gone])
    assert gone not in {p["id"] for p in again}
    assert len(again) == len(proposals) - 1


def test_switches(extracted: list[dict]) -> None:
    assert all("repeats" in p for p in discover(extracted, "nl", relations=False))
    assert all("expr" in p for p in discover(extracted, "nl", repeats=False))


def test_small_number_coincidences_are_not_proposed() -> None:
    claims = [
        {"id": "a", "stated": "2", "kind": "count", "quote": "2 gemeenten", "where": {"question": 1, "line": 1}},
        {"id": "b", "stated": "3", "kind": "count", "quote": "3 locaties", "where": {"question": 1, "line": 2}},
        {"id": "c", "stated": "5", "kind": "count", "quote": "5 jaar", "where": {"question": 1, "line": 3}},
        {"id": "d", "stated": "6", "kind": "count", "quote": "6 maanden", "where": {"question": 1, "line": 4}},
    ]
    assert [p for p in discover(claims, "nl") if "expr" in p] == []


def _similarity_by_definition(a: frozenset[str], b: frozenset[str]) -> float:
    # The definition, pair by pair: a word matches one it equals, or (both 5+ letters) one
    # that ends with it or that it ends with ("opvangplekken" and "plekken").
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    hits = sum(1 for w in small if w in large or any(
        len(w) >= 5 and len(x) >= 5 and (x.endswith(w) or w.endswith(x)) for x in large))
    return hits / len(small)


def test_topic_similarity_matches_its_definition(extracted: list[dict]) -> None:
    from factcheck.discover.figures import content_words, topic_similarity

    assert topic_similarity(frozenset({"opvangplek"}), frozenset({"plek", "asiel"})) == 0.0  # "plek" < 5 letters
    assert topic_similarity(frozenset({"opvangplekken"}), frozenset({"plekken"})) == 1.0
    assert topic_similarity(frozenset({"plekken", "kosten"}), frozenset({"opvangplekken"})) == 1.0
    # Every pair of sentences of the bundled document: the fast lookup gives the definition's answer.
    sets = sorted({content_words(c.get("subject"), c.get("quote")) for c in extracted}, key=sorted)[:80]
    for a in sets:
        for b in sets:
            assert topic_similarity(a, b) == _similarity_by_definition(a, b)


def test_a_share_of_an_amount_is_found() -> None:
    claims = [
        {"id": "budget", "stated": "€ 2.412 miljoen", "kind": "money", "unit": "EUR",
         "quote": "Het budget is € 2.412 miljoen.", "where": {"question": 3, "line": 1}},
        {"id": "aandeel", "stated": "15%", "kind": "percent", "unit": "%",
         "quote": "Daarvan gaat 15% naar opvang, dat is € 361,8 miljoen.", "where": {"question": 3, "line": 2}},
        {"id": "opvang", "stated": "€ 361,8 miljoen", "kind": "money", "unit": "EUR",
         "quote": "Daarvan gaat 15% naar opvang, dat is € 361,8 miljoen.", "where": {"question": 3, "line": 3}},
    ]
    (relation,) = [p for p in discover(claims, "nl") if "expr" in p]
    assert relation["expr"] == "aandeel * budget"
    assert relation["evidence"]["relation"] == "share" and relation["evidence"]["match"] == "exact"


def _proposals(claims: list[dict]) -> list[str]:
    return [p["expr"] for p in discover(claims, "nl") if "expr" in p]


def test_coincidences_seen_in_the_o_en_i_lijst_are_not_proposed() -> None:
    # Each of these was proposed once (O&I-lijst 2021); none is a calculation the text makes.
    where = lambda line: {"page": 81, "line": line}  # noqa: E731
    percent_of_100 = [  # "75 procent" is 75% of any 100 in the passage: a tautology
        {"id": "uitkering", "stated": "75%", "kind": "percent", "unit": "%", "quote": "IVA wordt verlaagd naar 75%.", "where": where(1)},
        {"id": "honderd", "stated": "100", "kind": "count", "quote": "Het gaat om 100 personen.", "where": where(2)},
        {"id": "ontvangt", "stated": "75 procent", "kind": "percent", "unit": "%",
         "quote": "Elke persoon ontvangt dus 75 procent van zijn uitkering.", "where": where(3)},
        {"id": "grondslag", "stated": "€ 2.350", "kind": "money", "unit": "EUR", "quote": "De grondslag is € 2.350.", "where": where(4)},
    ]
    assert _proposals(percent_of_100) == []
    bare_numbers = [  # 25 × 4 = 100, but two bare numbers do not make euros
        {"id": "studenten", "stated": "25", "kind": "count", "quote": "25 ritten", "where": where(1)},
        {"id": "weken", "stated": "4", "kind": "count", "quote": "4 weken", "where": where(2)},
        {"id": "kosten", "stated": "100 euro", "kind": "money", "unit": "EUR",
         "quote": "De maandelijkse kosten zijn per student 100 euro.", "where": where(3)},
    ]
    assert _proposals(bare_numbers) == []
    four_amounts = [  # four round amounts of one passage that happen to add up to a fifth
        {"id": "a", "stated": "300 euro", "kind": "money", "unit": "EUR", "quote": "grens op 300 euro", "where": where(1)},
        {"id": "b", "stated": "385 euro", "kind": "money", "unit": "EUR", "quote": "eigen risico blijft 385 euro", "where": where(2)},
        {"id": "c", "stated": "100 euro", "kind": "money", "unit": "EUR", "quote": "verlaagd met 100 euro", "where": where(4)},
        {"id": "d", "stated": "100 euro", "kind": "money", "unit": "EUR", "quote": "verlaging van 100 euro", "where": where(6)},
        {"id": "e", "stated": "885 euro", "kind": "money", "unit": "EUR",
         "quote": "Daarnaast wordt het verplicht eigen risico verhoogd naar 885 euro.", "where": where(8)},
    ]
    assert _proposals(four_amounts) == []
    letter_x = [  # "grens X" names a threshold; "x" is a multiplication only between figures
        {"id": "maximum", "stated": "200 euro", "kind": "money", "unit": "EUR", "quote": "een maximum van 200 euro", "where": where(1)},
        {"id": "factor", "stated": "anderhalf", "kind": "ratio", "quote": "anderhalf keer zoveel", "where": where(2)},
        {"id": "grens", "stated": "300 euro", "kind": "money", "unit": "EUR",
         "quote": "Two-tier-systeem met grens X op 300 euro en grens Y op 680 euro.", "where": where(3)},
    ]
    assert _proposals(letter_x) == []


def test_wording_and_units_still_carry_a_real_calculation() -> None:
    where = lambda line: {"page": 81, "line": line}  # noqa: E731
    claims = [
        {"id": "uitgaven", "stated": "14,7 miljard euro", "kind": "money", "unit": "EUR",
         "quote": "De sectoren hebben gezamenlijk 14,7 miljard euro aan uitgaven.", "where": where(1)},
        {"id": "besparing", "stated": "1 procent", "kind": "percent", "unit": "%",
         "quote": "Een besparing van 1 procent zou dan leiden tot een besparing van circa 147 miljoen euro.", "where": where(2)},
        {"id": "bedrag", "stated": "147 miljoen euro", "kind": "money", "unit": "EUR",
         "quote": "Een besparing van 1 procent zou dan leiden tot een besparing van circa 147 miljoen euro.", "where": where(3)},
    ]
    assert _proposals(claims) == ["besparing * uitgaven"]


def test_a_match_within_rounding_must_be_narrower_than_its_target() -> None:
    # $25,000 may stand for $24,500 to $25,500, so $25,000 - 24,999 "meets" any small number.
    where = lambda line: {"page": 3, "line": line}  # noqa: E731
    claims = [
        {"id": "edge", "stated": "$25,000", "kind": "money", "unit": "USD", "quote": "earning $25,000 or more", "where": where(1)},
        {"id": "below", "stated": "24,999", "kind": "count", "quote": "earning up to 24,999", "where": where(2)},
        {"id": "drop", "stated": "0.02", "kind": "count", "quote": "a reduction of 0.02 in the rate", "where": where(3)},
    ]
    assert [p for p in discover(claims, "en") if "expr" in p] == []


def _conflicts(claims: list[dict], lang: str = "nl") -> list[list[str]]:
    from factcheck.discover.figures import from_dicts
    from factcheck.discover.repeats import find_repeats, judge_statements

    groups = find_repeats(from_dicts(claims, lang))
    return [sorted(f.id for f in g.members) for g in groups if judge_statements(g.members)[0] == "conflict"]


def _said(id: str, stated: str, quote: str, page: int, period: str = "2021", unit: str = "EUR") -> dict:
    return {"id": id, "stated": stated, "kind": "money", "unit": unit, "quote": quote, "period": period,
            "where": {"page": page, "line": 10}}


def test_sentences_of_one_pattern_about_different_things_do_not_conflict() -> None:
    # O&I-lijst p. 60: two reserves, one sentence pattern; each sentence has a word the other lacks.
    claims = [
        _said("visserij", "24,6 miljoen euro", "Per 2021 is de stand van de begrotingsreserve visserij 24,6 miljoen euro, "
              "waarvan 35 procent juridisch verplicht.", 60),
        _said("apurement", "85,1 miljoen euro", "Per 2021 is de stand van de begrotingsreserve apurement 85,1 miljoen euro "
              "waarvan 15 procent juridisch verplicht is.", 61),
    ]
    assert _conflicts(claims) == []


def test_a_conflict_is_never_inferred_through_a_chain() -> None:
    # b repeats a (equal values); c contradicts b's sentence but not a's: no conflict of a with c.
    claims = [
        _said("a", "284 miljoen euro", "De bruto besparing van de lesuren loopt op tot 284 miljoen euro.", 27, "2024"),
        _said("b", "284 miljoen euro", "Dit levert een bruto besparing op van 284 miljoen euro omdat minder leraren nodig zijn.", 28, "2024"),
        _said("c", "243 miljoen euro", "Dit levert een bruto besparing op van 243 miljoen euro omdat minder leraren nodig zijn, "
              "bij een andere variant van de lesuren.", 29, "2024"),
    ]
    assert _conflicts(claims) == []


def test_the_same_sentence_with_another_amount_is_a_conflict() -> None:
    # The shape of the 2027 savings in the bundled answers, in two other passages.
    claims = [
        _said("een", "1 miljard", "Vanaf 2027 is ook de 1 miljard besparing uit het hoofdlijnenakkoord verwerkt.", 1, "vanaf 2027"),
        _said("twee", "500 miljoen euro", "Voor het jaar 2027 is 500 miljoen euro besparing uit het hoofdlijnenakkoord verwerkt.", 5, "2027"),
    ]
    assert _conflicts(claims) == [["een", "twee"]]
    # A register read as text (dates and counts in every row) is never a conflict.
    register = [
        _said("r1", "78", "Layoff Temporary 06/29/2015 07/07/2015 BAE Systems San Francisco 78 Layoff Temporary", 1, "2015"),
        _said("r2", "134", "Layoff Permanent 08/25/2015 09/08/2015 BAE SYSTEMS San Francisco 134 Layoff Temporary", 4, "2015"),
    ]
    for row in register:
        row.update(kind="count", unit="person")
    assert _conflicts(register) == []


def test_one_sentence_pattern_filled_in_for_several_agencies_is_no_conflict() -> None:
    # Budget of the U.S. Government FY2024, the opening line of three agencies' chapters: the agency
    # is named only in the chapter's heading, and every number but the year differs
    claims = [
        _said("p4", "$60.4 billion", "The Budget requests $60.4 billion in discretionary budget authority for 2024, "
              "a $0.6 billion or one-percent decrease from the 2023 enacted level.", 4, "2024", unit="USD"),
        _said("p5", "$73.3 billion", "The Budget requests $73.3 billion in discretionary budget authority for 2024, "
              "a $1.1 billion increase or 1.6-percent increase from the 2023 enacted level.", 5, "2024", unit="USD"),
        _said("p6", "$16.3 billion", "The Budget requests $16.3 billion in discretionary budget authority for 2024, "
              "a $2.1 billion or 15-percent increase from the 2023 enacted level.", 6, "2024", unit="USD"),
    ]
    assert _conflicts(claims, "en") == []
    # reworded around a figure they share, two such sentences speak of one thing: a conflict
    claims[1]["quote"] = ("The Budget requests $73.3 billion in discretionary budget authority for 2024, "
                          "a $0.6 billion or one-percent decrease from the 2023 enacted level, as proposed.")
    assert _conflicts(claims[:2], "en") == [["p4", "p5"]]


def test_budget_book_boilerplate_with_other_words_is_no_conflict() -> None:
    # DoD RDT&E justification book (tests/unseen/docs/enpen-01.pdf, pages 2 and 6): each program
    # element's "Change Summary Explanation" fills one sentence in, with its own word and figure
    # and no other number than the year: two program elements, not one figure stated twice
    claims = [
        _said("p2", "-$0.794 Million", "Change Summary Explanation Program Change: The FY 2019 Base program reduction "
              "(-$0.794 Million), as compared to the Previous President's Budget FY 2019 PB Base, reflects a net", 2,
              "2019", unit="USD"),
        _said("p6", "$0.137 Million", "Change Summary Explanation Program Change: The FY 2019 Base program adjustment "
              "($0.137 Million), as compared to the Previous President's Budget FY 2019 PB Base, reflects the", 6,
              "2019", unit="USD"),
    ]
    assert _conflicts(claims, "en") == []
    # the same words around a figure that differs is how a figure left stale looks: still a conflict
    claims[1]["quote"] = claims[0]["quote"].replace("-$0.794 Million", "$0.137 Million").replace("(", "(+")
    assert _conflicts(claims, "en") == [["p2", "p6"]]


def test_a_piece_cut_from_a_long_sentence_is_no_evidence_of_a_conflict() -> None:
    # Singapore's Wage Credit Scheme note (tests/unseen, enmix-03 pp. 3-4): two worked examples,
    # "…co-fund 20% of the total qualifying wage increase of $300 in 2019, and 15% of the total
    # qualifying wage increase of $400 in 2020." and, for another employee, a sentence too long to
    # quote whole, whose last piece is all that is left beside its figure
    claims = [
        _said("p3", "$400", "… co-fund 20% of the total qualifying wage increase of $300 in 2019, and 15% of the "
              "total qualifying wage increase of $400 in 2020.", 3, "2020", unit="SGD"),
        _said("p4", "$300", "… wage increase of $300 in 2020.", 4, "2020", unit="SGD"),
    ]
    assert _conflicts(claims, "en") == []
    # quoted whole, the second sentence is weighed on its words (here they make it one quantity)
    claims[0]["quote"] = claims[0]["quote"].removeprefix("… ")
    claims[1]["quote"] = "The Government will co-fund 15% of the total qualifying wage increase of $300 in 2020."
    assert _conflicts(claims, "en") == [["p3", "p4"]]


def test_a_level_that_the_sentence_changes_is_no_conflict() -> None:
    # City of Peterborough, budget committee minutes 2009 (tests/unseen, enrgv-01 pp. 3-4): one motion
    # decreases a provision, a later one increases what the first left; the two amounts are the
    # provision before and after the first motion, not one figure stated twice
    claims = [
        _said("p3", "$6,949,778", "Moved by Councillor Farquharson That the $6,949,778 provision for Ontario Municipal "
              "Partnership Fund revenue reflected on page 29 of the 2009 Highlights Book be decreased by $2,602,778 to "
              "$4,347,000.", 3, "2009", unit="CAD"),
        _said("p4", "$4,347,000", "Moved by Councillor Farquharson That the $4,347,000 provision for Ontario Municipal "
              "Partnership Fund revenue reflected on page 29 of the 2009 Highlights Book be increased by $1,287,900, to "
              "$5,634,900.", 4, "2009", unit="CAD"),
    ]
    assert _conflicts(claims, "en") == []
    # the same sentences without the change they make: one provision, stated twice with two values
    for c, rest in zip(claims, ("be approved.", "be confirmed.")):
        c["quote"] = c["quote"][: c["quote"].index(" be ")] + " " + rest
    assert _conflicts(claims, "en") == [["p3", "p4"]]


def test_monthly_editions_of_one_sentence_about_a_fiscal_year_do_not_conflict() -> None:
    # California's Finance Bulletins (tests/unseen, ensta-03): each month's bulletin says how far the
    # year's receipts so far are above the forecast; "2020-21" is a year in both, not a number
    # the sentences share, so each is one pattern filled in for another month
    claims = [
        _said("jan", "$1.066 billion", "Preliminary General Fund agency cash receipts for the first seven months of the "
              "fiscal year are $1.066 billion above the 2020-21 Governor's Budget forecast of $81.614 billion.", 1,
              "2020-21", unit="USD"),
        _said("feb", "$1.248 billion", "Preliminary General Fund agency cash receipts for the first eight months of the "
              "fiscal year are $1.248 billion above the 2020-21 Governor's Budget forecast of $87.605 billion.", 2,
              "2020-21", unit="USD"),
    ]
    assert _conflicts(claims, "en") == []
