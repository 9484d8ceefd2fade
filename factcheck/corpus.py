"""Whole corpora: which documents a run covers, which it may skip, and what it adds up to.

A folder given to ``extract`` is walked for PDF, plain-text and HTML files. A document is skipped
when its claim file exists and the stamp its last extraction left in the sidecar
(``.<name>.base.yaml``, see factcheck.merge) names the same source bytes (sha256), the same
factcheck version and the same options: extracting it again would give the same figures, and
the three-way merge would leave the claim file as it is. People's edits since then are not a
reason to re-extract: the sidecar still holds the last extraction, so a later merge sees them.
The stamp also keeps the document's counts, so the summary of a run covers skipped documents too.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import factcheck

# What walking a folder takes: documents, not notes (README.md beside a corpus is not a budget).
WALKED_SUFFIXES = (".pdf", ".txt", ".text", ".html", ".htm", ".xhtml")
STAMP_PREFIX = "factcheck-stamp "


def walk_sources(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Files as given and the documents under folders (sorted, hidden ones skipped).

    Returns the sources and the folders that held no document. A path that does not exist is
    kept as a source, so that the extractor reports it like any unreadable document.
    """
    sources: list[str] = []
    empty: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            sources.append(str(raw))
            continue
        found: list[str] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, f) for f in sorted(files)
                         if not f.startswith(".") and f.lower().endswith(WALKED_SUFFIXES))
        if not found:
            empty.append(str(raw))
        sources.extend(found)
    return sources, empty


def current_version() -> str:
    """factcheck's version and a fingerprint of its installed code, as stamped: a new version, or
    code changed in place (an editable install), makes every document new again."""
    return f"{factcheck.__version__}+{_code_fingerprint()}"


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    # Names, sizes and times of the package's files: cheap (no reading), and any edit changes it.
    package = Path(factcheck.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".json", ".j2", ".css", ".js") and "__pycache__" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def options_key(settings: Mapping[str, Any]) -> str:
    """A short hash of the settings that shape a claim file's content (language, discovery, source path)."""
    text = json.dumps(dict(settings), sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


@dataclass(frozen=True)
class Stamp:
    """What one extraction was made from, and what it found."""

    sha256: str
    version: str
    options: str
    pages: int = 0
    figures: int = 0
    checks: int = 0
    problems: int = 0

    def to_line(self) -> str:
        """One line for the sidecar's header comment."""
        return STAMP_PREFIX + json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_line(cls, line: str) -> Stamp | None:
        """The stamp in a sidecar comment line, or None when the line holds none (or a broken one)."""
        text = line.lstrip("#").strip()
        if not text.startswith(STAMP_PREFIX):
            return None
        try:
            data = json.loads(text[len(STAMP_PREFIX):])
            counts = {k: int(data.get(k, 0)) for k in ("pages", "figures", "checks", "problems")}
            return cls(data["sha256"], data["version"], data["options"], **counts)
        except (ValueError, TypeError, KeyError):
            return None


def read_stamp(claim_path: Path) -> Stamp | None:
    """The stamp of the last extraction into ``claim_path``, read from its sidecar's first lines."""
    from factcheck.merge import sidecar_path

    try:
        with sidecar_path(claim_path).open(encoding="utf-8") as handle:
            for _ in range(3):
                line = handle.readline()
                if not line.startswith("#"):
                    return None
                stamp = Stamp.from_line(line)
                if stamp is not None:
                    return stamp
    except (OSError, UnicodeDecodeError):
        return None
    return None


def unchanged(claim_path: Path, sha256: str, options: str) -> Stamp | None:
    """The last extraction's stamp when ``claim_path`` exists and was made from these bytes,
    this factcheck version and these options; None when the document must be extracted again."""
    if not claim_path.is_file():
        return None
    stamp = read_stamp(claim_path)
    if stamp is None or (stamp.sha256, stamp.version, stamp.options) != (sha256, current_version(), options):
        return None
    return stamp


def count_checks(discovered: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    """(checks, problems) among discovered claims: relations and repeat groups proposed, and the
    table totals that do not add up (alarms; the verdicts of the rest come from ``check``)."""
    checks = problems = 0
    for claim in discovered:
        if "expr" in claim or "repeats" in claim:
            checks += 1
            evidence = claim.get("evidence") or {}
            problems += bool(evidence.get("relation") == "table total" and "others" in evidence)
    return checks, problems


@dataclass
class Tally:
    """The counts of a run over many documents, for its last line."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    figures: int = 0
    checks: int = 0
    problems: int = 0

    def add(self, stamp: Stamp) -> None:
        """Add one document's counts."""
        self.pages += stamp.pages
        self.figures += stamp.figures
        self.checks += stamp.checks
        self.problems += stamp.problems

    @property
    def documents(self) -> int:
        """Documents in the run."""
        return self.done + self.skipped + self.failed

    def progress(self) -> str:
        """Short text for the progress bar."""
        return f"extract: {self.done} done, {self.skipped} skipped, {self.failed} failed"

    def summary(self) -> str:
        """The run's last line."""
        n = self.documents
        return (f"{n} document{'s' * (n != 1)}: {self.done} done, {self.skipped} skipped (unchanged), "
                f"{self.failed} failed; {_count(self.pages, 'page')}, {_count(self.figures, 'figure')}, "
                f"{_count(self.checks, 'check')}, {_count(self.problems, 'problem')} (table totals that do not add up)")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' * (n != 1)}"
