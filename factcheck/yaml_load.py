"""Read YAML safely into values that remember where they stood: the one module importing PyYAML.

We build the tree ourselves from libyaml's event stream instead of using a loader, because:
- it is fast (100k claims: 0.6 s of events against 3.3 s to compose and 6 s for ruamel's loader);
- every value keeps its line and column, so schema errors can say ``file:line:col``;
- scalars keep their raw text: ``55.700`` stays "55.700" instead of YAML's float 55.7;
- nothing is ever constructed from a tag, aliases are refused (no alias bombs), duplicate keys
  and excessive nesting are errors, and there is no recursion to overflow.
Writing claim files back with comments intact is :mod:`factcheck.yaml_roundtrip`'s job.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Union

import yaml

from factcheck.bounds import MAX_YAML_DEPTH as MAX_DEPTH
from factcheck.errors import ClaimFileError

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
)
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YScalar:
    """A scalar with its raw text, position (1-based) and whether it was written plain (unquoted)."""

    __slots__ = ("text", "line", "col", "plain")

    def __init__(self, text: str, line: int, col: int, plain: bool) -> None:
        self.text = text
        self.line = line
        self.col = col
        self.plain = plain

    @property
    def is_null(self) -> bool:
        """True for YAML's empty value, ``~`` and ``null`` written plain."""
        return self.plain and self.text in NULL_WORDS

    def __repr__(self) -> str:
        return f"YScalar({self.text!r}, {self.line}:{self.col})"


class YMap(dict):  # type: ignore[type-arg]
    """A mapping from key text to values, with the position of the mapping and of each key."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.key_pos: dict[str, tuple[int, int]] = {}


class YSeq(list):  # type: ignore[type-arg]
    """A sequence with its position."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col


YValue = Union[YScalar, YMap, YSeq]


def _pos(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def load(text: str, path: str, on_claim: Callable[[YMap, YMap], Any] | None = None) -> YValue | None:
    """Parse one YAML document into positioned values; ``None`` for an empty file.

    ``on_claim(item, root)`` is called with each mapping of the top-level ``claims:`` list as
    soon as it is complete (``root`` holds the keys read so far), and its return value takes the
    item's place: a caller can turn each claim into its record while the file is read, so the
    positioned values of only one claim are alive at a time, not those of the whole file.

    Raises :class:`ClaimFileError` with ``path:line:col`` for syntax errors (FC101), tags
    (FC102), duplicate keys (FC103), aliases or nesting deeper than MAX_DEPTH (FC104).
    """
    stack: list[YMap | YSeq] = []
    pending_key: list[YScalar | None] = []
    root: YValue | None = None
    documents = 0

    def err(message: str, line: int, col: int, code: str) -> ClaimFileError:
        return ClaimFileError(message, path=path, line=line, col=col, code=code)

    def attach(value: YValue, line: int, col: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        parent = stack[-1]
        if isinstance(parent, YSeq):
            parent.append(value)
            return
        key = pending_key[-1]
        if key is None:
            if not isinstance(value, YScalar):
                raise err("a mapping key must be plain text", line, col, "FC106")
            if value.text in parent:
                first = parent.key_pos[value.text]
                raise err(
                    f"duplicate key {value.text!r} (first at line {first[0]})", line, col, "FC103"
                )
            # Keys repeat in every claim ("id", "stated", "unit"): one string each, not one per claim.
            value.text = sys.intern(value.text)
            pending_key[-1] = value
        else:
            parent[key.text] = value
            parent.key_pos[key.text] = (key.line, key.col)
            pending_key[-1] = None

    scalar_event = yaml.ScalarEvent
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is scalar_event:
                mark = event.start_mark
                line, col = mark.line + 1, mark.column + 1
                tag = event.tag
                if tag is not None and tag != "!" and tag not in _SAFE_TAGS:
                    raise err(f"the tag {tag!r} is not allowed in a claim file", line, col, "FC102")
                scalar = YScalar(event.value, line, col, not event.style)
                # Inlined `attach` for the common case (a value under a pending key): this loop
                # runs once per scalar, a million times for a large file.
                if stack and pending_key[-1] is not None and type(stack[-1]) is YMap:
                    key = pending_key[-1]
                    stack[-1][key.text] = scalar
                    stack[-1].key_pos[key.text] = (key.line, key.col)
                    pending_key[-1] = None
                else:
                    attach(scalar, line, col)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line, col = _pos(event)
                tag = event.tag
                if tag is not None and tag not in _SAFE_TAGS:
                    raise err(f"the tag {tag!r} is not allowed in a claim file", line, col, "FC102")
                if len(stack) >= MAX_DEPTH:
                    raise err(f"the file nests deeper than {MAX_DEPTH} levels", line, col, "FC104")
                node: YMap | YSeq = YMap(line, col) if kind is yaml.MappingStartEvent else YSeq(line, col)
                attach(node, line, col)
                stack.append(node)
                pending_key.append(None)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                pending_key.pop()
                if (on_claim is not None and len(stack) == 2 and type(done) is YMap
                        and type(stack[0]) is YMap and stack[0].get("claims") is stack[1]):
                    stack[1][-1] = on_claim(done, stack[0])
            elif kind is yaml.AliasEvent:
                line, col = _pos(event)
                raise err("aliases (*name) are not allowed in a claim file; repeat the value", line, col, "FC104")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line, col = _pos(event)
                    raise err("a claim file holds one YAML document", line, col, "FC101")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or str(exc)
        raise ClaimFileError(f"YAML syntax error: {problem}", path=path, line=line, col=col, code="FC101") from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(f"YAML error: {exc}", path=path, code="FC101") from None
    return root
