"""Run extractions in child processes that are killed when a page hangs.

pdfium's C calls cannot be interrupted from Python, so the in-process page timer in
``factcheck.sources.pdf_text`` only notices a slow page once it is done. Here each document
is read in its own child process that reports every finished page; when no page finishes
within the time limit, the child is killed and the document fails with FC306 while the rest
of the batch carries on. Up to ``jobs`` children run at once.

Each child may also grow by at most ``max_memory`` bytes of address space (``RLIMIT_AS``): a
flate bomb (a few megabytes that inflate to gigabytes) makes pdfium fail its allocation and the
child end at once, and the document fails with FC300 instead of taking the machine's memory.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from factcheck.bounds import DEFAULT_MAX_MEMORY
from factcheck.errors import FactcheckError, shown_name
from factcheck.sources.errors import PageTimeoutError

START_ALLOWANCE = 10.0  # seconds for a child to start and open its document


def _context() -> Any:
    return multiprocessing.get_context("fork" if children_inherit_imports() else "spawn")


def children_inherit_imports() -> bool:
    """Whether the children start as copies of this process (fork), modules already imported."""
    return "fork" in multiprocessing.get_all_start_methods()


def _address_space() -> int | None:
    """This process's address space in bytes now (Linux), or None when it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def limit_memory(max_memory: int | None) -> bool:
    """Let this process grow by at most ``max_memory`` bytes of address space; False when unsupported."""
    if not max_memory:
        return False
    try:
        import resource
    except ImportError:  # Windows
        return False
    start = _address_space()
    if start is None:
        return False  # without a starting point a limit could stop a normal document
    limit = start + max_memory
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True


CHILD_COLLECT_EVERY = 100_000  # net new container objects between two collections in a child (Python: 700)


def _collect_rarely() -> None:
    # A child lives for one document and then exits. Reading one leaves little cyclic garbage
    # (about ten objects a page on the large budget PDFs, the same peak memory with collections
    # or without), but the default threshold ran some 250 collections in a large document's
    # child: about 5 % of its time. A high threshold still bounds what a very long document can
    # leave behind.
    import gc

    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(CHILD_COLLECT_EVERY, middle, oldest)


def _child(source: str, options: dict[str, Any], conn: Connection, max_memory: int | None = None,
           finish: Callable[[str, Any], tuple[str, Any]] | None = None) -> None:
    limit_memory(max_memory)
    _collect_rarely()
    from factcheck.extract import extract_document

    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 0.05 or done == total:
            last[0] = now
            conn.send(("progress", done, total))

    try:
        doc = extract_document(Path(source), progress=progress, **options)
        if finish is None:
            conn.send(("ok", doc))
        else:
            # Every page is read: what is left (discovery) works on what was read, untimed, as it
            # would in the parent; doing it here spreads it over the children.
            conn.send(("read",))
            conn.send(finish(source, doc))
    except FactcheckError as exc:
        conn.send(("error", str(exc.located(path=source))))
    except MemoryError:
        conn.send(("error", f"{shown_name(source)}: FC300 out of memory reading this document"))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        conn.send(("error", f"{shown_name(source)}: FC300 unexpected {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def extract_guarded(
    sources: list[str],
    options: dict[str, Any],
    *,
    jobs: int = 1,
    page_timeout: float | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    finish: Callable[[str, Any], tuple[str, Any]] | None = None,
) -> Iterator[tuple[int, str, Any]]:
    """Yield (index, "ok", ExtractedDocument) or (index, "error", one-line message) per source.

    Results come in the order the documents finish; ``index`` is the source's place in ``sources``.
    ``max_memory`` bounds what each worker may allocate (None or 0: no bound). Workers still
    running when the caller stops (an error, Ctrl-C, SIGTERM) are killed.
    With ``finish(source, document) -> (status, result)``, the child runs it on its document once
    every page is read, free of the page timeout, and its result is yielded instead.
    """
    ctx = _context()
    pending = list(enumerate(sources))
    active: dict[Any, dict[str, Any]] = {}  # receiving end of each child's pipe -> its state
    page_jobs = int(options.get("jobs") or 1)
    # Children whose pages are read and whose last message is arriving: the next document's child
    # starts before that message is unpickled and the child has exited (about 10 ms a document of
    # the parent's time that the next child would otherwise wait for).
    finishing: set[Any] = set()

    def start_children() -> None:
        while pending and len(active) - len(finishing) < max(1, jobs):
            index, source = pending.pop(0)
            parent, child = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(source, options, child, max_memory, finish), daemon=False)
            process.start()
            child.close()
            active[parent] = {"index": index, "source": source, "process": process, "done": 0, "seen": time.monotonic(),
                              "allowance": START_ALLOWANCE + (page_timeout or 0)}

    try:
        while pending or active:
            start_children()
            timeout = None
            timed = [s for s in active.values() if s["allowance"] is not None]
            if page_timeout and timed:
                now = time.monotonic()
                timeout = max(0.0, min(s["seen"] + s["allowance"] - now for s in timed))
            ready: list[Any] = list(wait(list(active), timeout=timeout))
            now = time.monotonic()
            finished: list[tuple[int, str, Any]] = []
            for conn in ready:
                state = active[conn]
                if state["allowance"] is None and finish is not None:
                    # after "read", the only message left is the result (or the end of the pipe)
                    finishing.add(conn)
                    start_children()
                try:
                    message = conn.recv()
                except EOFError:
                    state["process"].join()
                    code = state["process"].exitcode
                    del active[conn]
                    finishing.discard(conn)
                    finished.append((state["index"], "error", _died(state, code, max_memory)))
                    continue
                if message[0] == "read":
                    state["allowance"] = None  # the pages are read; no page can hang any more
                    continue
                if message[0] == "progress":
                    _, done, total = message
                    state["done"], state["seen"] = done, now
                    # With a page pool, pages finish in batches of up to ``chunk`` pages.
                    chunk = max(1, -(-total // (page_jobs * 4))) if page_jobs > 1 else 1
                    state["allowance"] = (page_timeout or 0) * chunk + 1.0
                    if on_progress is not None:
                        on_progress(state["source"], done, total)
                    continue
                state["process"].join()
                conn.close()
                del active[conn]
                finishing.discard(conn)
                finished.append((state["index"], message[0], message[1]))
            if page_timeout:
                for conn, state in list(active.items()):
                    if state["allowance"] is not None and now - state["seen"] > state["allowance"] and conn not in ready:
                        state["process"].kill()
                        state["process"].join()
                        conn.close()
                        del active[conn]
                        error = PageTimeoutError(
                            f"page {state['done'] + 1} took longer than {page_timeout:g} s; stopped reading "
                            "(raise --page-timeout)",
                            path=state["source"],
                        )
                        finished.append((state["index"], "error", str(error)))
            if finished:
                # The next documents are read while the caller writes these ones' claim files.
                start_children()
            yield from finished
    finally:
        for state in active.values():  # the caller stopped early: no worker may outlive it
            state["process"].kill()
            state["process"].join()


def _died(state: dict[str, Any], code: int | None, max_memory: int | None) -> str:
    """The message for a worker that ended without a word: a crash, or its memory limit."""
    where = shown_name(state["source"])
    # pdfium aborts when an allocation fails; under our limit that is a document that wants too much
    if max_memory and code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS, 134):
        return (f"{where}: FC300 reading needed more than {max_memory / 2**20:g} MB of memory (a compressed "
                "stream that inflates without end?); stopped; raise --max-memory if the file is sound")
    return f"{where}: FC302 reading stopped: the worker died (exit code {code})"
