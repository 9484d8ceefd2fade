"""A total the next sentence states of the amounts just given: "Investment in tangible capital
assets … increased by $25.3 million and total reserves and appropriated surplus increased by $13.8
million. Overall, these results increased the Corporation's overall financial position by $37.4
million." (25.3 + 13.8 is 39.1: the text's own sum is wrong).

The words fix the reading, as for a stated change (:mod:`factcheck.discover.changes`): a sentence
that opens by adding up ("Overall", "In total", "Together", "In totaal", "Samen") and points back
("these", "both", "deze", "beide") at the sentence before it (on its page, its last figure at most
three lines up), with one amount of the unit of that sentence's amounts, two to five of them. The sum is proposed whatever the arithmetic gives, and the
check says whether it holds; a total far from the parts' sum (a quarter or more) is left unread,
since the words then more likely sum something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig
from factcheck.discover.relations import MIN_SCORE, Proposal, by_sentence

# "Overall, these results …", "In total, these measures …", "Together, both …", "Samen leveren deze
# maatregelen …", "In totaal zorgen beide …": a word that adds up, then one that points back
_SUMMED_UP = re.compile(
    r"^\W*(?:overall|in\s+total|altogether|together|combined|taken\s+together|in\s+totaal|samen|opgeteld|tezamen)\b"
    r"[\s,]*(?:\w+\s+){0,2}?(?:these|those|both|the\s+two|deze|die|beide|de\s+twee)\b",
    re.IGNORECASE)
MAX_PARTS = 5
NEAR_LINES = 3  # lines from the last figure of the sentence before to the total
_FAR = Fraction(1, 4)


def summed_up(figures: Sequence[Fig]) -> list[Proposal]:
    """The totals that a sentence states of the amounts of the sentence before it."""
    found: list[Proposal] = []
    sentences = by_sentence(sorted(figures, key=lambda f: (f.position, f.at)))
    for before, sentence in zip(sentences, sentences[1:]):
        cue = _SUMMED_UP.match(sentence[0].quote)
        if cue is None:
            continue
        amounts = [f for f in sentence if f.kind != "percent"]
        if len(amounts) != 1 or amounts[0].value <= 0:
            continue
        total = amounts[0]
        if total.position[0] != before[-1].position[0] or total.position[1] - before[-1].position[1] > NEAR_LINES:
            continue  # sentences without figures between them, or another page: not the sentence before
        parts = [f for f in before if f.kind != "percent" and f.dims == total.dims]
        if not 2 <= len(parts) <= MAX_PARTS or any(f.value <= 0 for f in parts):
            continue
        if [f for f in before if f.kind != "percent" and f.dims != total.dims]:
            continue  # amounts of other units in the sentence: not a plain list of parts
        exact = sum(f.value for f in parts) == total.value
        if abs(sum(f.value for f in parts) - total.value) >= _FAR * total.value:
            continue
        found.append(Proposal(total, tuple(parts), "sum", "sum(" + ", ".join(f.id for f in parts) + ")", exact,
                              MIN_SCORE + 2, cue.group(0).strip(" ,"), True))
    return found
