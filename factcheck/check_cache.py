"""Reusing the results of ``check`` and ``report`` for claim files that did not change.

Each claim file's part of a run (its verdicts, explanations and problems) is kept in the cache
folder under a key made of the file's path and bytes, factcheck's version (and code), and the
discovery options. A file that references claims of other documents (``other-doc.claim``) also
depends on the bytes of every other file of the run; a file whose table totals ``check`` reads
from the source PDF also depends on that PDF's bytes. If any of it changed, the file is checked
again. The folder is only a cache: deleting it, or part of it, loses nothing.

Where it lives: ``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``. ``FACTCHECK_CACHE_DIR=off`` (or ``--no-cache``) turns it off. Entries are
pickles of factcheck's own results, written by this user in a folder only this user can read
or write: never point it at a folder others can write to.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from factcheck.cache_switch import CACHE_ENV
from factcheck.claimfile import find_claim_files, read_claim_file
from factcheck.corpus import current_version
from factcheck.discover.options import Discovery
from factcheck.engine import CheckRun, FileCheck, across, assemble, check_each
from factcheck.gc_pause import collector_paused
from factcheck.model import ClaimFile, LazyResult, Result

_OFF = ("", "0", "off", "no", "none", "false")
# A name that reaches into another document: `doc-id.claim_id` (a number such as 0.5 is no name).
_QUALIFIED = re.compile(r"(?<![\w.])[a-z][a-z0-9_-]*\.[a-z_]")


def cache_dir() -> Path | None:
    """The cache folder, or None when it is turned off (``FACTCHECK_CACHE_DIR=off``)."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


@dataclass
class _Entry:
    part: FileCheck
    others: dict[str, str]  # claim file path -> sha256, when this file references other documents
    source: tuple[str, str | None] | None  # (source path, sha256 or None when missing) read at check time


def check_paths_cached(
    paths: Sequence[str | Path], *, discover: Discovery, cache: Path | None, strict: bool = False,
) -> CheckRun:
    """``engine.check_paths``, reusing the parts of unchanged files from ``cache`` (None: no cache).
    ``strict`` as in ``check_paths``; it is part of the cache key."""
    from factcheck.engine import check_paths

    if cache is None:
        return check_paths(paths, discover=discover, strict=strict)
    with collector_paused():
        files, problems = find_claim_files(list(paths))
        shas: dict[str, str] = {}
        for path in files:
            try:
                shas[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                pass  # read_claim_file says what is wrong with it
        settings = json.dumps({"version": current_version(), "discovery": discover.names, "strict": strict})
        keys = {name: hashlib.sha256(f"{settings}\n{name}\n{sha}".encode()).hexdigest() for name, sha in shas.items()}
        parts: dict[str, FileCheck] = {}
        for name, key in keys.items():
            entry = _load(cache, key)
            if entry is not None and _still_valid(entry, shas):
                parts[name] = entry.part
        fresh = [p for p in files if str(p) not in parts]
        if fresh:
            loaded = [read_claim_file(p, strict=strict) for p in fresh]
            if parts and any(_references_others(f) for f in loaded):
                # A changed file may use claims of unchanged ones: check them all together.
                fresh, loaded = files, [read_claim_file(p, strict=strict) for p in files]
            for path, claim_file, part in zip(fresh, loaded, check_each(loaded, discover)):
                parts[str(path)] = part
                # a file using a reference CSV, which is no claim file, is checked anew every time
                # (reading the table costs a tenth of a second for 100,000 rows)
                if str(path) in keys and not claim_file.uses_reference:
                    _store(cache, keys[str(path)], _entry(claim_file, part, shas))
        return across(assemble(problems, [parts[str(p)] for p in files]), discover)




def _references_others(claim_file: ClaimFile) -> bool:
    return any((c.expr and _QUALIFIED.search(c.expr)) or any("." in r for r in c.repeats) for c in claim_file.claims)


def _source_read_at_check(claim_file: ClaimFile) -> Path | None:
    # factcheck.discover.claims reads table totals from the source PDF for files extracted
    # without a record of discovery; the verdicts then depend on that PDF.
    document = claim_file.document
    if claim_file.discovery_done is not None or not (document.source or "").lower().endswith(".pdf"):
        return None
    return Path(document.path).parent / str(document.source)


def _entry(claim_file: ClaimFile, part: FileCheck, shas: dict[str, str]) -> _Entry:
    source = _source_read_at_check(claim_file)
    return _Entry(
        part=FileCheck(part.file, part.warnings, part.diagnostics,
                       [_settled(r) for r in part.results]),
        others=dict(shas) if _references_others(claim_file) else {},
        source=(str(source), _sha_or_none(source)) if source is not None else None,
    )


def _settled(result: Result) -> Result:
    """A plain Result with its explanation and interval worked out, so it can be stored."""
    if isinstance(result, LazyResult):
        return result.settled()
    return Result(**{f.name: getattr(result, f.name) for f in fields(Result)})


def _sha_or_none(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _still_valid(entry: _Entry, shas: dict[str, str]) -> bool:
    if entry.others and entry.others != shas:
        return False
    if entry.source is not None and _sha_or_none(Path(entry.source[0])) != entry.source[1]:
        return False
    return True


def _path(cache: Path, key: str) -> Path:
    return cache / "check" / key[:2] / f"{key}.pickle"


def _load(cache: Path, key: str) -> _Entry | None:
    try:
        with _path(cache, key).open("rb") as handle:
            entry = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None  # missing, half-written by a crashed run, or from other code: check again
    return entry if isinstance(entry, _Entry) else None


def _store(cache: Path, key: str, entry: _Entry) -> None:
    target = _path(cache, key)
    tmp = None
    try:
        if not cache.exists():
            cache.mkdir(parents=True, mode=0o700)  # private: entries are pickles
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # a cache that cannot be written only costs time next run
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def from_args(args: Any) -> Path | None:
    """The cache folder the parsed switches leave on, or None."""
    return None if getattr(args, "no_cache", False) else cache_dir()
