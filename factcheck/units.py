"""Units: the one module that talks to pint.

pint supplies the vocabulary (factcheck/units.txt, aliases, Dutch plurals) and exact conversion
factors. The engine's hot path never touches pint: each unit expression is resolved once into a
:class:`Dim`, an exact factor to base units plus a dimension vector, and arithmetic on those is
plain Fraction and tuple work (pint quantities are ~10x slower than Fractions, see docs/design.md).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Iterable

from factcheck.bounds import (
    CHARACTER_CODE,
    MAX_EXPONENT,
    MAX_LITERAL_DIGITS,
    MAX_UNIT_LENGTH,
    MAX_UNIT_NESTING,
    describe_char,
    first_non_ascii,
)
from factcheck.errors import UnitDefinitionError, did_you_mean


@contextlib.contextmanager
def _without_array_libraries() -> Iterator[None]:
    # pint probes numpy, scipy and dask when it is imported, for quantities of arrays; that took
    # longer than pint itself (0.2-0.5 s of every command's start). Our magnitudes are Fractions,
    # so the ones not loaded yet are hidden while pint loads, and are importable again after.
    # (This runs at start-up, before factcheck starts threads; a Dask worker has numpy and dask.)
    hidden = [name for name in ("numpy", "scipy", "dask") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


with _without_array_libraries():
    import pint
    from pint.util import UnitsContainer

    # pint's parsed-definition classes are internal: where a version in our range moves them, nouns
    # are defined through its text parser, slower but the same
    try:
        from pint.delegates.txt_defparser.plain import UnitDefinition as _ParsedUnitDefinition
        from pint.facets.plain.definitions import ScaleConverter
    except ImportError:  # pragma: no cover - not with the pint versions pyproject allows today
        _ParsedUnitDefinition = None  # type: ignore[assignment,misc]
        ScaleConverter = None  # type: ignore[assignment,misc]

# Unit expressions are names, numbers, * / ^ ** and parentheses. Anything else never reaches pint.
# Possessive quantifiers: a word is taken whole, never split again (splitting made this pattern
# exponential: 'kinderopvangtoeslagontvangers-x' took 28 s).
_UNIT_EXPR_RE = re.compile(r"^(?:[A-Za-z€$£%][A-Za-z0-9_]*+|[\s*/^().]|[0-9]++)++$")
_UNIT_TOKEN_RE = re.compile(r"\s*+(?:(\*\*|\^)|([0-9]++)|(\()|(\))|[^\s*^()0-9][^\s*^()]*+)")
_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_EQUIVALENCE_RE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\d+(?:\.\d+)?(?:\s*/\s*\d+)?\s*\*?\s*)?(\[[A-Za-z_][A-Za-z0-9_]*\]|[A-Za-z_][A-Za-z0-9_\s*/^().]*)\s*$")
_SYMBOLS = {"€": " EUR ", "$": " USD ", "£": " GBP ", "%": " percent "}
_MAX_UNIT_LENGTH = MAX_UNIT_LENGTH

Dims = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Dim:
    """A resolved unit: ``value_in_base = value * factor``, with dimensions as sorted (name, power)."""

    factor: Fraction
    dims: Dims

    def __mul__(self, other: "Dim") -> "Dim":
        return Dim(self.factor * other.factor, combine(self.dims, other.dims, 1))

    def __truediv__(self, other: "Dim") -> "Dim":
        return Dim(self.factor / other.factor, combine(self.dims, other.dims, -1))


DIMENSIONLESS: Dims = ()


def combine(a: Dims, b: Dims, sign: int) -> Dims:
    """Multiply (sign=1) or divide (sign=-1) two dimension vectors."""
    if not b:
        return a
    powers = dict(a)
    for name, power in b:
        powers[name] = powers.get(name, 0) + sign * power
    return tuple(sorted((n, p) for n, p in powers.items() if p))


def power(a: Dims, n: int) -> Dims:
    """Raise a dimension vector to an integer power."""
    return tuple((name, p * n) for name, p in a) if n else ()


def describe(dims: Dims) -> str:
    """Human-readable dimension: ``EUR / place / time``; ``1`` when dimensionless."""
    if not dims:
        return "1 (no unit)"
    up = [n if p == 1 else f"{n}^{p}" for n, p in dims if p > 0]
    down = [n if p == -1 else f"{n}^{-p}" for n, p in dims if p < 0]
    text = " * ".join(up) or "1"
    for d in down:
        text += f" / {d}"
    return text


def _strip_brackets(name: str) -> str:
    name = name.strip("[]")
    return name[len("currency_"):] if name.startswith("currency_") else name


class UnitSystem:
    """The units one claim file works with: the defaults plus what the file declares."""

    def __init__(self, definitions_text: str) -> None:
        self._registry = _registry_from_text(definitions_text)
        self.definitions_text = definitions_text
        self._cache: dict[str, Dim] = {}

    def resolve(self, expression: str) -> Dim:
        """Turn a unit expression (``EUR / place / year``, ``%``, ``person``) into a :class:`Dim`.

        A single unknown word becomes a countable unit of its own
        so "aanvragen" and "woningen" do not add up, without making every new noun an error.
        """
        cached = self._cache.get(expression)
        if cached is not None:
            return cached
        text = expression.strip().replace("'s", "s").replace("’s", "s")
        if not text or len(text) > _MAX_UNIT_LENGTH or not _UNIT_EXPR_RE.match(text):
            at = first_non_ascii(text.translate(_SYMBOL_TABLE))
            if at is not None:
                raise UnitDefinitionError(f"cannot read unit {expression!r}: it holds {describe_char(text[at])}; "
                                          "units are written in ASCII", code=CHARACTER_CODE)
            raise UnitDefinitionError(f"cannot read unit {expression!r}", code="FC211")
        check_powers(text, expression)
        for symbol, word in _SYMBOLS.items():
            text = text.replace(symbol, word)
        try:
            dim = self._to_dim(text)
        except pint.errors.UndefinedUnitError:
            names = _NAME_RE.findall(text)
            unknown = [n for n in names if not self._known(n)]
            if not unknown:
                raise UnitDefinitionError(f"cannot read unit {expression!r}", code="FC211") from None
            try:
                for name in unknown:
                    self._define_noun(name)
                dim = self._to_dim(text)
            except Exception as exc:  # noqa: BLE001 - see below
                raise UnitDefinitionError(f"cannot read unit {expression!r}: {exc}", code="FC211") from None
        except Exception as exc:  # noqa: BLE001 - pint's parser fails on bad text with TokenError,
            # AssertionError, TypeError and more; whatever it raises, the unit could not be read.
            raise UnitDefinitionError(f"cannot read unit {expression!r}: {exc}", code="FC211") from None
        self._cache[expression] = dim
        return dim

    def _define_noun(self, name: str) -> None:
        """``define(f"{name} = [{name}]")``: a unit of its own dimension. pint's text parser took
        0.12 ms a noun, and a document's figures name hundreds; the definition is built here as
        the parser builds it (the same object, position and text included) unless building fails,
        when the parser runs and raises what it raises."""
        text = f"{name} = [{name}]"
        if _ParsedUnitDefinition is None:
            self._registry.define(text)
            return
        try:
            definition = _ParsedUnitDefinition(name, None, (), _NOUN_CONVERTER,
                                               UnitsContainer({f"[{name}]": Fraction(1)}, non_int_type=Fraction))
            definition.set_position(1, 0, 1, len(text))
            definition.set_raw(text)
        except Exception:  # noqa: BLE001 - the parser's own error, below
            self._registry.define(text)
            return
        self._registry.define(definition)  # type: ignore[arg-type]  # pint types it str | type; it takes a definition

    def _known(self, name: str) -> bool:
        try:
            self._registry.parse_units(name)
        except pint.errors.UndefinedUnitError:
            return False
        return True

    def _to_dim(self, text: str) -> Dim:
        quantity = self._registry.Quantity(Fraction(1), self._registry.parse_units(text)).to_base_units()
        magnitude = quantity.magnitude
        factor = magnitude if isinstance(magnitude, Fraction) else Fraction(str(magnitude))
        # pint types an exponent as any number, complex included; a unit's exponents are whole.
        dims = tuple(
            sorted((_strip_brackets(name), int(p)) for name, p in quantity.dimensionality.items() if p)  # type: ignore[arg-type]
        )
        return Dim(factor, dims)


_EXPONENT_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9_.])(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE]")
_SYMBOL_TABLE = str.maketrans({symbol: "S" for symbol in _SYMBOLS})


def check_powers(text: str, shown: str | None = None, code: str = "FC211") -> None:
    """Refuse what would make pint compute for ever: numbers longer than MAX_LITERAL_DIGITS,
    powers that are not a whole number up to MAX_EXPONENT (``m**9**9**9``), parentheses nested
    deeper than MAX_UNIT_NESTING, and powers of powers beyond MAX_EXPONENT (``((m^6)^6)^6``)."""
    shown = text if shown is None else shown
    if _EXPONENT_NUMBER_RE.search(text):
        # pint reads 1e999999999 as an exact Fraction: ten to the power of a billion
        raise UnitDefinitionError(f"cannot read unit {shown!r}: write numbers without an exponent (1000, not 1e3)",
                                  code=code)
    tokens = [m for m in _UNIT_TOKEN_RE.finditer(text)]

    def fail(why: str) -> UnitDefinitionError:
        return UnitDefinitionError(f"cannot read unit {shown!r}: {why}", code=code)

    opened: list[int] = []  # indexes of the open parentheses
    closes: dict[int, int] = {}
    for i, m in enumerate(tokens):
        if m.group(2) is not None and len(m.group(2)) > MAX_LITERAL_DIGITS:
            raise fail(f"a number longer than {MAX_LITERAL_DIGITS} digits")
        if m.group(3) is not None:
            opened.append(i)
            if len(opened) > MAX_UNIT_NESTING:
                raise fail(f"parentheses nested more than {MAX_UNIT_NESTING} deep")
        elif m.group(4) is not None:
            if not opened:
                raise fail("a ')' without '('")
            closes[opened.pop()] = i
        elif m.group(1) is not None:
            exponent = tokens[i + 1] if i + 1 < len(tokens) else None
            if exponent is None or exponent.group(2) is None or int(exponent.group(2)) > MAX_EXPONENT:
                raise fail(f"a power must be a whole number up to {MAX_EXPONENT}")
            if i + 2 < len(tokens) and tokens[i + 2].group(1) is not None:
                raise fail("a power of a power; write one power")
    # The power a parenthesised group is raised to multiplies the powers inside it.
    scale = [1]  # the power applying to everything inside each open group, outermost first
    power_after = {i: int(tokens[i + 2].group(2)) for i in range(len(tokens) - 2) if tokens[i + 1].group(1) is not None}
    for i, m in enumerate(tokens):
        if m.group(3) is not None:
            end = closes.get(i)
            outer = scale[-1] if scale else 1
            scale.append(outer * power_after.get(end, 1) if end is not None else outer)
        elif m.group(4) is not None and len(scale) > 1:
            scale.pop()
        total = scale[-1] * power_after.get(i, 1)
        if total > MAX_EXPONENT:
            raise fail(f"the powers multiply to {total}; the limit is {MAX_EXPONENT}")


def _default_definitions() -> str:
    return resources.files("factcheck").joinpath("units.txt").read_text(encoding="utf-8")


# The class and converter pint's text parser gives "name = [name]" (a base unit of a dimension of
# its own); see UnitSystem._define_noun.
_NOUN_CONVERTER = None if ScaleConverter is None else ScaleConverter(Fraction(1))  # type: ignore[arg-type]  # as the parser makes it with non_int_type=Fraction


def _registry_from_text(text: str) -> pint.UnitRegistry:
    registry: pint.UnitRegistry = pint.UnitRegistry(None, non_int_type=Fraction, on_redefinition="ignore")
    registry.load_definitions(text.splitlines())
    return registry


def definitions_with(declarations: Iterable[str]) -> str:
    """The default definitions with a file's equivalences applied ("place = person").

    A declaration replaces the default line for that unit and keeps its aliases, so
    "plekken" still means place after "place = person".
    """
    lines = _default_definitions().splitlines()
    for declaration in declarations:
        at = first_non_ascii(declaration)
        if at is not None:
            raise UnitDefinitionError(f"cannot read unit equivalence {declaration[:60]!r}: it holds "
                                      f"{describe_char(declaration[at])}; units are written in ASCII", code=CHARACTER_CODE)
        match = _EQUIVALENCE_RE.match(declaration) if len(declaration) <= MAX_UNIT_LENGTH else None
        if match is not None:
            number_digits = re.findall(r"[0-9]+", match.group(2) or "")
            if any(len(run) > MAX_LITERAL_DIGITS for run in number_digits):
                raise UnitDefinitionError(f"cannot read unit equivalence {declaration!r}: a number longer than "
                                          f"{MAX_LITERAL_DIGITS} digits", code="FC212")
            if not match.group(3).lstrip().startswith("["):
                check_powers(match.group(3), declaration, "FC212")
        if match is None:
            raise UnitDefinitionError(
                f"cannot read unit equivalence {declaration!r}; write it as 'name = [number] unit'",
                code="FC212",
            )
        name, number, rhs = match.group(1), (match.group(2) or "").strip().rstrip("*").strip(), match.group(3).strip()
        number = re.sub(r"(\d+)\.(\d+)", lambda m: f"({m.group(1)}{m.group(2)} / 1{'0' * len(m.group(2))})", number)
        value = f"{number} * {rhs}" if number else rhs
        # "year = 365.25 day" where year is a base unit and day is defined from it: redefine
        # the day instead (day = year / 365.25), or the two definitions would go round in circles.
        if _is_base(lines, name) and number and _NAME_RE.fullmatch(rhs) and _defined_from(lines, rhs, name):
            name, value = rhs, f"{name} / ({number})"
        replaced = False
        for i, line in enumerate(lines):
            head = line.split("=", 1)[0].strip()
            if head == name and not line.lstrip().startswith("#"):
                aliases = [a.strip() for a in line.split("=")[2:]]
                lines[i] = " = ".join([name, value, *aliases])
                replaced = True
        if not replaced:
            lines.append(f"{name} = {value}")
    return "\n".join(lines)


def _definition(lines: list[str], name: str) -> str | None:
    for line in lines:
        if not line.lstrip().startswith("#") and line.split("=", 1)[0].strip() == name and "=" in line:
            return line.split("=")[1].strip()
    return None


def _is_base(lines: list[str], name: str) -> bool:
    definition = _definition(lines, name)
    return definition is not None and definition.startswith("[")


def _defined_from(lines: list[str], name: str, base: str) -> bool:
    definition = _definition(lines, name)
    return definition is not None and base in _NAME_RE.findall(definition)


@lru_cache(maxsize=64)
def unit_system(declarations: tuple[str, ...] = ()) -> UnitSystem:
    """A unit system for a set of declarations; files that declare the same share one."""
    text = definitions_with(declarations) if declarations else _default_definitions()
    try:
        system = UnitSystem(text)
    except Exception as exc:  # noqa: BLE001 - pint's definition parser, as in UnitSystem.resolve
        raise UnitDefinitionError(f"cannot read the unit equivalences {', '.join(declarations)!r}: {exc}",
                                  code="FC212") from None
    # Fail early, at load time, when a declaration does not make sense to pint.
    for declaration in declarations:
        system.resolve(declaration.split("=", 1)[0].strip())
    return system


def unit_typo(system: UnitSystem, expression: str) -> str | None:
    """The message for a word in ``expression`` that no unit definition knows but one nearly
    matches ("plcae": did you mean 'place'?), or None.

    Kept apart from :meth:`UnitSystem.resolve`, which makes any unknown word a unit of its own:
    that is right for the nouns extraction finds, but in a hand-written unit it hides a typo.
    """
    vocabulary = _vocabulary(system.definitions_text)
    text = expression
    for symbol, word in _SYMBOLS.items():
        text = text.replace(symbol, word)
    for name in _NAME_RE.findall(text):
        if name not in vocabulary:
            hint = did_you_mean(name, vocabulary)
            if hint:
                return f"unknown unit {name!r} in {expression!r}{hint}"
    return None


@lru_cache(maxsize=64)
def _vocabulary(definitions_text: str) -> frozenset[str]:
    # Every unit name and alias in the definitions: "place = [place] = places = plek" gives
    # place, places and plek (the second field is the definition, not a name).
    names: set[str] = set()
    for line in definitions_text.splitlines():
        if line.lstrip().startswith("#") or "=" not in line:
            continue
        fields = [f.strip() for f in line.split("=")]
        names.update(f for f in [fields[0], *fields[2:]] if _NAME_RE.fullmatch(f))
    return frozenset(names)
