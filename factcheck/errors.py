"""Typed errors. Every user mistake becomes one line: ``path:line:col: FCnnn message``.

Codes are stable: scripts and editors match on them. The full list is in docs/errors.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def shown_name(name: object) -> str:
    """A file name as printed: control characters and other invisible ones escaped.

    ``"a\\x1b[2Jb.pdf"`` prints as ``a\\x1b[2Jb.pdf``, and a newline as ``\\n``, so a name can
    neither drive the terminal nor start a line of its own (a forged ``::error::``).
    """
    s = str(name)
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else _escaped(c) for c in s)


def _escaped(char: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose.

    Carries a stable code and, where known, the place in a file the message is about.
    Lines and columns are 1-based, as editors show them.
    """

    code = "FC000"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        if code is not None:
            self.code = code

    def located(self, path: str | None = None, line: int | None = None, col: int | None = None) -> "FactcheckError":
        """Fill in a location that the raiser did not know, keeping any it did."""
        if self.path is None:
            self.path = path
        if self.line is None:
            self.line = line
        if self.col is None:
            self.col = col
        return self

    def __str__(self) -> str:
        where = shown_name(self.path) if self.path else "<input>"
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {self.code} {self.message}"


class ClaimFileError(FactcheckError, ValueError):
    """A claim file cannot be read: bad YAML, unsafe content, or a schema violation."""

    code = "FC100"


class FormulaError(FactcheckError, ValueError):
    """A formula in `expr` is malformed, not allowed, or too large."""

    code = "FC200"


class UnitDefinitionError(FactcheckError, ValueError):
    """A unit expression or a declared unit equivalence cannot be understood."""

    code = "FC210"


class EvaluationError(FactcheckError, ArithmeticError):
    """A relation cannot be evaluated: cycle, division by zero, a limit exceeded."""

    code = "FC220"


class SourceError(FactcheckError, OSError):
    """A source document cannot be read (missing, encrypted, corrupt, no text)."""

    code = "FC300"


class OutputError(FactcheckError, OSError):
    """An output path cannot be written: a folder, read-only, missing and not creatable, too long."""

    code = "FC330"


class OptionError(FactcheckError, ValueError):
    """A command-line option's value is out of range (``--page-timeout nan``)."""

    code = "FC331"


class ReferenceError(FactcheckError, ValueError):
    """A reference table or its mapping file cannot be read, or a ``ref()`` cannot be resolved.

    FC500 the table cannot be read; FC501 its header matches no layout; FC502 a mapping-file
    mistake; FC503 a row left out (warning); FC504 a malformed ``ref()``; FC505 a ``ref()``
    naming no registered table, or a table registered twice; FC506 the table changed since it
    was registered (warning).
    """

    code = "FC500"


class NumberFormatError(FactcheckError, ValueError):
    """A printed figure cannot be read as a number."""

    code = "FC109"


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the known name nearest to ``name``, or "" when none is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""
