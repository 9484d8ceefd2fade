"""Table checks written as claims that `check` reads back to the table reader's own verdict.

The table reader judges a total by its rules; the claim file states the same relation as a
formula over cell claims, which `check` judges by the engine's. Nearly always the two agree.
Where they do not (a share printed in the same cell as its amount, "63 (18.5%)"; a percentage of
a column that is itself a percentage), the file would raise an alarm the reader never raised, or
call a total consistent that the reader found wrong. So every relation is read back, as `check`
will read it, before it is written; one whose verdict `check` would not reproduce is written as
a figure with the reader's doubt instead (``relation: table total, not checked``), so that a
person can look and nothing raises an alarm without evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import ALARMS, Document, Verdict
from .judging import holds
from .records import TableCheck, claims_and_sources


def table_claims(checks: Sequence[TableCheck], document: Document) -> list[dict[str, object]]:
    """The claims of ``checks`` (as :func:`~.totals.checks_to_claims` makes them), with every relation
    whose verdict `check` would not reproduce written as a doubted figure instead."""
    claims, stated_by = claims_and_sources(list(checks))
    if not stated_by:
        return claims
    from ..engine import verdicts_of_claims

    judged = verdicts_of_claims(claims, document)
    out: list[dict[str, object]] = []
    for claim in claims:
        cid = str(claim["id"])
        reader, got = stated_by.get(cid), judged.get(cid)
        if reader is None or got is None or _kind(got) == _kind(reader.verdict):
            out.append(claim)
            continue
        doubt = (f"`check` would read the claims written for this reading as {got.value}, where the table "
                 f"reader found it {reader.verdict.value}: the claim file cannot state this reading, so it is not checked")
        doubted = replace(reader, doubt=doubt).to_claims()[0] | {"id": cid}
        # the unit the claims settled for the cell (a "%" column printed without the sign, whose
        # sum the other cells are shares in) stays: the figure is still a part of that sum
        for key in ("unit", "scale"):
            doubted.pop(key, None)
            if key in claim:
                doubted[key] = claim[key]
        out.append(doubted)
    return out


def _kind(verdict: Verdict) -> str:
    return "holds" if holds(verdict) else "alarm" if verdict in ALARMS else verdict.value
