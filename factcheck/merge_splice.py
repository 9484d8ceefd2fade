"""Merging into a hand-edited claim file by splicing: only the claims the merge changes go
through ruamel's round trip; every other claim keeps its text as it stands in the file.

ruamel's round trip is pure Python, about 3 ms a claim: re-extracting a hand-edited file of
30,000 claims took 7 to 14 times as long as its first extraction, though a re-extraction
changes a few claims. Here the file is cut at its claims (the C YAML parser gives each claim's
line), each claim becomes a stand-in made of its plain values, and :func:`factcheck.merge.merge`
runs unchanged on the stand-ins, so every decision is the one it makes on the whole file. The
claims it changes or moves are then read by ruamel from their own lines and merged again; the
header and the lists after the claims (``obsolete:``, ``deleted:``) go through ruamel as before.

A stand-in is used only for a claim whose plain (unquoted) values read the same in YAML 1.1 and
1.2: words, whole numbers without leading zeros, true/false and null. Anything else (``yes``,
``0123``, dates, a layout other than ruamel's) is read by ruamel, and a file this module cannot
cut cleanly returns None: the caller then takes the round trip of the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from factcheck import yaml_roundtrip as yr
from factcheck.errors import ClaimFileError
from factcheck.yaml_load import NULL_WORDS, YMap, YScalar, YSeq, YValue, load

if TYPE_CHECKING:
    from factcheck.merge import MergeReport

# What stands in the claims list's place while the rest of the file goes through ruamel.
_SPLICE = "factcheck_splice_point"
_ITEM = "  - "  # ruamel's layout: sequence indent 4, dash offset 2
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9 _./()-]*")
_WHOLE = re.compile(r"-?(?:0|[1-9][0-9]*)")
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off"})
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Above this share of changed claims, one round trip of the whole file is as quick.
_MOST = 0.3


class _NotPlain(Exception):
    pass


class _Unspliceable(Exception):
    """The file cannot be cut at its claims here: the caller takes the whole round trip."""


def _plain(node: YValue) -> Any:
    """The value ruamel would read, for values that read the same in YAML 1.1 and 1.2."""
    if type(node) is YMap:
        if any(not _is_word(key) for key in node):
            raise _NotPlain("a key ruamel may read as another type")
        return {key: _plain(value) for key, value in node.items()}
    if type(node) is YSeq:
        return [_plain(value) for value in node]
    assert type(node) is YScalar
    text = node.text
    if not node.plain:
        return text
    if text in NULL_WORDS:
        return None
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if _WHOLE.fullmatch(text):
        return int(text)
    if _is_word(text):
        return text
    raise _NotPlain(text)


def _is_word(text: str) -> bool:
    """Plain text both YAML versions read as this string (not yes, on, true, null, a number)."""
    return (_WORD.fullmatch(text) is not None and text.lower() not in _YAML11_WORDS
            and text not in _BOOLEANS and text not in NULL_WORDS)


class _Cut:
    """A claim file cut at its claims: the text around them and each claim's own lines."""

    def __init__(self, head: str, before_items: str, chunks: list[str], tail: str, plain: list[Any]) -> None:
        self.head = head  # up to the `claims:` line
        self.before_items = before_items  # comment lines between `claims:` and the first claim
        self.chunks = chunks  # each claim's lines, with the comments that follow it
        self.tail = tail  # from the next top-level key on
        self.plain = plain  # each claim's plain values, or None when ruamel must read it


def _cut(text: str, path: str) -> _Cut | None:
    if not text.endswith("\n") or "\r" in text:
        return None
    try:
        root = load(text, path)
    except ClaimFileError:
        return None
    if type(root) is not YMap or type(root.get("claims")) is not YSeq or not root["claims"]:
        return None
    lines = text.splitlines(keepends=True)
    claims_at = root.key_pos["claims"][0] - 1
    if lines[claims_at] != "claims:\n":
        return None
    starts = []
    for item in root["claims"]:
        if type(item) is not YMap or item.col != len(_ITEM) + 1 or not lines[item.line - 1].startswith(_ITEM):
            return None
        starts.append(item.line - 1)
    if starts[0] <= claims_at or any(b <= a for a, b in zip(starts, starts[1:])):
        return None
    later = [line - 1 for line, _ in root.key_pos.values() if line - 1 > claims_at]
    end = min(later) if later else len(lines)
    if end <= starts[-1]:
        return None
    bounds = [*starts, end]
    plain: list[Any] = []
    for item in root["claims"]:
        try:
            plain.append(_plain(item))
        except _NotPlain:
            plain.append(None)
    return _Cut("".join(lines[:claims_at]), "".join(lines[claims_at + 1:starts[0]]),
                ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])], "".join(lines[end:]), plain)


def _read_items(chunks: list[str], path: str) -> list[Any]:
    """ruamel's nodes for claims, read from their own lines (one parse for all of them)."""
    if not chunks:
        return []
    seq = yr.loads("claims:\n" + "".join(chunks), path).get("claims")
    if not isinstance(seq, list) or len(seq) != len(chunks) or _seq_comments(seq):
        raise _Unspliceable("the claims do not read apart")
    return list(seq)


def _seq_comments(seq: Any) -> bool:
    # Comments ruamel keeps on the list itself rather than on a claim cannot be cut apart.
    ca = getattr(seq, "ca", None)
    return bool(ca is not None and (ca.items or ca.comment or ca.end))


def _hybrid(cut: _Cut, real: set[int], path: str) -> tuple[Any, dict[int, int]]:
    """The file for :func:`merge`: ruamel's nodes around the claims and for the claims in
    ``real`` (or that have no stand-in); stand-ins for the others. Also id(stand-in) -> index."""
    skeleton = yr.loads(cut.head + "claims: []\n" + cut.tail, path)
    wanted = [i for i, p in enumerate(cut.plain) if p is None or i in real]
    read = _read_items([cut.chunks[i] for i in wanted], path)
    if not isinstance(skeleton, dict):
        raise _Unspliceable("the file is not a mapping")
    nodes = dict(zip(wanted, read))
    standing: dict[int, int] = {}
    items = []
    for i, plain in enumerate(cut.plain):
        node = nodes.get(i)
        if node is None:
            node = yr.to_node(plain)
            standing[id(node)] = i
        items.append(node)
    skeleton["claims"] = yr.CommentedSeq(items)
    return skeleton, standing


def _touched(report: MergeReport) -> set[str]:
    return (set(report.updated) | {claim_id for claim_id, _ in report.conflicts} | set(report.obsoleted)
            | set(report.restored))


def spliced_merge(
    text: str, path: str, base: Mapping[str, Any] | None, header: Mapping[str, Any],
    claims: list[Mapping[str, Any]], extraction: Mapping[str, Any] | None,
) -> tuple[str, dict[str, Any], MergeReport] | None:
    """:func:`factcheck.merge.merge` into the claim file ``text``: (new text, sidecar, report),
    or None when the file cannot be cut at its claims (then use the whole round trip)."""
    from factcheck.merge import merge

    cut = _cut(text, path)
    if cut is None:
        return None
    try:
        first = _hybrid(cut, set(), path)
        _, _, report = merge(first[0], base, header, claims, extraction)
        touched = _touched(report)
        ids = [str(p["id"]) if isinstance(p, dict) and p.get("id") is not None else None for p in cut.plain]
        real = {i for i, claim_id in enumerate(ids) if claim_id in touched}
        if len(real) > _MOST * len(ids):
            return None
        # Merge again, with ruamel's nodes for the claims it changes (the first merge changed its own).
        root, standing = _hybrid(cut, real, path)
        merged, new_base, report = merge(root, base, header, claims, extraction)
        if not report.changed:
            return text, new_base, report
        return _write(cut, merged, standing), new_base, report
    except (ClaimFileError, _Unspliceable):
        return None


def _write(cut: _Cut, merged: Any, standing: dict[int, int]) -> str:
    items = merged.get("claims")
    obsolete = merged.get("obsolete")
    if not isinstance(items, list) or not items or any(
            id(item) in standing for item in (obsolete if isinstance(obsolete, list) else ())):
        raise _Unspliceable("a claim list ruamel must write as a whole")
    merged["claims"] = _SPLICE
    around = yr.dumps(merged).splitlines(keepends=True)
    at = [i for i, line in enumerate(around) if line == f"claims: {_SPLICE}\n"]
    if len(at) != 1:
        raise _Unspliceable("no single place for the claims")
    written = _dump_items([item for item in items if id(item) not in standing])
    texts = [cut.chunks[standing[id(item)]] if id(item) in standing else next(written) for item in items]
    return "".join(around[:at[0]]) + "claims:\n" + cut.before_items + "".join(texts) + "".join(around[at[0] + 1:])


def _dump_items(items: list[Any]) -> Iterator[str]:
    """ruamel's text of each claim in ``items``, in order (one dump for all of them)."""
    if not items:
        return iter(())
    lines = yr.dumps(yr.CommentedMap([("claims", yr.CommentedSeq(items))])).splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith(_ITEM)]
    if not lines or lines[0] != "claims:\n" or len(starts) != len(items) or starts[0] != 1:
        raise _Unspliceable("ruamel wrote the claims in another layout")
    bounds = [*starts, len(lines)]
    return iter(["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])])
