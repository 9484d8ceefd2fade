"""Accept the current verdicts as the baseline by writing ``expect:`` into claim files.

The edit is made line by line at the positions the loader recorded, so everything else in the
file (comments, key order, quoting, blank lines) stays byte for byte as the person wrote it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from factcheck.errors import OutputError
from factcheck.fileio import atomic_write
from factcheck.last_resort import INTERNAL_CODE
from factcheck.model import Result

_EXPECT_LINE = re.compile(r"^(\s*)expect\s*:.*?(\s*#.*)?$")


@dataclass(frozen=True, slots=True)
class Change:
    """One `expect:` written (or that could not be written) for a claim."""

    path: str
    claim_id: str
    old: str | None
    new: str
    done: bool
    reason: str = ""
    code: str = "FC130"  # why it was not done: FC130 cannot edit, FC111 cannot read, FC330 cannot write


def accept(results: Iterable[Result], *, only: set[str] | None = None, dry_run: bool = False) -> list[Change]:
    """Write each result's verdict as its claim's ``expect:``; return what changed.

    ``only`` limits the edit to those claim ids. Results whose verdict already matches
    ``expect:`` are left alone. Files are rewritten atomically, one write per file.
    """
    per_file: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        if only is not None and result.claim.id not in only and result.claim.qualified_id not in only:
            continue
        current = result.claim.expect.value if result.claim.expect else None
        if current == result.verdict.value:
            continue
        per_file[result.claim.location.path].append(result)

    changes: list[Change] = []
    for path, items in per_file.items():
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:  # changed since it was checked
            why = getattr(exc, "strerror", None) or str(exc)
            changes.extend(Change(path, r.claim.id, None, r.verdict.value, False, f"cannot read: {why}", "FC111")
                           for r in items)
            continue
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.split(newline)
        # Bottom-up, so inserting a line does not move the ones still to edit.
        edited = [_edit(lines, result) for result in sorted(items, key=lambda r: r.claim.location.line or 0,
                                                            reverse=True)]
        if not dry_run and any(c.done for c in edited):
            try:
                atomic_write(path, newline.join(lines))
            except OutputError as exc:  # one file that cannot be written does not stop the others
                edited = [replace(c, done=False, reason=exc.message, code=exc.code) if c.done else c for c in edited]
        changes.extend(edited)
    return sorted(changes, key=lambda c: (c.path, c.claim_id))


def _edit(lines: list[str], result: Result) -> Change:
    claim = result.claim
    new = result.verdict.value
    old = claim.expect.value if claim.expect else None
    path = claim.location.path
    if result.message and f" {INTERNAL_CODE} " in result.message:
        # an internal error is a bug to report, never a verdict to accept
        return Change(path, claim.id, old, new, False, f"the verdict is {INTERNAL_CODE} internal error (please report)")
    expect_at = claim.key_locations.get("expect")
    if expect_at is not None and expect_at.line is not None:
        index = expect_at.line - 1
        match = _EXPECT_LINE.match(lines[index])
        if match is None:
            return Change(path, claim.id, old, new, False, "expect: is not on a line of its own; edit it by hand")
        lines[index] = f"{match.group(1)}expect: {new}{match.group(2) or ''}"
        return Change(path, claim.id, old, new, True)
    id_at = claim.location
    if id_at.line is None or id_at.col is None:
        return Change(path, claim.id, old, new, False, "position unknown")
    id_line = lines[id_at.line - 1]
    # The claim's keys are indented like `id:`; a flow-style claim `{id: a, ...}` has no such column.
    key_col = id_line.find("id:")
    if key_col < 0 or "{" in id_line[:key_col]:
        return Change(path, claim.id, old, new, False, "flow-style claim; add expect: by hand")
    # Insert after the claim's last line: the line before the next key at a lower indentation.
    end = _claim_end(lines, id_at.line - 1, key_col)
    lines.insert(end, f"{' ' * key_col}expect: {new}")
    return Change(path, claim.id, old, new, True)


def _claim_end(lines: list[str], start: int, indent: int) -> int:
    """Index just after the last non-blank, non-comment line that belongs to the claim at ``start``."""
    last = start
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[i]) - len(lines[i].lstrip(" ")) < indent:
            break  # the next claim ("- id:" two to the left) or the next top-level key
        last = i
    return last + 1
