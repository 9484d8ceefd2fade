"""One document's work, wherever it runs: extract it and make its discovery proposals.

:func:`prepare` turns an extraction into what is merged into the claim file; :func:`extract_one`
does both for one source and is the task an executor runs (a child process here, or a Dask
worker). Writing stays with the caller, in the order the sources were given, so the claim files
are the same whichever executor ran the tasks.
"""

from __future__ import annotations

import contextlib
import functools
import io
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.corpus import count_checks
from factcheck.discover.options import Discovery
from factcheck.errors import FactcheckError


@dataclass
class Prepared:
    """A document ready to merge: header, claims and ``extraction:`` block, with what it printed."""

    header: dict[str, Any]
    claims: list[dict[str, Any]]
    info: dict[str, Any]
    figures: int
    discovered: int
    checks: int
    problems: int
    pages: int
    messages: list[str] = field(default_factory=list)  # warnings, printed by the caller in order


def prepare(source: Path, result: Any, discovery: Discovery) -> Prepared:
    """Discovery on an extraction (``ExtractedDocument``), its dollar, and its ``extraction:`` block."""
    from factcheck.extract.currency import apply_dollar
    from factcheck.extract_cli import discovered_claims

    captured = io.StringIO()
    with contextlib.redirect_stderr(captured):
        discovered = discovered_claims(source, result, discovery) if discovery else []
    # table cells read "$" as USD too: the document's dollar holds for them as for its prose
    apply_dollar(discovered, result.dollar)
    info = result.extraction_info()
    # Which kinds ran: `check` leaves the file's discovery as extract decided it.
    info["discovery"] = discovery.names
    checks, problems = count_checks(discovered)
    return Prepared(
        header=dict(result.header), claims=list(result.claims) + discovered, info=info,
        figures=len(result.claims), discovered=len(discovered), checks=checks, problems=problems,
        pages=int(result.pages or 0), messages=captured.getvalue().splitlines(),
    )


def warm(discovery: Discovery) -> None:
    """Import here what extracting and preparing a document needs, and build the unit system.

    Forked children inherit it all: each document's child then starts ready instead of importing
    the extractor again (about 0.1 s a document, most of a small document's time).
    """
    import importlib
    import pkgutil

    import factcheck.extract.pipeline
    import factcheck.sources.pdf_text  # noqa: F401
    from factcheck.extract.currency import apply_dollar  # noqa: F401
    from factcheck.extract_cli import discovered_claims  # noqa: F401

    if not discovery:
        return
    import factcheck.discover
    import factcheck.engine  # noqa: F401 - table claims are read back through it before they are written
    import factcheck.tables
    from factcheck.units import unit_system

    unit_system(())
    # their modules import one another on first use too: take them all
    for package in (factcheck.discover, factcheck.tables):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)


def prepare_or_error(source: str, result: Any, discovery: Discovery) -> tuple[str, Any]:
    """("ok", Prepared), or ("error", one line) when discovery fails on this document."""
    try:
        return "ok", prepare(Path(source), result, discovery)
    except FactcheckError as exc:
        return "error", str(exc.located(path=source))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        # a fault of discovery's must not lose what extraction read: the figures are written
        # without discovered claims, and the fault is reported
        fault = f"{source}: FC300 unexpected {type(exc).__name__} in discovery: {exc}"
        try:
            prepared = prepare(Path(source), result, Discovery.none())
        except Exception:  # noqa: BLE001 - then the document itself cannot be written
            return "error", fault
        prepared.messages.insert(0, f"{fault} (figures written without discovered claims)")
        return "ok", prepared


def extract_one(source: str, options: dict[str, Any], discovery: Discovery,
                page_timeout: float | None) -> tuple[str, Any]:
    """Extract one source and prepare it: ("ok", Prepared) or ("error", one line).

    Run where a child process may be started, a page that hangs is stopped after
    ``page_timeout`` (factcheck.extract.guard); in a daemonic process (some Dask workers) the
    document is read in-process, where the page timer notices a slow page once it is done.
    """
    from factcheck.extract.guard import extract_guarded

    if multiprocessing.current_process().daemon:
        status, result = _extract_in_process(source, options)
        return prepare_or_error(source, result, discovery) if status == "ok" else (status, result)
    status, result = "error", f"{source}: FC300 no result"
    # The loop keeps the last (and only) outcome; B007 cannot see the names used after it.
    for _, status, result in extract_guarded([source], dict(options, jobs=1), jobs=1, page_timeout=page_timeout,  # noqa: B007
                                             finish=functools.partial(prepare_or_error, discovery=discovery)):
        pass
    return status, result


def _extract_in_process(source: str, options: dict[str, Any]) -> tuple[str, Any]:
    from factcheck.extract import extract_document

    try:
        return "ok", extract_document(Path(source), **dict(options, jobs=1))
    except FactcheckError as exc:
        return "error", str(exc.located(path=source))
    except MemoryError:
        return "error", f"{source}: FC300 out of memory reading this document"
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return "error", f"{source}: FC300 unexpected {type(exc).__name__}: {exc}"
