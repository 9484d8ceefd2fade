"""What every report shows, worked out once: ordering, formatted numbers, quotes with the figure marked.

Each format module turns a :class:`ReportView` into text. Numbers are formatted here from the
exact fractions on the :class:`~factcheck.model.Result` (with :mod:`factcheck.formatting`); no
format reads a number back from text. Every string that came from a document or a claim file is
passed through :func:`factcheck.report.sanitize.clean` here, so formats get clean text and only
have to escape it for their own syntax.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from fractions import Fraction
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable, Protocol, Sequence

import factcheck
from factcheck.errors import FactcheckError
from factcheck.formatting import (
    APPROX,
    MINUS,
    format_interval,
    format_number,
    format_ratio_percent,
    format_value,
)
from factcheck.formula import Node, parse_formula
from factcheck.gc_pause import collector_paused
from factcheck.model import ClaimFile, Diagnostic, Document, Interval, Result, Verdict
from factcheck.numbers import decimal_string
from factcheck.report.sanitize import clean, one_line
from factcheck.unit_names import unit_words

__all__ = [
    "RunLike",
    "SimpleRun",
    "ReportView",
    "ResultView",
    "InputView",
    "DocumentView",
    "DiagnosticView",
    "Change",
    "build_view",
    "result_key",
    "omitted_note",
    "VERDICT_ORDER",
]

VERDICT_ORDER: tuple[Verdict, ...] = tuple(Verdict)

# Short one-line meaning of each verdict, shown in legends and as SARIF rule descriptions.
VERDICT_HELP: dict[str, str] = {
    "consistent": "The recomputed value equals the printed figure exactly (for a repeat: every statement agrees).",
    "rounding": "Off only by rounding: the intervals meet once the printed precision is allowed for.",
    "mismatch": "The recomputed value and the printed figure do not agree, even allowing for rounding.",
    "scale": "Off by a factor of 1000, a million or a billion: a thousand/million slip or a 'x 1.000' label.",
    "unit": "The formula produces a different unit or dimension than the figure states.",
    "unverifiable": "Not every input of the formula is known, so the figure cannot be recomputed.",
    "error": "The claim could not be evaluated: a formula, unit or reference error.",
    "conflict": "The same quantity is stated with values that cannot both be right.",
}


class RunLike(Protocol):
    """What a report needs from a check run (``factcheck.engine.CheckRun`` has it)."""

    results: list[Result]
    diagnostics: list[Diagnostic]


@dataclass
class SimpleRun:
    """A check run built by hand (tests, examples); the engine's ``CheckRun`` has the same shape."""

    results: list[Result] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[ClaimFile] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentView:
    id: str
    title: str
    source: str
    sha256: str
    language: str
    claim_file: str


class InputView:
    """One input of a relation as the reports show it; the formatted parts are made when first read."""

    __slots__ = ("_input", "_interval", "_language", "_quote_parts", "_value", "claim_id", "computed", "exact", "name",
                 "page", "quote", "stated", "unit")

    def __init__(self, inp: Any, language: str) -> None:
        claim = inp.claim
        self._input = inp
        self._language = language
        self.name: str = clean(inp.name)
        self.claim_id: str = clean(claim.qualified_id) if claim is not None else ""
        self.stated: str = one_line(claim.stated) if claim is not None and claim.stated else ""  # as printed
        self.exact: str | None = _exact(inp.value)
        self.unit: str = clean(inp.unit or "")
        self.quote: str = one_line(claim.quote) if claim is not None and claim.quote else ""
        self.computed: bool = bool(inp.computed)
        self.page: str = _where(claim.where)[2] if claim is not None else ""
        self._value: str | None = None
        self._interval: str | None = None
        self._quote_parts: tuple[tuple[str, bool], ...] | None = None

    @property
    def value(self) -> str:
        """The value, formatted the document's way."""
        if self._value is None:
            self._value = format_value(self._input.value, self._language, self._input.unit, 2, mark_inexact=True)
        return self._value

    @property
    def interval(self) -> str:
        if self._interval is None:
            self._interval = format_interval(self._input.interval, self._language, self._input.unit)
        return self._interval

    @property
    def quote_parts(self) -> tuple[tuple[str, bool], ...]:
        if self._quote_parts is None:
            claim = self._input.claim
            figure_text = claim.figure.text if claim is not None and claim.figure is not None else None
            self._quote_parts = mark_figure(self.quote, [self.stated, figure_text])
        return self._quote_parts


@dataclass(frozen=True)
class DiagnosticView:
    code: str
    message: str
    severity: str
    file: str
    line: int | None
    col: int | None


@dataclass(frozen=True)
class Change:
    """How one relation's verdict changed since the baseline report."""

    key: str  # document-id.claim-id
    document: str
    id: str
    kind: str  # "new" | "removed" | "changed"
    old_verdict: str | None
    new_verdict: str | None
    old_expected: bool | None
    new_expected: bool | None

    @property
    def text(self) -> str:
        if self.kind == "new":
            return f"new: {self.new_verdict}"
        if self.kind == "removed":
            return f"removed (was {self.old_verdict})"
        return f"{self.old_verdict} → {self.new_verdict}"


@dataclass
class ResultView:
    """One result as every report shows it.

    What each format needs differs: SARIF shows only unexpected verdicts, the terminal table no
    quotes or inputs, and only the HTML report shows the formula printed by sympy. So the fields
    that cost something to make (formatted numbers, the explanation, inputs, the formula) are
    properties worked out on first read and kept; a format that does not read one never pays
    for it, and formats rendered from one view share the work.
    """

    result: Result
    key: str
    group: int  # 0 unexpected, then the document's problems by severity (SEVERITY), then the rest
    id: str
    document_id: str
    verdict: str
    expected: bool
    expect: str | None
    file: str  # the claim's YAML file
    doc_file: str  # the claim file of its document (the same, unless a location says otherwise)
    line: int | None
    col: int | None
    page: str
    pdf_line: str
    location: str  # "p. 12, line 3"
    source_location: str  # "claims/x.yaml:14:5"
    quote: str
    stated: str
    unit: str
    expr: str
    formula_filled: str
    message: str
    missing: tuple[str, ...]
    change: Change | None = None
    language: str = "nl"  # the document's, which numbers are written in
    raw_unit: str | None = None  # the unit numbers are formatted with
    decimals: int = 2

    @property
    def status(self) -> str:
        """ "unexpected", or "expected" (the verdict is the accepted one)."""
        return "expected" if self.expected else "unexpected"

    def _value(self, value: Fraction | None, mark_inexact: bool = False) -> str:
        return format_value(value, self.language, self.raw_unit, self.decimals, mark_inexact=mark_inexact)

    def _interval(self, interval: Interval | None) -> str:
        return format_interval(interval, self.language, self.raw_unit, self.decimals)

    @cached_property
    def quote_parts(self) -> tuple[tuple[str, bool], ...]:
        """The quote split into (text, is the figure) parts."""
        figure = self.result.claim.figure
        # A repeat group states nothing itself: its quote is one of its statements'.
        others = [stated for stated, _ in self.statements]
        return mark_figure(self.quote, [self.stated, figure.text if figure else None, *others])

    @cached_property
    def sentence_parts(self) -> tuple[tuple[str, bool], ...]:
        """The quote around its marked figure, short enough for a row of the results."""
        return excerpt(self.quote_parts)

    @cached_property
    def statements(self) -> tuple[tuple[str, str], ...]:
        """A repeat group's figures, each once with where it is stated: ("1 miljard", "question 1, 14")."""
        if not self.result.claim.repeats:
            return ()
        places: dict[str, list[str]] = {}
        for item in self.result.evidence:
            if hasattr(item, "get") and item.get("stated"):
                where = one_line(item.get("where") or "") or one_line(item.get("claim") or "")
                places.setdefault(one_line(item["stated"]), []).append(where)
        return tuple((figure, _places(wheres)) for figure, wheres in places.items())

    @cached_property
    def stated_value(self) -> str:
        return self._value(self.result.stated_value)

    @cached_property
    def stated_interval(self) -> str:
        return self._interval(self.result.stated_interval)

    @cached_property
    def computed(self) -> str:
        return self._value(self.result.computed, mark_inexact=True)

    @cached_property
    def computed_interval(self) -> str:
        return self._interval(self.result.computed_interval)

    @cached_property
    def difference(self) -> str:
        return _signed_value(self.result.difference, self.language, self.raw_unit, self.decimals)

    @cached_property
    def relative_difference(self) -> str:
        rel = self.result.relative_difference
        return format_ratio_percent(rel, self.language) if rel is not None else ""

    @cached_property
    def explanation(self) -> str:
        return clean(self.result.explanation).strip()

    @cached_property
    def inputs(self) -> tuple[InputView, ...]:
        return tuple(InputView(i, self.language) for i in self.result.inputs)

    @cached_property
    def extra(self) -> dict[str, str]:
        """Scale factor, units of a unit verdict, evidence, implied values..."""
        return _extra(self.result, self.language, self.decimals)

    @cached_property
    def formula_root(self) -> Node | None:
        """The parsed formula, or None when there is none or it does not parse."""
        parsed = self.result.formula  # the engine's parse, when the result comes from the engine
        if parsed is not None and parsed.source == self.result.claim.expr:
            return parsed.root  # type: ignore[no-any-return]
        return _parsed(self.result.claim.expr)

    @cached_property
    def _formulas(self) -> tuple[str, str]:
        return _formula(self.result.claim.expr, self.formula_root)

    @property
    def formula(self) -> str:
        """The formula as sympy writes it."""
        return self._formulas[0]

    @property
    def formula_latex(self) -> str:
        return self._formulas[1]


@dataclass
class ReportView:
    generated_at: str
    version: str
    documents: list[DocumentView]
    counts: dict[str, int]  # per verdict name, every verdict present (0 when none)
    unexpected: int
    total: int
    results: list[ResultView]
    diagnostics: list[DiagnosticView]
    changes: list[Change] | None = None  # None: no baseline given
    baseline: dict[str, Any] | None = None  # {"path", "generated_at", "version"}
    full: bool = True  # False: the reports people read list the problems, and count the consistent rest

    @property
    def listed(self) -> list[ResultView]:
        """The results a report for people lists: all of them with ``full``, otherwise every one
        that is not an expected `consistent` (those are only counted, see :attr:`omitted`)."""
        if self.full:
            return self.results
        return [r for r in self.results if not is_quiet(r)]

    @property
    def omitted(self) -> int:
        """How many expected `consistent` results :attr:`listed` leaves out."""
        return 0 if self.full else sum(1 for r in self.results if is_quiet(r))

    @property
    def ok(self) -> bool:
        return self.unexpected == 0 and not any(d.severity == "error" for d in self.diagnostics)

    @property
    def problems(self) -> dict[str, int]:
        """What is wrong in the documents themselves, per verdict (conflicts, mismatches, scale and
        unit slips), whether or not the baseline expected it: the report's headline."""
        return {v: self.counts[v] for v in PROBLEM_VERDICTS if self.counts.get(v)}

    def sections(self) -> list[tuple[DocumentView, list[ResultView], int]]:
        """Per document: the results a report for people lists (see :attr:`listed`), and how many
        expected `consistent` ones it leaves out."""
        out = []
        for doc, rows in self.by_document():
            shown = rows if self.full else [r for r in rows if not is_quiet(r)]
            out.append((doc, shown, len(rows) - len(shown)))
        return out

    def by_document(self) -> list[tuple[DocumentView, list[ResultView]]]:
        """Results grouped by document, in the report order inside each group."""
        out: list[tuple[DocumentView, list[ResultView]]] = []
        for doc in self.documents:
            rows = [r for r in self.results if r.document_id == doc.id and r.doc_file == doc.claim_file]
            out.append((doc, rows))
        return out


def is_quiet(row: ResultView) -> bool:
    """An expected `consistent` result: counted, not listed, unless a report is asked for in full."""
    return row.verdict == "consistent" and row.expected


def omitted_note(n: int) -> str:
    """The line a report shows in place of the expected `consistent` relations it does not list."""
    return f"{n} consistent relation{'' if n == 1 else 's'} not listed (--all lists every relation)"


def result_key(document_id: str, claim_id: str) -> str:
    return f"{document_id}.{claim_id}"


def timestamp(generated_at: datetime | str | None = None) -> str:
    """ISO 8601 UTC time of the report: the given one, ``SOURCE_DATE_EPOCH`` when set, else now."""
    if isinstance(generated_at, str):
        return generated_at
    if generated_at is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            generated_at = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        else:
            generated_at = datetime.now(timezone.utc)
    if generated_at.tzinfo is None:
        generated_at = generated_at.replace(tzinfo=timezone.utc)
    return generated_at.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def display_path(path: str | os.PathLike[str] | None, base_dir: Path | None = None) -> str:
    """``path`` relative to ``base_dir`` (default: the working directory) with ``/`` separators."""
    if not path:
        return ""
    base = os.fspath(Path.cwd() if base_dir is None else base_dir)
    # Every result of a file shows the same path: work it out once per (path, base).
    return _display_path(os.fspath(path), base)


@lru_cache(maxsize=4096)
def _display_path(path: str, base_dir: str) -> str:
    p = Path(path)
    base = Path(base_dir)
    if p.is_absolute():
        try:
            p = p.relative_to(base.resolve())
        except ValueError:
            try:
                rel = os.path.relpath(p, base.resolve())
                if not rel.startswith(".."):
                    p = Path(rel)
            except ValueError:  # another drive on Windows
                pass
    return one_line(p.as_posix())


_SPACE_CLASS = "[\\s\u00a0\u202f\u2009]+"
_CURRENCY_PREFIX = re.compile(r"^(?:[€$£]|EUR|USD|US\$)\s*")


def mark_figure(quote: str, candidates: Iterable[str | None]) -> tuple[tuple[str, bool], ...]:
    """Split ``quote`` into (text, is_figure) parts, marking the first candidate found in it.

    Spaces match any kind of space, so "€ 55.700" is found in a quote that has a no-break space.
    When no candidate occurs, the whole quote is one unmarked part.
    """
    if not quote:
        return ()
    wanted = [one_line(c) for c in candidates if c]
    # The quote may print the figure without its currency ("Total 14,862 million").
    wanted += [_CURRENCY_PREFIX.sub("", c) for c in wanted]
    for cand in wanted:
        if not cand:
            continue
        if " " not in cand:  # the pattern would be the text itself
            start = quote.find(cand)
            if start < 0:
                continue
            end = start + len(cand)
        else:
            match = _figure_pattern(cand).search(quote)
            if not match:
                continue
            start, end = match.start(), match.end()
        parts = [(quote[:start], False), (quote[start:end], True), (quote[end:], False)]
        return tuple(p for p in parts if p[0])
    return ((quote, False),)


SENTENCE_CONTEXT = 90  # characters of a quote kept either side of its figure in a result's row


def excerpt(parts: tuple[tuple[str, bool], ...], context: int = SENTENCE_CONTEXT) -> tuple[tuple[str, bool], ...]:
    """``parts`` of :func:`mark_figure` cut to about ``context`` characters either side of the
    figure, at a space, with "…" where text was left out; the figure itself is always kept."""
    if not parts:
        return ()
    at = next((n for n, (_, marked) in enumerate(parts) if marked), None)
    if at is None:
        return ((_cut_after(parts[0][0], 2 * context), False),)
    out: list[tuple[str, bool]] = []
    if at:
        before = parts[0][0]
        if len(before) > context:
            tail = before[-context:]
            space = tail.find(" ")
            before = "…" + (tail[space + 1:] if 0 <= space < len(tail) - 1 else tail)
        out.append((before, False))
    out.append(parts[at])
    if at + 1 < len(parts):
        out.append((_cut_after(parts[at + 1][0], context), False))
    return tuple(out)


def _cut_after(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head) + "…"


def _places(wheres: list[str]) -> str:
    """Where statements stand, compactly: "question 1, 14" when each names its question, else each in full."""
    parsed = [dict(p.partition(" ")[::2] for p in w.split(", ") if " " in p) for w in wheres]
    for key in ("question", "page", "line"):
        if all(key in p for p in parsed):
            return f"{key} " + ", ".join(dict.fromkeys(p[key] for p in parsed))
    return "; ".join(dict.fromkeys(wheres))


@lru_cache(maxsize=4096)
def _figure_pattern(figure: str) -> re.Pattern[str]:
    return re.compile(_SPACE_CLASS.join(re.escape(part) for part in figure.split(" ")))


def _decimals(result: Result) -> int:
    """Decimals to show for a result's values: two, or one more than the printed figure has."""
    figure = result.claim.figure
    if figure is not None and figure.precision < 0:
        return max(2, -figure.precision + 1)
    return 2


def _signed_value(value: Fraction | None, language: str, unit: str | None, decimals: int) -> str:
    if value is None:
        return ""
    text = format_value(abs(value), language, unit, decimals, mark_inexact=True)
    if value == 0:
        return text
    sign = "+" if value > 0 else MINUS
    if text.startswith(APPROX):
        return APPROX + sign + text[len(APPROX) :]
    return sign + text


def _where(where: Any) -> tuple[str, str, str]:
    """(page, line, "p. 12, line 3") from a claim's ``where`` mapping."""
    if not isinstance(where, dict) and not hasattr(where, "get"):
        return "", "", ""
    page = where.get("page")
    line = where.get("line")
    page_s = one_line(page) if page is not None else ""
    line_s = one_line(line) if line is not None else ""
    parts = []
    if page_s:
        parts.append(f"p. {page_s}")
    if line_s:
        parts.append(f"line {line_s}")
    question = where.get("question")
    if question is not None:
        parts.append(f"question {one_line(question)}")
    asker = where.get("asked_by")
    if asker:
        parts.append(f"asked by {one_line(asker)}")  # readers look a question up by who asked it
    return page_s, line_s, ", ".join(parts)


def _parsed(expr: str | None) -> Node | None:
    if not expr:
        return None
    try:
        return parse_formula(expr).root
    except FactcheckError:  # the engine gave the relation its `error` verdict already
        return None


def _formula(expr: str | None, root: Node | None) -> tuple[str, str]:
    """(pretty, latex) for a claim's formula, printed by sympy once per shape of formula.

    Anything unusual (no sympy, a formula that does not parse, one sympy will not print) takes
    the direct path, which says what happens then.
    """
    if not expr or root is None:
        return _formula_direct(expr)
    try:
        from factcheck import symbolic

        pretty, latex = symbolic.formula_display(root)
    except Exception:  # noqa: BLE001 - the direct path raises or answers as it always did
        return _formula_direct(expr)
    return clean(pretty), clean(latex)


@lru_cache(maxsize=1024)
def _formula_direct(expr: str | None) -> tuple[str, str]:
    """(pretty, latex) for a claim's formula; the expression text itself when sympy cannot help."""
    if not expr:
        return "", ""
    pretty, latex = expr, ""
    try:
        from factcheck import symbolic
    except ImportError:
        return clean(expr), ""
    # A formula the engine rejected already has its own `error` verdict; show it as written.
    try:
        pretty = symbolic.formula_pretty(expr)
    except (FactcheckError, ValueError, TypeError):
        pretty = expr
    try:
        latex = symbolic.formula_latex(expr)
    except (FactcheckError, ValueError, TypeError):
        latex = ""
    return clean(pretty), clean(latex)


def _exact(value: Fraction | None) -> str | None:
    if value is None:
        return None
    return decimal_string(value if type(value) is Fraction else Fraction(value))


# The labels of a result's further details, in the document's language.
_EXTRA_LABELS = {
    "nl": {"scale factor": "schaalfactor", "computed unit": "berekende eenheid", "stated unit": "vermelde eenheid",
           "evidence": "bewijs", "found by discovery": "gevonden door ontdekking",
           "would have to be": "zou moeten zijn"},
}


def _unit_name(unit: str, language: str) -> str:
    return (unit_words(unit, language) or unit) if language == "nl" else unit


def _extra(result: Result, language: str, decimals: int) -> dict[str, str]:
    extra: dict[str, str] = {}
    words = _EXTRA_LABELS.get(language, {})

    def label_of(text: str) -> str:
        return words.get(text, text)

    if result.scale_factor is not None:
        extra[label_of("scale factor")] = format_number(result.scale_factor, language, 6)
    if result.computed_unit:
        extra[label_of("computed unit")] = one_line(_unit_name(result.computed_unit, language))
    if result.stated_unit and result.verdict == Verdict.UNIT:
        extra[label_of("stated unit")] = one_line(_unit_name(result.stated_unit, language))
    # A repeat group's statements are in its explanation already: the evidence is shown once.
    evidence = () if result.claim.repeats else result.evidence
    for n, item in enumerate(evidence, 1):
        if hasattr(item, "items"):
            label = label_of("evidence") if len(evidence) == 1 else f"{label_of('evidence')} {n}"
            extra[label] = one_line("; ".join(f"{k}: {v}" for k, v in item.items()))
    found = result.claim.evidence
    if result.claim.origin == "discovered" and found and not result.evidence:
        # Why discovery proposed this relation (wording, exactness, the table it is from): a
        # reader judging a proposal nobody wrote needs it next to the verdict.
        extra[label_of("found by discovery")] = one_line("; ".join(f"{k}: {v}" for k, v in found.items()))
    for implied in result.implied:
        extra[f"{one_line(implied.name)} {label_of('would have to be')}"] = format_value(
            implied.value, language, implied.unit, decimals, mark_inexact=True
        )
    return extra


def _result_view(result: Result, base_dir: Path) -> ResultView:
    claim, doc = result.claim, result.document
    language = doc.language or "nl"
    unit = result.stated_unit or claim.unit
    page, pdf_line, where_text = _where(claim.where)
    file = display_path(claim.location.path or doc.path, base_dir)
    source_location = file
    if claim.location.line is not None:
        source_location += f":{claim.location.line}"
        if claim.location.col is not None:
            source_location += f":{claim.location.col}"
    group = 0 if not result.expected else 1 + SEVERITY.get(result.verdict.value, len(SEVERITY))
    return ResultView(
        result=result,
        key=result_key(doc.id, claim.id),
        group=group,
        id=clean(claim.id),
        document_id=clean(doc.id),
        verdict=result.verdict.value,
        expected=result.expected,
        expect=claim.expect.value if claim.expect is not None else None,
        file=file,
        doc_file=display_path(doc.path, base_dir),
        line=claim.location.line,
        col=claim.location.col,
        page=page,
        pdf_line=pdf_line,
        location=where_text,
        source_location=source_location,
        quote=one_line(claim.quote),
        stated=one_line(claim.stated),
        unit=one_line(unit or ""),
        expr=one_line(claim.expr),
        formula_filled=one_line(result.formula_filled),
        message=clean(result.message).strip(),
        missing=tuple(one_line(m) for m in result.missing),
        language=language,
        raw_unit=unit,
        decimals=_decimals(result),
    )


def _documents(run: Any, results: Sequence[Result], base_dir: Path | None) -> list[DocumentView]:
    docs: list[Document] = []
    for cf in getattr(run, "files", None) or []:
        docs.append(cf.document)
    for r in results:
        docs.append(r.document)
    seen: set[tuple[str, str]] = set()
    out: list[DocumentView] = []
    for d in docs:
        view = DocumentView(
            id=clean(d.id),
            title=one_line(d.title),
            source=one_line(d.source),
            sha256=one_line(d.sha256),
            language=one_line(d.language),
            claim_file=display_path(d.path, base_dir),
        )
        k = (view.id, view.claim_file)
        if k not in seen:
            seen.add(k)
            out.append(view)
    return out


# Problems in a document, the worst first: a document contradicting itself, a wrong figure, a
# thousand/million slip, a unit slip; then what could not be checked; then what holds.
PROBLEM_VERDICTS = ("conflict", "mismatch", "scale", "unit")
SEVERITY = {v: n for n, v in enumerate((*PROBLEM_VERDICTS, "error", "unverifiable", "rounding", "consistent"))}


def sort_key(view: ResultView) -> tuple[Any, ...]:
    """Unexpected first, then the expected ones by severity (conflict, mismatch, scale, unit,
    error, unverifiable, rounding, consistent); claim-file order inside each group."""
    return (view.group, view.file, view.line if view.line is not None else 1 << 30, view.id)


def build_view(
    run: RunLike,
    *,
    generated_at: datetime | str | None = None,
    base_dir: Path | None = None,
    full: bool = False,
) -> ReportView:
    """Everything a report shows, in order; without ``full`` the reports people read list only
    the problems (see :attr:`ReportView.listed`). Comparing with a baseline is :mod:`.diff`'s job
    (``factcheck.report.build_view`` does both), so this module does not depend on it."""
    with collector_paused():
        return _build_view(run, generated_at, base_dir, full)


def _build_view(run: RunLike, generated_at: datetime | str | None, base_dir: Path | None, full: bool) -> ReportView:
    results = list(run.results)
    if base_dir is None:
        base_dir = Path.cwd()  # once, not for every path shown
    views = sorted((_result_view(r, base_dir) for r in results), key=sort_key)
    counts = Counter(r.verdict.value for r in results)
    diagnostics = [
        DiagnosticView(
            code=one_line(d.code),
            message=clean(d.message).strip(),
            severity=one_line(d.severity),
            file=display_path(d.location.path, base_dir),
            line=d.location.line,
            col=d.location.col,
        )
        for d in run.diagnostics
    ]
    view = ReportView(
        generated_at=timestamp(generated_at),
        version=factcheck.__version__,
        documents=_documents(run, results, base_dir),
        counts={v.value: counts.get(v.value, 0) for v in VERDICT_ORDER},
        unexpected=sum(1 for r in results if not r.expected),
        total=len(results),
        results=views,
        diagnostics=diagnostics,
        full=full,
    )
    return view
