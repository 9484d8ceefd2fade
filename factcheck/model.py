"""Immutable records that flow through factcheck: figures, claims, documents and results.

Numbers are :class:`fractions.Fraction` everywhere on the way to a verdict; floats never appear.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from fractions import Fraction
from typing import Any, Mapping, NamedTuple

from factcheck.errors import shown_name


class Hedge(str, enum.Enum):
    """How a printed figure relates to the quantity it stands for."""

    EXACT = "exact"  # printed plainly; still read as rounded at its last non-zero digit
    ABOUT = "about"  # circa, ongeveer, zo'n
    BELOW = "below"  # bijna, nog geen
    ABOVE = "above"  # ruim, meer dan, ten minste


class Verdict(str, enum.Enum):
    """The fixed verdict names. Their meaning is documented in docs/verdicts.md."""

    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"
    SCALE = "scale"
    UNIT = "unit"
    UNVERIFIABLE = "unverifiable"
    ERROR = "error"
    CONFLICT = "conflict"

    @property
    def passes_by_default(self) -> bool:
        """Whether this verdict is acceptable when a claim names no `expect`."""
        return self in (Verdict.CONSISTENT, Verdict.ROUNDING)


# The verdicts a writer's read-back guards against: a relation it writes must not raise one of
# these in `check` unless the writer found it too (factcheck.tables.readback, discover.readback).
ALARMS = (Verdict.MISMATCH, Verdict.SCALE)


class Interval(NamedTuple):
    """A closed interval of exact numbers; ``None`` on a side means unbounded.

    A NamedTuple rather than a frozen dataclass: a large check makes millions of them, and
    tuple construction is several times cheaper.
    """

    lo: Fraction | None
    hi: Fraction | None

    @staticmethod
    def point(value: Fraction) -> "Interval":
        """The degenerate interval holding just ``value``."""
        return Interval(value, value)

    def meets(self, other: "Interval") -> bool:
        """True when the two intervals share at least one number."""
        if self.hi is not None and other.lo is not None and self.hi < other.lo:
            return False
        if other.hi is not None and self.lo is not None and other.hi < self.lo:
            return False
        return True

    def contains(self, value: Fraction) -> bool:
        """True when ``value`` lies in the interval."""
        return (self.lo is None or self.lo <= value) and (self.hi is None or value <= self.hi)

    def scaled(self, factor: Fraction) -> "Interval":
        """The interval multiplied by a non-zero factor."""
        lo = None if self.lo is None else self.lo * factor
        hi = None if self.hi is None else self.hi * factor
        if factor < 0:
            lo, hi = hi, lo
        return Interval(lo, hi)


# Slips of a thousand, a million and a billion, both ways.
SCALE_POWERS = (1, 2, 3, -1, -2, -3)
# Their factors, made once: a Fraction power on every mismatch cost more than the test itself.
_SCALE_FACTORS = tuple(Fraction(1000) ** power for power in SCALE_POWERS)


def interval_verdict(
    computed: Fraction, computed_range: Interval, stated: Fraction, stated_range: Interval
) -> tuple[Verdict, Fraction | None]:
    """The one verdict rule, for the engine and the table checker alike.

    Equal values are ``consistent``; ranges that meet are ``rounding``; otherwise ``scale`` (with
    the factor) when a power of 1000 makes them meet, else ``mismatch``. Zero times any factor is
    zero, so a zero on either side is never a scale slip.
    """
    if computed == stated:
        return Verdict.CONSISTENT, None
    if computed_range.meets(stated_range):
        return Verdict.ROUNDING, None
    if computed != 0 and stated != 0:
        for factor in _SCALE_FACTORS:
            if computed_range.scaled(factor).meets(stated_range):
                return Verdict.SCALE, factor
    return Verdict.MISMATCH, None


@dataclass(frozen=True, slots=True)
class Figure:
    """A printed figure read exactly: its value, the interval it stands for and how it was written."""

    text: str  # as printed, e.g. "€983.113.200" or "ruim 1 miljard"
    value: Fraction  # in the figure's own unit, scale words applied ("1 miljard" -> 10**9)
    interval: Interval
    hedge: Hedge = Hedge.EXACT
    # Power of ten of the last significant digit: "41.000" -> 3, "1,5" -> -1, "€983.113.200" -> 2.
    precision: int = 0
    unit_hint: str | None = None  # unit read from the text itself: "EUR", "%", "USD" ...
    value_high: Fraction | None = None  # upper end of a printed range "20-30"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file. Lines and columns are 1-based."""

    path: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return shown_name(self.path)
        return f"{shown_name(self.path)}:{self.line}:{self.col or 1}"


@dataclass(frozen=True, slots=True)
class Claim:
    """One entry of a claim file: an input figure, or a relation when ``expr`` is set."""

    id: str
    document_id: str
    location: Location  # where the claim's `id` stands in its YAML file
    stated: str | None = None
    value: Fraction | None = None  # explicit `value`, or parsed from `stated`
    figure: Figure | None = None  # the parsed `stated`, when there is one
    unit: str | None = None
    hedge: Hedge = Hedge.EXACT
    expr: str | None = None
    expr_location: Location | None = None
    expect: Verdict | None = None
    tolerance: str | None = None
    external: bool = False
    quote: str | None = None
    where: Mapping[str, Any] = field(default_factory=dict)
    origin: str | None = None
    kind: str | None = None  # money, count, percent, ratio, duration
    subject: str | None = None
    period: str | None = None
    # The table's multiplier ("bedragen x € 1.000" -> 1000): the value is in units of scale × unit.
    scale: Fraction | None = None
    # For a discovered repeat: the ids of the claims that state the same quantity.
    repeats: tuple[str, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=dict)
    # Positions of the other keys, so later errors can point at the right line.
    key_locations: Mapping[str, Location] = field(default_factory=dict)

    @property
    def qualified_id(self) -> str:
        """The id as other files reference it: ``document-id.claim-id``."""
        return f"{self.document_id}.{self.id}"

    @property
    def is_relation(self) -> bool:
        """True when the claim states a relation to check: a formula and a printed figure.

        A formula without a figure is a named intermediate: usable as input, never judged.
        """
        return self.expr is not None and self.value is not None

    @property
    def is_judged(self) -> bool:
        """True when the claim gets a verdict: a relation, or a group of repeated statements."""
        return self.is_relation or bool(self.repeats)


@dataclass(frozen=True, slots=True)
class UnitSettings:
    """Unit equivalences and definitions a claim file declares."""

    equivalences: tuple[tuple[str, Location], ...] = ()
    definitions: tuple[tuple[str, Location], ...] = ()



# how far a hedged figure reaches when its claim file says nothing else (docs/verdicts.md)
HEDGE_MARGIN = Fraction(1, 10)


@dataclass(frozen=True, slots=True)
class Document:
    """The `document` header of a claim file."""

    id: str
    path: str  # the claim file itself
    title: str | None = None
    source: str | None = None
    sha256: str | None = None
    language: str = "nl"
    units: UnitSettings = field(default_factory=UnitSettings)
    # Relative margin given to hedged figures ("bijna", "ruim", "circa"), see docs/verdicts.md.
    hedge_margin: Fraction = HEDGE_MARGIN
    # `precision: exact` (or `check --strict`): unhedged figures stand for themselves, not for an
    # interval, unless a claim gives its own `precision:` or `tolerance:`.
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A message about a file that is not a verdict: an error that stopped it, or a warning."""

    code: str
    message: str
    location: Location
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class ClaimFile:
    """A loaded claim file: its document header, its claims, and what went wrong reading it."""

    document: Document
    claims: tuple[Claim, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    # Ids people deleted from an extracted file: discovery must not bring them back.
    deleted: frozenset[str] = frozenset()
    extracted: bool = False  # written by `factcheck extract` (it has an `extraction:` block)
    # The kinds of discovery `extract` ran on this file (its `extraction: discovery:`); None when
    # the file does not say (hand-written, or extracted before extract recorded it).
    discovery_done: frozenset[str] | None = None
    # A reference table this file registers (its `reference:` block): name, layout or mapping,
    # rows; the figures are read from the CSV named by `document: source:` (docs/reference-tables.md).
    reference: Mapping[str, str] | None = None
    reference_location: Location | None = None

    @property
    def uses_reference(self) -> bool:
        """Whether a formula of this file takes a value from a reference table (``ref(...)``)."""
        return any(c.expr is not None and "ref(" in c.expr for c in self.claims)


class InputValue(NamedTuple):
    """One input of a relation as the explanation shows it."""

    name: str  # as written in the formula
    claim: Claim | None
    value: Fraction | None  # in the input's own unit
    interval: Interval | None
    unit: str | None
    computed: bool = False  # True when the value was derived from the input's own formula
    # value × factor is the value in base units; a pure number (%, duizend) has no dimension left,
    # so the explanation can write "90 % × …" and work with 0,9.
    factor: Fraction = Fraction(1)
    dimensionless: bool = False


class Implied(NamedTuple):
    """What one input would have to be for the relation to hold exactly."""

    name: str
    value: Fraction
    unit: str | None


@dataclass(frozen=True, slots=True)
class Result:
    """The verdict on one relation, with everything needed to explain it."""

    claim: Claim
    document: Document
    verdict: Verdict
    explanation: str
    computed: Fraction | None = None  # in the claim's unit
    computed_interval: Interval | None = None
    stated_value: Fraction | None = None
    stated_interval: Interval | None = None
    difference: Fraction | None = None  # computed - stated
    relative_difference: Fraction | None = None  # difference / stated
    scale_factor: Fraction | None = None  # for `scale`: computed * factor matches the stated figure
    inputs: tuple[InputValue, ...] = ()
    implied: tuple[Implied, ...] = ()
    formula_filled: str | None = None
    computed_unit: str | None = None  # for `unit`: the dimension the formula produced
    stated_unit: str | None = None
    missing: tuple[str, ...] = ()  # for `unverifiable`
    message: str | None = None  # for `error`: `path:line:col: FCnnn ...`
    evidence: tuple[Mapping[str, Any], ...] = ()  # for `conflict` and discovered claims
    # The parsed `expr` (a factcheck.formula.Formula) when it parsed, so reports need not parse it again.
    formula: Any = None

    @property
    def expected(self) -> bool:
        """Whether the verdict is the accepted one (``expect``), or passes by default."""
        if self.claim.expect is not None:
            return self.verdict == self.claim.expect
        return self.verdict.passes_by_default


# Result's slot descriptors, through which LazyResult fills its frozen fields on first read. Taken
# from the class dict because mypy reads ``Result.explanation`` as the field, not the descriptor.
_EXPLANATION_SLOT: Any = Result.__dict__["explanation"]
_INTERVAL_SLOT: Any = Result.__dict__["computed_interval"]


class LazyResult(Result):
    """A :class:`Result` whose explanation (and, for a consistent relation, computed interval)
    is worked out on first read.

    Writing explanations formats a dozen numbers per relation, and a consistent relation needs
    no interval arithmetic for its verdict; a 100k-claim check would spend most of its time on
    work nobody reads. Everything else about the result is computed eagerly.
    """

    __slots__ = ("_explainer", "_interval")
    _explainer: Any
    _interval: Any

    def __init__(self, explainer: Any = None, interval: Any = None, **fields: Any) -> None:
        object.__setattr__(self, "_explainer", explainer)
        object.__setattr__(self, "_interval", interval)
        fields.setdefault("explanation", None)
        super().__init__(**fields)

    @property  # type: ignore[override]
    def explanation(self) -> str:  # noqa: D102 - documented on Result
        text = _EXPLANATION_SLOT.__get__(self)
        if text is None:
            text = self._explain()
            _EXPLANATION_SLOT.__set__(self, text)
        return text

    @explanation.setter
    def explanation(self, value: str) -> None:
        _EXPLANATION_SLOT.__set__(self, value)

    def _explain(self) -> str:
        try:
            return str(self._explainer(self))
        except Exception as exc:  # noqa: BLE001 - one explanation must not end the report
            from factcheck.last_resort import debugging, internal_message

            if debugging():
                raise
            return f"{self.claim.location}: FC900 {internal_message(exc)}"

    def settled(self) -> Result:
        """A plain :class:`Result` with everything worked out (to store it), leaving this one
        lazy: a cache written for a million relations need not keep their explanations."""
        text = _EXPLANATION_SLOT.__get__(self)
        interval = _INTERVAL_SLOT.__get__(self)
        if interval is None and self._interval is not None:
            interval = self._interval()
        values = {f.name: getattr(self, f.name) for f in fields(Result) if f.name not in ("explanation", "computed_interval")}
        return Result(explanation=self._explain() if text is None else text, computed_interval=interval, **values)

    @property  # type: ignore[override]
    def computed_interval(self) -> Interval | None:  # noqa: D102 - documented on Result
        interval = _INTERVAL_SLOT.__get__(self)
        if interval is None and self._interval is not None:
            interval = self._interval()
            object.__setattr__(self, "_interval", None)
            _INTERVAL_SLOT.__set__(self, interval)
        return interval

    @computed_interval.setter
    def computed_interval(self, value: Interval | None) -> None:
        _INTERVAL_SLOT.__set__(self, value)
