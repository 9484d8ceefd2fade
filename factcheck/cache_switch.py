"""The results cache's command-line switch and setting: light, so that every command's parser
can offer it without importing the engine (factcheck.check_cache)."""

from __future__ import annotations

from typing import Any

CACHE_ENV = "FACTCHECK_CACHE_DIR"


def add_switch(parser: Any) -> None:
    """``--no-cache`` for ``check`` and ``report``."""
    parser.add_argument("--no-cache", action="store_true",
                        help=f"check every file again; do not read or write the results cache "
                             f"(also ${CACHE_ENV}=off; see README, 'Checking a whole corpus')")
