"""``factcheck extract TABLE.csv``: register a reference table as a claim file of the run.

The claim file records the table's name (what ``ref()`` calls it), its layout or mapping file,
the CSV's sha256 and its row count; the figures stay in the CSV, which ``check`` reads through
an index (a 100,000-row table written out as claims would take seconds to load on every check).
Each figure read from it is a claim with ``origin: reference`` and its CSV line and column.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.fileio import atomic_write
from factcheck.reference.table import ReferenceError, ReferenceTable, read_table

CSV_SUFFIXES = (".csv",)


def is_table(path: str | Path) -> bool:
    """True for a source extract reads as a reference table."""
    return str(path).lower().endswith(CSV_SUFFIXES)


def open_table(path: str | Path, mapping: str | Path | None = None, name: str | None = None) -> ReferenceTable:
    """A reference table from a CSV (layout from its header or ``mapping``) or from the claim file
    that registers one (``reference:`` block)."""
    if str(path).lower().endswith((".yaml", ".yml")):
        from factcheck.claimfile import read_claim_file

        registered = read_claim_file(path)
        errors = [d for d in registered.diagnostics if d.severity == "error"]
        if errors:
            raise ReferenceError(f"cannot read the reference claim file: {errors[0]}", path=str(path), code="FC500")
        spec = registered.reference
        if not spec or not registered.document.source:
            raise ReferenceError("this claim file registers no reference table (no `reference:` block)",
                                 path=str(path), code="FC500")
        base = Path(path).parent
        return open_table(base / registered.document.source,
                          base / spec["mapping"] if "mapping" in spec else None, spec["name"])
    layout = None
    if mapping is not None:
        from factcheck.reference.mapping import read_mapping

        layout = read_mapping(mapping)
    return read_table(path, layout, name or (layout.name if layout else None))


def register(source: str, output: str | None, mapping: str | None, name: str | None,
             dry_run: bool = False) -> tuple[Path, ReferenceTable]:
    """Read the table (every row is checked) and write the claim file that registers it."""
    table = open_table(source, mapping, name)
    stem = Path(source).stem.lower()
    doc_id = "".join(c if c.isalnum() else "-" for c in stem).strip("-") or "reference"
    if output and output.endswith((".yaml", ".yml")):
        target = Path(output)
    else:
        target = Path(output or "claims") / f"{doc_id}.yaml"
    try:
        ref = os.path.relpath(Path(source).resolve(), target.parent.resolve())
    except ValueError:
        ref = str(Path(source).resolve())
    how = f"  mapping: {json.dumps(os.path.relpath(Path(mapping).resolve(), target.parent.resolve()))}\n" if mapping \
        else f"  layout: {table.layout.name}\n"
    text = (
        "document:\n"
        f"  id: {json.dumps(doc_id)}\n"
        f"  title: {json.dumps(f'Reference table {table.name}')}\n"
        f"  source: {json.dumps(ref)}\n"
        f"  sha256: {json.dumps(table.sha256)}\n"
        "  language: nl\n"
        "reference:\n"
        f"  name: {table.name}\n"
        f"{how}"
        f"  rows: \"{table.rows}\"\n"
        "claims: []\n"
    )
    if not dry_run:
        try:
            atomic_write(target, text)
        except FactcheckError:
            raise
        except OSError as exc:
            raise FactcheckError(f"cannot write: {exc.strerror or exc}", path=str(target), code="FC330") from None
    return target, table
