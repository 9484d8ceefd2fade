"""Discovered relations read back as `check` will read them, before they are written.

Discovery finds most relations because they hold: within its reading of the figures' rounding,
a sum adds up, a share lands on its percentage. `check` judges the written claim by the engine's
own rules (units, hedges, tolerances), and the two nearly always agree. Where they do not, the
proposal rests on a reading the claim file cannot state ("67 procent" as six months over ten
days, units the engine does not divide into a percentage): `check` would raise an alarm on a
relation nobody wrote and the text does not make. So every relation found because it holds is
read back; one `check` would call a mismatch is not proposed. A relation the wording states
("from A to B, an increase of C") is proposed whether or not it holds, and left alone here: its
alarm is what it is for. The table side does the same for table totals
(:mod:`factcheck.tables.readback`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.formula import parse_formula
from factcheck.model import ALARMS, Document


def _names(claim: Mapping[str, Any]) -> tuple[str, ...]:
    """The claims a claim's formula names, as the engine reads it (none for a plain figure, or a
    formula `check` would refuse)."""
    expr = claim.get("expr")
    if not isinstance(expr, str):
        return ()
    try:
        return parse_formula(expr).names
    except FactcheckError:
        return ()


def _stood_on(relations: Sequence[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The claims the relations' expressions name, and those the named ones name in turn: judging
    only them gives every relation the verdict the whole file would, at a fraction of the work
    (a document holds hundreds of figures, a relation names two to six)."""
    by_id = {str(c.get("id")): c for c in claims}
    names = [n for r in relations for n in _names(r)]
    seen: set[str] = set()
    out: list[Mapping[str, Any]] = []
    while names:
        name = names.pop()
        if name in seen or name not in by_id:
            continue
        seen.add(name)
        out.append(by_id[name])
        names.extend(_names(by_id[name]))
    return out


def contradicted(relations: Sequence[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]],
                 language: str) -> set[str]:
    """Ids of the relation claims (dicts, as discovery writes them) that `check` would judge a
    mismatch, read with the extracted claims they stand on."""
    if not relations:
        return set()
    from factcheck.engine import verdicts_of_claims

    document = Document(id="discovery", path="<discovery>", language=language)
    wanted = {str(r.get("id")) for r in relations}
    judged = verdicts_of_claims([*_stood_on(relations, claims), *relations], document)
    return {cid for cid, verdict in judged.items() if cid in wanted and verdict in ALARMS}
