"""A typo in a hand-written unit is an error with the nearest known unit, not a new dimension
(issue 11); a unit that cannot be read is an error at its claim, not the end of the whole check."""

from __future__ import annotations

from pathlib import Path

from factcheck.engine import check_paths
from factcheck.model import Verdict
from factcheck.units import unit_system, unit_typo

CLAIMS = """\
document:
  id: d{units}
claims:
  - id: noodopvang
    stated: "€55.700"
    unit: EUR / {unit} / year
  - id: regulier
    stated: "€23.300"
    unit: EUR / place / year
  - id: verschil
    stated: "€32.400"
    unit: EUR / place / year
    expr: noodopvang - regulier
"""


def test_a_unit_typo_is_fc213_with_did_you_mean_at_the_unit(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIMS.format(units="", unit="plcae"), encoding="utf-8")
    (result,) = check_paths([path]).results
    assert result.verdict is Verdict.ERROR  # was `unit`: "plcae" became a dimension of its own
    assert result.message == (f"{path}:6:5: FC213 unknown unit 'plcae' in 'EUR / plcae / year'; "
                              "did you mean 'place'?")


def test_new_nouns_and_declared_units_are_still_units_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    # A word far from every known unit is a countable unit of its own, as documented.
    path.write_text(CLAIMS.format(units="", unit="woning"), encoding="utf-8")
    assert [r.verdict for r in check_paths([path]).results] == [Verdict.UNIT]
    # A near miss that is meant: declared, it is a unit like any other.
    path.write_text(CLAIMS.format(units="\n  units: {define: ['plaatsing = [plaatsing]']}", unit="plaatsing"),
                    encoding="utf-8")
    assert [r.verdict for r in check_paths([path]).results] == [Verdict.UNIT]


def test_extracted_figures_keep_any_noun_as_a_unit() -> None:
    system = unit_system(())
    assert unit_typo(system, "EUR / plcae / year") == "unknown unit 'plcae' in 'EUR / plcae / year'; did you mean 'place'?"
    assert unit_typo(system, "€ / plekken / jaar") is None
    assert unit_typo(system, "aanvrager") is not None  # near "aanvragen": hand-written, it is suspect


def test_extracted_claims_are_not_judged_for_typos(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = CLAIMS.format(units="", unit="aanvrager").replace(
        "    unit: EUR / aanvrager / year\n", "    unit: EUR / aanvrager / year\n    origin: extracted\n")
    path.write_text(text, encoding="utf-8")
    assert [r.verdict for r in check_paths([path]).results] == [Verdict.UNIT]


def test_an_unreadable_unit_of_a_relation_is_an_error_at_that_claim(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - {id: a, stated: "2", unit: EUR}\n'
                    '  - {id: s, stated: "4", expr: a + a, unit: "EUR @ x"}\n'
                    '  - {id: t, stated: "4", expr: a + a, unit: EUR}\n', encoding="utf-8")
    run = check_paths([path])
    assert [r.verdict for r in run.results] == [Verdict.ERROR, Verdict.CONSISTENT]
    assert run.results[0].message == f"{path}:4:39: FC211 cannot read unit 'EUR @ x'"


def test_a_new_noun_is_defined_as_pints_parser_defines_it() -> None:
    # UnitSystem builds "noun = [noun]" itself instead of through pint's text parser: the same
    # definition in the registry, and the same dimensions when resolved
    from factcheck.units import UnitSystem, _default_definitions

    ours, parsed = UnitSystem(_default_definitions()), UnitSystem(_default_definitions())
    for noun in ("opvangmodaliteit", "bronland", "doelmatigheidsverbetering", "x_2"):
        assert not ours._known(noun)
        ours.resolve(noun)
        parsed._registry.define(f"{noun} = [{noun}]")
        assert ours._registry._units[noun] == parsed._registry._units[noun]
        assert ours.resolve(f"EUR / {noun} / year") == parsed.resolve(f"EUR / {noun} / year")
