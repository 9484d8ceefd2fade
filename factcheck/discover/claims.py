"""Discovery at check time: propose discovered claims for loaded files, in memory, as Claim records."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from factcheck.discover import discover
from factcheck.errors import FactcheckError
from factcheck.model import Claim, ClaimFile, Hedge, Location
from factcheck.numbers import parse_figure


def _as_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id, "stated": claim.stated, "value": str(claim.value) if claim.value is not None else None,
        "unit": claim.unit, "hedge": claim.hedge.value, "kind": claim.kind, "subject": claim.subject,
        "period": claim.period, "quote": claim.quote, "where": dict(claim.where), "origin": claim.origin,
    }


def proposed_claims(claim_file: ClaimFile) -> list[Claim]:
    """Discovered claims for a file of extracted figures that has not been through discovery.

    A hand-written file is left as written; so is a file `extract` already wrote discoveries into.
    """
    # A file that already holds discovered claims (or deletions of them) went through discovery
    # when it was extracted: proposing again would redo that work only to drop every result.
    if claim_file.deleted or any(c.origin == "discovered" for c in claim_file.claims):
        return []
    extracted = [c for c in claim_file.claims if c.origin == "extracted" and c.expr is None]
    if not extracted:
        return []
    document = claim_file.document
    declarations = tuple(t for t, _ in document.units.equivalences + document.units.definitions)
    try:
        dicts = discover(
            [_as_dict(c) for c in extracted], document.language, declarations=declarations,
            existing=[c.id for c in claim_file.claims],
        )
    except FactcheckError:
        return []
    anchors = {c.id: c.location for c in claim_file.claims}
    return [_to_claim(d, claim_file, anchors) for d in dicts]


def _to_claim(data: dict[str, Any], claim_file: ClaimFile, anchors: dict[str, Location]) -> Claim:
    document = claim_file.document
    evidence = data.get("evidence") or {}
    anchor_id = evidence.get("target") or (data.get("repeats") or [None])[0]
    location = anchors.get(anchor_id, Location(document.path))
    figure = None
    if data.get("stated"):
        try:
            figure = parse_figure(data["stated"], document.language, document.hedge_margin)
        except FactcheckError:
            figure = None
    return Claim(
        id=data["id"], document_id=document.id, location=location, stated=data.get("stated"),
        value=Fraction(data["value"]) if data.get("value") else None, figure=figure, unit=data.get("unit"),
        hedge=figure.hedge if figure else Hedge.EXACT, expr=data.get("expr"), expr_location=location,
        quote=data.get("quote"), where=data.get("where") or {}, origin="discovered",
        repeats=tuple(data.get("repeats") or ()), evidence=evidence,
    )
