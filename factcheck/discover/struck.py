"""Amounts an amendment strikes and inserts: 'Page 343, line 42, strike "$166,335,152" and insert
"$166,435,152".' beside "(This amendment adds $100,000 each year …)" or an amount table whose row
reads $100,000.

The words pair the struck amount with the one inserted in its place (the first struck with the
first inserted: 'strike "$880,000" and "$880,000" and insert: "$980,000" and "$980,000"'), so the
change the amendment makes is the difference of the two. The amendment states that change
elsewhere, in its amount table or its explanation; it is the amount of the same unit nearest the
inserted one (on its page or the next or previous one) whose value is exactly the change. The
pairing is read from the words, and two precise amounts that differ by exactly a stated amount are
no coincidence, so the relation (inserted = struck ± change) is proposed only when it holds: a
change stated differently may be another amendment's, or another year's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig
from factcheck.discover.relations import MIN_SCORE, Proposal, by_sentence

# 'strike "$880,000" and "$880,000" and insert: "$980,000" and "$980,000"', 'by striking "$5,000,000"
# and inserting in lieu thereof "$6,000,000"', '"€ 1.000" wordt vervangen door "€ 1.200"'
_QUOTED = r'(?:[“"][^”"]{1,40}[”"](?:\s*(?:,|and|en)\s*)?)+'
_STRUCK = re.compile(
    rf"\bstrik(?:e|es|ing)(?:\s+out)?\s+(?:the\s+(?:first|second|third|last)\s+)?(?P<old>{_QUOTED})\s*and\s+"
    rf"insert(?:s|ing)?(?:\s+in\s+lieu\s+thereof)?:?\s*(?P<new>{_QUOTED})"
    rf"|(?P<old_nl>{_QUOTED})\s*(?:wordt|worden)\s+vervangen\s+door:?\s*(?P<new_nl>{_QUOTED})",
    re.IGNORECASE)
_LITERAL = re.compile(r'[“"]([^”"]{1,40})[”"]')
# the words pair the two amounts: stronger than a cue that some figures make a sum
SCORE = MIN_SCORE + 3
PAGES_AROUND = 1
CUE = "struck and inserted"


# 'strike "$880,000" and "$880,000" and insert:' | '"$980,000" and "$980,000".': the inserted amounts
# stand in what the text reads as the next sentence
_OPEN_END = re.compile(r"(?:insert(?:s|ing)?(?:\s+in\s+lieu\s+thereof)?|vervangen\s+door):\s*$", re.IGNORECASE)


def _pairs(sentence: Sequence[Fig], quote: str) -> list[tuple[Fig, Fig]]:
    """(struck, inserted) figures of the sentence (``quote``), paired in the order the words give them."""
    out: list[tuple[Fig, Fig]] = []
    for match in _STRUCK.finditer(quote):
        old = _LITERAL.findall(match.group("old") or match.group("old_nl") or "")
        new = _LITERAL.findall(match.group("new") or match.group("new_nl") or "")
        if len(old) != len(new):
            continue  # which replaces which is not said
        for a_text, b_text in zip(old, new):
            a = next((f for f in sentence if f.stated == a_text.strip()), None)
            b = next((f for f in sentence if f.stated == b_text.strip() and f is not a), None)
            if a is not None and b is not None and a.dims == b.dims and a.value != b.value:
                out.append((a, b))
    return out


def struck_and_inserted(figures: Sequence[Fig]) -> list[Proposal]:
    """Inserted amounts as the struck amount plus (or minus) the change the amendment states."""
    found: list[Proposal] = []
    ordered = sorted(figures, key=lambda f: (f.position, f.at))
    sentences = by_sentence(ordered)
    for k, sentence in enumerate(sentences):
        quote = sentence[0].quote
        if not any(word in quote.lower() for word in ("insert", "vervangen")):
            continue  # (most sentences: the pattern is not tried)
        if _OPEN_END.search(quote) and k + 1 < len(sentences):
            quote = f"{quote} {sentences[k + 1][0].quote}"
            sentence = [*sentence, *sentences[k + 1]]
        for old, new in _pairs(sentence, quote):
            change = abs(new.value - old.value)
            near = [f for f in ordered if f.dims == new.dims and f.value == change and f.kind != "percent"
                    and abs(f.position[0] - new.position[0]) <= PAGES_AROUND and f.id not in (old.id, new.id)]
            if not near:
                continue
            stated = min(near, key=lambda f: (abs(f.position[0] - new.position[0]), abs(f.position[1] - new.position[1])))
            if new.value > old.value:
                relation, expr = "sum", f"{old.id} + {stated.id}"
            else:
                relation, expr = "difference", f"{old.id} - {stated.id}"
            found.append(Proposal(new, (old, stated), relation, expr, True, SCORE, CUE, True))
    return found
