"""Round-trip YAML for claim files: the only module importing ruamel.yaml.

Loading and dumping keep comments, key order and quoting, so a one-field change is a
one-line diff. Printed figures and exact values are always written as double-quoted strings
(YAML would read ``55.700`` as the float 55.7). Writes are atomic (a temporary file in the
same folder, then ``os.replace``) and keep the file's mode.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from factcheck.errors import ClaimFileError

# Keys whose string values are always double-quoted.
QUOTED_KEYS = frozenset({"quote", "stated", "value", "value_high", "period", "sha256", "was", "now", "yours"})
# Mappings and sequences written on one line.
FLOW_KEYS = frozenset({"where", "span", "bbox", "lines", "table_pages", "table_lines"})
_MAX_BYTES = 64 * 1024 * 1024


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_duplicate_keys = False
    return yaml


def loads(text: str, path: str = "<string>") -> Any:
    """Parse YAML text keeping comments and formatting; typed error with a location on failure."""
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


def to_node(value: Any, key: str | None = None) -> Any:
    """Plain Python data -> ruamel nodes with our quoting and flow-style rules.

    Nodes that are already ruamel's (from a loaded file) are returned unchanged, so their
    formatting survives.
    """
    if isinstance(value, (CommentedMap, CommentedSeq)):
        return value
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[k] = to_node(v, k)
        if key in FLOW_KEYS:
            node.fa.set_flow_style()
        return node
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(to_node(v) for v in value)
        if key in FLOW_KEYS or (value and all(isinstance(v, (int, float)) for v in value)):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and not isinstance(value, DoubleQuotedScalarString) and key in QUOTED_KEYS:
        return DoubleQuotedScalarString(value)
    return value


def to_plain(value: Any) -> Any:
    """ruamel nodes -> plain dicts, lists, str, int, float, bool, None (for comparing)."""
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


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, keeping an existing file's mode."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


__all__ = ["CommentedMap", "CommentedSeq", "dumps", "load", "loads", "to_node", "to_plain", "write_atomic"]
