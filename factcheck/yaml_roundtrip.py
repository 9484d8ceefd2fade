"""Round-trip YAML for claim files: the only module importing ruamel.yaml.

Loading and dumping keep comments, key order and quoting, so a one-field change is a
one-line diff. Printed figures and exact values are always written as double-quoted strings
(YAML would read ``55.700`` as the float 55.7). Writes are atomic (a temporary file in the
same folder, then ``os.replace``) and keep the file's mode.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import ClaimFileError
from factcheck.fileio import atomic_write

# Keys whose string values are always double-quoted.
QUOTED_KEYS = frozenset({"quote", "stated", "value", "value_high", "period", "sha256", "was", "now", "yours"})
# Mappings and sequences written on one line.
FLOW_KEYS = frozenset({"where", "span", "bbox", "lines", "table_pages", "table_lines", "discovery"})
_MAX_BYTES = 64 * 1024 * 1024


if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq


# ruamel is imported on first use: `extract` writing new claim files (the fast writer below) and
# `check` reading them (PyYAML's C loader) never need it, and its import took about 15 ms of
# every start. ``yr.CommentedMap`` and ``yr.CommentedSeq`` are looked up through __getattr__.
def __getattr__(name: str) -> Any:
    if name in ("CommentedMap", "CommentedSeq"):
        from ruamel.yaml import comments

        return getattr(comments, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_duplicate_keys = False
    return yaml


def loads(text: str, path: str = "<string>") -> Any:
    """Parse YAML text keeping comments and formatting; typed error with a location on failure."""
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ClaimFileError(f"cannot read YAML: {problem}", path=path, line=line, col=col, code="FC101") from None
    except RecursionError:
        raise ClaimFileError("YAML nested too deeply", path=path, code="FC101") from None


def load(path: str | Path) -> Any:
    """Load a YAML file for round-tripping."""
    path = Path(path)
    size = path.stat().st_size
    if size > _MAX_BYTES:
        raise ClaimFileError(f"claim file is {size} bytes, over the limit", path=str(path), code="FC101")
    return loads(path.read_text(encoding="utf-8"), str(path))


def dumps(data: Any) -> str:
    """YAML text of round-trip data (or plain data, which is converted first)."""
    stream = io.StringIO()
    _yaml().dump(to_node(data), stream)
    return stream.getvalue()


def to_node(value: Any, key: str | None = None, flow: bool = False) -> Any:
    """Plain Python data -> ruamel nodes with our quoting and flow-style rules.

    Nodes that are already ruamel's (from a loaded file) are returned unchanged, so their
    formatting survives. A string is quoted exactly when the fast writer quotes it, and then
    with double quotes: left to itself ruamel picks single quotes ('Piri, K. (GL/PvdA)'), so a
    field replaced in a file the fast writer wrote would change its quoting along with its value.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(value, (CommentedMap, CommentedSeq, ScalarString)):
        return value
    if isinstance(value, dict):
        inner = flow or key in FLOW_KEYS
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_node(v, k, inner)
        if inner:
            node.fa.set_flow_style()
        return node
    if isinstance(value, (list, tuple)):
        inner = flow or _is_flow(value, key)
        seq = CommentedSeq(to_node(v, key, inner) for v in value)
        if inner:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and not _plain_ok(value, key, flow):
        return DoubleQuotedScalarString(value)
    return value


def to_plain(value: Any) -> Any:
    """ruamel nodes -> plain dicts, lists, str, int, float, bool, None (for comparing)."""
    if type(value) is str:  # most values, already plain (the sidecar copies every claim's fields)
        return value
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


# --- a fast writer for files we produce from plain data ---------------------------------------
# ruamel's round-trip dumper is pure Python (about 2 ms per claim); a claim file written from
# scratch has no comments or hand formatting to keep, so it is written directly, in exactly the
# layout ruamel uses (mapping indent 2, sequence indent 4 with offset 2, flow style for the
# FLOW_KEYS), so that a later round trip through ruamel is byte-identical. `fast_dumps` returns
# None for data it does not know how to write; callers then use `dumps`.
_PLAIN_SAFE = re.compile(r"[A-Za-z_\u00c0-\u024f][\w .,/()\u00c0-\u024f'’&+-]*")
_NOT_PLAIN = re.compile(
    r"(?i)(?:y|yes|n|no|true|false|on|off|null|~|nan|inf|\.nan|\.inf)\Z|.*(?::\s|\s#|:\Z)|.*\s\Z"
)


_ESCAPES = {
    "\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r", "\x1b": "e",
    '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P",
}
_NEEDS_ESCAPE = re.compile('["\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _ESCAPES:
        return "\\" + _ESCAPES[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _double_quoted(value: str) -> str:
    """A double-quoted YAML scalar escaped exactly as ruamel (and PyYAML) escape one."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


class _Unsupported(Exception):
    pass


def _scalar(value: Any, key: str | None, flow: bool) -> str:
    if value is None and flow:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "inf" in text or "nan" in text:
            raise _Unsupported(text)
        return text
    if isinstance(value, str):
        return value if _plain_ok(value, key, flow) else _double_quoted(value)
    raise _Unsupported(type(value).__name__)


def _plain_ok(value: str, key: str | None, flow: bool) -> bool:
    """Whether a string is written without quotes (by both writers, see ``to_node``)."""
    return key not in QUOTED_KEYS and _plain_text(value, flow)


@functools.lru_cache(maxsize=16384)
def _plain_text(value: str, flow: bool) -> bool:
    # Cached: a claim file repeats its units, kinds and hedges thousands of times.
    return (
        _PLAIN_SAFE.fullmatch(value) is not None
        and _NOT_PLAIN.match(value) is None
        and not (flow and any(c in value for c in ",[]{}"))
    )


def _flow(value: Any, key: str | None) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + ", ".join(f"{_key(k)}: {_flow(v, str(k))}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v, key) for v in value) + "]"
    return _scalar(value, key, flow=True)


_KEYS_OK: set[str] = set()  # keys already found writable as they are (the same few, every claim)


def _key(key: Any) -> str:
    if key in _KEYS_OK and isinstance(key, str):
        return key
    if not isinstance(key, str) or _PLAIN_SAFE.fullmatch(key) is None or _NOT_PLAIN.match(key):
        raise _Unsupported(repr(key))
    _KEYS_OK.add(key)
    return key


def _is_flow(value: Any, key: str | None) -> bool:
    if key in FLOW_KEYS:
        return True
    return isinstance(value, (list, tuple)) and bool(value) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )


def _block(value: Any, key: str | None, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    """Append the lines of a mapping or sequence; ``first_prefix`` starts the first line ("- ")."""
    pad = " " * indent
    if isinstance(value, dict):
        first = True
        for k, v in value.items():
            lead = first_prefix if (first and first_prefix is not None) else pad
            first = False
            name = _key(k)
            if isinstance(v, (dict, list, tuple)) and v and not _is_flow(v, name):
                out.append(f"{lead}{name}:")
                _block(v, name, indent + 2, out)
            elif isinstance(v, (dict, list, tuple)):
                out.append(f"{lead}{name}: {_flow(v, name)}")
            elif v is None:
                out.append(f"{lead}{name}:")  # as ruamel writes a null (a conflict's missing side)
            else:
                out.append(f"{lead}{name}: {_scalar(v, name, flow=False)}")
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            dash = pad + "- "
            if isinstance(item, dict) and item:
                _block(item, key, indent + 2, out, first_prefix=dash)
            elif isinstance(item, (dict, list, tuple)):
                if item and not _is_flow(item, key):
                    raise _Unsupported("nested sequence")
                out.append(dash + _flow(item, key))
            elif item is None:
                raise _Unsupported("null")
            else:
                out.append(dash + _scalar(item, key, flow=False))
        return
    raise _Unsupported(type(value).__name__)


def fast_dumps(data: Any) -> str | None:
    """YAML text of plain data in ruamel's layout, or None when the data needs ruamel."""
    if not isinstance(data, dict):
        return None
    out: list[str] = []
    try:
        _block(data, None, 0, out)
    except _Unsupported:
        return None
    return "\n".join(out) + "\n"


def fast_load(text: str, path: str = "<string>") -> Any:
    """Plain data from YAML text with PyYAML's C loader (no comments or formatting kept)."""
    import yaml  # type: ignore[import-untyped]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # a safe loader (C when available)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ClaimFileError(f"cannot read YAML: {getattr(exc, 'problem', exc)}", path=path,
                             line=mark.line + 1 if mark else None, col=mark.column + 1 if mark else None,
                             code="FC101") from None


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, keeping an existing file's mode (see factcheck.fileio)."""
    atomic_write(path, text)


__all__ = [
    "CommentedMap", "CommentedSeq", "dumps", "fast_dumps", "fast_load", "load", "loads", "to_node", "to_plain",
    "write_atomic",
]
