"""One exact equation of a passage is proposed once, whichever of its figures it is solved for."""

from __future__ import annotations

from pathlib import Path

from factcheck.discover import discover
from factcheck.extract import extract_document

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_an_equation_is_not_proposed_again_over_another_statement_of_a_figure() -> None:
    # a foundation's report: "The Observatory was estimated at its building cost, €12,275.00 …
    # • €11,400.00 for its initial cost …; and • €875.00 for the fixing of various issues", and a
    # later sentence "(€4,000 wired minus €875 covering work delivered)"
    doc = extract_document(DOCS / "eneur-03.pdf")
    printed = {c["id"]: c["stated"] for c in doc.claims}
    found = []
    for claim in discover(doc.claims, "en", repeats=False):
        ids = [i.split(" (", 1)[0] for i in claim["evidence"]["inputs"].split(", ")]
        found.append((claim["stated"], tuple(sorted(printed[i] for i in ids))))
    assert ("€12,275.00", ("€11,400.00", "€875.00")) in found
    assert ("€875", ("€11,400.00", "€12,275.00")) not in found
    assert ("€3,125", ("€4,000", "€875")) in found
