"""Where the documents of a run are extracted: child processes on this machine, or a Dask cluster.

Both executors yield ``(index, "ok", Prepared)`` or ``(index, "error", one line)`` per source, in
the order documents finish; the caller writes them in the order they were given, so the claim
files do not depend on the executor. Dask is reached only through factcheck.dask_executor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from factcheck.discover.options import Discovery

EXECUTORS = ("local", "dask")


def run_documents(
    sources: list[str],
    options: dict[str, Any],
    discovery: Discovery,
    *,
    executor: str = "local",
    jobs: int = 1,
    page_timeout: float | None = None,
    scheduler: str | None = None,
    on_pages: Callable[[str, int, int], None] | None = None,
    max_memory: int | None = None,
) -> Iterator[tuple[int, str, Any]]:
    """Extract and prepare every source with the chosen executor (``max_memory``: what each local
    worker may allocate; Dask workers are bounded by the cluster)."""
    if executor == "dask":
        from factcheck.dask_executor import run_on_dask

        yield from run_on_dask(sources, options, discovery, jobs=jobs, page_timeout=page_timeout, scheduler=scheduler)
        return
    import functools
    import gc

    from factcheck.extract.guard import children_inherit_imports, extract_guarded
    from factcheck.extract_run import prepare_or_error, warm

    forking = bool(sources) and children_inherit_imports()
    if forking:
        warm(discovery)  # once here rather than in every document's child
        # The children's full collections walked every object they inherited (the imported
        # modules, the unit system): frozen, those are left out, which halves the time a large
        # document's child spends collecting. Undone after the run, for a caller that goes on.
        gc.freeze()
    try:
        # Discovery runs in each document's child process too, so --jobs spreads it as well.
        yield from extract_guarded(sources, options, jobs=jobs, page_timeout=page_timeout, on_progress=on_pages,
                                   max_memory=max_memory, finish=functools.partial(prepare_or_error, discovery=discovery))
    finally:
        if forking:
            gc.unfreeze()
