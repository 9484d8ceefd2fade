"""Shares printed in brackets after their part ("21 (81%) of the … targets"), on real input."""

from __future__ import annotations

from pathlib import Path

from factcheck.discover.bracketed_shares import CUE
from factcheck.extract.scan import scan
from tests.support.discovered import discovered


def _relations(name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(target, relation, inputs) as printed; a share is the "ratio" relation of part / whole."""
    return [(target, "ratio" if wording == CUE else wording, inputs) for target, wording, inputs, _ in discovered(name)]


def _figures(text: str) -> list[tuple[str, str | None]]:
    return [(f.stated, f.unit) for f in scan(text, "en") if f.is_figure]


def test_a_number_word_before_its_bracketed_share_is_a_count() -> None:
    # South Africa, portfolio committee report on the DCDT (enhvk-01, page 2): the counts are words,
    # each followed by its share; "one" is no article there
    text = ("Of these APP targets, five\n(100%) were achieved, and one (17%) was not achieved.")
    assert _figures(text) == [("five", None), ("100%", "%"), ("one", None), ("17%", "%")]
    # a plain "one" stays an article, and a word count with no share or noun after it is no figure
    assert _figures("one of the programmes, five were achieved") == []
    # (page 3) "both (100%) targets were achieved" counts two; "both" elsewhere counts nothing
    assert _figures("Of these APP targets, both (100%)\ntargets were achieved.") == [("both", None), ("100%", "%")]
    assert _figures("Both programmes were reviewed.") == []


def test_an_abbreviation_before_a_plural_noun_is_its_attribute() -> None:
    # (enhvk-01, pages 2 and 4) "six APP targets", "six APP quarterly targets" count targets
    assert _figures("is committed to achieving six APP\ntargets by the end") == [("six", "target")]
    assert _figures("committed to achieving\nsix APP quarterly targets by the end") == [("six", "target")]
    # a heading in capitals after a figure is still none of its noun ("PART C", enworld corpus)
    assert _figures("see 5 PART C items") == [("5", None)]


def test_bracketed_shares_of_a_whole_stated_before() -> None:
    # enhvk-01 page 1: "The Department committed to achieving 26 … APP quarterly targets … Overall,
    # the Department has achieved 21 (81%) of the Third Quarter APP targets, and 5 (19%) were not
    # achieved": both pairs fit 26, strong evidence together
    found = _relations("enhvk-01.pdf")
    assert ("81%", "ratio", ("21", "26")) in found
    assert ("19%", "ratio", ("5", "26")) in found
    # page 2: "committed to achieving three APP targets … one (33%) APP target was achieved, and two
    # (67%) were not achieved"; "five APP targets … All five (100%) APP targets were achieved"
    assert ("33%", "ratio", ("one", "three")) in found
    assert ("67%", "ratio", ("two", "three")) in found
    assert ("100%", "ratio", ("five", "five")) in found
    # page 3: "achieving two APP targets … Of these APP targets, both (100%) targets were achieved"
    assert ("100%", "ratio", ("both", "two")) in found


def test_a_bracketed_share_restates_no_other_sentence_s_share() -> None:
    # enhvk-01 repeats "Of these APP targets, all four (100%) …" for programme after programme: each
    # 100% is the share of its own count, never the first one's relation read again
    found = _relations("enhvk-01.pdf")
    hundreds = [r for r in found if r[0] == "100%"]
    assert all(r[1] == "ratio" for r in hundreds) and len({r[2] for r in hundreds}) == len(hundreds)


def test_a_bracketed_share_that_fits_no_whole_is_not_proposed() -> None:
    # enhvk-01 page 2: "six APP targets … five (100%) were achieved": 5/6 is 83 %, a real error the
    # search does not read (it proposes what holds), and it takes no other whole for it
    found = _relations("enhvk-01.pdf")
    assert not [r for r in found if r[2][:1] == ("five",) and r[2] != ("five", "five")]


def test_a_single_bracketed_share_with_its_whole_in_its_sentence(tmp_path: Path) -> None:
    # the Dutch example: "3.120 (18 %) van de 17.340 aanvragen" (3120/17340 = 17.99 %)
    source = tmp_path / "aanvragen.txt"
    source.write_text("In 2023 zijn 3.120 (18 %) van de 17.340 aanvragen afgewezen.\n", encoding="utf-8")
    assert ("18 %", "ratio", ("3.120", "17.340")) in _relations(str(source))
