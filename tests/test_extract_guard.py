"""A page that hangs inside C code is stopped by killing its worker; the batch carries on."""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from pathlib import Path

import pytest

from factcheck.extract import guard, pipeline
from factcheck.sources import pdf_text

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "pdfs"

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the hang is simulated through fork inheritance")


def test_hanging_page_is_killed_and_others_finish(monkeypatch: pytest.MonkeyPatch) -> None:
    original = pipeline.analyse_page

    def slow(page, *args, **kwargs):
        if page.number == 2:
            time.sleep(30)  # stands for a pdfium call that never returns
        return original(page, *args, **kwargs)

    # No in-process timer: only the guard can stop this page.
    monkeypatch.setattr(pdf_text, "_time_limit", lambda *a, **k: contextlib.nullcontext())
    monkeypatch.setattr(pipeline, "analyse_page", slow)
    started = time.monotonic()
    results = list(guard.extract_guarded(
        [str(PDFS / "fichebundel-13.pdf"), str(ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt")],
        {"language": None}, jobs=2, page_timeout=0.5,
    ))
    elapsed = time.monotonic() - started
    by_index = {index: (status, result) for index, status, result in results}
    assert by_index[0][0] == "error"
    assert by_index[0][1] == (f"{PDFS / 'fichebundel-13.pdf'}: FC306 page 2 took longer than 0.5 s; "
                              "stopped reading (raise --page-timeout)")
    assert by_index[1][0] == "ok" and len(by_index[1][1].claims) > 50
    assert elapsed < 15


def test_worker_that_dies_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def crash(*args, **kwargs):
        os._exit(3)

    monkeypatch.setattr(pipeline, "analyse_page", crash)
    (index, status, message), = guard.extract_guarded([str(PDFS / "labor.pdf")], {}, page_timeout=5)
    assert (index, status) == (0, "error")
    assert message.endswith("FC302 reading stopped: the worker died (exit code 3)")
