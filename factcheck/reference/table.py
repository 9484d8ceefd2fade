"""Read a reference CSV (stdlib ``csv``) through a layout into an index of budget figures.

A layout says which columns hold the keys (year, kind, chapter, article and their names), which
hold amounts and in which phase, the unit and scale, and which rows are totals or parts. Two
layouts are built in and recognised from the header row; any other CSV is read through a mapping
file (docs/reference-tables.md). The sources' own rules hold: amounts are in € 1.000; a kind
(uitgaven, verplichtingen, ontvangsten) is a key, so they are never added together; a row marked
as a total is the article's figure and never summed again; an article without a total row is the
sum of its parts.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Iterable

from factcheck.errors import FactcheckError
from factcheck.reference.keys import KIND_CODES, KINDS, PHASES, Key, normal_name

MAX_TABLE_BYTES = 512 * 1024 * 1024


class ReferenceError(FactcheckError, ValueError):
    """A reference table or its mapping file cannot be read (FC500–FC509)."""

    code = "FC500"


@dataclass(frozen=True)
class Layout:
    """How a CSV holds budget figures: key columns, amount columns by phase, unit, totals, parts."""

    name: str
    year: str
    chapter: str
    article: str
    values: dict[str, str]  # amount column -> phase
    kind: str | None = None  # column of U/V/O; None: every row is of ``fixed_kind``
    kind_codes: dict[str, str] = field(default_factory=lambda: {c: c for c in KINDS})
    fixed_kind: str = "U"
    chapter_name: str | None = None
    article_name: str | None = None
    unit: str = "EUR"
    scale: Fraction = Fraction(1000)
    total: tuple[str, str] | None = None  # (column, value) of rows that are totals
    parts: tuple[str, ...] = ()  # columns that, when filled, make a row a part below the article
    delimiter: str | None = None  # None: "," or ";", whichever the header has more of


BEGROTINGSSTATEN = Layout(
    name="begrotingsstaten",
    year="Begrotingsjaar", kind="Uitgaven Ontvangsten Verplichtingen", chapter="Begrotingsnummer",
    chapter_name="Naam Begroting", article="Artikel nummer", article_name="Artikel",
    values={
        "Stand ontwerpbegroting": "ontwerpbegroting",
        "Stand vastgestelde begroting": "vastgestelde_begroting",
        "Stand eerste suppletoire": "eerste_suppletoire",
        "Stand tweede suppletoire": "tweede_suppletoire",
        "Realisatie": "realisatie",
    },
)
# The open-data layout of the Budgettaire Tabellen: one row per article and below it per
# artikelonderdeel, instrument and regeling; ``Totaal`` = J marks the totals.
BUDGETTAIRE_TABELLEN = Layout(
    name="budgettaire_tabellen",
    year="Begrotingsjaar", kind="VUO", chapter="Hoofdstuknummer", chapter_name="Hoofdstuknaam",
    article="Artikelnummer", article_name="Artikelnaam",
    values={
        "StandOWB": "ontwerpbegroting",
        "StandVB": "vastgestelde_begroting",
        "StandO1": "eerste_suppletoire",
        "StandO2": "tweede_suppletoire",
        "Realisatie": "realisatie",
    },
    total=("Totaal", "J"),
    parts=("Artikelonderdeelnummer", "Instrumentnummer", "Detailnummer"),
)
LAYOUTS = {layout.name: layout for layout in (BEGROTINGSSTATEN, BUDGETTAIRE_TABELLEN)}


@dataclass(frozen=True)
class RefFigure:
    """One amount of a reference table, with where it stands (CSV line and column)."""

    key: Key
    value: Fraction  # in units of ``scale`` (€ 1.000 for the built-in layouts)
    line: int  # 1-based line of the CSV; for an article summed from its parts, the first part's
    column: str
    chapter_name: str
    article_name: str
    summed: int = 1  # rows added: 1 for a row of the article itself


@dataclass
class _Article:
    total: list[tuple[int, list[str]]] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    parts: list[tuple[int, list[str]]] = field(default_factory=list)


class ReferenceTable:
    """A reference CSV read through its layout: figures by key, chapters and articles by name."""

    def __init__(self, name: str, path: str, layout: Layout, sha256: str) -> None:
        self.name = name
        self.path = path
        self.layout = layout
        self.sha256 = sha256
        self.warnings: list[str] = []
        self.rows = 0
        self._articles: dict[tuple[int, str, str, str], _Article] = {}
        self._columns: dict[str, int] = {}
        self.chapter_names: dict[str, set[str]] = {}  # normal name -> chapters
        self.article_names: dict[str, set[tuple[str, str]]] = {}  # normal name -> (chapter, article)
        self.articles: set[tuple[str, str]] = set()
        self._names: dict[tuple[str, str], tuple[str, str]] = {}  # (chapter, article) -> names
        self._seen: set[tuple[str, str]] = set()

    @property
    def unit(self) -> str:
        return self.layout.unit

    @property
    def scale(self) -> Fraction:
        return self.layout.scale

    def lookup(self, key: Key) -> list[RefFigure]:
        """The figures at ``key``: one when the table is unambiguous there, none or several when not.

        A total row of the article wins; otherwise each row of the article itself counts (two
        such rows are two candidates, an ambiguity); an article with neither is the sum of its
        parts, which are never summed with a total.
        """
        article = self._articles.get((key.year, key.kind, key.chapter, key.article))
        if article is None:
            return []
        column = next((c for c, phase in self.layout.values.items() if phase == key.phase and c in self._columns), None)
        if column is None:
            return []
        at = self._columns[column]
        rows = article.total or article.rows
        out = []
        for line, row in rows:
            value = _amount(row[at])
            if value is not None:
                out.append(self._figure(key, value, line, column))
        if out or not article.parts:
            return out
        values = [_amount(row[at]) for _, row in article.parts]
        if any(v is None for v in values):
            return []
        return [self._figure(key, sum(v for v in values if v is not None), article.parts[0][0], column,
                             summed=len(values))]

    def _figure(self, key: Key, value: int, line: int, column: str, summed: int = 1) -> RefFigure:
        chapter_name, article_name = self._names.get((key.chapter, key.article), ("", ""))
        return RefFigure(key, Fraction(value), line, column, chapter_name, article_name, summed)

    def add(self, line: int, row: list[str]) -> None:
        """Index one data row (``line`` is its 1-based line in the file)."""
        layout, columns = self.layout, self._columns
        try:
            year = int(row[columns[layout.year]].strip())
        except ValueError:
            self.warnings.append(f"{self.path}:{line}:1: FC503 the year {row[columns[layout.year]][:20]!r} is not a year; "
                                 "the row is left out (warning)")
            return
        if layout.kind is not None:
            kind = layout.kind_codes.get(row[columns[layout.kind]].strip().upper())
            if kind is None:
                return  # a kind the mapping does not list (a saldo row, a heading): not a figure
        else:
            kind = layout.fixed_kind
        chapter = row[columns[layout.chapter]].strip().upper()
        article = _article_number(row[columns[layout.article]])
        if not chapter or not article:
            return
        self.rows += 1
        bucket = self._articles.setdefault((year, kind, chapter, article), _Article())
        is_part = any(row[columns[c]].strip() for c in layout.parts if c in columns)
        if layout.total is not None and row[columns[layout.total[0]]].strip().upper() == layout.total[1].upper():
            if not is_part:
                bucket.total.append((line, row))
        elif is_part:
            bucket.parts.append((line, row))
        else:
            bucket.rows.append((line, row))
        if (chapter, article) not in self.articles:
            self.articles.add((chapter, article))
            chapter_name = row[columns[layout.chapter_name]].strip() if layout.chapter_name in columns else ""
            article_name = row[columns[layout.article_name]].strip() if layout.article_name in columns else ""
            self._names[(chapter, article)] = (chapter_name, article_name)
        self._name_row(row, chapter, article)

    def _name_row(self, row: list[str], chapter: str, article: str) -> None:
        # A table repeats its names on every row: each (name, place) is indexed once.
        layout, columns, seen = self.layout, self._columns, self._seen
        if layout.chapter_name in columns:
            raw = row[columns[layout.chapter_name]]
            if (raw, chapter) not in seen:
                seen.add((raw, chapter))
                name = normal_name(raw)
                if name:
                    self.chapter_names.setdefault(name, set()).add(chapter)
        if layout.article_name in columns:
            raw = row[columns[layout.article_name]]
            if (raw, chapter + "." + article) not in seen:
                seen.add((raw, chapter + "." + article))
                name = normal_name(raw)
                if name:
                    self.article_names.setdefault(name, set()).add((chapter, article))


def _article_number(text: str) -> str:
    text = text.strip()
    return str(int(text)) if text.isdigit() else text


def _amount(text: str) -> int | None:
    text = text.strip().replace("\u2212", "-")
    if not text or text in ("-", "–"):
        return None
    try:
        return int(text)
    except ValueError:
        return None


def detect_layout(header: list[str]) -> Layout | None:
    """The built-in layout whose key columns the header row has, or None."""
    names = {h.strip() for h in header}
    for layout in LAYOUTS.values():
        needed = {layout.year, layout.chapter, layout.article} | ({layout.kind} if layout.kind else set())
        if needed <= names and names & set(layout.values):
            return layout
    return None


def _delimiter(first_line: str, layout: Layout | None) -> str:
    if layout is not None and layout.delimiter:
        return layout.delimiter
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read_table(path: str | Path, layout: Layout | None = None, name: str | None = None) -> ReferenceTable:
    """Read a reference CSV; the layout is recognised from its header unless given."""
    source = Path(path)
    shown = str(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ReferenceError(f"cannot read the reference table: {exc.strerror or exc}", path=shown, code="FC500") from None
    if len(data) > MAX_TABLE_BYTES:
        raise ReferenceError(f"the reference table is larger than {MAX_TABLE_BYTES // 1024**2} MiB", path=shown, code="FC500")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReferenceError(f"the reference table is not UTF-8 (byte {exc.start})", path=shown, code="FC500") from None
    lines = text.splitlines()
    if not lines:
        raise ReferenceError("the reference table is empty", path=shown, line=1, col=1, code="FC500")
    reader = csv.reader(lines, delimiter=_delimiter(lines[0], layout))
    header = [h.strip() for h in next(reader)]
    if layout is None:
        layout = detect_layout(header)
        if layout is None:
            raise ReferenceError(
                "the header row matches no known layout (begrotingsstaten, budgettaire_tabellen); "
                "describe the columns in a mapping file (--mapping)", path=shown, line=1, col=1, code="FC501")
    columns = {h: i for i, h in enumerate(header)}
    wanted = [layout.year, layout.chapter, layout.article] + ([layout.kind] if layout.kind else [])
    wanted += [layout.total[0]] if layout.total else []
    missing = [c for c in wanted if c not in columns]
    if missing or not any(c in columns for c in layout.values):
        what = ", ".join(repr(c) for c in missing) or "any amount column (" + ", ".join(layout.values) + ")"
        raise ReferenceError(f"the header row has no column {what}", path=shown, line=1, col=1, code="FC501")
    table = ReferenceTable(name or layout.name, shown, layout, hashlib.sha256(data).hexdigest())
    table._columns = columns
    width = len(header)
    previous = 1
    try:
        for row in reader:
            # a quoted cell may hold a line break: the row starts after the previous row's last line
            number, previous = previous + 1, reader.line_num
            if len(row) < width:
                if any(cell.strip() for cell in row):
                    table.warnings.append(f"{shown}:{number}:1: FC503 the row has {len(row)} cells where the header "
                                          f"has {width}; the row is left out (warning)")
                continue
            table.add(number, row)
    except csv.Error as exc:
        raise ReferenceError(f"cannot read the CSV: {exc}", path=shown, line=reader.line_num, col=1, code="FC500") from None
    return table


def chapters(tables: Iterable[ReferenceTable]) -> set[str]:
    """Every chapter the tables hold."""
    return {chapter for table in tables for chapter, _ in table.articles}


__all__ = ["BEGROTINGSSTATEN", "BUDGETTAIRE_TABELLEN", "KIND_CODES", "LAYOUTS", "PHASES", "Layout", "RefFigure",
           "ReferenceError", "ReferenceTable", "detect_layout", "read_table"]
