"""Link a document's figures to reference values, only where the words leave no doubt.

A figure is linked when the words around it name, each exactly once at the nearest place that
names it, the kind (uitgaven, verplichtingen, ontvangsten), the chapter ("hoofdstuk VI",
"Justitie en Veiligheid", the Kamerstuk number "35 000 I"), the article ("artikel 37", or its
full name), the year and the phase, and when the table then holds exactly one value there.
The places are, nearest first: for a table cell its row label and column header, the caption and
the note under the table, the lines above the table, and the document; for a figure in prose its
sentence and the document. A place that names two chapters, two articles or two phases stops the
link: a fact checker that cries wolf is worse than none. Each link says which words matched which
key (``evidence: matched``). Rows of mutations ("Mutaties 1e suppletoire") are never linked: only
a "Stand …" row or a row naming its article holds a budget's value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from factcheck.numbers import decimal_string
from factcheck.reference.keys import (
    ARTICLE_RE,
    CHAPTER_RE,
    KAMERSTUK_RE,
    KINDS,
    STAND_RE,
    YEAR_RE,
    Key,
    kinds_named,
    normal_name,
    phase_of,
    phases_named,
)
from factcheck.reference.syntax import RefName
from factcheck.reference.table import ReferenceTable

# How far above a table its heading may stand, in lines of the page.
LINES_ABOVE = 30
# The note under a table ("*Bedragen x1000. Dit betreft …") stands within this many points.
NOTE_BELOW = 40.0
_MIN_ARTICLE_NAME_WORDS = 3
_ARTICLE_LABEL_RE = re.compile(r"^\s*artikel\s*(\d{1,3})?\s*$", re.I)
_NOTE_START_RE = re.compile(r"^\s*(?:\*|\d\)|[¹²³]|bron\b|noot\b|bedragen\b|toelichting\b)", re.I)
_BUDGET_WORDS_RE = re.compile(r"\b(?:begroting|budget|uitgaven)", re.I)


@dataclass(frozen=True)
class Named:
    """A key's value and the words that named it, and where they stand."""

    value: Any
    words: str
    place: str

    def why(self, key: str) -> str:
        return f"'{self.words}' ({self.place}) \u2192 {key}"


@dataclass(frozen=True)
class Place:
    """A piece of text around a figure: what it says and what to call it in an explanation."""

    text: str
    name: str


class Vocabulary:
    """The names a reference table knows, as patterns to find in text."""

    def __init__(self, table: ReferenceTable) -> None:
        self.table = table
        chapters: dict[str, set[str]] = {}
        for (chapter, _article), (chapter_name, _) in table.names.items():
            if chapter_name and "?" not in chapter_name:
                chapters.setdefault(chapter_name, set()).add(chapter)
        # Chapter names are proper names: matched as printed, capitals included ("de Koning" in a
        # sentence about the king is not the chapter "De Koning").
        self.chapter_by_name = chapters
        self.chapter_re = _alternation(chapters, flags=0)
        articles = {name: pairs for name, pairs in table.article_names.items()
                    if len(name.split()) >= _MIN_ARTICLE_NAME_WORDS}
        self.article_by_name = articles
        self.article_re = _alternation(articles, flags=re.I)
        self.chapters = {c for c, _ in table.articles}

    def chapters_in(self, text: str) -> dict[str, str]:
        """Chapters the text names, each with the words that named it."""
        out: dict[str, str] = {}
        for match in CHAPTER_RE.finditer(text):
            chapter = match.group(1).upper()
            if chapter in self.chapters:
                out.setdefault(chapter, match.group(0))
        for match in KAMERSTUK_RE.finditer(text):
            chapter = match.group(1).upper()
            if chapter in self.chapters:
                out.setdefault(chapter, match.group(0).rstrip(", nr."))
        if self.chapter_re is not None:
            for match in self.chapter_re.finditer(text):
                for chapter in self.chapter_by_name.get(match.group(0), ()):
                    out.setdefault(chapter, match.group(0))
        return out

    def articles_in(self, text: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        """Article numbers the text names ("artikel 37"), and (chapter, article) pairs its full
        article names name, each with the words."""
        numbers: dict[str, str] = {}
        for match in ARTICLE_RE.finditer(text):
            numbers.setdefault(str(int(match.group(1))), match.group(0))
        pairs: dict[tuple[str, str], str] = {}
        if self.article_re is not None:
            for match in self.article_re.finditer(text):
                for pair in self.article_by_name.get(normal_name(match.group(0)), ()):
                    pairs.setdefault(pair, match.group(0))
        return numbers, pairs


def _alternation(names: Mapping[str, Any], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)  # the longest name first: "Economische Zaken en Klimaat"
    body = "|".join(r"\s+".join(re.escape(w) for w in name.split()) for name in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def names_a_budget(text: str, vocabulary: Vocabulary) -> bool:
    """The cheap test that keeps linking off documents that name no budget: an article, a
    chapter or a Kamerstuk number of the table must be named somewhere."""
    return bool(ARTICLE_RE.search(text) or vocabulary.chapters_in(text) or vocabulary.articles_in(text)[1])


# -- resolving keys from places, nearest first --------------------------------------------------


class _Ambiguous(Exception):
    """The nearest place naming a key names two or more: no link."""


def _nearest(places: Sequence[Place], find: Any) -> Named | None:
    """The key named at the nearest place that names any, None when no place names one; raises
    _Ambiguous when that place names several."""
    for place in places:
        found = find(place.text)
        if not found:
            continue
        if len(found) > 1:
            raise _Ambiguous
        (value, words), = found.items()
        return Named(value, words, place.name)
    return None


def _article(places: Sequence[Place], vocabulary: Vocabulary, chapter: Named | None) -> tuple[tuple[str, str], list[str]] | None:
    """(chapter, article) and the reasons, from the nearest place naming an article."""
    for place in places:
        numbers, pairs = vocabulary.articles_in(place.text)
        if not numbers and not pairs:
            continue
        if len(numbers) > 1:
            return None
        number = next(iter(numbers), None)
        candidates = set(pairs)
        if number is not None:
            candidates = {p for p in candidates if p[1] == number} if candidates else set()
        if chapter is not None:
            candidates = {p for p in candidates if p[0] == chapter.value}
            if not candidates and number is not None and (chapter.value, number) in vocabulary.table.articles:
                candidates = {(chapter.value, number)}
        if len(candidates) != 1:
            return None
        pair = next(iter(candidates))
        why = []
        if number is not None:
            why.append(f"'{numbers[number]}' ({place.name}) \u2192 artikel {number}")
        if pair in pairs:
            why.append(f"'{pairs[pair]}' ({place.name}) \u2192 hoofdstuk {pair[0]}, artikel {pair[1]}")
        if chapter is not None:
            why.append(chapter.why(f"hoofdstuk {chapter.value}"))
        return pair, why
    return None


def _keys(places: Sequence[Place], vocabulary: Vocabulary, year: Named | None, phase: Named | None,
          kind_default: str | None = None) -> tuple[Key, list[str]] | None:
    """The key the places name, or None when any part is missing or named ambiguously."""
    try:
        chapter = _nearest(places, vocabulary.chapters_in)
        article = _article(places, vocabulary, chapter)
        if article is None:
            return None
        if year is None:
            year = _nearest(places, _years)
        if phase is None:
            phase = _nearest(places, phases_named)
        kind = _nearest(places, kinds_named)
    except _Ambiguous:
        return None
    (chapter_value, article_value), why = article
    if year is None or phase is None:
        return None
    if kind is None:
        if kind_default is None:
            return None
        kind_text = f"{KINDS[kind_default]} (a budget's amount, no other kind named)"
        kind_code = kind_default
    else:
        kind_text, kind_code = kind.why(KINDS[kind.value]), kind.value
    why += [year.why(str(year.value)), phase.why(str(phase.value).replace("_", " ")), kind_text]
    return Key(int(year.value), kind_code, chapter_value, article_value, str(phase.value)), why


def _years(text: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(1) for m in YEAR_RE.finditer(text)}


# -- the claims a link becomes ------------------------------------------------------------------


def _lookup(tables: Sequence[ReferenceTable], key: Key) -> tuple[ReferenceTable, Any] | None:
    """The one value at ``key``: in the first table that has the key, and only if it has one row."""
    for table in tables:
        found = table.lookup(key)
        if found:
            return (table, found[0]) if len(found) == 1 else None
    return None


def _evidence(table: ReferenceTable, figure: Any, why: list[str], scale_note: str | None) -> dict[str, Any]:
    evidence = {
        "relation": "reference",
        "reference": f"{table.name}: {figure.key.describe()} ({Path(table.path).name} line {figure.line}, "
                     f"column '{figure.column}')",
        "matched": "; ".join(why),
    }
    if scale_note:
        evidence["scale"] = scale_note
    return evidence


# -- tables -------------------------------------------------------------------------------------


@dataclass
class _Row:
    index: int  # 1-based, as the table's rows are counted
    label: str
    cells: dict[int, Any]


def _rows(table: Any) -> list[_Row]:
    """The table's rows, with two layout quirks of budget tables undone: a label "Artikel" whose
    number stands alone on the next line, and a second line of years heading the rows below."""
    out: list[_Row] = []
    rows = list(table.rows)
    i = 0
    while i < len(rows):
        row = rows[i]
        label = row.label
        match = _ARTICLE_LABEL_RE.match(label)
        if match and not match.group(1) and i + 1 < len(rows):
            after = rows[i + 1]
            only = list(after.cells.values())
            if not after.label and len(only) == 1 and only[0].text.isdigit() and len(only[0].text) <= 3:
                out.append(_Row(i + 1, f"{label} {only[0].text}", dict(row.cells)))
                i += 2
                continue
        out.append(_Row(i + 1, label, dict(row.cells)))
        i += 1
    return out


def _note_below(lines: Sequence[Any], table: Any, found: Sequence[Any]) -> list[str]:
    """The lines right under a table, set close together: its note ("*Bedragen x1000. …"). The
    next table's caption is not part of it."""
    others = [t.bbox[1] for t in found if t is not table and t.bbox[1] >= table.bbox[3]]
    stop = min(others, default=table.bbox[3] + NOTE_BELOW)
    titles = {t.title for t in found if t.title}
    out: list[str] = []
    edge = table.bbox[3]
    size = 0.0
    for line in lines:
        if line.top < table.bbox[3] or line.top >= stop:
            continue
        gap = line.top - edge
        if gap > 1.8 * max(line.size, 1.0) or line.text in titles or any(t and t in line.text for t in titles):
            break
        if not out and not (_NOTE_START_RE.match(line.text) or line.size < table.size - 0.5):
            break  # prose under the table, not a note about it
        if out and abs(line.size - size) > 0.3:
            break  # the note ends where the type changes back to the text's
        size = line.size
        out.append(line.text)
        edge = line.bottom
    return out


def _column_years(table: Any) -> dict[int, int]:
    years = {}
    for column in table.columns:
        found = _years(column.leaf or column.header)
        if len(found) == 1:
            years[column.index] = next(iter(found))
    return years


def table_links(tables: Sequence[ReferenceTable], vocabularies: Sequence[Vocabulary], page: Any,
                found: Sequence[Any], document_place: Place | None) -> list[dict[str, Any]]:
    """Link claims for the cells of the tables found on one page (``PageWords``)."""
    from factcheck.tables.detect import group_lines
    from factcheck.tables.scale import find_scale

    lines = group_lines(page.words)
    out: list[dict[str, Any]] = []
    for table in found:
        top = table.bbox[1]
        above = [ln for ln in lines if ln.bottom <= top]
        above = above[-LINES_ABOVE:]
        below = _note_below(lines, table, found)
        caption = " ".join(filter(None, [table.title or "", " ".join(below)]))
        # a heading that wraps: each line is read with the one below it
        above_places = [Place(" ".join(ln.text for ln in above[max(0, i):i + 2]), "above the table")
                        for i in range(len(above) - 1, -1, -1)]
        outer = [Place(caption, "caption and note of the table")] + above_places
        if document_place is not None:
            outer.append(document_place)
        scale = table.scale or find_scale(below)
        if scale is None or (scale.unit not in (None, "EUR")):
            continue  # the printed unit is unknown: nothing to compare
        years = _column_years(table)
        current_years = dict(years)
        for row in _rows(table):
            row_years = _years(row.label)
            if not row.cells and len(row_years) >= 2 and len(row_years) == len(table.columns):
                # a second header line of years: the rows below it are of these years
                current_years = dict(zip(sorted(c.index for c in table.columns), sorted(row_years)))
                continue
            stand = STAND_RE.match(row.label)
            row_article = ARTICLE_RE.search(row.label)
            if not stand and not row_article:
                continue
            for col, cell in row.cells.items():
                if cell.number is None or cell.number.nil or cell.number.percent:
                    continue
                year_value = current_years.get(col)
                if year_value is None:
                    continue
                places = [Place(row.label, "row label")] + outer
                year = Named(year_value, str(year_value), "column header")
                phase: Named | None = None
                if stand:
                    stand_phase, stand_year = phase_of(stand.group(1)), int(stand.group(2))
                    if stand_phase is None:
                        continue
                    if year_value == stand_year:
                        phase = Named(stand_phase, stand.group(0).strip(), "row label")
                    elif stand_phase == "ontwerpbegroting" and year_value == stand_year - 1:
                        # the ontwerpbegroting of year t shows year t-1 as it stands after the
                        # first suppletoire begroting
                        phase = Named("eerste_suppletoire", f"{stand.group(0).strip()}, column {year_value}",
                                      "row label; the year before an ontwerpbegroting stands as after its 1e suppletoire")
                    else:
                        continue  # a multi-year estimate: the tables hold each budget's own year only
                    places = [Place(row.label[:0], "row label")] + outer  # the stand's words are used up
                keys = _first_key(tables, vocabularies, places, year, phase)
                if keys is None:
                    continue
                ref_table, figure, ref, why = keys
                note = f"\u2018{scale.text}\u2019" if scale.multiplier != 1 else None
                claim_id = f"ref_t{page.number}_{table.index}_r{row.index}_c{col + 1}"
                out.append({
                    "id": claim_id,
                    "quote": f"{table.title + ': ' if table.title else ''}{row.label} | {year_value}",
                    "stated": cell.text,
                    "value": decimal_string(cell.number.value),
                    "precision": str(-cell.number.decimals),
                    "unit": "EUR",
                    "scale": _plain(scale.multiplier),
                    "expr": ref.written(),
                    "where": {"page": page.number, "table": table.index, "row": row.index, "col": col + 1,
                              "bbox": [round(v, 1) for v in cell.bbox]},
                    "origin": "discovered",
                    "evidence": _evidence(ref_table, figure, why, note),
                })
    return out


def _first_key(tables: Sequence[ReferenceTable], vocabularies: Sequence[Vocabulary], places: Sequence[Place],
               year: Named | None, phase: Named | None, kind_default: str | None = None) -> Any:
    for table, vocabulary in zip(tables, vocabularies):
        keyed = _keys(places, vocabulary, year, phase, kind_default)
        if keyed is None:
            continue
        key, why = keyed
        hit = _lookup([table], key)
        if hit is None:
            return None  # named, but absent or several rows: no link, and no other table is tried
        return hit[0], hit[1], RefName(table.name, key), why
    return None


def _plain(value: Any) -> str:
    return str(value.numerator) if getattr(value, "denominator", 1) == 1 else str(value)


# -- prose --------------------------------------------------------------------------------------


def prose_links(tables: Sequence[ReferenceTable], vocabularies: Sequence[Vocabulary],
                claims: Iterable[Mapping[str, Any]], document_place: Place | None) -> list[dict[str, Any]]:
    """Link claims for extracted money figures whose sentence names article, year and phase."""
    out = []
    for claim in claims:
        if claim.get("origin") != "extracted" or claim.get("expr") or claim.get("kind") != "money":
            continue
        if claim.get("unit") != "EUR" or not claim.get("quote") or claim.get("value") in (None, ""):
            continue
        sentence = str(claim["quote"])
        if not ARTICLE_RE.search(sentence) and not any(v.articles_in(sentence)[1] for v in vocabularies):
            continue
        places = [Place(sentence, "sentence")] + ([document_place] if document_place else [])
        years = _years(sentence)
        phases = phases_named(sentence)
        if len(years) != 1 or len(phases) != 1:
            continue
        (year_value, year_words), = years.items()
        (phase_value, phase_words), = phases.items()
        default = "U" if _BUDGET_WORDS_RE.search(sentence) else None
        keys = _first_key(tables, vocabularies, [Place(sentence, "sentence")] + places[1:],
                          Named(year_value, year_words, "sentence"), Named(phase_value, phase_words, "sentence"),
                          default)
        if keys is None:
            continue
        ref_table, figure, ref, why = keys
        link = {key: claim[key] for key in ("quote", "stated", "value", "unit", "hedge", "where") if key in claim}
        link.update({"id": f"ref_{claim['id']}"[:60], "expr": ref.written(), "origin": "discovered",
                     "evidence": _evidence(ref_table, figure, why, None)})
        out.append(link)
    return out


# -- a whole document ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _vocabulary(table: ReferenceTable) -> Vocabulary:
    return Vocabulary(table)


def link_document(source: Path, claims: Sequence[Mapping[str, Any]], tables: Sequence[ReferenceTable],
                  lang: str | None = "nl") -> list[dict[str, Any]]:
    """Every link claim for one document (PDF, or text whose prose figures are ``claims``).

    Only pages that name an article, chapter or Kamerstuk of a table are read again for their
    tables; a document that names none costs one pass of regular expressions over its text.
    """
    if not tables:
        return []
    vocabularies = [_vocabulary(t) for t in tables]
    pages: list[str] = []
    if source.suffix.lower() == ".pdf":
        from factcheck.sources.pdf_layout import page_texts

        pages = page_texts(source)
    else:
        pages = [" ".join(str(c.get("quote") or "") for c in claims)]
    named = [i + 1 for i, text in enumerate(pages) if any(names_a_budget(text, v) for v in vocabularies)]
    if not named:
        return []
    document_place = _document_place(pages, vocabularies)
    out = prose_links(tables, vocabularies, claims, document_place)
    if source.suffix.lower() == ".pdf":
        from factcheck.sources.pdf_layout import iter_page_words
        from factcheck.tables.detect import find_tables

        for page in iter_page_words(source, named, engine="pdfium"):
            found = find_tables(page, lang)
            if found:
                out.extend(table_links(tables, vocabularies, page, found, document_place))
    return out


def _document_place(pages: Sequence[str], vocabularies: Sequence[Vocabulary]) -> Place | None:
    """The chapter a document is about, when its Kamerstuk numbers name exactly one."""
    chapters: dict[str, str] = {}
    for text in pages:
        for match in KAMERSTUK_RE.finditer(text):
            chapters.setdefault(match.group(1).upper(), match.group(0).rstrip(", nr."))
    if len(chapters) != 1:
        return None
    (_chapter, words), = chapters.items()
    return Place(words, "the document's Kamerstuk number")
