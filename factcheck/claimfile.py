"""Claim files: YAML -> :class:`ClaimFile`, checking the schema with ``file:line:col`` messages.

A broken claim does not sink its file: it is reported as a diagnostic (and, when it is a
relation, checked as an ``error`` verdict), and the other claims are read as usual.
The format is documented in docs/claim-file.md; its JSON Schema ships in factcheck/schema/.
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterator, Mapping

from factcheck.bounds import (
    BOUND_CODE,
    CHARACTER_CODE,
    MAX_FILE_BYTES,
    MAX_NUMBER_DIGITS,
    check_numerals,
    check_power_of_ten,
)
from factcheck.errors import ClaimFileError, FactcheckError, did_you_mean
from factcheck.last_resort import INTERNAL_CODE, debugging, internal_message
from factcheck.model import (
    HEDGE_MARGIN,
    Claim,
    ClaimFile,
    Diagnostic,
    Document,
    Figure,
    Hedge,
    Interval,
    Location,
    UnitSettings,
    Verdict,
)
from factcheck.numbers import figure_interval, parse_figure
from factcheck.yaml_load import NULL_WORDS, YMap, YScalar, YSeq, YValue, load

CLAIM_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
DOCUMENT_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_VALUE_RE = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?(?:/([0-9]+))?\Z")
_TOLERANCE_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)?%?\Z")
_PRECISION_RE = re.compile(r"[-+]?[0-9]{1,9}\Z")

CLAIM_KEYS = frozenset({
    "id", "quote", "stated", "value", "unit", "hedge", "expr", "expect", "tolerance", "external",
    "where", "origin", "kind", "subject", "period", "note", "notes", "evidence", "precision",
    "value_high", "context", "conflict", "extracted", "status", "tags", "repeats", "scale",
})
DOCUMENT_KEYS = frozenset({
    "id", "title", "source", "sha256", "language", "units", "hedge_margin", "date", "url", "precision",
})
TOP_KEYS = frozenset({"document", "claims", "obsolete", "deleted", "conflicts", "extraction", "reference"})
REFERENCE_KEYS = frozenset({"name", "layout", "mapping", "rows"})
_YAML_SUFFIXES = (".yaml", ".yml")
# Keys whose value must be a single piece of text.
TEXT_KEYS = frozenset({"id", "stated", "unit", "hedge", "expr", "expect", "tolerance", "quote", "precision", "external", "scale"})


def find_claim_files(paths: list[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Expand files and folders into claim files (``*.yaml``/``*.yml``, sorted, hidden ones skipped)."""
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f for f in sorted(files) if f.endswith(_YAML_SUFFIXES) and not f.startswith(".")
                )
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Diagnostic("FC111", "no such file or folder", Location(str(path))))
    return found, problems


def read_claim_file(path: str | Path, *, strict: bool = False) -> ClaimFile:
    """Read and validate one claim file. User mistakes become diagnostics, never tracebacks.

    ``strict`` reads the file as if its header said ``precision: exact`` (``check --strict``).
    """
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ClaimFileError(
                f"the file is {size // (1024 * 1024)} MiB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB",
                path=name, code="FC105",
            )
        with open(path, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ClaimFileError(f"the file is not UTF-8 text (byte {exc.start})", path=name, code="FC101") from None
        return parse_claim_text(text, name, strict=strict)
    except FactcheckError as exc:
        return _failed(name, exc)
    except OSError as exc:
        return _failed(name, ClaimFileError(exc.strerror or str(exc), path=name, code="FC111"))
    except Exception as exc:  # noqa: BLE001 - the last resort: one file, not the run
        if debugging():
            raise
        return _failed(name, ClaimFileError(internal_message(exc), path=name, code=INTERNAL_CODE))


def _failed(name: str, exc: FactcheckError) -> ClaimFile:
    doc = Document(id=Path(name).stem.lower(), path=name)
    diag = Diagnostic(exc.code, exc.message, Location(exc.path or name, exc.line, exc.col))
    return ClaimFile(document=doc, claims=(), diagnostics=(diag,))


def parse_claim_text(text: str, path: str, *, strict: bool = False) -> ClaimFile:
    """Validate the text of a claim file. Raises :class:`ClaimFileError` when nothing can be used.

    ``strict`` makes every unhedged figure exact, as ``precision: exact`` under ``document:`` does.
    """
    reader = _Reader(path)
    stream = _ClaimStream(reader, strict)
    root = load(text, path, on_claim=stream)
    if root is None:
        raise ClaimFileError("the file is empty; a claim file needs `document:` and `claims:`", path=path, line=1, col=1, code="FC106")
    if not isinstance(root, YMap):
        raise ClaimFileError("a claim file is a mapping with `document:` and `claims:`", path=path, line=root.line, col=root.col, code="FC106")
    for key in root:
        if key not in TOP_KEYS:
            reader.warn_unknown(key, TOP_KEYS, root, "top-level")
    if stream.document is not None:
        document = stream.document
        reader.diagnostics.extend(stream.document_notes)
    else:
        document = _header(reader, root, strict)
    claims = reader.claims(root, document)
    deleted_node = root.get("deleted")
    deleted = frozenset(
        item.text for item in deleted_node if isinstance(item, YScalar)
    ) if isinstance(deleted_node, YSeq) else frozenset()
    reference, reference_at = reader.reference(root.get("reference"))
    return ClaimFile(document=document, claims=tuple(claims), diagnostics=tuple(reader.diagnostics), deleted=deleted,
                     extracted="extraction" in root, discovery_done=_discovery_done(root.get("extraction")),
                     reference=reference, reference_location=reference_at)


def _header(reader: _Reader, root: YMap, strict: bool) -> Document:
    document = reader.document(root)
    return replace(document, exact=True) if strict and not document.exact else document


class _Streamed:
    """A claim read while its file was still being parsed: the record, or the error it gave,
    and the messages reading it produced (kept in file order for :meth:`_Reader.claims`)."""

    __slots__ = ("claim", "error", "notes")

    def __init__(self, claim: Claim | None, error: ClaimFileError | None, notes: tuple[Diagnostic, ...]) -> None:
        self.claim, self.error, self.notes = claim, error, notes


class _ClaimStream:
    """Turns each claim into its record as soon as the YAML loader has read it (see
    :func:`factcheck.yaml_load.load`), once the ``document:`` header above it is known. A file
    of a million positioned values then never exists at once: a 100k-claim file's values took
    more memory than the claims made of them."""

    def __init__(self, reader: _Reader, strict: bool) -> None:
        self.reader = reader
        self.strict = strict
        self.document: Document | None = None
        self.document_notes: list[Diagnostic] = []
        self.off = False  # no header above the claims, or a broken one: read them afterwards

    def __call__(self, item: YMap, root: YMap) -> Any:
        if self.off:
            return item
        reader = self.reader
        kept = reader.diagnostics
        reader.diagnostics = []
        try:
            if self.document is None:
                if "document" not in root:
                    self.off = True
                    return item
                try:
                    self.document = _header(reader, root, self.strict)
                except ClaimFileError:
                    self.off = True  # raised again, in its place, when the file is read afterwards
                    return item
                self.document_notes = reader.diagnostics
                reader.diagnostics = []
            try:
                claim, error = reader.claim(item, self.document), None
            except ClaimFileError as exc:
                claim, error = None, exc
            return _Streamed(claim, error, tuple(reader.diagnostics))
        finally:
            reader.diagnostics = kept


def conflict_positions(text: str, path: str) -> dict[tuple[str, str], tuple[int, int]]:
    """Where each unresolved merge conflict stands: (claim id, field) -> (line, col) of the
    field's key under the claim's ``conflict:`` (for FC310 after a merge writes the file)."""
    root = load(text, path)
    claims = root.get("claims") if isinstance(root, YMap) else None
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for item in claims if isinstance(claims, YSeq) else ():
        conflict = item.get("conflict") if isinstance(item, YMap) else None
        claim_id = item.get("id") if isinstance(item, YMap) else None
        if isinstance(conflict, YMap) and isinstance(claim_id, YScalar):
            for name in conflict:
                found[(claim_id.text, name)] = conflict.key_pos.get(name, (conflict.line, conflict.col))
    return found


def _discovery_done(node: YValue | None) -> frozenset[str] | None:
    # `extraction: {discovery: [relations, repeats, tables]}`, written by `factcheck extract`.
    if not isinstance(node, YMap):
        return None
    done = node.get("discovery")
    if isinstance(done, YSeq):
        return frozenset(item.text for item in done if isinstance(item, YScalar) and not item.is_null)
    if isinstance(done, YScalar):
        return frozenset() if done.is_null else frozenset(w.strip() for w in done.text.split(",") if w.strip())
    return None


def claim_from_data(data: Mapping[str, Any], document: Document, location: Location) -> Claim:
    """A claim made in memory (a discovery at check time), read by the same rules as a file's claims.

    Raises :class:`ClaimFileError` as for a claim in a file; every part is placed at ``location``.
    """
    return _Reader(location.path).claim(_node(data, location.line or 1, location.col or 1), document)


def _node(value: Any, line: int, col: int) -> YValue:
    kind = type(value)
    if kind is str:  # most values: text, tested before the Mapping ABC (a slow isinstance)
        return YScalar(value, line, col, False)
    if kind is dict or isinstance(value, Mapping):
        mapping = YMap(line, col)
        for key, item in value.items():
            mapping[str(key)] = _node(item, line, col)
            mapping.key_pos[str(key)] = (line, col)
        return mapping
    if isinstance(value, (list, tuple)):
        seq = YSeq(line, col)
        seq.extend(_node(item, line, col) for item in value)
        return seq
    if value is None:
        return YScalar("null", line, col, True)
    if isinstance(value, bool):
        return YScalar("true" if value else "false", line, col, True)
    if isinstance(value, int):
        return YScalar(str(value), line, col, True)
    return YScalar(str(value), line, col, False)  # quoted: "55.700" stays text


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    # -- helpers ---------------------------------------------------------------------------

    def loc(self, node: Any) -> Location:
        return Location(self.path, getattr(node, "line", None), getattr(node, "col", None))

    def key_loc(self, mapping: YMap, key: str) -> Location:
        line, col = mapping.key_pos.get(key, (mapping.line, mapping.col))
        return Location(self.path, line, col)

    def error(self, code: str, message: str, where: Location) -> ClaimFileError:
        return ClaimFileError(message, path=where.path, line=where.line, col=where.col, code=code)

    def note(self, code: str, message: str, where: Location, severity: str = "error") -> None:
        self.diagnostics.append(Diagnostic(code, message, where, severity))

    def warn_unknown(self, key: str, known: frozenset[str], mapping: YMap, what: str) -> None:
        hint = did_you_mean(key, known)
        if hint:
            self.note("FC120", f"unknown {what} key {key!r}{hint}", self.key_loc(mapping, key), "warning")

    def text(self, node: YValue | None, what: str) -> str | None:
        if node is None or (isinstance(node, YScalar) and node.is_null):
            return None
        if not isinstance(node, YScalar):
            raise self.error("FC106", f"{what} must be text", self.loc(node))
        return node.text

    # -- document --------------------------------------------------------------------------

    def document(self, root: YMap) -> Document:
        node = root.get("document")
        if not isinstance(node, YMap):
            where = self.loc(node) if node is not None else Location(self.path, root.line, root.col)
            raise self.error("FC106", "missing `document:` mapping with at least `id:`", where)
        for key in node:
            if key not in DOCUMENT_KEYS:
                self.warn_unknown(key, DOCUMENT_KEYS, node, "document")
        doc_id = self.text(node.get("id"), "document id")
        if doc_id is None or not DOCUMENT_ID_RE.match(doc_id):
            where = self.loc(node.get("id")) if node.get("id") is not None else self.key_loc(root, "document")
            raise self.error("FC107", f"document id {doc_id!r} must be lower-case letters, digits, - and _", where)
        language = (self.text(node.get("language"), "language") or "nl").lower()
        if language not in ("nl", "en"):
            self.note("FC106", f"language {language!r} is not supported; reading figures as Dutch (nl)", self.loc(node.get("language")), "warning")
            language = "nl"
        margin = HEDGE_MARGIN
        margin_text = self.text(node.get("hedge_margin"), "hedge_margin")
        if margin_text is not None:
            margin = self.percentage(margin_text, self.loc(node.get("hedge_margin")))
        precision = self.text(node.get("precision"), "precision")
        if precision is not None and precision != "exact":
            raise self.error("FC106", f"document precision must be `exact`, not {precision!r} (give a claim its own "
                             "`precision:` for a power of ten)", self.loc(node.get("precision")))
        return Document(
            id=doc_id,
            path=self.path,
            title=self.text(node.get("title"), "title"),
            source=self.text(node.get("source"), "source"),
            sha256=self.text(node.get("sha256"), "sha256"),
            language=language,
            units=self.unit_settings(node.get("units")),
            hedge_margin=margin,
            exact=precision == "exact",
        )

    def reference(self, node: YValue | None) -> tuple[dict[str, str] | None, Location | None]:
        """The `reference:` block: which table this file registers, and through which layout."""
        if node is None:
            return None, None
        where = self.loc(node)
        if not isinstance(node, YMap):
            self.note("FC106", "`reference:` is a mapping with `name:` and `layout:` or `mapping:`", where)
            return None, None
        out: dict[str, str] = {}
        for key, value in node.items():
            if key not in REFERENCE_KEYS:
                self.warn_unknown(key, REFERENCE_KEYS, node, "reference")
                continue
            text = self.text(value, f"reference: {key}")
            if text is not None:
                out[key] = text
        if "name" not in out or ("layout" not in out and "mapping" not in out):
            self.note("FC106", "`reference:` needs `name:` and either `layout:` or `mapping:`", where)
            return None, None
        return out, where

    def percentage(self, text: str, where: Location) -> Fraction:
        self.numerals(text, "the percentage", where)
        cleaned = text.strip().replace(",", ".")
        if len(cleaned) > MAX_NUMBER_DIGITS:
            raise self.error(BOUND_CODE, f"the number is {len(cleaned)} characters long; the limit is {MAX_NUMBER_DIGITS}", where)
        if not _TOLERANCE_RE.match(cleaned):
            raise self.error("FC106", f"cannot read {text!r} as a number or percentage", where)
        if cleaned.endswith("%"):
            return Fraction(cleaned[:-1]) / 100
        return Fraction(cleaned)

    def numerals(self, text: str, what: str, where: Location) -> None:
        """FC141 for a numeral other than 0-9 (a Bengali ৪ looks like 8 and int() reads it as 4)."""
        try:
            check_numerals(text, what)
        except FactcheckError as exc:
            raise self.error(exc.code, exc.message, where) from None

    def unit_settings(self, node: YValue | None) -> UnitSettings:
        if node is None:
            return UnitSettings()
        if isinstance(node, YSeq):
            node_map = YMap(node.line, node.col)
            node_map["equivalences"] = node
            node = node_map
        if not isinstance(node, YMap):
            raise self.error("FC106", "`units:` takes `equivalences:` and `define:` lists", self.loc(node))
        out: dict[str, list[tuple[str, Location]]] = {"equivalences": [], "define": []}
        for key, value in node.items():
            if key not in out:
                raise self.error("FC106", f"`units:` takes `equivalences:` and `define:`, not {key!r}", self.key_loc(node, key))
            items = value if isinstance(value, YSeq) else [value]
            for item in items:
                text = self.text(item, f"units.{key} entry")
                if text:
                    out[key].append((text, self.loc(item)))
        return UnitSettings(equivalences=tuple(out["equivalences"]), definitions=tuple(out["define"]))

    # -- claims ----------------------------------------------------------------------------

    def claims(self, root: YMap, document: Document) -> list[Claim]:
        node = root.get("claims")
        if node is None or (isinstance(node, YScalar) and node.is_null):
            return []
        if not isinstance(node, YSeq):
            raise self.error("FC106", "`claims:` must be a list", self.loc(node))
        claims: list[Claim] = []
        seen: dict[str, Location] = {}
        for item in node:
            if type(item) is _Streamed:  # read while the file was parsed
                self.diagnostics.extend(item.notes)
                claim, error = item.claim, item.error
            else:
                try:
                    claim, error = self.claim(item, document), None
                except ClaimFileError as exc:
                    claim, error = None, exc
            if claim is None:
                assert error is not None
                self.note(error.code, error.message, Location(error.path or self.path, error.line, error.col))
                continue
            if claim.id in seen:
                self.note("FC108", f"claim id {claim.id!r} is used twice (first at line {seen[claim.id].line})", claim.location)
                continue
            seen[claim.id] = claim.location
            claims.append(claim)
        return claims

    def claim(self, node: YValue, document: Document) -> Claim:
        if not isinstance(node, YMap):
            raise self.error("FC106", "each claim is a mapping with at least `id:`", self.loc(node))
        # One pass over the mapping: this runs for every claim, 100k times in a large file.
        texts: dict[str, str | None] = {}
        for key, item in node.items():
            if type(item) is YScalar:
                texts[key] = None if (item.plain and item.text in NULL_WORDS) else item.text
            elif key in TEXT_KEYS:
                raise self.error("FC106", f"{key} must be text", self.loc(item))
        for key in node.keys() - CLAIM_KEYS:
            self.warn_unknown(key, CLAIM_KEYS, node, "claim")
        claim_id = texts.get("id")
        if claim_id is None:
            raise self.error("FC106", "this claim has no `id:`", self.loc(node))
        id_node = node["id"]  # a text in `texts` has its node in the mapping
        if not CLAIM_ID_RE.match(claim_id):
            raise self.error("FC107", f"claim id {claim_id!r} must match [a-z][a-z0-9_]*", self.loc(id_node))
        claim_id = sys.intern(claim_id)  # shared with the formulas that name it (factcheck.formula)
        location = Location(self.path, id_node.line, id_node.col)
        get = node.get
        stated = texts.get("stated")
        if stated is not None:
            stated_node = node["stated"]
            if stated_node.plain and _looks_grouped(stated):
                self.note("FC110", f"write the printed figure in quotes: stated: \"{stated}\" (unquoted, YAML may read it as another number)", self.loc(stated_node), "warning")
        hedge = Hedge.EXACT
        hedge_text = texts.get("hedge")
        if hedge_text is not None:
            try:
                hedge = Hedge(hedge_text)
            except ValueError:
                raise self.error("FC106", f"hedge must be one of exact, about, below, above, not {hedge_text!r}", self.loc(get("hedge"))) from None

        figure = None
        value: Fraction | None = None
        if stated is not None:
            try:
                figure = parse_figure(stated, document.language, document.hedge_margin)
            except FactcheckError as exc:
                if (exc.code in (BOUND_CODE, CHARACTER_CODE) or texts.get("value") is None
                        or (texts.get("precision") is None and texts.get("tolerance") is None)):
                    raise self.error(exc.code, exc.message, self.loc(get("stated"))) from None
                # Written by a tool that read the figure itself (a table cell in another number
                # format): `value` and `precision` (or `tolerance`) say all there is to know.
                value = self.value(get("value"), stated)
                assert value is not None  # texts["value"] is not None
                figure = Figure(text=stated, value=value, interval=Interval.point(value))
            if (texts.get("value") is not None and (texts.get("precision") is not None or texts.get("tolerance") is not None)
                    and (written := self.value(get("value"), stated)) is not None and written != figure.value):
                # a tool that read the figure itself says what it is: "(11,3%)" beside an amount is
                # a share of 11,3 %, not a negative one; its precision applies to that value
                value = written
                figure = Figure(text=stated, value=written, interval=Interval.point(written), hedge=figure.hedge)
            if hedge_text is None:
                hedge = figure.hedge
            elif hedge is not figure.hedge:
                figure = _rehedged(figure, hedge, document)
        precision_text = texts.get("precision")
        if figure is not None and precision_text is not None:
            figure = self.with_precision(figure, precision_text, get("precision"), document)
        elif document.exact and figure is not None and hedge is Hedge.EXACT and texts.get("tolerance") is None:
            # "bijna", "circa" and a claim's own tolerance say the figure is not exact; nothing else does.
            figure = replace(figure, interval=Interval.point(figure.value))

        if value is None and "value" in node:
            value = self.value(get("value"), stated)
        if value is None and figure is not None:
            value = figure.value

        expr = texts.get("expr")
        expect = None
        expect_text = texts.get("expect")
        if expect_text is not None:
            try:
                expect = Verdict(expect_text)
            except ValueError:
                names = ", ".join(v.value for v in Verdict)
                raise self.error("FC106", f"expect must be one of {names}, not {expect_text!r}", self.loc(get("expect"))) from None
        tolerance = texts.get("tolerance")
        if tolerance is not None:
            self.percentage(tolerance, self.loc(get("tolerance")))
        external = False
        if "external" in node:
            flag = texts.get("external")
            if flag not in ("true", "false", "True", "False", "yes", "no"):
                raise self.error("FC106", "external must be true or false", self.loc(get("external")))
            external = flag in ("true", "True", "yes")
        unit = _shared(texts.get("unit"))
        if unit is None and figure is not None:
            unit = figure.unit_hint
        conflict = get("conflict")
        if conflict is not None:
            self.unresolved_conflicts(claim_id, conflict, node)
        where_node = get("where")
        expr_node = get("expr") if expr is not None else None
        evidence_node = get("evidence")
        return Claim(
            id=claim_id,
            document_id=document.id,
            location=location,
            stated=stated,
            value=value,
            figure=figure,
            unit=unit,
            hedge=hedge,
            expr=expr,
            expr_location=Location(self.path, expr_node.line, expr_node.col) if expr_node is not None else None,
            expect=expect,
            tolerance=tolerance,
            external=external,
            quote=texts.get("quote"),
            where=_plain(where_node) if type(where_node) is YMap else _NO_ENTRIES,
            origin=_shared(texts.get("origin")),
            kind=_shared(texts.get("kind")),
            subject=_shared(texts.get("subject")),
            period=_shared(texts.get("period")),
            repeats=self.id_list(get("repeats")) if "repeats" in node else (),
            scale=self.scale(texts.get("scale"), get("scale")),
            evidence=_plain(evidence_node) if type(evidence_node) is YMap else _NO_ENTRIES,
            key_locations=_KeyLocations(self.path, node.key_pos),
        )

    def unresolved_conflicts(self, claim_id: str, conflict: YValue, claim: YMap) -> None:
        """Warn (FC312) for each field a merge left in `conflict:`: nobody has settled it yet."""
        if not isinstance(conflict, YMap):
            if not (isinstance(conflict, YScalar) and conflict.is_null):
                self.note("FC312", f"unresolved merge conflict in {claim_id}; settle it and delete `conflict:`",
                          self.key_loc(claim, "conflict"), "warning")
            return
        for name, entry in conflict.items():
            change = ""
            if isinstance(entry, YMap) and isinstance(entry.get("now"), YScalar):
                was, now = entry.get("was"), entry["now"]
                was_text = "nothing" if not isinstance(was, YScalar) or was.is_null else repr(was.text)
                change = f"; the document changed it from {was_text} to {now.text!r}"
            self.note("FC312", f"unresolved merge conflict in {claim_id}.{name}: your value is kept{change}; "
                      "settle it and delete the entry under `conflict:`", self.key_loc(conflict, name), "warning")

    def scale(self, text: str | None, node: YValue | None) -> Fraction | None:
        """`scale:` a table's multiplier: a positive power of ten such as 1000 or 1000000."""
        if text is None:
            return None
        self.numerals(text, "scale", self.loc(node))
        cleaned = text.strip().replace(".", "").replace(",", "").replace("_", "")
        if not (cleaned.isascii() and cleaned.isdigit()) or cleaned.rstrip("0") != "1":
            raise self.error("FC106", f"scale must be a power of ten such as 1000, not {text!r}", self.loc(node))
        try:
            check_power_of_ten(len(cleaned) - 1, "scale: 10 to the power")
        except FactcheckError as exc:
            raise self.error(exc.code, exc.message, self.loc(node)) from None
        return Fraction(10) ** (len(cleaned) - 1)

    def id_list(self, node: YValue | None) -> tuple[str, ...]:
        """A list of claim ids (for `repeats:`), each checked like an id in a formula."""
        if node is None:
            return ()
        if not isinstance(node, YSeq):
            raise self.error("FC106", "repeats must be a list of claim ids", self.loc(node))
        ids = []
        for item in node:
            text = self.text(item, "repeats entry")
            if text is None or not (CLAIM_ID_RE.match(text) or re.fullmatch(r"[a-z0-9][a-z0-9_-]*\.[a-z][a-z0-9_]*", text)):
                raise self.error("FC107", f"{text!r} in repeats is not a claim id", self.loc(item))
            ids.append(text)
        return tuple(ids)

    def value(self, node: YValue | None, stated: str | None) -> Fraction | None:
        text = self.text(node, "value")
        if text is None:
            return None
        self.numerals(text, "value", self.loc(node))
        cleaned = text.strip().replace("_", "")
        match = _VALUE_RE.match(cleaned)
        if not match:
            raise self.error("FC109", f"value {text!r} must be an exact number such as \"55700\", \"0.25\" or \"1/3\"", self.loc(node))
        whole, decimals, denominator = match.groups()
        for part in (whole + (decimals or ""), denominator or ""):
            if len(part) > MAX_NUMBER_DIGITS:
                raise self.error(BOUND_CODE, f"value has a number of {len(part)} digits; the limit is {MAX_NUMBER_DIGITS}", self.loc(node))
        if denominator is not None and not denominator.strip("0"):
            raise self.error("FC109", f"value {text!r} divides by zero", self.loc(node))
        if isinstance(node, YScalar) and node.plain and "." in cleaned:
            hint = stated or cleaned
            self.note(
                "FC110",
                f"value: {text} is read as the decimal number {cleaned}; if it is a printed figure with a "
                f"thousands separator, write stated: \"{hint}\" instead",
                self.loc(node), "warning",
            )
        number, _, _ = cleaned.partition("/")
        exact = Fraction(number)  # ASCII digits, bounded: checked above
        return exact / int(denominator) if denominator is not None else exact

    def with_precision(self, figure: Figure, text: str, node: YValue | None, document: Document) -> Figure:
        """Apply `precision:`: ``exact`` (no rounding at all) or the power of ten it was rounded at."""
        if text == "exact":
            return replace(figure, interval=Interval.point(figure.value))
        self.numerals(text, "precision", self.loc(node))
        if not _PRECISION_RE.match(text.strip()):
            raise self.error("FC106", f"precision must be `exact` or a power of ten such as 3 (thousands) or -1 (tenths), not {text!r}", self.loc(node))
        power = int(text.strip())  # str.strip() also takes \x1c-\x1f, which int() refuses
        try:
            check_power_of_ten(power, "precision")
        except FactcheckError as exc:
            raise self.error(exc.code, exc.message, self.loc(node)) from None
        return replace(figure, precision=power, interval=figure_interval(figure.value, power, figure.hedge, document.hedge_margin))


class _KeyLocations(Mapping[str, Location]):
    """Where each key of a claim stands, made into Locations only when asked (most never are).

    Kept compact because every claim has one: the key names as one tuple shared by all claims
    that write their keys in the same order, and the positions packed as 32-bit integers. A
    dict of (line, col) tuples per claim was a sixth of a large check's memory.
    """

    __slots__ = ("_path", "_keys", "_positions")

    def __init__(self, path: str, positions: dict[str, tuple[int, int]]) -> None:
        keys = tuple(positions)
        self._path = path
        self._keys = _KEY_ORDERS.setdefault(keys, keys)
        self._positions = array("i", [n for pair in positions.values() for n in pair]).tobytes()

    def __getitem__(self, key: str) -> Location:
        try:
            index = self._keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        packed = memoryview(self._positions).cast("i")
        return Location(self._path, packed[2 * index], packed[2 * index + 1])

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


# One tuple per order of keys met in claims (a file writes its claims' keys in a few orders).
_KEY_ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {}
# A claim without `where:` or `evidence:` shares this one empty mapping (never written to).
_NO_ENTRIES: Mapping[str, Any] = {}


def _shared(text: str | None) -> str | None:
    """One string for a word many claims repeat (units, kinds, origins, subjects, periods)."""
    return None if text is None else sys.intern(text)


def _rehedged(figure: Figure, hedge: Hedge, document: Document) -> Figure:
    return replace(figure, hedge=hedge, interval=figure_interval(figure.value, figure.precision, hedge, document.hedge_margin))


_GROUPED_NUMBER = re.compile(r"-?[0-9]{1,3}([.,][0-9]{3})+")
_DECIMAL_NUMBER = re.compile(r"-?[0-9]+[.,][0-9]+")
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")


def _looks_grouped(text: str) -> bool:
    return bool(_GROUPED_NUMBER.fullmatch(text.strip())) or bool(_DECIMAL_NUMBER.fullmatch(text.strip()))


def _plain(node: YValue) -> Any:
    """Positioned values back to plain Python (for `where:` and other free-form keys)."""
    if isinstance(node, YMap):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, YSeq):
        return [_plain(v) for v in node]
    if node.is_null:
        return None
    if node.plain and _WHOLE_NUMBER.fullmatch(node.text):
        return int(node.text)
    return node.text
