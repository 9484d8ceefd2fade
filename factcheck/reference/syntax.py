"""``ref(source, year, phase, chapter, article[, kind])``: a reference value named in a formula.

The formula parser (factcheck.formula) hands over the arguments as written, already limited to
names and whole numbers; this module checks them against the vocabulary and returns the
canonical name the engine resolves (``ref:begrotingsstaten:2018:U:I:2:ontwerpbegroting``).
Nothing here evaluates text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.errors import FormulaError
from factcheck.reference.keys import KINDS, PHASES, Key

CODE = "FC504"
PREFIX = "ref:"
ORDER = ("source", "year", "phase", "chapter", "article", "kind")
_PHASE_ALIASES = {
    **{p: p for p in PHASES},
    "ontwerp": "ontwerpbegroting", "owb": "ontwerpbegroting",
    "vastgesteld": "vastgestelde_begroting", "vastgestelde": "vastgestelde_begroting",
    "suppletoire1": "eerste_suppletoire", "o1": "eerste_suppletoire",
    "suppletoire2": "tweede_suppletoire", "o2": "tweede_suppletoire",
    "jaarverslag": "realisatie", "jv": "realisatie",
}
_KIND_ALIASES = {**{name: code for code, name in KINDS.items()}, **{code.lower(): code for code in KINDS}}
_SOURCE_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_CHAPTER_RE = re.compile(r"(?:[IVXL]{1,6}[AB]?|[A-Z])\Z")


class RefName(NamedTuple):
    """A parsed reference: the table's name and the key of the value."""

    source: str
    key: Key

    @property
    def name(self) -> str:
        k = self.key
        return f"{PREFIX}{self.source}:{k.year}:{k.kind}:{k.chapter}:{k.article}:{k.phase}"

    def written(self) -> str:
        """The reference as a person writes it in a formula."""
        k = self.key
        kind = "" if k.kind == "U" else f", kind={KINDS[k.kind]}"
        return f"ref({self.source}, {k.year}, {k.phase}, {k.chapter}, {k.article}{kind})"


def is_reference(name: str) -> bool:
    """True for the canonical name of a ``ref(...)``."""
    return name.startswith(PREFIX)


def parse_name(name: str) -> RefName:
    """The canonical name back into its parts (the engine's side)."""
    source, year, kind, chapter, article, phase = name[len(PREFIX):].split(":")
    return RefName(source, Key(int(year), kind, chapter, article, phase))


def reference_name(positional: list[tuple[int, int | str]], keywords: list[tuple[str, int | str, int]], col: int) -> str:
    """The canonical name of ``ref(...)``; ``positional`` as (column, value) pairs in order,
    ``keywords`` as (name, value, column). Raises FormulaError FC504 on anything else."""
    given: dict[str, tuple[int | str, int]] = {}
    if len(positional) > len(ORDER):
        raise FormulaError(f"ref() takes at most {len(ORDER)} values: {', '.join(ORDER)}", col=col, code=CODE)
    for (at, value), name in zip(positional, ORDER):
        given[name] = (value, at)
    for name, value, at in keywords:
        if name not in ORDER:
            raise FormulaError(f"ref() has no argument {name!r}; it takes {', '.join(ORDER)}", col=at, code=CODE)
        if name in given:
            raise FormulaError(f"ref() is given {name} twice", col=at, code=CODE)
        given[name] = (value, at)
    missing = [n for n in ORDER[:5] if n not in given]
    if missing:
        raise FormulaError(f"ref() needs {', '.join(missing)}: write ref(source, year, phase, chapter, article)",
                           col=col, code=CODE)
    source, at = given["source"]
    if not isinstance(source, str) or not _SOURCE_RE.match(source):
        raise FormulaError(f"{source!r} is not the name of a reference table (lower-case letters, digits, _)", col=at, code=CODE)
    year, at = given["year"]
    if not isinstance(year, int) or not 1800 <= year <= 2200:
        raise FormulaError(f"{year!r} is not a budget year", col=at, code=CODE)
    phase_text, at = given["phase"]
    phase = _PHASE_ALIASES.get(str(phase_text).lower())
    if phase is None:
        raise FormulaError(f"{phase_text!r} is not a phase; write one of {', '.join(PHASES)}", col=at, code=CODE)
    chapter_text, at = given["chapter"]
    chapter = str(chapter_text).upper()
    if not _CHAPTER_RE.match(chapter):
        raise FormulaError(f"{chapter_text!r} is not a chapter; write its number as the budget does (I, VI, XX, IXB)",
                           col=at, code=CODE)
    article, at = given["article"]
    if not isinstance(article, int) or not 0 <= article < 1000:
        raise FormulaError(f"{article!r} is not an article number", col=at, code=CODE)
    kind = "U"
    if "kind" in given:
        kind_text, at = given["kind"]
        found = _KIND_ALIASES.get(str(kind_text).lower())
        if found is None:
            raise FormulaError(f"{kind_text!r} is not a kind; write uitgaven, verplichtingen or ontvangsten", col=at, code=CODE)
        kind = found
    return RefName(str(source), Key(year, kind, chapter, str(article), phase)).name
