"""An amount the text says a table below sets out: "the Ministry paid various allowances totalling
to Kshs.228,105,416 as detailed below:" above a table of six allowances whose Total row reads
228,105,424; "unpresented cheques totalling Kshs.887,120,153 … as analyzed below".

The words say which table: the next one below the sentence (on its page, or at the top of the
next), and that the amount is its total. The amount is then the sum of the rows above the table's
total row, in the column whose total it matches: the total printed to within a thousandth (a
precise amount of five significant digits or more; a slip of a digit or two is what the check is
for), or the rows' sum itself. The relation is proposed whether or not the sum holds, since the
text states it; a column that would fit only by chance is not chosen (one column must fit).
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig
from factcheck.discover.relations import _significant_digits
from factcheck.discover.text_tables import table_relation_claim
from factcheck.tables.detect import Cell, Table
from factcheck.tables.labels import row_kind
from factcheck.tables.records import cell_claim

# "as detailed below", "as analyzed below", "as follows", "zie onderstaande tabel", "als volgt"
_BELOW = re.compile(r"\b(?:as\s+(?:\w+\s+){0,2}below|as\s+follows|in\s+the\s+(?:table|following)|below\s*:"
                    r"|(?:zie\s+)?(?:onderstaande|de\s+volgende)\s+tabel|als\s+volgt|hieronder)\b", re.IGNORECASE)
# the amount is said to be a total: "totalling", "a total of", "amounting to", "in totaal"
_TOTAL_WORD = re.compile(r"\b(?:totall?ing|totall?ed|a\s+total\s+of|amounting\s+to|aggregat\w*|in\s+totaal|totaal"
                         r"|bedroegen|bedraagt|bedragen)\b", re.IGNORECASE)
CLOSE = Fraction(1, 1000)
MIN_DIGITS = 5


def _total_row(table: Table) -> int | None:
    """The last row of the table when it is its total ("Total", "Totaal")."""
    last = len(table.rows) - 1
    return last if last > 1 and row_kind(table.rows[last].label) in ("total", "grand") else None


def _tables_below(fig: Fig, source: Mapping[str, Any], tables: Mapping[int, Sequence[Table]]) -> list[Table]:
    """The first table below the figure's line on its page, else the first on the next page."""
    page = fig.position[0]
    bbox = (source.get("where") or {}).get("bbox")
    bottom = bbox[3] if isinstance(bbox, (list, tuple)) and len(bbox) == 4 else None
    here = [t for t in tables.get(page, ()) if bottom is not None and t.bbox[1] >= bottom]
    if here:
        return [min(here, key=lambda t: t.bbox[1])]
    return sorted(tables.get(page + 1, ()), key=lambda t: t.bbox[1])[:1]


def table_below_claims(
    figs: Sequence[Fig], sources: Mapping[str, Mapping[str, Any]], tables: Mapping[int, Sequence[Table]],
    taken: Container[str] = (),
) -> list[dict[str, Any]]:
    """Amounts the text says a table below totals, as claim dicts: the relation (the amount as the
    sum of the rows above the total row) and the cells it uses."""
    out: list[dict[str, Any]] = []
    cells: dict[str, dict[str, Any]] = {}
    quotes: dict[int, set[str]] = {}
    for f in figs:
        quotes.setdefault(f.position[0], set()).add(f.quote)
    for fig in figs:
        if fig.kind != "money" or fig.id in taken or fig.value <= 0 or fig.at < 0:
            continue
        if _significant_digits(fig.value) < MIN_DIGITS:
            continue
        # the sentence may have been cut after the figure in its own quote and read whole in
        # another figure's ("… totalling Kshs.887,120,153" | "… Kshs.887,120,153 for the four bank
        # accounts … as analyzed below")
        tail = max((q[q.find(fig.stated) + len(fig.stated):] for q in quotes.get(fig.position[0], ())
                    if fig.stated in q), key=len, default="")
        head = fig.quote[max(0, fig.at - 40):fig.at]
        if not _BELOW.search(tail) or not _TOTAL_WORD.search(head):
            continue
        fits = []
        for table in _tables_below(fig, sources.get(fig.id, {}), tables):
            total = _total_row(table)
            if total is None:
                continue
            mult = table.scale.multiplier if table.scale else Fraction(1)
            for col, cell in table.rows[total].cells.items():
                parts: list[tuple[int, Cell]] = []
                added = Fraction(0)
                for r in range(total):
                    part = table.rows[r].cells.get(col)
                    if (part is not None and part.number is not None and not part.number.nil
                            and not part.number.percent
                            and row_kind(table.rows[r].label) not in ("total", "grand", "sub", "head")):
                        parts.append((r, part))
                        added += part.number.value * mult
                if len(parts) < 2 or cell.number is None or cell.number.percent:
                    continue
                printed = abs(cell.number.value) * mult
                if any(abs(v - fig.value) <= fig.value * CLOSE for v in (printed, added)):
                    fits.append((table, parts))
        if len(fits) != 1:
            continue
        table, parts = fits[0]
        inputs = [cell_claim(table, r, part) for r, part in parts]
        for made in inputs:
            cells.setdefault(str(made["id"]), made)
        expr = "sum(" + ", ".join(str(made["id"]) for made in inputs) + ")"
        claim = table_relation_claim(
            fig, sources.get(fig.id, {}), expr, "total of the table below", inputs,
            f"the rows of table {table.index} on page {table.page}, which the sentence says set it out",
            Fraction(1), "a total")
        del claim["evidence"]["chance"]  # the words state the relation; it is not found by its odds
        claim["evidence"]["wording"] = _BELOW.search(tail).group(0)  # type: ignore[union-attr]
        out.append(claim)
    return list(cells.values()) + out
