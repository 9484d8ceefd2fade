"""The relations discovery proposes for a development excerpt (tests/unseen/docs), as printed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factcheck.discover import discover
from factcheck.extract import extract_document

DOCS = Path(__file__).resolve().parent.parent / "unseen" / "docs"


@lru_cache(maxsize=None)
def discovered(name: str) -> tuple[tuple[str, str, tuple[str, ...], int], ...]:
    """(target as printed, wording, inputs as printed in the expression's order, page) per relation."""
    doc = extract_document(DOCS / name)
    printed = {c["id"]: c["stated"] for c in doc.claims}
    out = []
    for claim in discover(doc.claims, doc.header.get("language", "nl"), repeats=False):
        ids = [i.split(" (", 1)[0] for i in claim["evidence"]["inputs"].split(", ")]
        out.append((claim["stated"], claim["evidence"]["wording"], tuple(printed[i] for i in ids),
                    int((claim.get("where") or {}).get("page") or 0)))
    return tuple(out)


@lru_cache(maxsize=None)
def relations(name: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(target as printed, kind of relation, inputs as printed in the expression's order) per relation."""
    doc = extract_document(DOCS / name)
    printed = {c["id"]: c["stated"] for c in doc.claims}
    out = []
    for claim in discover(doc.claims, doc.header.get("language", "nl"), repeats=False):
        ids = [i.split(" (", 1)[0] for i in claim["evidence"]["inputs"].split(", ")]
        out.append((claim["stated"], claim["evidence"]["relation"], tuple(printed[i] for i in ids)))
    return tuple(out)
