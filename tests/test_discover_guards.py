"""Guards against coincidences in prose relations, on development excerpts of tests/unseen.

Each case is a proposal discovery made on a document nobody had tuned on (the first look at it,
``benchmarks/prose_evidence.py``) that the text does not make, or one it does make that must stay.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factcheck.discover import discover
from factcheck.discover.figures import from_dicts
from factcheck.discover.readback import contradicted
from factcheck.discover.relations import MAX_CHANCE, MAX_CHANCE_WITH_CUE, Proposal, _max_chance
from factcheck.extract import extract_document

DOCS = Path(__file__).parent / "unseen" / "docs"


@lru_cache(maxsize=None)
def _extracted(name: str) -> tuple[list[dict], str]:
    doc = extract_document(DOCS / name)
    return doc.claims, doc.header.get("language", "nl")


@lru_cache(maxsize=None)
def _relations(name: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    claims, language = _extracted(name)
    printed = {c["id"]: c["stated"] for c in claims}
    out = []
    for claim in discover(claims, language, repeats=False):
        ids = [i.split(" (", 1)[0] for i in claim["evidence"]["inputs"].split(", ")]
        out.append((claim["stated"], claim["evidence"]["relation"], tuple(printed[i] for i in ids)))
    return tuple(out)


def test_a_precise_result_is_not_met_through_the_rounding_of_a_round_figure() -> None:
    # Autoriteit Persoonsgegevens jaarverslag: "EUR 29.020.000" is EUR 25.831.000 + 786.000 + 2.000.000
    # only because "EUR 2.000.000" may stand for 1,5 to 2,5 million: the sum is 28.617.000. A result
    # printed to the euro does not come from a figure rounded to the million.
    found = _relations("nlrijk-01.pdf")
    assert not [r for r in found if r[0] == "EUR 29.020.000"]


def test_a_word_of_total_does_not_say_which_four_figures_add_up() -> None:
    # Digital Transformation Agency annual report: "Total expenses for 2016–17 were $57.9 million, an
    # increase of $22.8 million …": $22.8 + 3.3 + 16.0 + 15.8 million happen to make 57.9
    found = _relations("enaus-03.pdf")
    assert not [r for r in found if r[0] == "$57.9 million" and r[1] == "sum"]


def test_changes_of_one_or_two_digits_are_not_differences_of_each_other() -> None:
    # Public Accounts of Canada: "Customs import duties decreased by $0.6 billion", two lines below
    # "decreased by $1.4 billion" and "fell by $0.8 billion": the word of change does not relax the
    # bound on chance for figures this short, while it does for longer ones
    figures = {f.stated: f for f in from_dicts(*_extracted("enworld-01.pdf"))}
    short = Proposal(figures["$0.6 billion"], (figures["$1.4 billion"], figures["$0.8 billion"]), "difference",
                     "a - b", True, 8, "decrease", True)
    assert _max_chance(short) == MAX_CHANCE
    # "$327.4 billion" from "$327.7-billion" and "$0.3 billion" (same document): a word may relax it
    longer = Proposal(figures["$327.4 billion"], (figures["$327.7-billion"], figures["$0.3 billion"]), "difference",
                      "a - b", True, 8, "increase", True)
    assert _max_chance(longer) == MAX_CHANCE_WITH_CUE
    found = _relations("enworld-01.pdf")
    assert not [r for r in found if r[0] in ("$0.6 billion", "$0.2 billion") and r[1] == "difference"]


def test_almost_a_figure_is_not_exactly_that_figure() -> None:
    # Dutch GLB/RIF summary: "In totaal is gedurende RIF-2 bijna € 110 miljoen subsidie toegekend";
    # 127 miljoen − € 17 miljoen is exactly 110, which "bijna" says the amount is not
    found = _relations("nlmix-01.pdf")
    assert not [r for r in found if r[0] == "€ 110 miljoen"]
    # the text's own calculations on that page stay
    assert ("€ 208 miljoen", "difference", ("€ 318 miljoen", "€ 110 miljoen")) in found


def test_a_relation_check_would_call_a_mismatch_is_read_back_and_dropped() -> None:
    # Gemeente Almere (nlgem-03), as first extracted: "67 procent" read as "zes maanden" over "tien
    # dagen", which met within the rounding of "zes" and "tien"; `check` reads months and days as
    # durations and finds 1826 %, a mismatch nobody's text states
    pilot = "Tijdens een pilot van zes maanden in 2017 lukte dit voor 67 procent van de ouderen die op de SEH " \
            "binnenkwamen zonder indicatie voor een ziekenhuisopname."
    stay = "18 Bij een ligduur van tien dagen (Ribbelink et al., 20023) bedragen de kosten hiervoor ongeveer " \
           "796.000 euro."
    claims = [
        {"id": "tijdens_pilot", "quote": pilot, "stated": "zes maanden", "value": "6", "unit": "month",
         "hedge": "exact", "kind": "duration", "origin": "extracted"},
        {"id": "duration_18_ligduur", "quote": stay, "stated": "tien dagen", "value": "10", "unit": "day",
         "hedge": "exact", "kind": "duration", "origin": "extracted"},
        {"id": "money_796_000", "quote": stay, "stated": "796.000 euro", "value": "796000", "unit": "EUR",
         "hedge": "about", "origin": "extracted"},
    ]
    wrong = {"id": "rel_lukte", "quote": pilot, "stated": "67 procent", "value": "67", "unit": "%",
             "expr": "tijdens_pilot / duration_18_ligduur", "origin": "discovered"}
    assert contradicted([wrong], claims, "nl") == {"rel_lukte"}
    # the relations that hold as `check` reads them pass the read-back: see the € 208 miljoen above


def test_a_sentence_computes_with_the_figures_it_prints() -> None:
    # Brussels weather services' association: "the foundation pre-paid €3,125 for the further
    # development of the EPFO (€4,000 wired minus €875 covering work delivered)"; the same values
    # stand as €4,000.00 and €875.00 in the accounts' tables: the sentence's own are the inputs
    found = _relations("eneur-03.pdf")
    assert ("€3,125", "difference", ("€4,000", "€875")) in found
    assert not [r for r in found if r[0] == "€3,125" and r[2] != ("€4,000", "€875")]


def _row_readings(name: str, tmp: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """(stated, relation, printed inputs) of every table-row reading `factcheck extract` writes."""
    from ruamel.yaml import YAML

    from factcheck.cli import main

    assert main(["extract", str(DOCS / name), "--out", str(tmp)]) == 0
    data = YAML(typ="safe").load((tmp / name.replace(".pdf", ".yaml")).read_text(encoding="utf-8"))
    out = set()
    for claim in data["claims"]:
        ev = claim.get("evidence") or {}
        if str(ev.get("relation", "")).endswith("table row"):
            out.add((claim["stated"], ev["relation"], tuple(
                i.split(" (", 1)[1].rstrip(")") for i in str(ev["inputs"]).split(", "))))
    return out


def test_a_year_the_level_stands_at_and_a_year_of_two_columns_choose_no_column(tmp_path: Path) -> None:
    # PRS's Union Budget analysis (columns Actuals 2024-25, Budgeted 2025-26, Revised 2025-26,
    # Budgeted 2026-27): "Non-tax revenue in 2025-26 is estimated to be 14.3% higher than budgeted"
    # names the year of the level, not the base: no change from Budgeted 2025-26 to 2026-27 is read
    found = _row_readings("enasi-03.pdf", tmp_path)
    assert not [r for r in found if r[0] == "14.3%"]
    # "increase by 10% as compared to revised estimates of 2025-26": of the two 2025-26 columns the
    # clause names the revised one, so Budgeted 2025-26 (12,76,338) is not the base
    assert not [r for r in found if r[0] == "10%" and "12,76,338" in r[2]]
    # and the rows' changes the text states are read (since round 15 the header over these columns
    # is read, so "Rs 52,166 crore (7%)" is found as the row's difference and its growth)
    assert [r for r in found if r[0] == "7%" and set(r[2]) == {"7,32,512", "7,84,678"}]
    assert ("Rs 52,166 crore", "difference of a table row", ("7,84,678", "7,32,512")) in found


def test_a_word_of_total_ties_a_figure_to_its_neighbours_not_to_the_whole_passage() -> None:
    # Rhode Island CAFR, MD&A: "… the State's General Fund reported an ending fund balance of $395.4
    # million, a decrease of $5.8 million" is not $181.0 + $191.1 + $23.3 million, three changes of
    # other funds sentences away: "balance" says it is a total, not which figures make it
    found = _relations("enqua-01.pdf")
    assert not [r for r in found if r[0] == "$395.4 million" and r[1] == "sum"]
    # ESSER summary: "$19.2M (20% of total)" is not $138.9 million − $119.7M of other lines, but
    # the part of "$95.9 million, ESSER III" beside "$76.7M (80% of total)"
    found = _relations("enfin-03.pdf")
    assert [r for r in found if r[0] == "$19.2M"] == [("$19.2M", "difference", ("$95.9 million", "$76.7M"))]
    # a total whose parts are rare enough by chance alone stays, wherever they stand
    assert ("$76.7M", "difference", ("$119.7M", "$43 million")) in found
    # a word of change says the figure is a difference: "… savings of $24.2 million" from the
    # budget's $40 million and $15.8 million stays (San Francisco USD's stabilization plan)
    assert ("$24.2 million", "difference", ("$40 million", "$15.8 million")) in _relations("enuni-01.pdf")
