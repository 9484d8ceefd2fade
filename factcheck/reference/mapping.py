"""Mapping files: how any CSV holds budget figures, as a small YAML file (docs/reference-tables.md).

Read with the project's safe YAML loader; every mistake is FC502 at its line and column.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.fileio import read_utf8
from factcheck.reference.keys import KINDS, PHASES
from factcheck.reference.table import LAYOUTS, Layout, ReferenceError
from factcheck.yaml_load import YMap, YScalar, YSeq, YValue, load

_TOP = frozenset({"name", "delimiter", "unit", "scale", "columns", "kinds", "kind", "values", "total", "parts"})
_COLUMNS = frozenset({"year", "kind", "chapter", "chapter_name", "article", "article_name"})
_KIND_NAMES = {name: code for code, name in KINDS.items()} | {code: code for code in KINDS}


def read_mapping(path: str | Path) -> Layout:
    """The layout a mapping file describes; FC502 with the line and column of a mistake."""
    shown = str(path)
    try:
        text = read_utf8(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceError(f"cannot read the mapping file: {exc}", path=shown, code="FC502") from None
    try:
        root = load(text, shown)
    except Exception as exc:  # noqa: BLE001 - the loader's own located error, re-coded
        raise ReferenceError(f"the mapping file is not plain YAML: {getattr(exc, 'message', exc)}", path=shown,
                             line=getattr(exc, "line", None), col=getattr(exc, "col", None), code="FC502") from None
    if not isinstance(root, YMap):
        raise _fail(shown, root, "a mapping file is a mapping with `name:`, `columns:` and `values:`")
    for key in root:
        if key not in _TOP:
            raise _fail(shown, root, f"unknown key {key!r}; a mapping file has {', '.join(sorted(_TOP))}", key)
    name = _text(shown, root, "name")
    if not name.isidentifier() or not name.islower():
        raise _fail(shown, root.get("name"), f"{name!r} is not a name ref() can use (lower-case letters, digits, _)")
    if name in LAYOUTS:
        raise _fail(shown, root.get("name"), f"{name!r} is a built-in layout's name; choose another")
    columns = root.get("columns")
    if not isinstance(columns, YMap):
        raise _fail(shown, columns or root, "`columns:` maps year, chapter, article (and kind, chapter_name, "
                                              "article_name) to column names")
    for key in columns:
        if key not in _COLUMNS:
            raise _fail(shown, columns, f"unknown column key {key!r}; use {', '.join(sorted(_COLUMNS))}", key)
    values = root.get("values")
    if not isinstance(values, YMap) or not values:
        raise _fail(shown, values or root, "`values:` maps each amount column to its phase")
    phases: dict[str, str] = {}
    for column, node in values.items():
        phase = _scalar(shown, node)
        if phase not in PHASES:
            raise _fail(shown, node, f"{phase!r} is not a phase; use one of {', '.join(PHASES)}")
        phases[column] = phase
    kinds: dict[str, str] = {c: c for c in KINDS}
    if isinstance(root.get("kinds"), YMap):
        kinds = {}
        for text, node in root["kinds"].items():
            code = _KIND_NAMES.get(_scalar(shown, node))
            if code is None:
                raise _fail(shown, node, "a kind is uitgaven, verplichtingen or ontvangsten")
            kinds[text.strip().upper()] = code
    fixed = "U"
    if "kind" in root:
        code = _KIND_NAMES.get(_text(shown, root, "kind"))
        if code is None:
            raise _fail(shown, root["kind"], "`kind:` is uitgaven, verplichtingen or ontvangsten")
        fixed = code
    total = None
    if isinstance(root.get("total"), YMap):
        total = (_text(shown, root["total"], "column"), _text(shown, root["total"], "value"))
    parts: tuple[str, ...] = ()
    if isinstance(root.get("parts"), YSeq):
        parts = tuple(_scalar(shown, item) for item in root["parts"])
    scale = Fraction(1)
    if "scale" in root:
        scale_text = _text(shown, root, "scale").replace(".", "")
        if not scale_text.isdigit() or len(scale_text) > 13:
            raise _fail(shown, root["scale"], "`scale:` is a whole number such as 1000 (bedragen x € 1.000)")
        scale = Fraction(int(scale_text))
    delimiter = _text(shown, root, "delimiter") if "delimiter" in root else None
    if delimiter is not None and len(delimiter) != 1:
        raise _fail(shown, root["delimiter"], "`delimiter:` is one character, such as ';'")
    return Layout(
        name=name, year=_text(shown, columns, "year"), chapter=_text(shown, columns, "chapter"),
        article=_text(shown, columns, "article"), values=phases,
        kind=_text(shown, columns, "kind") if "kind" in columns else None, kind_codes=kinds, fixed_kind=fixed,
        chapter_name=_text(shown, columns, "chapter_name") if "chapter_name" in columns else None,
        article_name=_text(shown, columns, "article_name") if "article_name" in columns else None,
        unit=_text(shown, root, "unit") if "unit" in root else "EUR", scale=scale, total=total, parts=parts,
        delimiter=delimiter,
    )


def _fail(path: str, node: YValue | None, message: str, key: str | None = None) -> ReferenceError:
    line, col = getattr(node, "line", None), getattr(node, "col", None)
    if key is not None and isinstance(node, YMap):
        line, col = node.key_pos.get(key, (line, col))
    return ReferenceError(message, path=path, line=line, col=col, code="FC502")


def _scalar(path: str, node: YValue | None) -> str:
    if not isinstance(node, YScalar) or node.is_null:
        raise _fail(path, node, "expected a single piece of text")
    return node.text.strip()


def _text(path: str, mapping: YMap, key: str) -> str:
    if key not in mapping:
        raise _fail(path, mapping, f"`{key}:` is missing")
    return _scalar(path, mapping[key])
