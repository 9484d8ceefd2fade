"""Helpers for table tests on the unseen documents' page excerpts."""

from __future__ import annotations

from pathlib import Path

from factcheck.tables import TableCheck, check_pdf


def checks_by_label(path: Path, pages: list[int], lang: str = "en") -> dict[str, list[TableCheck]]:
    """The table checks of these pages (read whether or not they look tabular), by total label."""
    found: dict[str, list[TableCheck]] = {}
    for c in check_pdf(path, lang=lang, pages=pages, all_pages=True):
        found.setdefault(c.total_label, []).append(c)
    return found
