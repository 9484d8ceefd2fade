"""Relations that one match alone does not prove but the text's layout or its other relations do:
shares naming one whole alike, products made alike, a bulleted list after a total, and a summary
speaking of a table at the document's end."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from test_discover_unseen import DOCS, _extracted, _relations, _text_table_results

from factcheck.discover.figures import Fig, from_dicts
from factcheck.discover.named_wholes import _head, named_whole_shares
from factcheck.discover.relations import Proposal, _Wholes, find_relations
from factcheck.discover.restated import restated
from factcheck.engine import check_paths
from factcheck.extract import extract_document
from factcheck.model import Interval


def _fig(id: str, stated: str, value: str, half: str, quote: str, line: int, page: int = 1) -> Fig:
    v, h = Fraction(value), Fraction(half)
    percent = stated.endswith("percent")
    return Fig(id=id, stated=stated, value=v, interval=Interval(v - h, v + h), unit="%" if percent else "ZMW",
               dims=(("%", 1),) if percent else (("ZMW", 1),), kind="percent" if percent else "money",
               quote=quote, position=(page, line), passage=("page", page, None), period=None, subject=None,
               words=frozenset())


def test_shares_that_name_their_whole_alike_are_read_against_that_whole() -> None:
    # Zambia budget address 2024 (enworld-02 p4): "I propose to spend K2.6 billion or 1.5 percent of
    # the budget on housing": K2.6 / K167.3 is 1.55 %, but against every amount of the document as
    # the whole a match this coarse is expected by chance. Three other shares "of the budget" were
    # each read against K167.3 billion: "the budget" names that amount here.
    assert ("1.5 percent", "ratio", ("K2.6 billion", "K167.3 billion")) in _relations("enworld-02.pdf")
    # Zambia 2025 (enworld-05 p5): "K8.4 billion or 3.9 percent of the Budget", K217.1 billion
    assert ("3.9 percent", "ratio", ("K8.4 billion", "K217.1 billion")) in _relations("enworld-05.pdf")


def test_the_whole_is_named_by_the_first_word_after_of() -> None:
    quote = ("Madam Speaker, I have allocated K8.4 billion or 3.9 percent of the Budget towards Public Order "
             "and Safety function.")
    assert _head(_fig("p", "3.9 percent", "3.9", "0.05", quote, 1)) == "budget"
    assert _head(_fig("p", "31.4 percent", "31.4", "0.05", "spend K167.3 billion or 31.4 percent.", 1)) is None


def test_shares_that_disagree_on_the_whole_name_none() -> None:
    budget = _fig("b", "K167.3 billion", "167.3", "0.05", "Government proposes to spend K167.3 billion.", 1)
    other = _fig("o", "K160.0 billion", "160.0", "0.05", "Revenue is K160.0 billion.", 2)
    shares = []
    for k, (part, whole) in enumerate(((("K35.0 billion", "35.0"), budget), (("K17.4 billion", "17.4"), other))):
        quote = f"I propose to spend {part[0]} or x percent of the budget on it."
        a = _fig(f"a{k}", part[0], part[1], "0.05", quote, 10 + k, 3)
        p = _fig(f"p{k}", "x percent", "10", "0.05", quote, 10 + k, 3)
        shares.append(Proposal(p, (a, whole), "ratio", f"{a.id} / {whole.id}", False, 9, "percent", True))
    quote = "I propose to spend K2.6 billion or 1.5 percent of the budget on housing."
    passage = [_fig("c", "K2.6 billion", "2.6", "0.05", quote, 20, 4), _fig("q", "1.5 percent", "1.5", "0.05", quote, 20, 4)]
    pool = _Wholes([budget, other, *passage])
    assert named_whole_shares([passage], shares, pool) == []
    # … and when both read K167.3 billion, the third is tried against it alone
    agreeing = [replace(s, inputs=(s.inputs[0], budget)) for s in shares]
    found = named_whole_shares([passage], agreeing, pool)
    assert [(p.target.stated, [f.stated for f in p.inputs]) for p in found] == [
        ("1.5 percent", ["K2.6 billion", "K167.3 billion"])]


def test_products_made_alike_prove_each_other() -> None:
    # NYC Comptroller audit (enus-01 p3): "a square-foot charge ($27.00 for Fiscal Year 2006, $29.16 for
    # Fiscal Year 2007, and $29.50 for Fiscal Year 2008) to 11,250 square feet", beside "$303,750 in
    # Fiscal Year 2006, $328,050 in Fiscal Year 2007, and $331,875": one exact product alone is
    # expected by chance one time in ten in this passage; three sharing 11,250, one in a thousand
    found = _relations("enus-01.pdf")
    assert ("$303,750", "product", ("$27.00", "11,250")) in found
    assert ("$328,050", "product", ("$29.16", "11,250")) in found
    assert ("$331,875", "product", ("$29.50", "11,250")) in found
    doc = extract_document(DOCS / "enus-01.pdf")
    figures = from_dicts(doc.claims, "en")
    alone = [f for f in figures if f.stated not in ("$328,050", "$331,875")]
    assert not [p for p in find_relations(alone) if p.target.stated == "$303,750"]


def test_a_bulleted_list_after_an_amount_breaks_it_down() -> None:
    # Malaysia budget 2025 (enloc-03 p1): "… expenditure amounting to 470 billion ringgit compared with
    # 452 billion ringgit in the previous year." then "● 338.2 billion ringgit for Federal Operating
    # Expenditure (OE); ● 81 billion ringgit for …; ● 30 billion …; ● 10 billion …; and ● 10.8 billion …"
    assert ("470 billion ringgit", "sum", ("338.2 billion ringgit", "81 billion ringgit", "30 billion ringgit",
                                           "10 billion ringgit", "10.8 billion ringgit")) in _relations("enloc-03.pdf")
    # the same amounts in a sentence that is no list are a sum of five found by chance too often
    head = "Expenditure amounting to 470 billion ringgit compared with 452 billion ringgit in the previous year."
    items = ("The plan has 338.2 billion ringgit for OE, 81 billion ringgit for DE, 30 billion ringgit by GLICs, "
             "10 billion ringgit in PPP and 10.8 billion ringgit by statutory bodies.")
    figures = [_fig("t", "470 billion ringgit", "470", "0.5", head, 1), _fig("u", "452 billion ringgit", "452", "0.5", head, 1)]
    figures += [_fig(f"i{k}", f"{v} billion ringgit", v, "0.05" if "." in v else "0.5", items, 2 + k)
                for k, v in enumerate(("338.2", "81", "30", "10", "10.8"))]
    assert not [p for p in find_relations(figures) if p.target.id == "t"]
    bulleted = ("● 338.2 billion ringgit for OE; ● 81 billion ringgit for DE; ● 30 billion ringgit by GLICs; "
                "● 10 billion ringgit in PPP; and ● 10.8 billion ringgit by statutory bodies.")
    listed = [replace(f, quote=bulleted) if f.quote == items else f for f in figures]
    assert [p.relation for p in find_relations(listed) if p.target.id == "t"] == ["sum"]


def test_a_summary_speaks_of_a_table_at_the_end_of_the_document(tmp_path: Path) -> None:
    # District of Saanich annual report (enaud-01 p1): "The District's net investment in capital
    # assets increased by $25.3 million", the row "Invested in tangible capital assets" (924,158,224
    # | 898,906,439) of a statement five pages on, beyond the pages a summary is first looked near
    run = check_paths([_extracted("enaud-01.pdf", str(tmp_path))])
    first_page = [r for r in run.results if r.claim.stated == "$25.3 million" and r.claim.expr
                  and r.claim.location.line is not None and (r.claim.where or {}).get("page") == 1]
    assert len(first_page) == 1
    assert "924,158,224" in str(first_page[0].claim.evidence["inputs"])
    assert first_page[0].verdict.value in ("consistent", "rounding")


def test_a_figure_stated_again_carries_the_relation_of_its_first_statement() -> None:
    # Village MD&A (enus-03): "The General Fund unreserved and undesignated fund balance of $6,103,664
    # is 14.0% of total General Fund expenditures" (p1), and on p4 "the General Fund showed a 14.0%
    # unreserved and undesignated fund balance to total expenditures": the same share, its part and
    # whole not printed again
    doc = extract_document(DOCS / "enus-03.pdf")
    found = [p for p in find_relations(from_dicts(doc.claims, "en")) if p.target.stated == "14.0%"]
    assert sorted(p.target.position[0] for p in found) == [1, 4]
    assert {tuple(f.stated for f in p.inputs) for p in found} == {("$6,103,664", "$43,484,184")}
    # a percentage printed again in a sentence about something else is no restatement
    first = next(p for p in found if p.target.position[0] == 1)
    other = replace(first.target, id="other", position=(5, 1), quote="Interest rates rose 14.0% in the year.",
                    words=frozenset({"interest", "rate", "rose", "year"}))
    assert restated([first.target, other], [first]) == []


def test_an_amount_the_table_prints_in_another_row_is_a_quotation(tmp_path: Path) -> None:
    # Village MD&A (enus-03 p1): "… increased the Village's net assets by $1,746,851" quotes the row
    # "Change in Net Assets" (1,710,673 | 36,178 | 1,746,851); that "Net Assets - Ending" of the two
    # years differs by it too (41,758,476 - 40,011,625) is the table's own arithmetic
    found = _text_table_results(_extracted("enus-03.pdf", str(tmp_path)))
    assert "$1,746,851" not in found and "$36,178" not in found
