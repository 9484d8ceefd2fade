"""Discovery at check time: propose discovered claims for loaded files, in memory, as Claim records.

``factcheck extract`` runs discovery and records which kinds it ran (``extraction: discovery:``);
its decisions stand, so ``check`` proposes only for files of extracted figures that carry no
such record and no discoveries: files extracted by an older version, or made by other tools.
Table totals need the source PDF beside the claim file, unchanged since extraction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.claimfile import claim_from_data
from factcheck.discover import discover
from factcheck.discover.options import KINDS, Discovery
from factcheck.errors import FactcheckError
from factcheck.model import Claim, ClaimFile, Diagnostic, Location


def _as_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id, "stated": claim.stated, "value": str(claim.value) if claim.value is not None else None,
        "unit": claim.unit, "hedge": claim.hedge.value, "kind": claim.kind, "subject": claim.subject,
        "period": claim.period, "quote": claim.quote, "where": dict(claim.where), "origin": claim.origin,
    }


def _done(claim_file: ClaimFile) -> frozenset[str]:
    """The kinds of discovery already decided for this file."""
    if claim_file.discovery_done is not None:
        return frozenset(KINDS)  # extract decided: what it ran, and what it was told not to
    # Older extractions did not record it: a file holding discovered claims (or deletions of them)
    # went through discovery; proposing again would redo that work only to drop every result.
    if claim_file.deleted or any(c.origin == "discovered" for c in claim_file.claims):
        return frozenset(KINDS)
    return frozenset()


def proposed_claims(claim_file: ClaimFile, discovery: Discovery | None = None) -> tuple[list[Claim], list[Diagnostic]]:
    """Discovered claims for a file of extracted figures that has not been through discovery,
    and warnings about what could not be looked at. A hand-written file is left as written."""
    todo = (discovery if discovery is not None else Discovery()).without(_done(claim_file))
    extracted = [c for c in claim_file.claims if c.origin == "extracted" and c.expr is None]
    if not todo or not (extracted or claim_file.extracted):
        return [], []
    document = claim_file.document
    existing = [c.id for c in claim_file.claims]
    data: list[dict[str, Any]] = []
    diagnostics: list[Diagnostic] = []
    if extracted and (todo.relations or todo.repeats):
        declarations = tuple(t for t, _ in document.units.equivalences + document.units.definitions)
        try:
            data.extend(discover(
                [_as_dict(c) for c in extracted], document.language, declarations=declarations,
                existing=existing, deleted=claim_file.deleted, relations=todo.relations, repeats=todo.repeats,
            ))
        except FactcheckError:
            pass  # discovery is a bonus: the file's own claims are still checked
    if todo.tables:
        tables, problem = _table_claims(claim_file)
        taken = set(existing) | set(claim_file.deleted) | {str(d["id"]) for d in data}
        data.extend(d for d in tables if str(d["id"]) not in taken)
        if problem is not None:
            diagnostics.append(problem)
    anchors = {c.id: c.location for c in claim_file.claims}
    claims = []
    for item in data:
        evidence = item.get("evidence")
        anchor = (evidence.get("target") if isinstance(evidence, dict) else None) or (item.get("repeats") or [None])[0]
        try:
            claims.append(claim_from_data(item, document, anchors.get(anchor, Location(document.path))))
        except FactcheckError:
            continue  # a proposal the claim rules refuse is no proposal
    return claims, diagnostics


def _table_claims(claim_file: ClaimFile) -> tuple[list[dict[str, Any]], Diagnostic | None]:
    """The table-total claims of the file's source PDF; a warning when it cannot be read."""
    document = claim_file.document
    if not document.source or not document.source.lower().endswith(".pdf"):
        return [], None
    source = Path(document.path).parent / document.source
    if not source.is_file():
        return [], None  # the PDF is not here (claim files are often checked without them)
    where = Location(document.path)
    from factcheck.sources.text import sha256_of
    from factcheck.tables import check_pdf
    from factcheck.tables.readback import table_claims

    try:
        if document.sha256 and sha256_of(source) != document.sha256:
            return [], Diagnostic(
                "FC311", f"{source} changed since it was extracted; its table totals are not checked "
                "(run `factcheck extract` again)", where, "warning")
        return table_claims(check_pdf(source, lang=document.language), document), None
    except FactcheckError as exc:
        return [], Diagnostic(exc.code, f"table totals of {source} not checked: {exc.message}", where, "warning")
    except OSError as exc:
        return [], Diagnostic("FC300", f"table totals of {source} not checked: {exc.strerror or exc}", where, "warning")
