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
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from operator import methodcaller
from pathlib import Path
from typing import Any, Iterable, Iterator

from factcheck.errors import ReferenceError
from factcheck.reference.keys import KIND_CODES, KINDS, PHASES, Key, normal_name

MAX_TABLE_BYTES = 512 * 1024 * 1024


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


class ReferenceTable:
    """A reference CSV read through its layout: figures by key, chapters and articles by name.

    Reading keeps each row's text and, column by column, the cells of the keys (years, kinds,
    chapters, articles, names, total marks); amounts are read from a
    row's text when it is looked up. The index by key is built on the first lookup. So a check
    that uses a table of 100,000 rows holds a few hundred thousand objects, not millions, and
    spends a fraction of a second on it (benchmarks/reference_speed.py).
    """

    def __init__(self, name: str, path: str, layout: Layout, sha256: str, columns: dict[str, int],
                 rows: list[list[str]], texts: list[str], lines: list[int], delimiter: str) -> None:
        self.name = name
        self.path = path
        self.layout = layout
        self.sha256 = sha256
        self.warnings: list[tuple[int | None, str]] = []  # (line, message) of rows left out (FC503)
        self._columns = columns
        self._delimiter = delimiter
        self._texts = texts  # each row as written, parsed again when it is looked up
        self._lines = lines  # 1-based first line of each row in the file
        self._count = len(rows)
        self._cells: dict[int, list[str]] = {}
        for column in _kept_columns(layout):
            if column in columns and columns[column] not in self._cells:
                at = columns[column]
                self._cells[at] = [row[at] for row in rows]
        self._parsed: dict[int, list[str]] = {}
        self._index: dict[tuple[int, str, str, str], list[int]] | None = None  # keys with several rows
        self._single: dict[Any, int] = {}  # every key, with its last row
        self._named = False
        self.chapter_names: dict[str, set[str]] = {}  # normal name -> chapters
        self.article_names: dict[str, set[tuple[str, str]]] = {}  # normal name -> (chapter, article)
        self._articles: set[tuple[str, str]] = set()
        self._names: dict[tuple[str, str], tuple[str, str]] = {}  # (chapter, article) -> names

    @property
    def rows(self) -> int:
        """Rows that hold figures (keyed rows)."""
        repeated = self.index
        return sum(1 for key in self._single if key not in repeated) + sum(len(v) for v in repeated.values())

    def keyed(self) -> Iterator[tuple[tuple[int, str, str, str], list[int]]]:
        """Every key with its rows."""
        repeated = self.index
        for key, i in self._single.items():
            yield key, repeated.get(key, [i])

    @property
    def unit(self) -> str:
        return self.layout.unit

    @property
    def scale(self) -> Fraction:
        return self.layout.scale

    @property
    def articles(self) -> set[tuple[str, str]]:
        """Every (chapter, article) the table holds."""
        self._name_rows()
        return self._articles

    @property
    def index(self) -> dict[tuple[int, str, str, str], list[int]]:
        """Rows of the keys that have several, by (year, kind code, chapter, article), built on
        first use together with every key's last row (``_single``)."""
        if self._index is None:
            self._index = self._build_index()
        return self._index

    def column_number(self, column: str) -> int:
        """The 1-based position of a column in the header."""
        return self._columns.get(column, 0) + 1

    def _row(self, i: int) -> list[str]:
        row = self._parsed.get(i)
        if row is None:
            row = self._parsed[i] = next(csv.reader([self._texts[i]], delimiter=self._delimiter))
        return row

    def _cell(self, column: str | None, i: int) -> str:
        if column is None or column not in self._columns:
            return ""
        at = self._columns[column]
        kept = self._cells.get(at)
        return kept[i] if kept is not None else self._row(i)[at]

    def _build_index(self) -> dict[tuple[int, str, str, str], list[int]]:
        # Each distinct year, kind, chapter and article text is read once; the rows are grouped by
        # the keys those readings make, in one pass.
        layout, columns = self.layout, self._columns
        count = self._count
        raw = [self._cells[columns[c]] for c in (layout.year, layout.chapter, layout.article)]
        raw_kind = self._cells[columns[layout.kind]] if layout.kind else None
        years = {text: _year(text) for text in set(raw[0])}
        for text, year in years.items():
            if year is None and text.strip():
                self.warnings.append((None, f"the year {text[:20]!r} is not a year; its rows are left out"))
        chapters = {text: text.strip().upper() or None for text in set(raw[1])}
        articles = {text: _article_number(text) or None for text in set(raw[2])}
        if raw_kind is not None:
            kinds = {text: layout.kind_codes.get(text.strip().upper()) for text in set(raw_kind)}
            kind_column: Iterable[str | None] = map(kinds.__getitem__, raw_kind)
        else:
            kind_column = [layout.fixed_kind] * count
        keys = list(zip(map(years.__getitem__, raw[0]), kind_column, map(chapters.__getitem__, raw[1]),
                        map(articles.__getitem__, raw[2])))
        # Most tables have one row per key: a dict built in C from (key, row) pairs is then the
        # index. Keys with several rows (an article's parts, or a table that repeats itself) get
        # their rows collected in a second pass.
        last: dict[Any, Any] = dict(zip(keys, range(count)))
        index: dict[tuple[int, str, str, str], list[int]] = {}
        if len(last) < count:
            repeated = {key for key, n in Counter(keys).items() if n > 1}
            for i, key in enumerate(keys):
                if key in repeated:
                    index.setdefault(key, []).append(i)  # type: ignore[arg-type]
        self._single = last
        unusable = any(v is None for v in (*years.values(), *chapters.values(), *articles.values())) or (
            raw_kind is not None and any(v is None for v in kinds.values()))
        if unusable:
            # a row without a year, kind, chapter or article holds no figure
            for key in [k for k in last if None in k]:
                del last[key]
                index.pop(key, None)
        return index

    def warning_lines(self) -> list[str]:
        """The warnings as printed: ``path:line:1: FC503 message (warning)``."""
        self.index  # noqa: B018 - reading the index finds the rows without a year
        return [f"{self.path}{f':{line}:1' if line else ''}: FC503 {message} (warning)" for line, message in self.warnings]

    def lookup(self, key: Key) -> list[RefFigure]:
        """The figures at ``key``: one when the table is unambiguous there, none or several when not.

        A total row of the article wins; otherwise each row of the article itself counts (two
        such rows are two candidates, an ambiguity); an article with neither is the sum of its
        parts, which are never summed with a total.
        """
        wanted = (key.year, key.kind, key.chapter, key.article)
        found = self.index.get(wanted)
        if found is None:
            single = self._single.get(wanted)
            if single is None:
                return []
            found = [single]
        column = next((c for c, phase in self.layout.values.items() if phase == key.phase and c in self._columns), None)
        if column is None:
            return []
        totals, own, parts = self._split(found)
        out = []
        for i in totals or own:
            value = _amount(self._cell(column, i))
            if value is not None:
                out.append(self._figure(key, value, i, column))
        if out or totals or own or not parts:
            return out
        values = [_amount(self._cell(column, i)) for i in parts]
        if any(v is None for v in values):
            return []
        return [self._figure(key, sum(v for v in values if v is not None), parts[0], column, summed=len(values))]

    def _split(self, found: list[int]) -> tuple[list[int], list[int], list[int]]:
        """The rows of one article as totals (of the article itself), its own rows, and parts."""
        layout = self.layout
        totals, own, parts = [], [], []
        for i in found:
            is_part = any(self._cell(c, i).strip() for c in layout.parts)
            if layout.total and self._cell(layout.total[0], i).strip().upper() == layout.total[1].upper():
                if not is_part:
                    totals.append(i)  # a total below the article is never an article's figure
            elif is_part:
                parts.append(i)
            else:
                own.append(i)
        return totals, own, parts

    def _figure(self, key: Key, value: int, i: int, column: str, summed: int = 1) -> RefFigure:
        layout = self.layout
        return RefFigure(key, Fraction(value), self._lines[i], column, self._cell(layout.chapter_name, i).strip(),
                         self._cell(layout.article_name, i).strip(), summed)

    def _name_rows(self) -> None:
        """Index the chapter and article names, each distinct (name, place) once."""
        if self._named:
            return
        self._named = True
        layout = self.layout
        seen: set[tuple[str, str, str, str]] = set()
        for (_year, _kind, chapter, article), found in self.keyed():
            for i in found:
                chapter_raw = self._cell(layout.chapter_name, i)
                article_raw = self._cell(layout.article_name, i)
                if (chapter_raw, article_raw, chapter, article) in seen:
                    continue
                seen.add((chapter_raw, article_raw, chapter, article))
                if (chapter, article) not in self._articles:
                    self._articles.add((chapter, article))
                    self._names[(chapter, article)] = (chapter_raw.strip(), article_raw.strip())
                if normal_name(chapter_raw):
                    self.chapter_names.setdefault(normal_name(chapter_raw), set()).add(chapter)
                if normal_name(article_raw):
                    self.article_names.setdefault(normal_name(article_raw), set()).add((chapter, article))

    @property
    def names(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(chapter name, article name) by (chapter, article), as the table writes them."""
        self._name_rows()
        return self._names


def _kept_columns(layout: Layout) -> list[str]:
    """The columns a table keeps in memory: the keys, the total mark and the part columns."""
    kept = [layout.year, layout.chapter, layout.article, *layout.parts]
    if layout.kind:
        kept.append(layout.kind)
    if layout.total:
        kept.append(layout.total[0])
    return kept


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


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
    width = len(header)
    try:
        if '"' in text:
            rows = list(reader)
            short = [i for i, row in enumerate(rows) if len(row) < width] if min(map(len, rows), default=width) < width else []
        else:
            # no quoted cells: a row is its line split at the delimiter (three times csv's speed)
            delimiter_char = reader.dialect.delimiter
            body = lines[1:]
            # only up to the last column kept in memory: amounts are read from a row's text on lookup
            last = max(columns[c] for c in _kept_columns(layout) if c in columns)
            rows = [line.split(delimiter_char, last + 1) for line in body]
            counts = list(map(methodcaller("count", delimiter_char), body))
            short = [i for i, n in enumerate(counts) if n < width - 1] if min(counts, default=width) < width - 1 else []
    except csv.Error as exc:
        raise ReferenceError(f"cannot read the CSV: {exc}", path=shown, line=reader.line_num, col=1, code="FC500") from None
    delimiter = reader.dialect.delimiter
    if len(rows) + 1 == len(lines):
        starts = list(range(2, len(rows) + 2))
        texts = lines[1:]
    else:
        # a quoted cell holds a line break: find each row's lines again, the slow way
        starts, texts, done = [], [], 1
        again = csv.reader(lines[1:], delimiter=delimiter)
        for _row in again:
            starts.append(done + 1)
            texts.append("\n".join(lines[done:again.line_num + 1]))
            done = again.line_num + 1
    if short:
        gone = set(short)
        keep = [i for i in range(len(rows)) if i not in gone]
        table = ReferenceTable(name or layout.name, shown, layout, hashlib.sha256(data).hexdigest(), columns,
                               [rows[i] for i in keep], [texts[i] for i in keep], [starts[i] for i in keep], delimiter)
    else:
        table = ReferenceTable(name or layout.name, shown, layout, hashlib.sha256(data).hexdigest(), columns,
                               rows, texts, starts, delimiter)
    for i in short:
        if any(cell.strip() for cell in rows[i]):
            table.warnings.append((starts[i], f"the row has fewer cells than the header's {width}; it is left out"))
    return table


def chapters(tables: Iterable[ReferenceTable]) -> set[str]:
    """Every chapter the tables hold."""
    return {chapter for table in tables for chapter, _ in table.articles}


__all__ = ["BEGROTINGSSTATEN", "BUDGETTAIRE_TABELLEN", "KIND_CODES", "LAYOUTS", "PHASES", "Layout", "RefFigure",
           "ReferenceError", "ReferenceTable", "detect_layout", "read_table"]
