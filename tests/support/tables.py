"""Helpers for table tests on the unseen documents' page excerpts."""

from __future__ import annotations

from pathlib import Path

from factcheck.tables import TableCheck, check_pdf
from factcheck.tables.settings import TableSettings

# every failing total an alarm: the tests of a reading ask whether it finds the document's error,
# whatever the slip evidence (tables.slip_evidence) would make of it
ALL_ALARMS = TableSettings(slip_alarms_only=False)


def check_all_alarms(path: Path, **options: object) -> list[TableCheck]:
    """``check_pdf`` with every failing total an alarm (``ALL_ALARMS``)."""
    return check_pdf(path, settings=ALL_ALARMS, **options)  # type: ignore[arg-type]


def checks_by_label(path: Path, pages: list[int], lang: str = "en",
                    settings: TableSettings | None = None) -> dict[str, list[TableCheck]]:
    """The table checks of these pages (read whether or not they look tabular), by total label."""
    found: dict[str, list[TableCheck]] = {}
    extra = {} if settings is None else {"settings": settings}
    for c in check_pdf(path, lang=lang, pages=pages, all_pages=True, **extra):  # type: ignore[arg-type]
        found.setdefault(c.total_label, []).append(c)
    return found
