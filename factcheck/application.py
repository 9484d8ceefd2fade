"""The application layer: run a check and build its report view, in one place for every front end.

``factcheck check``, ``factcheck report`` and the pytest plugin parse their own options and print
their own output; what lies between (read the baseline, check the claim files, build the view)
is here, so the three cannot drift apart.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from factcheck.check_cache import check_paths_cached
from factcheck.check_cache import from_args as cache_from_args
from factcheck.discover.options import Discovery
from factcheck.discover.options import from_args as discovery_from_args
from factcheck.engine import CheckRun, check_files
from factcheck.model import ClaimFile

if TYPE_CHECKING:
    from factcheck.report import ReportView

#: What ``check`` and ``report`` read when given no path.
DEFAULT_PATHS = ["claims"]


class Checked(NamedTuple):
    """A check run and, when asked for, the report view built from it."""

    run: CheckRun
    view: ReportView | None


def check_and_view(
    paths: Sequence[str | Path],
    *,
    discover: bool | Discovery = True,
    cache: Path | None = None,
    strict: bool = False,
    baseline: str | Path | None = None,
    view: bool = True,
    full: bool = False,
) -> Checked:
    """Check the claim files under ``paths`` (default: claims/) and build the report view.

    ``discover``, ``cache`` and ``strict`` as in :func:`factcheck.check_cache.check_paths_cached`;
    ``baseline`` is an earlier JSON report whose changes the view shows. ``view=False`` skips the
    view (the gate's verdict table needs none) unless a baseline asks for it. ``full`` lists every
    relation in the reports (``--all``), not only the problems.
    """
    from factcheck.report import build_view, load_baseline

    # A bad baseline is the user's mistake (FC400): say so before the long part, not after it.
    old = load_baseline(baseline) if baseline is not None else None
    kinds = discover if isinstance(discover, Discovery) else (Discovery() if discover else Discovery.none())
    run = check_paths_cached(list(paths) or DEFAULT_PATHS, discover=kinds, cache=cache, strict=strict)
    if not view and old is None:
        return Checked(run, None)
    return Checked(run, build_view(run, baseline=old, full=full))


def check_and_view_args(args: argparse.Namespace, *, view: bool = True) -> Checked:
    """:func:`check_and_view` with the paths and switches ``check`` and ``report`` share."""
    return check_and_view(
        args.paths or DEFAULT_PATHS,
        discover=discovery_from_args(args),
        cache=cache_from_args(args),
        strict=getattr(args, "strict", False),
        baseline=getattr(args, "baseline", None) or None,
        view=view,
        full=bool(getattr(args, "all", False)),
    )


def check_loaded(files: list[ClaimFile]) -> CheckRun:
    """Check claim files already read (the pytest plugin reads one per collector) together, so
    they can reference each other's claims, with every kind of discovery on, as ``check`` has."""
    return check_files(files, discover=True)
