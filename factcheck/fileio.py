"""Writing files so that nothing is lost: atomically, keeping the file's mode."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def atomic_write(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; a crash leaves the old or the new file, never half.

    The temporary file is created beside the target (same file system, so ``os.replace`` is
    atomic) and gets the target's permission bits.
    """
    target = Path(path)
    mode = None
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
