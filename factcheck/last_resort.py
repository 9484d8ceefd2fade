"""The last resort: an exception nobody planned for ends one file's (or one claim's) check as
``FC900 internal error (please report)``, and the run goes on with the others.

Every user mistake has its own code; reaching this is a bug in factcheck. Set FACTCHECK_DEBUG=1
to get the traceback instead.
"""

from __future__ import annotations

import os

INTERNAL_CODE = "FC900"


def debugging() -> bool:
    """True when FACTCHECK_DEBUG asks for tracebacks instead of FC900 lines."""
    return os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0")


def internal_message(exc: BaseException) -> str:
    """``internal error (please report): RuntimeError: boom``, kept to one short line."""
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:197] + "..."
    return f"internal error (please report): {type(exc).__name__}" + (f": {detail}" if detail else "")
