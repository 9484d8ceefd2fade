"""Find what nobody wrote down: relations between stated figures, and repeated quantities.

:func:`discover` turns extracted claims into new claims with ``origin: discovered`` and the
evidence attached. They are ordinary claims: people review, keep, edit or delete them; a deleted
one is listed under ``deleted:`` and is not proposed again. ``factcheck extract`` writes them into
the claim file; ``factcheck check`` proposes them in memory for files that have none yet.
Table totals are found by :mod:`factcheck.tables` and arrive the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from factcheck.numbers import decimal_string

if TYPE_CHECKING:
    from factcheck.discover.figures import Fig
    from factcheck.discover.relations import Proposal
    from factcheck.discover.repeats import RepeatGroup

# The searches are imported when discovery runs, not with the package: importing
# factcheck.discover.options (every command's switches) must not load pint.
__all__ = ["discover", "relation_claim", "repeat_claim"]

_MAX_ID = 60


def _id(prefix: str, base: str) -> str:
    return f"{prefix}_{base}"[:_MAX_ID].rstrip("_")


def relation_claim(proposal: Proposal, source: Mapping[str, Any]) -> dict[str, Any]:
    """A discovered relation as a claim dict: the target's figure with an ``expr`` over the inputs."""
    target = proposal.target
    claim: dict[str, Any] = {
        "id": _id("rel", target.id),
        "quote": source.get("quote") or target.quote,
        "stated": target.stated,
        "value": decimal_string(target.value),
    }
    # Extracted units rarely say "per place per year": a count times a price is, by the units,
    # person × EUR. The relation carries the unit a person writes for the total (EUR), and the
    # evidence says the amount is taken per counted thing; the engine judges it so.
    if target.unit and (proposal.unit_exact or all(f.unit for f in proposal.inputs)):
        claim["unit"] = target.unit
    if target.hedge != "exact":
        claim["hedge"] = target.hedge  # "bijna 30%", "about $2 billion": judged as the words allow
    claim["expr"] = proposal.expr
    if source.get("where"):
        claim["where"] = dict(source["where"])
    claim["origin"] = "discovered"
    claim["evidence"] = {
        "relation": proposal.relation,
        "target": target.id,
        "inputs": ", ".join(f"{f.id} ({f.stated})" for f in proposal.inputs),
        "match": "exact" if proposal.exact else "within rounding",
        "wording": proposal.cue or "none",
        "score": proposal.score,
    }
    if not proposal.unit_exact:
        claim["evidence"]["units"] = (
            f"a count times an amount; the amount is probably per {proposal.inputs[0].unit or 'item'}"
        )
    return claim


def repeat_claim(group: RepeatGroup) -> dict[str, Any]:
    """A group of statements of one quantity as a claim dict with ``repeats:``."""
    first = group.members[0]
    values = sorted({f.stated for f in group.members})
    return {
        "id": _id("repeat", first.id),
        "quote": first.quote,
        "unit": first.unit,
        "repeats": [f.id for f in group.members],
        "origin": "discovered",
        "evidence": {
            "statements": len(group.members),
            "values": " | ".join(values),
        },
    }


def discover(
    claims: Iterable[Mapping[str, Any]],
    language: str,
    *,
    declarations: tuple[str, ...] = (),
    existing: Iterable[str] = (),
    deleted: Iterable[str] = (),
    relations: bool = True,
    repeats: bool = True,
    figures: Sequence[Fig] | None = None,
) -> list[dict[str, Any]]:
    """New discovered claims for extracted claim dicts; ids already present or deleted are skipped.
    ``figures``: ``from_dicts(claims, language, declarations)`` when the caller has it already."""
    from factcheck.discover.figures import from_dicts
    from factcheck.discover.readback import contradicted
    from factcheck.discover.relations import find_relations
    from factcheck.discover.repeats import find_repeats

    claims = list(claims)
    by_id = {str(c.get("id")): c for c in claims}
    if figures is None:
        figures = from_dicts(claims, language, declarations)
    skip = set(existing) | set(deleted) | set(by_id)
    out: list[dict[str, Any]] = []
    searched: list[dict[str, Any]] = []
    if relations:
        out_ids: set[str] = set()
        found: list[dict[str, Any]] = []
        for proposal in find_relations(figures):
            claim = relation_claim(proposal, by_id.get(proposal.target.id, {}))
            if claim["id"] in out_ids:
                claim["id"] = _id("rel2", proposal.target.id)
            if claim["id"] not in skip:
                found.append(claim)
                skip.add(claim["id"])
                out_ids.add(claim["id"])
                if not proposal.stated:
                    searched.append(claim)
        # found because it holds, judged a mismatch by `check`: a reading the file cannot state
        dropped = contradicted(searched, claims, language)
        out.extend(c for c in found if c["id"] not in dropped)
    if repeats:
        for group in find_repeats(figures):
            claim = repeat_claim(group)
            if claim["id"] not in skip:
                out.append(claim)
                skip.add(claim["id"])
    return out
