"""The whole a document's shares name alike: "K35.0 billion or 20.9 percent of the budget", "K17.4
billion or 10.4 percent of the budget", … "K2.6 billion or 1.5 percent of the budget".

A share whose whole stands pages away is found by :func:`factcheck.discover.relations._ratios`
only when its odds beat every amount of the document taken as the whole; a two-digit percentage
of a two-digit amount rarely does. But when two shares or more that name their whole by the same
word ("of the budget") were found, each against one and the same amount (K167.3 billion), that
word names that amount in this document: the other shares naming it are tried against it alone,
one whole instead of all of them (the chance estimate counts that one). One share found is enough
for the other percentages of its own sentence that name their whole by the same word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig, content_words
from factcheck.discover.relations import (
    MIN_SCORE,
    Proposal,
    _max_chance,
    _Passage,
    _ratios,
    _whole_phrase,
    _Wholes,
)

# shares that agree on one whole before the word is taken to name it
MIN_AGREEING = 2


def _head(percent: Fig) -> str | None:
    """The first content word of the phrase after "p% of" that names the whole ("budget")."""
    phrase = _whole_phrase(percent.stated, percent.quote)
    if phrase is None:
        return None
    for word in re.findall(r"[^\W\d_]+", phrase):
        stems = content_words(word)
        if stems:
            return next(iter(stems))
    return None


def named_whole_shares(passages: Sequence[Sequence[Fig]], found: Sequence[Proposal], document: _Wholes,
                       indexes: Sequence[_Passage] | None = None) -> list[Proposal]:
    """Shares of the percentages not yet explained whose whole is named by a word that the found
    shares (``found``) all read as one amount: each tried against that amount only. ``indexes``:
    the passages' indexes when the caller has made them already."""
    wholes: dict[str, dict[object, Fig]] = {}
    counts: dict[str, int] = {}
    # a share's sibling in its own sentence names the same whole alike: "$76.7M (80% of total)
    # General $19.2M (20% of total)", once 80% is read as a share of $95.9 million
    siblings: dict[tuple[str, str], dict[object, Fig]] = {}
    for p in found:
        if p.relation != "ratio":
            continue
        head = _head(p.target)
        if head is None:
            continue
        whole = p.inputs[1]
        wholes.setdefault(head, {})[whole.value] = whole
        siblings.setdefault((p.target.quote, head), {})[whole.value] = whole
        counts[head] = counts.get(head, 0) + 1
    agreed = {head: next(iter(by_value.values())) for head, by_value in wholes.items()
              if len(by_value) == 1 and counts[head] >= MIN_AGREEING}
    in_sentence = {key: next(iter(by_value.values())) for key, by_value in siblings.items() if len(by_value) == 1}
    if not agreed and not in_sentence:
        return []
    done = {p.target.id for p in found}
    out: list[Proposal] = []
    for k, passage in enumerate(passages):
        index: _Passage | None = indexes[k] if indexes is not None else None
        heads = {f.id: _head(f) for f in passage if f.kind == "percent"}
        quotes = {f.id: f.quote for f in passage}
        tries: list[tuple[str, Fig, str | None]] = [(head, whole, None) for head, whole in agreed.items()]
        tries += [(head, whole, quote) for (quote, head), whole in in_sentence.items()
                  if head not in agreed and quote in quotes.values()]
        for head, whole, quote in tries:
            todo = {i for i, h in heads.items() if h == head and i not in done and quote in (None, quotes[i])}
            if not todo:
                continue
            index = index or _Passage(passage)
            skip = {f.id for f in passage if f.id not in todo}
            pool = document.only(whole)
            for p in _ratios(passage, index, pool, skip):
                if p.inputs[1] is whole and p.score >= MIN_SCORE and p.chance <= _max_chance(p):
                    out.append(p)
                    done.add(p.target.id)
    return out
