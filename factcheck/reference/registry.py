"""The reference tables of a check run: registered by claim files, read once, on first use.

A claim file with a ``reference:`` block registers the CSV its ``document: source:`` names
(``factcheck extract table.csv`` writes such a file). The engine asks this registry for the
value behind a ``ref(...)`` name; the answer is a Claim with ``origin: reference`` and the CSV
line and column as its location, or the reason there is none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Iterable

from factcheck.errors import FactcheckError, did_you_mean
from factcheck.model import Claim, ClaimFile, Diagnostic, Document, Figure, Interval, Location
from factcheck.reference.syntax import RefName, parse_name
from factcheck.reference.table import LAYOUTS, ReferenceTable, read_table

_HALF = Fraction(1, 2)


@dataclass
class _Registered:
    file: ClaimFile
    csv: Path
    table: ReferenceTable | None = None
    failed: bool = False


class References:
    """The tables registered by a run's claim files, by name; problems go to the registering file."""

    def __init__(self, files: Iterable[ClaimFile]) -> None:
        self.registered: dict[str, _Registered] = {}
        self.problems: dict[str, list[Diagnostic]] = {}
        for claim_file in files:
            spec = claim_file.reference
            if not spec:
                continue
            name = spec["name"]
            where = claim_file.reference_location or Location(claim_file.document.path)
            if name in self.registered:
                other = self.registered[name].file.document.path
                self._problem(where, "FC505", f"the reference table {name!r} is registered by {other} already; "
                                              "this one is not used")
                continue
            source = claim_file.document.source
            if not source:
                self._problem(where, "FC500", "a reference table needs `document: source:` naming its CSV")
                continue
            self.registered[name] = _Registered(claim_file, Path(os.path.normpath(Path(claim_file.document.path).parent / source)))

    def _problem(self, where: Location, code: str, message: str, severity: str = "error") -> None:
        self.problems.setdefault(where.path, []).append(Diagnostic(code, message, where, severity))

    @property
    def names(self) -> list[str]:
        return sorted(self.registered)

    def load_all(self) -> None:
        """Read every registered table now, so their problems are known before files are reported."""
        for name in self.registered:
            self.table(name)

    def table(self, name: str) -> ReferenceTable | None:
        """The table registered as ``name``, read on first use; None when it cannot be read."""
        entry = self.registered.get(name)
        if entry is None or entry.failed:
            return None
        if entry.table is None:
            spec = entry.file.reference or {}
            where = entry.file.reference_location or Location(entry.file.document.path)
            try:
                if "mapping" in spec:
                    from factcheck.reference.mapping import read_mapping

                    layout = read_mapping(Path(entry.file.document.path).parent / spec["mapping"])
                else:
                    layout = LAYOUTS.get(spec.get("layout", ""))  # type: ignore[assignment]
                    if layout is None:
                        raise FactcheckError(f"unknown layout {spec.get('layout')!r}; known: {', '.join(LAYOUTS)} "
                                             "(or give `mapping:`)", code="FC501")
                entry.table = read_table(entry.csv, layout, name)
            except FactcheckError as exc:
                entry.failed = True
                self._problem(where, exc.code, f"reference table {name!r} not read: {exc}")
                return None
            entry.table.index  # noqa: B018 - building the index finds the rows left out
            for line, message in entry.table.warnings:
                self._problem(Location(entry.table.path, line, 1 if line else None), "FC503", message, "warning")
            sha = entry.file.document.sha256
            if sha and sha != entry.table.sha256:
                self._problem(where, "FC506", f"{entry.csv} changed since it was registered; its figures are read as "
                                              "they are now (run `factcheck extract` on it again)", "warning")
        return entry.table

    def unknown(self, source: str) -> str:
        """The message for a ``ref()`` naming a table nobody registered."""
        known = ", ".join(self.names) or "none"
        return (f"no reference table named {source!r} among the files checked (registered: {known})"
                f"{did_you_mean(source, self.names)}")

    def resolve(self, name: str) -> tuple[Claim | None, Document | None, str]:
        """The reference claim behind a ``ref:`` name, its registering document, and why not when None."""
        ref = parse_name(name)
        entry = self.registered.get(ref.source)
        if entry is None:
            return None, None, self.unknown(ref.source)
        table = self.table(ref.source)
        document = entry.file.document
        if table is None:
            return None, document, f"the reference table {ref.source!r} could not be read"
        found = table.lookup(ref.key)
        if not found:
            return None, document, f"{ref.source} has no value for {ref.key.describe()}"
        if len(found) > 1:
            lines = ", ".join(str(f.line) for f in found)
            return None, document, (f"{len(found)} rows of {ref.source} match {ref.key.describe()} (lines {lines}); "
                                    "which one is meant is not clear")
        return reference_claim(ref, found[0], table, document), document, ""


def reference_claim(ref: RefName, figure: object, table: ReferenceTable, document: Document) -> Claim:
    """A reference value as a claim: exact provenance (file, line, column, phase), ``origin: reference``."""
    from factcheck.reference.table import RefFigure

    assert isinstance(figure, RefFigure)
    value = figure.value
    column_index = table.column_number(figure.column)
    stated = str(value.numerator)
    where = {"file": table.path, "row": figure.line, "column": figure.column, "phase": ref.key.phase,
             "table": ref.source}
    if figure.summed > 1:
        where["summed_rows"] = figure.summed
    return Claim(
        id=name_id(ref), document_id=document.id, location=Location(table.path, figure.line, column_index),
        stated=stated, value=value,
        # amounts in a budget table are rounded to its unit (€ 1.000)
        figure=Figure(stated, value, Interval(value - _HALF, value + _HALF), precision=0),
        unit=table.unit, scale=table.scale if table.scale != 1 else None, origin="reference", where=where,
        subject=f"{figure.chapter_name} / {figure.article_name}".strip(" /") or None,
        period=str(ref.key.year),
    )


def name_id(ref: RefName) -> str:
    """A claim id for a reference value: ``begrotingsstaten_2018_u_i_2_ontwerpbegroting``."""
    k = ref.key
    return f"{ref.source}_{k.year}_{k.kind}_{k.chapter}_{k.article}_{k.phase}".lower()
