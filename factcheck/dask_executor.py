"""Extraction on a Dask cluster: one task per document. The only module that imports Dask.

Without ``--scheduler`` a ``LocalCluster`` is started with ``--jobs`` worker processes of one
thread each; with it, the run joins an existing cluster (Kubernetes, an HPC queue through
dask-jobqueue, ``dask scheduler`` + ``dask worker`` by hand), whose workers need factcheck
installed. A task returns its result or a one-line error, so a bad document never fails the run.
A worker that dies has its tasks run again elsewhere by the scheduler; a document whose workers
die ``WORKER_DEATHS`` times is reported (FC321) and the rest go on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

from factcheck.discover.options import Discovery
from factcheck.errors import FactcheckError

CONNECT_TIMEOUT = "20s"  # to reach an existing scheduler
WORKER_DEATHS = 3  # worker deaths that make a document fail (on the clusters factcheck starts)
# Workers must be able to start a child process per document, the page-timeout guard. Dask's
# allowed-failures counts the retries: a task fails once its workers died one time more.
# One document task on a worker at a time (worker-saturation 1.0): a worker that dies then takes
# only its own document's attempt with it, not those of good documents queued behind it.
_CONFIG = {"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": WORKER_DEATHS - 1,
           "distributed.scheduler.worker-saturation": 1.0}


class DaskUnavailable(FactcheckError):
    """Dask is not installed, or the scheduler cannot be reached."""

    code = "FC320"


def _import() -> Any:
    try:
        import dask
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(f"--executor dask needs Dask: pip install \"factcheck[dask]\" ({exc})",
                              path="--executor") from None
    return dask, distributed


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` processes with one thread each, set up as factcheck needs."""
    dask, distributed = _import()
    with dask.config.set(_CONFIG):
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)


def run_on_dask(
    sources: list[str],
    options: dict[str, Any],
    discovery: Discovery,
    *,
    jobs: int = 1,
    page_timeout: float | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[int, str, Any]]:
    """Yield (index, status, Prepared or message) per source, as the cluster finishes them."""
    dask, distributed = _import()
    from factcheck.extract_run import extract_one

    with dask.config.set(_CONFIG):
        cluster = None
        try:
            if scheduler:
                try:
                    client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler}: {exc}",
                                          path="--scheduler") from None
            else:
                cluster = local_cluster(jobs)
                client = distributed.Client(cluster)
            try:
                yield from _run(client, distributed, sources, options, discovery, page_timeout, extract_one)
            finally:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()


def _as_given(payload: Any, absolute: str, given: str) -> Any:
    # Messages name the document as the user gave it, as a serial run does.
    if isinstance(payload, str):
        return payload.replace(absolute, given)
    payload.messages = [m.replace(absolute, given) for m in payload.messages]
    return payload


def _run(client: Any, distributed: Any, sources: list[str], options: dict[str, Any], discovery: Discovery,
         page_timeout: float | None, task: Any) -> Iterator[tuple[int, str, Any]]:
    futures = {}
    absolute = [os.path.abspath(s) for s in sources]  # workers may run in another folder
    for index, path in enumerate(absolute):
        # pure=False: a unique key per task, so runs sharing a cluster never share results.
        future = client.submit(task, path, options, discovery, page_timeout, pure=False)
        futures[future] = index
    for future in distributed.as_completed(futures):
        index = futures[future]
        source = sources[index]
        try:
            status, payload = future.result()
        except distributed.KilledWorker as exc:
            # an existing cluster has its own allowed-failures: the exception says how many died
            deaths = int(getattr(exc, "allowed_failures", WORKER_DEATHS - 1)) + 1
            status, payload = "error", (f"{source}: FC321 the workers reading this document died "
                                        f"{deaths} times; it was not extracted")
        except Exception as exc:  # noqa: BLE001 - a lost task must not stop the corpus
            status, payload = "error", f"{source}: FC300 unexpected {type(exc).__name__} on the cluster: {exc}"
        future.release()
        yield index, status, _as_given(payload, absolute[index], source)
