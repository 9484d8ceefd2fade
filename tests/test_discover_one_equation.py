"""One exact equation of a passage is proposed once, whichever of its figures it is solved for."""

from __future__ import annotations

from tests.support.discovered import discovered


def test_an_equation_is_not_proposed_again_over_another_statement_of_a_figure() -> None:
    # a foundation's report: "The Observatory was estimated at its building cost, €12,275.00 …
    # • €11,400.00 for its initial cost …; and • €875.00 for the fixing of various issues", and a
    # later sentence "(€4,000 wired minus €875 covering work delivered)"
    found = [(stated, tuple(sorted(inputs))) for stated, _, inputs, _ in discovered("eneur-03.pdf")]
    assert ("€12,275.00", ("€11,400.00", "€875.00")) in found
    assert ("€875", ("€11,400.00", "€12,275.00")) not in found
    # … nor read by a coincidence further down the list (€10,875 - €10,000 of the liabilities)
    assert not [r for r in found if r[0] == "€875"]
    assert ("€3,125", ("€4,000", "€875")) in found
