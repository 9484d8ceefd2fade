"""Readable, stable claim ids: the subject's words, made unique by question or page.

Extracting the same document twice gives the same ids. Ids do not contain line numbers, so
an edit elsewhere in the document does not rename a figure; the first figure with a given
subject keeps the plain id, later ones add the question (``_q8``) or page (``_p3``) they
stand on, then a counter.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.formula import FUNCTIONS

_SLUG_WORD = re.compile(r"[a-z0-9]+")
_STOP = {
    "de", "het", "een", "van", "voor", "in", "op", "aan", "bij", "met", "uit", "en", "of", "te", "tot", "naar",
    "the", "a", "an", "for", "on", "at", "and", "or", "to", "by", "from", "with", "per", "dan",
    "die", "dat", "deze", "dit", "er", "is", "zijn", "ook", "nog",
}
MAX_WORDS = 4
MAX_LENGTH = 48


def slug_words(text: str) -> list[str]:
    """Lowercase ASCII words of a phrase, stop words left out."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = folded.replace("€", " eur ").replace("%", " procent ")
    return [w for w in _SLUG_WORD.findall(folded) if w not in _STOP]


def base_id(claim: Mapping[str, Any]) -> str:
    """The id a claim gets before it is made unique."""
    words = slug_words(str(claim.get("subject") or ""))[:MAX_WORDS]
    if not words:
        words = [str(claim.get("kind") or "figure")] + slug_words(str(claim.get("stated") or ""))[:3]
    ident = "_".join(words)[:MAX_LENGTH].strip("_")
    if not ident or not ident[0].isalpha() or keyword.iskeyword(ident) or ident in FUNCTIONS:
        # a formula names its inputs by id: "while" (the subject "while K19.4 billion …") is no
        # name, and "sum" (a subject "Sum …") names a function of the formula language
        ident = f"{claim.get('kind') or 'figure'}_{ident}".strip("_")
    return ident


def assign_ids(claims: Iterable[dict[str, Any]], taken: Iterable[str] = ()) -> None:
    """Give every claim an ``id`` in place, unique among themselves and ``taken``."""
    used = set(taken)
    # The first free number per stem: every lower one is taken and `used` only grows, so the
    # search goes on from there (counting from 2 each time was quadratic in a stem's claims).
    next_number: dict[str, int] = {}
    for claim in claims:
        base = base_id(claim)
        where = claim.get("where") or {}
        candidates = [base]
        if where.get("question") is not None:
            candidates.append(f"{base}_q{where['question']}")
        elif where.get("page") is not None:
            candidates.append(f"{base}_p{where['page']}")
        chosen = next((c for c in candidates if c not in used), None)
        if chosen is None:
            stem = candidates[-1]
            n = next_number.get(stem, 2)
            while f"{stem}_{n}" in used:
                n += 1
            next_number[stem] = n + 1
            chosen = f"{stem}_{n}"
        used.add(chosen)
        claim["id"] = chosen
