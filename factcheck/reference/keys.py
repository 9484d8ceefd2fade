"""The keys of a budget figure and the words that name them: kind, phase, chapter, year.

The vocabulary is the Rijksbegroting's own. Amounts are commitments (verplichtingen, V),
expenditure (uitgaven, U) or receipts (ontvangsten, O), never added together; a budget passes
through phases: ontwerpbegroting, vastgestelde begroting, eerste and tweede suppletoire
begroting, realisatie (jaarverslag).
"""

from __future__ import annotations

import re
from typing import NamedTuple

KINDS = {"U": "uitgaven", "V": "verplichtingen", "O": "ontvangsten"}
KIND_CODES = {name: code for code, name in KINDS.items()}
PHASES = ("ontwerpbegroting", "vastgestelde_begroting", "eerste_suppletoire", "tweede_suppletoire", "realisatie")
PHASE_WORDS = {
    "ontwerpbegroting": "ontwerpbegroting",
    "vastgestelde_begroting": "vastgestelde begroting",
    "eerste_suppletoire": "eerste suppletoire begroting",
    "tweede_suppletoire": "tweede suppletoire begroting",
    "realisatie": "realisatie",
}


class Key(NamedTuple):
    """One reference figure's place: (year, kind code, chapter, article, phase)."""

    year: int
    kind: str  # U, V or O
    chapter: str  # as the table numbers it, upper case: "VI", "IXB", "A"
    article: str  # "37"
    phase: str  # one of PHASES

    def describe(self) -> str:
        """'2018, uitgaven, hoofdstuk I, artikel 2, ontwerpbegroting'."""
        return (f"{self.year}, {KINDS[self.kind]}, hoofdstuk {self.chapter}, artikel {self.article}, "
                f"{PHASE_WORDS[self.phase]}")


_PHASE_RES = (
    (re.compile(r"\bontwerp-?\s?begroting", re.I), "ontwerpbegroting"),
    (re.compile(r"\bvastgestelde\s+begroting", re.I), "vastgestelde_begroting"),
    (re.compile(r"\b(?:eerste|1e|1ste)\s+suppletoire", re.I), "eerste_suppletoire"),
    (re.compile(r"\b(?:tweede|2e|2de)\s+suppletoire", re.I), "tweede_suppletoire"),
    (re.compile(r"\brealisatie|\bjaarverslag", re.I), "realisatie"),
)
_KIND_RES = (
    (re.compile(r"\buitgaven\b", re.I), "U"),
    (re.compile(r"\bverplichtingen\b", re.I), "V"),
    (re.compile(r"\bontvangsten\b", re.I), "O"),
)
YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
# "artikel 37", "Artikel 2", "art. 37"; never "artikelen 3 en 4" (two articles: no link).
ARTICLE_RE = re.compile(r"\b(?:artikel|art\.)\s*(\d{1,3})\b(?!\s*(?:en|t/m|-|–)\s*\d)", re.I)
# "hoofdstuk VI", "begrotingshoofdstuk XX"
CHAPTER_RE = re.compile(r"\bhoofdstuk\s+([IVXL]{1,6}[AB]?)\b", re.I)
# A Kamerstuk number names its chapter: "35 000 I, nr. 2", "36 600 VI".
KAMERSTUK_RE = re.compile(r"\b\d{2}\s?\d{3}\s+([IVXL]{1,6}[AB]?|[A-K])\s*,?\s+nr\.")
# A stand of the budget in the Budgettaire Tabellen: "Stand ontwerpbegroting 2019".
STAND_RE = re.compile(
    r"^\s*stand\s+(ontwerpbegroting|vastgestelde\s+begroting|(?:eerste|1e)\s+suppletoire(?:\s+begroting)?|"
    r"(?:tweede|2e)\s+suppletoire(?:\s+begroting)?|realisatie)\s+((?:19|20)\d\d)\s*$", re.I)


def _named(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pattern, value in patterns:
        match = pattern.search(text)
        if match:
            out.setdefault(value, match.group(0))
    return out


def phases_named(text: str) -> dict[str, str]:
    """Phases a text names, each with the words that named it."""
    return _named(_PHASE_RES, text)


def kinds_named(text: str) -> dict[str, str]:
    """Kinds (U, V, O) a text names, each with the words that named it."""
    return _named(_KIND_RES, text)


def phase_of(word: str) -> str | None:
    """The phase a word or phrase names ("1e suppletoire" -> eerste_suppletoire), or None."""
    named = phases_named(word)
    return next(iter(named)) if len(named) == 1 else None


def normal_name(text: str) -> str:
    """A name as compared: lower case, single spaces, '&' read as 'en'."""
    return " ".join(text.replace("&", " en ").lower().split())
