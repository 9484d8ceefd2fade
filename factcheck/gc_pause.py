"""Pause Python's cyclic garbage collector while a large run builds its records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block (re-entrant).

    A 100k-claim check keeps about a million small objects alive, and a report of a large run
    makes millions of strings besides; each full collection walks all of them. That doubled the
    time of a large check (benchmarks/check_speed.py) and was a third of a 10k-relation report
    (benchmarks/report_speed.py). The records hold no reference cycles that need collecting
    mid-run; reference counting frees the rest.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
