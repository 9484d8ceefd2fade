"""The checking engine: resolve every relation's inputs, evaluate exactly, judge, explain.

Each relation is judged locally, as XBRL Calculations 1.1 does: its inputs take the value that
was *printed* for them (with the interval that printing allows). Only an input that has no printed
value of its own is computed from its own formula; cycles among those are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from factcheck.claimfile import claim_from_data, find_claim_files, read_claim_file
from factcheck.discover.options import Discovery
from factcheck.errors import EvaluationError, FactcheckError, FormulaError, UnitDefinitionError, did_you_mean
from factcheck.evaluate import UnitClash, Val, evaluate
from factcheck.explain import explain
from factcheck.formula import Formula, Node, parse_formula
from factcheck.gc_pause import collector_paused
from factcheck.last_resort import INTERNAL_CODE, debugging, internal_message
from factcheck.model import (
    Claim,
    ClaimFile,
    Diagnostic,
    Document,
    Implied,
    InputValue,
    Interval,
    LazyResult,
    Location,
    Result,
    Verdict,
    interval_verdict,
)
from factcheck.units import Dim, Dims, UnitSystem, combine, describe, unit_system, unit_typo

_ONE = Fraction(1)
_ZERO = Fraction(0)
# Claims a tool wrote: their units are nouns read from the document, where any word may be a unit.
_TOOL_ORIGINS = frozenset({"extracted", "discovered"})


@dataclass
class CheckRun:
    """Everything one `check` produced: the files read, one result per relation, file problems."""

    files: list[ClaimFile]
    results: list[Result]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """Count per verdict name, plus ``unexpected``, ``relations`` and ``files``."""
        counts = {v.value: 0 for v in Verdict}
        unexpected = 0
        for result in self.results:
            counts[result.verdict.value] += 1
            unexpected += not result.expected
        counts["unexpected"] = unexpected
        counts["relations"] = len(self.results)
        counts["files"] = len(self.files)
        counts["unreadable"] = sum(1 for d in self.diagnostics if d.severity == "error")
        return counts

    @property
    def exit_code(self) -> int:
        """0 when all verdicts are as expected, 1 when any is not, 2 when an input was unreadable."""
        if any(d.severity == "error" for d in self.diagnostics):
            return 2
        return 1 if any(not r.expected for r in self.results) else 0


class _Missing(Exception):
    def __init__(self, names: list[str], reasons: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names
        self.reasons = reasons


class _Unknown(Exception):
    def __init__(self, name: str, node: Node) -> None:
        super().__init__(name)
        self.name = name
        self.node = node


@dataclass(slots=True, eq=False)
class _Entry:
    """A claim as the engine sees it; the entry itself (by identity) keys the engine's caches."""

    claim: Claim
    document: Document
    units: UnitSystem


def check_paths(paths: Sequence[str | Path], *, discover: bool | Discovery = True, strict: bool = False) -> CheckRun:
    """Read every claim file under ``paths`` (files or folders) and check every relation.

    ``strict`` reads every file as if it said ``precision: exact``: a slip in the last printed
    digit is then a mismatch, not rounding.
    """
    with collector_paused():
        files, problems = find_claim_files(list(paths))
        loaded = [read_claim_file(p, strict=strict) for p in files]
        return check_files(loaded, problems, discover=discover)


def check_files(
    files: list[ClaimFile], problems: Iterable[Diagnostic] = (), *, discover: bool | Discovery = True,
) -> CheckRun:
    """Check already loaded claim files together, so they can reference each other's claims.

    With ``discover`` (True for every kind, or a :class:`Discovery`), files of extracted figures
    that have not been through discovery also get what it proposes: relations, repeats and,
    when the source PDF is at hand, table totals (see factcheck.discover.claims).
    """
    kinds = discover if isinstance(discover, Discovery) else (Discovery() if discover else Discovery.none())
    with collector_paused():
        return _check_files(files, problems, kinds)


def verdicts(claim_file: ClaimFile) -> dict[str, Verdict]:
    """Each relation's verdict as `check` gives it, without discovery and without solving for the
    values that would make a mismatch hold (sympy, the slow part of a mismatch's explanation): for
    a writer that wants to know how `check` will read the claims it is about to write."""
    engine = _Engine([claim_file])
    engine.solve = False
    out: dict[str, Verdict] = {}
    for claim in claim_file.claims:
        if claim.is_judged and not claim.repeats:
            try:
                out[claim.id] = engine.judge(claim).verdict
            except FactcheckError:
                out[claim.id] = Verdict.ERROR
    return out


def verdicts_of_claims(claims: Iterable[Mapping[str, Any]], document: Document) -> dict[str, Verdict]:
    """:func:`verdicts` of claims a writer is about to write (dicts, as a claim file holds them):
    a claim `check` would refuse is left out, as it gives no verdict to compare, and claims that
    cannot be judged together give no verdicts at all."""
    where = Location(document.path)
    parsed = []
    for claim in claims:
        try:
            parsed.append(claim_from_data(claim, document, where))
        except FactcheckError:
            continue
    try:
        return verdicts(ClaimFile(document=document, claims=tuple(parsed)))
    except FactcheckError:
        return {}


def _check_files(files: list[ClaimFile], problems: Iterable[Diagnostic], discovery: Discovery) -> CheckRun:
    return across(assemble(problems, check_each(files, discovery)), discovery)


def across(run: CheckRun, discovery: Discovery) -> CheckRun:
    """The run with the repeated quantities across its files added (factcheck.discover.across),
    when repeats are on: they depend on every file, so they are never cached per file."""
    if not discovery.repeats or len(run.files) < 2:
        return run
    from factcheck.discover.across import across_documents

    try:
        run.results.extend(across_documents(run.files))
    except Exception as exc:  # noqa: BLE001 - the last resort: the comparison across files only
        if debugging():
            raise
        run.diagnostics.append(_internal(run.files[0].document.path, exc))
    return run


@dataclass
class FileCheck:
    """One claim file's part of a check run: what a run over many files is assembled from."""

    file: ClaimFile  # with the claims discovery proposed at check time
    warnings: list[Diagnostic]  # from discovery at check time
    diagnostics: list[Diagnostic]  # the file's own problems
    results: list[Result]


def check_each(files: list[ClaimFile], discovery: Discovery) -> list[FileCheck]:
    """Check files together (they may reference each other's claims); one part per file, in order."""
    warnings: list[list[Diagnostic]] = []
    if discovery:
        from factcheck.discover.claims import proposed_claims

        with_proposals = []
        for claim_file in files:
            try:
                proposed, found = proposed_claims(claim_file, discovery)
            except Exception as exc:  # noqa: BLE001 - the last resort: this file's discovery only
                if debugging():
                    raise
                proposed, found = [], [_internal(claim_file.document.path, exc)]
            warnings.append(list(found))
            with_proposals.append(replace(claim_file, claims=claim_file.claims + tuple(proposed)) if proposed else claim_file)
        files = with_proposals
    else:
        warnings = [[] for _ in files]
    # Files that name no other document's claims are checked one engine at a time, so the
    # engine's tables for one file are freed before the next (a batch of a million claims).
    groups = [list(range(len(files)))] if _reaches_across(files) else [[i] for i in range(len(files))]
    parts = []
    for group in groups:
        engine = _Engine([files[i] for i in group])
        for i in group:
            parts.append(_check_file(engine, files[i], warnings[i]))
    return parts


def _check_file(engine: _Engine, claim_file: ClaimFile, found: list[Diagnostic]) -> FileCheck:
    diagnostics = list(claim_file.diagnostics) + engine.file_problems.get(claim_file.document.path, [])
    results: list[Result] = []
    for claim in claim_file.claims:
        if claim.is_judged:
            try:
                results.append(engine.judge_repeats(claim) if claim.repeats else engine.judge(claim))
            except FactcheckError as exc:  # e.g. the claim's own unit cannot be read
                results.append(engine.failed(claim, exc))
            except Exception as exc:  # noqa: BLE001 - the last resort: this claim only
                if debugging():
                    raise
                results.append(engine.internal_error(claim, exc))
    return FileCheck(claim_file, found, diagnostics, results)


# Wider than a formula's `doc.claim` (factcheck.formula._REF_RE): a false alarm only costs memory.
_ACROSS = re.compile(r"[a-z0-9_-]\.[a-z]")


def _reaches_across(files: list[ClaimFile]) -> bool:
    """Whether a claim of one file may name a claim of another (``doc.claim``), or a reference
    table that another file registers (``ref(...)``)."""
    return len(files) > 1 and (any(f.reference or f.uses_reference for f in files) or any(
        (claim.expr is not None and _ACROSS.search(claim.expr)) or any("." in r for r in claim.repeats)
        for claim_file in files for claim in claim_file.claims
    ))


def assemble(problems: Iterable[Diagnostic], parts: Sequence[FileCheck]) -> CheckRun:
    """One run from its files' parts, in the order a single check would report them."""
    diagnostics = list(problems)
    diagnostics.extend(d for part in parts for d in part.warnings)
    diagnostics.extend(d for part in parts for d in part.diagnostics)
    return CheckRun(files=[part.file for part in parts], results=[r for part in parts for r in part.results],
                    diagnostics=diagnostics)


def _internal(path: str, exc: BaseException) -> Diagnostic:
    return Diagnostic(INTERNAL_CODE, internal_message(exc), Location(path))


class _Engine:
    def __init__(self, files: list[ClaimFile]) -> None:
        # Each document id's claim tables, in file order: `doc.claim` is looked up in them, which
        # costs no string per claim (a large check holds a million claims).
        self.by_document: dict[str, list[dict[str, _Entry]]] = {}
        self.local: dict[str, dict[str, _Entry]] = {}
        self.file_problems: dict[str, list[Diagnostic]] = {}
        self.values: dict[_Entry, Val] = {}
        self.formulas: dict[_Entry, Formula | FormulaError] = {}
        self.computing: list[_Entry] = []
        self.unit_typos: dict[tuple[int, str], str] = {}
        # Computed values that failed, kept so a long chain fails once, not once per level.
        self.failures: dict[_Entry, BaseException] = {}
        self._qualified: list[str] | None = None
        self.solve = True  # solve a mismatch for the input values that would make it hold
        for claim_file in files:
            document = claim_file.document
            try:
                units = self._units_for(document)
            except Exception as exc:  # noqa: BLE001 - the last resort: this file's units only
                if debugging():
                    raise
                self.file_problems.setdefault(document.path, []).append(_internal(document.path, exc))
                units = unit_system(())
            table: dict[str, _Entry] = {}
            for claim in claim_file.claims:
                table[claim.id] = _Entry(claim, document, units)
            self.local[document.path] = table
            self.by_document.setdefault(document.id, []).append(table)
        # Reference tables (``ref(...)`` in formulas) are read only when some formula uses one.
        self.references: Any = None
        self.reference_entries: dict[str, _Entry | None] = {}
        if any(f.reference or f.uses_reference for f in files):
            from factcheck.reference.registry import References

            self.references = References(files)
            self.references.load_all()
            for path, problems in self.references.problems.items():
                self.file_problems.setdefault(path, []).extend(problems)

    def _units_for(self, document: Document) -> UnitSystem:
        declared = tuple(text for text, _ in document.units.equivalences + document.units.definitions)
        try:
            return unit_system(declared)
        except FactcheckError as exc:
            where = next((loc for text, loc in document.units.equivalences + document.units.definitions), Location(document.path))
            self.file_problems.setdefault(document.path, []).append(
                Diagnostic(exc.code, exc.message, where)
            )
            return unit_system(())

    # -- looking things up -------------------------------------------------------------------

    def _formula(self, entry: _Entry) -> Formula:
        cached = self.formulas.get(entry)
        if cached is None:
            try:
                cached = parse_formula(entry.claim.expr or "")
            except FormulaError as exc:
                cached = exc
            self.formulas[entry] = cached
        if isinstance(cached, FormulaError):
            raise cached
        return cached

    def _find(self, name: str, entry: _Entry) -> _Entry | None:
        """The claim ``name`` as seen from ``entry``'s file: local id, ``document.claim``, or a
        reference table's value (``ref:…``, from ``ref(...)``)."""
        if name.startswith("ref:"):
            return self._reference(name)
        if "." in name:
            document_id, _, claim_id = name.partition(".")
            for table in self.by_document.get(document_id, ()):
                found = table.get(claim_id)
                if found is not None:
                    return found
            return None
        return self.local[entry.document.path].get(name)

    def _reference(self, name: str) -> _Entry | None:
        """The entry of a reference value; a value the table lacks is a missing input with its reason."""
        if name in self.reference_entries:
            return self.reference_entries[name]
        found: _Entry | None = None
        if self.references is not None:
            claim, document, why = self.references.resolve(name)
            if document is not None:
                if claim is None:
                    claim = Claim(id=name, document_id=document.id, location=Location(document.path),
                                  external=True, origin="reference", evidence={"missing": why})
                found = _Entry(claim, document, unit_system(()))
        self.reference_entries[name] = found
        return found

    def _did_you_mean(self, name: str, entry: _Entry) -> str:
        """"; did you mean 'x'?" for the nearest known id (local ids, or ``document.claim``)."""
        if "." not in name:
            return did_you_mean(name, self.local[entry.document.path])
        if self._qualified is None:  # made once, on the first unknown `doc.claim`
            self._qualified = list(dict.fromkeys(
                f"{document_id}.{claim_id}" for document_id, tables in self.by_document.items()
                for table in tables for claim_id in table))
        return did_you_mean(name, self._qualified)

    def _resolve(self, name: str, entry: _Entry, node: Node) -> _Entry:
        target = self._find(name, entry)
        if target is None:
            raise _Unknown(name, node)
        return target

    def _dim(self, entry: _Entry) -> Dim | None:
        unit = entry.claim.unit
        scale = entry.claim.scale
        if not unit:
            return Dim(scale, ()) if scale else None
        try:
            if entry.claim.origin not in _TOOL_ORIGINS:
                self._check_unit_words(entry.units, unit)
            dim = entry.units.resolve(unit)
        except UnitDefinitionError as exc:
            where = entry.claim.key_locations.get("unit") or entry.claim.location
            raise exc.located(where.path, where.line, where.col) from None
        return Dim(dim.factor * scale, dim.dims) if scale else dim

    def _check_unit_words(self, units: UnitSystem, unit: str) -> None:
        """A hand-written unit with a near miss of a known unit is a typo (FC213), not a new unit."""
        key = (id(units), unit)
        problem = self.unit_typos.get(key)
        if problem is None:
            problem = self.unit_typos[key] = unit_typo(units, unit) or ""
        if problem:
            raise UnitDefinitionError(problem, code="FC213")

    def _value(self, entry: _Entry) -> Val:
        """The value a claim contributes when referenced: printed if it has one, else computed."""
        key = entry
        cached = self.values.get(key)
        if cached is not None:
            return cached
        failed = self.failures.get(key)
        if failed is not None:
            raise failed.with_traceback(None)
        claim = entry.claim
        if claim.value is None and claim.expr is not None and not claim.external and not self.computing:
            self._prepare(entry)
            cached = self.values.get(key)
            if cached is not None:
                return cached
        if claim.external:
            raise _Missing([claim.id], [str(claim.evidence.get("missing") or "marked external")])
        dim = self._dim(entry)
        factor = dim.factor if dim else _ONE
        dims = dim.dims if dim else None
        if claim.value is not None:
            interval = _printed_interval(claim)
            if factor == 1:
                val = Val(claim.value, interval.lo, interval.hi, dims)
            else:
                val = Val(claim.value * factor, _mul(interval.lo, factor), _mul(interval.hi, factor), dims)
        elif claim.expr is not None:
            if key in self.computing:
                cycle = self.computing[self.computing.index(key):] + [key]
                names = " -> ".join(k.claim.id for k in cycle)
                raise EvaluationError(f"the relations form a cycle: {names}", code="FC223")
            self.computing.append(key)
            try:
                computed = evaluate(self._formula(entry).root, lambda n, node: self._value(self._resolve(n, entry, node)))
                if dims is not None and computed.dims is not None and computed.dims != dims:
                    raise UnitClash(dims, computed.dims, self._formula(entry).root)
            except (FactcheckError, UnitClash, _Missing, _Unknown) as exc:
                self.failures[key] = exc
                raise
            finally:
                self.computing.pop()
            val = Val(computed.point, computed.lo, computed.hi, dims if dims is not None else computed.dims)
        else:
            raise _Missing([claim.id], ["has no stated value, value or formula"])
        self.values[key] = val
        return val

    def _prepare(self, entry: _Entry) -> None:
        """Compute the computed inputs below ``entry`` bottom-up, without recursion.

        Evaluation recurses from a formula into the formulas of its computed inputs; a chain of
        200 of them would exhaust Python's stack. Walking the chain here first, with a stack of
        our own, leaves each formula with its inputs cached, whatever the chain's length.
        """
        state: dict[_Entry, int] = {}  # 1: on the current path, 2: done
        parent: dict[_Entry, _Entry | None] = {}
        order: list[_Entry] = []
        stack: list[tuple[_Entry, _Entry | None, bool]] = [(entry, None, False)]
        while stack:
            current, from_key, finished = stack.pop()
            key = current
            if finished:
                state[key] = 2
                order.append(current)
                continue
            if key in state:
                continue
            state[key], parent[key] = 1, from_key
            stack.append((current, from_key, True))
            try:
                names = self._formula(current).names
            except FormulaError:
                continue
            for name in names:
                target = self._find(name, current)
                if target is None or not _is_computed(target.claim):
                    continue
                target_key = target
                if target_key in self.values or target_key in self.failures:
                    continue
                if state.get(target_key) == 1:
                    self._cycle(target_key, key, parent)
                elif target_key not in state:
                    stack.append((target, key, False))
        for item in order[:-1]:  # the last is ``entry``: the caller computes it
            try:
                self._value(item)
            except (FactcheckError, UnitClash, _Missing, _Unknown):
                continue  # kept in self.failures; reported where it is used

    def _cycle(self, first: _Entry, last: _Entry, parent: dict[_Entry, _Entry | None]) -> None:
        """Record the cycle first -> ... -> last -> first as the failure of each claim in it."""
        path = [last]
        while path[-1] != first:
            up = parent.get(path[-1])
            if up is None:
                return
            path.append(up)
        path.reverse()
        names = " -> ".join(k.claim.id for k in [*path, first])
        error = EvaluationError(f"the relations form a cycle: {names}", code="FC223")
        for key in path:
            self.failures.setdefault(key, error)

    # -- judging -------------------------------------------------------------------------------

    def judge(self, claim: Claim) -> Result:
        entry = self.local[claim.location.path][claim.id]
        try:
            formula = self._formula(entry)
        except FormulaError as exc:
            return self._error(entry, exc)
        inputs: list[InputValue] = []
        missing: list[str] = []
        reasons: list[str] = []
        values: dict[str, Val] = {}

        def lookup(name: str, node: Node) -> Val:
            if name in values:
                return values[name]
            target = self._resolve(name, entry, node)
            try:
                val = self._value(target)
            except _Missing as exc:
                missing.append(name)
                reasons.extend(f"{name} {r}" for r in exc.reasons)
                raise
            values[name] = val
            dim = self._dim(target)
            factor = dim.factor if dim else _ONE
            inputs.append(InputValue(
                name=name,
                claim=target.claim,
                value=_div(val.point, factor),
                interval=_input_interval(target.claim, val, factor),
                unit=target.claim.unit,
                computed=target.claim.value is None,
                factor=factor,
                dimensionless=dim is not None and not dim.dims,
            ))
            return val

        try:
            computed = evaluate(formula.root, lookup, intervals=False)
        except _Missing:
            # Report every missing input at once, not just the first.
            self._collect_missing(formula, entry, missing, reasons)
            return self._finish(entry, Verdict.UNVERIFIABLE, inputs=inputs, formula=formula,
                                missing=tuple(dict.fromkeys(missing)), reasons=reasons)
        except _Unknown as exc:
            col = _expr_col(claim, exc.node.col)
            if exc.name.startswith("ref:"):
                from factcheck.reference.registry import References
                from factcheck.reference.syntax import parse_name

                registry = self.references if self.references is not None else References(())
                return self._error(entry, FormulaError(
                    registry.unknown(parse_name(exc.name).source), path=claim.location.path,
                    line=claim.expr_location.line if claim.expr_location else None, col=col, code="FC505"))
            error = FormulaError(f"unknown claim id {exc.name!r} in the formula{self._did_you_mean(exc.name, entry)}",
                                 path=claim.location.path,
                                 line=claim.expr_location.line if claim.expr_location else None, col=col, code="FC203")
            return self._error(entry, error)
        except UnitClash as clash:
            return self._finish(entry, Verdict.UNIT, inputs=inputs, formula=formula,
                                computed_unit=describe(clash.left), stated_unit=describe(clash.right),
                                unit_note="inside")
        except FactcheckError as exc:
            return self._error(entry, exc)

        try:
            dim = self._dim(entry)
        except FactcheckError as exc:
            return self._error(entry, exc)
        if (dim is not None and computed.dims is not None and dim.dims != computed.dims
                and not _per_counted_thing(claim, computed.dims, dim.dims)):
            return self._finish(entry, Verdict.UNIT, inputs=inputs, formula=formula,
                                computed_unit=describe(computed.dims), stated_unit=describe(dim.dims))
        factor = dim.factor if dim else _ONE
        value = _div(computed.point, factor)
        assert value is not None  # _div keeps a point, which is never None
        stated = claim.value
        assert stated is not None  # claimfile guarantees a relation has something to compare with
        if value == stated:
            value = stated  # one number kept, not two equal ones (a million relations)
        stated_interval = _stated_interval(claim)

        # Every input is in ``values`` now: the interval needs nothing else of this check.
        computed_interval = _LaterInterval(formula.root, values, factor)
        if value == stated:
            # Consistent whatever the intervals are; work them out only if someone reads them.
            return self._finish(
                entry, Verdict.CONSISTENT, inputs=inputs, formula=formula, computed=value,
                lazy_interval=computed_interval, stated_value=stated, stated_interval=stated_interval,
            )
        interval = computed_interval()
        verdict, scale = _verdict(value, interval, stated, stated_interval, claim.tolerance is not None)
        implied: tuple[Implied, ...] = ()
        if verdict is Verdict.MISMATCH and values and self.solve:
            implied = self._implied(formula, entry, values, stated * factor)
        return self._finish(
            entry, verdict, inputs=inputs, formula=formula, computed=value, computed_interval=interval,
            stated_value=stated, stated_interval=stated_interval, scale=scale, implied=implied,
        )

    def judge_repeats(self, claim: Claim) -> Result:
        """Statements said to be of one quantity: ``conflict`` when they disagree."""
        from factcheck.discover.figures import from_claims
        from factcheck.discover.repeats import judge_statements
        from factcheck.explain import explain_repeats

        entry = self.local[claim.location.path][claim.id]
        members: list[Claim] = []
        for name in claim.repeats:
            target = self._find(name, entry)
            if target is None:
                error = FormulaError(f"unknown claim id {name!r} in repeats", path=claim.location.path,
                                     line=claim.location.line, col=claim.location.col, code="FC203")
                return self._finish(entry, Verdict.ERROR, message=str(error))
            members.append(target.claim)
        figures = from_claims(members, only_extracted=False)
        verdict_name, pairs = judge_statements(figures)
        disagreeing = {i for pair in pairs for i in pair}
        evidence = tuple(
            {
                "claim": m.id,
                "stated": m.stated or "",
                "where": ", ".join(f"{k} {v}" for k, v in m.where.items() if k in ("page", "line", "question")),
                "asked_by": str(m.where.get("asked_by") or ""),
                "quote": m.quote or "",
                "disagrees": "yes" if m.id in disagreeing else "no",
            }
            for m in members
        )
        result = LazyResult(
            lambda r: explain_repeats(r, members, pairs),
            claim=claim, document=entry.document, verdict=Verdict(verdict_name), evidence=evidence,
        )
        return result

    def _collect_missing(self, formula: Formula, entry: _Entry, missing: list[str], reasons: list[str]) -> None:
        for name in formula.names:
            if name in missing:
                continue
            target = self._find(name, entry)
            if target is None:
                continue
            try:
                self._value(target)
            except _Missing as exc:
                missing.append(name)
                reasons.extend(f"{name} {r}" for r in exc.reasons)
            except (FactcheckError, UnitClash, _Unknown):
                continue

    def _implied(self, formula: Formula, entry: _Entry, values: dict[str, Val], target: Fraction) -> tuple[Implied, ...]:
        from factcheck.symbolic import (
            implied_values,  # sympy is slow to import; only mismatches need it
        )

        solved = implied_values(formula.root, {k: v.point for k, v in values.items()}, target)
        out = []
        for name, base_value in solved.items():
            target_entry = self._resolve(name, entry, formula.root)
            dim = self._dim(target_entry)
            factor = dim.factor if dim else Fraction(1)
            out.append(Implied(name=name, value=base_value / factor, unit=target_entry.claim.unit))
        return tuple(out)

    def failed(self, claim: Claim, exc: FactcheckError) -> Result:
        """An ``error`` verdict for a claim whose check raised a located user error."""
        entry = self.local[claim.location.path][claim.id]
        if exc.path is None and isinstance(exc, UnitDefinitionError) and "unit" in claim.key_locations:
            where = claim.key_locations["unit"]
            exc = exc.located(where.path, where.line, where.col)
        return self._error(entry, exc)

    def internal_error(self, claim: Claim, exc: BaseException) -> Result:
        """An ``error`` verdict for a claim whose check failed in a way nobody planned for."""
        entry = self.local[claim.location.path][claim.id]
        return self._finish(entry, Verdict.ERROR, message=f"{claim.location}: {INTERNAL_CODE} {internal_message(exc)}")

    def _error(self, entry: _Entry, exc: FactcheckError) -> Result:
        claim = entry.claim
        if exc.path is None:
            # Formula errors carry a column within the formula; point into the YAML file instead.
            line = claim.expr_location.line if claim.expr_location else claim.location.line
            col = _expr_col(claim, exc.col) if exc.col is not None else (claim.expr_location.col if claim.expr_location else None)
            exc = type(exc)(exc.message, path=claim.location.path, line=line, col=col, code=exc.code)
        return self._finish(entry, Verdict.ERROR, message=str(exc))

    def _finish(self, entry: _Entry, verdict: Verdict, *, inputs: list[InputValue] | None = None,
                formula: Formula | None = None, computed: Fraction | None = None,
                computed_interval: Interval | None = None, stated_value: Fraction | None = None,
                stated_interval: Interval | None = None, scale: Fraction | None = None,
                implied: tuple[Implied, ...] = (), missing: tuple[str, ...] = (), reasons: list[str] | None = None,
                computed_unit: str | None = None, stated_unit: str | None = None, unit_note: str | None = None,
                message: str | None = None, lazy_interval: Callable[[], Interval] | None = None) -> Result:
        claim = entry.claim
        difference = relative = None
        if computed is not None and stated_value is not None:
            difference = computed - stated_value if computed != stated_value else _ZERO
            relative = (difference / stated_value if difference else _ZERO) if stated_value else None
        fields = dict(
            claim=claim, document=entry.document, verdict=verdict, computed=computed,
            computed_interval=computed_interval, stated_value=stated_value if stated_value is not None else claim.value,
            stated_interval=stated_interval or (_stated_interval(claim) if claim.value is not None else None),
            difference=difference, relative_difference=relative, scale_factor=scale,
            inputs=tuple(inputs or ()), implied=implied, formula_filled=None,
            computed_unit=computed_unit, stated_unit=stated_unit, missing=missing, message=message, formula=formula,
        )
        explainer = _Explainer(formula.source if formula else claim.expr, tuple(reasons or ()), unit_note,
                               formula.root if formula else None)
        return LazyResult(explainer, lazy_interval, **fields)


class _Explainer:
    """Writes a result's explanation when it is read; holds only what the explanation needs."""

    __slots__ = ("source", "notes", "unit_note", "root")

    def __init__(self, source: str | None, notes: tuple[str, ...], unit_note: str | None, root: Node | None) -> None:
        self.source, self.notes, self.unit_note, self.root = source, notes, unit_note, root

    def __call__(self, result: Result) -> str:
        return explain(result, self.source, self.notes, self.unit_note, self.root)


class _LaterInterval:
    """A relation's computed interval, worked out from its inputs' values when it is asked for.

    A small object rather than a closure over the judge's locals, which would keep each
    relation's working lists and the whole engine alive as long as its result.
    """

    __slots__ = ("root", "values", "factor")

    def __init__(self, root: Node, values: dict[str, Val], factor: Fraction) -> None:
        self.root, self.values, self.factor = root, values, factor

    def __call__(self) -> Interval:
        full = evaluate(self.root, lambda name, node: self.values[name])
        return Interval(_div(full.lo, self.factor), _div(full.hi, self.factor))


def _per_counted_thing(claim: Claim, computed: Dims, stated: Dims) -> bool:
    """A discovered count × amount relation ("30.343 × €32.400 = €983.113.200") whose amount was
    extracted as EUR where it means EUR per person: its total is in the amount's unit, as the
    document writes it. Only for discovery's own proposals, which say so in `evidence.units`."""
    if claim.origin != "discovered" or "units" not in claim.evidence:
        return False
    from factcheck.discover.figures import COUNT_DIMS

    # (the counted thing the evidence names counts too: "$3,200 (16 renewals @$200)" is taken per
    # renewal, whatever list of counted things we know)
    per = str(claim.evidence["units"])
    extra = combine(computed, stated, -1)
    return bool(extra) and all((name in COUNT_DIMS or per.endswith(f"per {name}")) and power > 0 for name, power in extra)


def _input_interval(claim: Claim, val: Val, factor: Fraction) -> Interval:
    """An input's interval in its own unit: its printed interval itself when that is what it is."""
    figure = claim.figure
    if factor == 1 and figure is not None and figure.interval.lo is val.lo and figure.interval.hi is val.hi:
        return figure.interval
    return Interval(_div(val.lo, factor), _div(val.hi, factor))


def _is_computed(claim: Claim) -> bool:
    return claim.value is None and claim.expr is not None and not claim.external


def _verdict(value: Fraction, interval: Interval, stated: Fraction, stated_interval: Interval,
             has_tolerance: bool) -> tuple[Verdict, Fraction | None]:
    # With a tolerance the printed value itself must be within it; otherwise the intervals meet.
    computed_range = Interval.point(value) if has_tolerance else interval
    return interval_verdict(value, computed_range, stated, stated_interval)


def _printed_interval(claim: Claim) -> Interval:
    figure = claim.figure
    if figure is not None and figure.value == claim.value:
        return figure.interval
    return Interval.point(claim.value)  # type: ignore[arg-type]


def _stated_interval(claim: Claim) -> Interval:
    value = claim.value
    assert value is not None
    if claim.tolerance is not None:
        text = claim.tolerance.strip().replace(",", ".")
        if text.endswith("%"):
            width = abs(value) * Fraction(text[:-1]) / 100
        else:
            width = Fraction(text)
        return Interval(value - width, value + width)
    return _printed_interval(claim)


def _expr_col(claim: Claim, col: int | None) -> int | None:
    if col is None or claim.expr_location is None or claim.expr_location.col is None:
        return col
    return claim.expr_location.col + col - 1


def _mul(x: Fraction | None, factor: Fraction) -> Fraction | None:
    return None if x is None else x * factor


def _div(x: Fraction | None, factor: Fraction) -> Fraction | None:
    # Most units are their own base unit; skipping the division matters at 100k claims.
    return x if x is None or factor == 1 else x / factor
