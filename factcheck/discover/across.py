"""Repeated quantities across the claim files of a run: an answer to parliament against the budget.

The rules are those of repeats within one document (factcheck.discover.repeats): the same unit,
topic and overlapping periods; a conflict only on solid evidence, between statements that match
directly. Each file's figures keep their own passages (a passage of one document never meets a
passage of another), and ids are qualified with the document id. Only groups whose statements
come from two documents or more are reported here; the groups inside one document are reported
with that document. Two documents rarely share a passage's words by chance, but they share round
figures ("25%", "€ 5 miljoen") all the time: a group is reported only when two of its statements
from different documents say the same thing in the words a conflict needs (three content words
in common and three quarters of all their content words), whether their figures agree or not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from factcheck.discover.figures import Fig, from_claims, shared_words
from factcheck.discover.repeats import (
    MIN_SHARED_WORDS_CONFLICT,
    MIN_WORD_OVERLAP_CONFLICT,
    find_repeats,
    judge_statements,
)
from factcheck.errors import FactcheckError
from factcheck.model import Claim, ClaimFile, LazyResult, Result, Verdict

_MAX_ID = 60


def across_documents(files: Sequence[ClaimFile]) -> list[Result]:
    """One result per group of statements of one quantity that spans two documents or more."""
    from factcheck.explain import explain_repeats

    figures = []
    owner: dict[str, tuple[Claim, ClaimFile]] = {}
    documents_with_figures = 0
    for claim_file in files:
        if claim_file.reference:
            continue
        document = claim_file.document
        declarations = tuple(t for t, _ in document.units.equivalences + document.units.definitions)
        try:
            found = from_claims(claim_file.claims, declarations)
        except FactcheckError:
            continue  # units the file's own check reports (FC212): its figures cannot be compared

        if not found:
            continue
        documents_with_figures += 1
        by_id = {c.id: c for c in claim_file.claims}
        for fig in found:
            qualified = f"{document.id}.{fig.id}"
            if qualified in owner:
                continue  # two files of one document id: the first one speaks for it
            owner[qualified] = (by_id[fig.id], claim_file)
            figures.append(replace(fig, id=qualified, passage=(document.id, *fig.passage)))
    if documents_with_figures < 2:
        return []
    results: list[Result] = []
    for group in find_repeats(figures):
        documents = list(dict.fromkeys(owner[m.id][1].document.id for m in group.members))
        if len(documents) < 2 or not _same_words_across(group.members, owner):
            continue
        verdict_name, pairs = judge_statements(group.members)
        # Each statement as the explanation shows it: its qualified id, its quote and its place
        # in its claim file, so both sides of a disagreement can be found.
        members = [replace(owner[m.id][0], id=m.id, where={}) for m in group.members]
        first_claim, first_file = owner[group.members[0].id]
        disagreeing = {i for pair in pairs for i in pair}
        claim = Claim(
            id=f"across_{first_claim.id}"[:_MAX_ID].rstrip("_"), document_id=first_file.document.id,
            location=first_claim.location, quote=first_claim.quote, unit=first_claim.unit,
            repeats=tuple(m.id for m in group.members), origin="discovered",
            evidence={"statements": len(members), "documents": ", ".join(documents),
                      "values": " | ".join(sorted({m.stated for m in group.members}))},
        )
        evidence = tuple(
            {
                "claim": m.id,
                "stated": m.stated or "",
                "where": str(m.location),
                "asked_by": "",
                "quote": m.quote or "",
                "disagrees": "yes" if m.id in disagreeing else "no",
            }
            for m in members
        )
        results.append(LazyResult(
            lambda r, members=members, pairs=pairs: explain_repeats(r, members, pairs),
            claim=claim, document=first_file.document, verdict=Verdict(verdict_name), evidence=evidence,
        ))
    return results


def _same_words_across(members: Sequence[Fig], owner: dict[str, tuple[Claim, ClaimFile]]) -> bool:
    """Two statements of different documents that say the same thing, word for word nearly."""
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if owner[a.id][1] is owner[b.id][1]:
                continue
            shared = shared_words(a.words, b.words)
            overlap = shared / (len(a.words) + len(b.words) - shared) if shared else 0.0
            if shared >= MIN_SHARED_WORDS_CONFLICT and overlap >= MIN_WORD_OVERLAP_CONFLICT:
                return True
    return False
