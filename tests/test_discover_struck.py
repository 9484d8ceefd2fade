"""An amendment's struck and inserted amounts (factcheck.discover.struck), on a state budget's
amendments (tests/unseen/docs/entwn-03.pdf, a development excerpt)."""

from __future__ import annotations

from factcheck.discover.figures import from_dicts
from factcheck.discover.struck import struck_and_inserted
from tests.support.discovered import discovered as _relations


def test_the_inserted_amount_is_the_struck_one_plus_the_stated_change() -> None:
    # Item 277 #9h: a table row "$100,000 $100,000", then 'strike "$166,335,152" and insert
    # "$166,435,152"' and "(This amendment adds $100,000 each year …)"
    found = _relations("entwn-03.pdf")
    assert ("$166,435,152", "struck and inserted", ("$166,335,152", "$100,000"), 4) in found
    # Item 277 #8h above it on the page: the same struck amount, its own change ($580,000)
    assert ("$166,915,152", "struck and inserted", ("$166,335,152", "$580,000"), 4) in found
    # the inserted amounts on the line after 'strike "$880,000" and "$880,000" and insert:'
    assert ("$980,000", "struck and inserted", ("$880,000", "$100,000"), 4) in found
    # an identical amendment on the next page is a statement of its own
    assert ("$166,435,152", "struck and inserted", ("$166,335,152", "$100,000"), 5) in found


def test_the_words_pair_struck_and_inserted_not_any_two_amounts_that_differ_by_one() -> None:
    # Item 1 #1h inserts "$65,330,825" and #2h "$65,305,825" for the same struck "$65,280,825":
    # 65,330,825 - 25,000 = 65,305,825 holds too, but no sentence says so
    found = _relations("entwn-03.pdf")
    assert ("$65,305,825", "struck and inserted", ("$65,280,825", "$25,000"), 1) in found
    assert ("$65,330,825", "struck and inserted", ("$65,280,825", "$50,000"), 1) in found
    assert not [r for r in found if r[0] == "$65,305,825" and "$65,330,825" in r[2]]


def test_no_change_stated_no_relation() -> None:
    # the words pair two amounts, but no amount of the change stands near them: nothing to check
    claims = [
        {"id": "old", "stated": "$65,280,825", "value": "65280825", "unit": "USD", "kind": "money",
         "quote": 'Page 4, line 5, strike "$65,280,825" and insert "$65,330,825".', "where": {"page": 1, "line": 8}},
        {"id": "new", "stated": "$65,330,825", "value": "65330825", "unit": "USD", "kind": "money",
         "quote": 'Page 4, line 5, strike "$65,280,825" and insert "$65,330,825".', "where": {"page": 1, "line": 8}},
        {"id": "other", "stated": "$40,000", "value": "40000", "unit": "USD", "kind": "money",
         "quote": "(This amendment provides $40,000 the second year.)", "where": {"page": 1, "line": 10}},
    ]
    assert struck_and_inserted(from_dicts(claims, "en")) == []
    claims[2].update(stated="$50,000", value="50000", quote="(This amendment provides $50,000 the second year.)")
    [found] = struck_and_inserted(from_dicts(claims, "en"))
    assert (found.target.id, [f.id for f in found.inputs], found.expr) == ("new", ["old", "other"], "old + other")
