"""``json.dumps(data, ensure_ascii=False, indent=N)``, the same text, at C speed for its scalars.

With ``indent`` the standard library encodes in pure Python, a call per value; the sidecar of a
claim file (factcheck.merge) holds every extracted field of every claim, and that encoding was
about a quarter of writing a new claim file and its sidecar. Here the nesting is walked once and
each string goes through the C escaper. Anything that is not plain JSON data (a non-string key,
another type) is left to ``json.dumps`` itself, so the result, or the error, is always exactly
the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

_INFINITY = float("inf")


class _NotPlain(Exception):
    """A value the fast path does not write; the standard library writes the whole document."""


def dumps_indented(data: Any, indent: int = 1) -> str:
    """What ``json.dumps(data, ensure_ascii=False, indent=indent)`` returns."""
    parts: list[str] = []
    try:
        _write(data, parts, "\n", " " * indent)
    except (_NotPlain, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=indent)
    return "".join(parts)


def _write(value: Any, out: list[str], newline: str, step: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        # as json's floatstr with allow_nan (the default): NaN and the infinities by name
        if value != value:
            out.append("NaN")
        elif value in (_INFINITY, -_INFINITY):
            out.append("Infinity" if value > 0 else "-Infinity")
        else:
            out.append(float.__repr__(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + step
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            out.append(("{" if first else ",") + inner + encode_basestring(key) + ": ")
            first = False
            _write(item, out, inner, step)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + step
        first = True
        for item in value:
            out.append(("[" if first else ",") + inner)
            first = False
            _write(item, out, inner, step)
        out.append(newline + "]")
    else:
        raise _NotPlain
