"""Writing files so that nothing is lost: atomically, keeping the file's mode."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def atomic_write(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; a crash leaves the old or the new file, never half.

    The temporary file is created beside the target (same file system, so ``os.replace`` is
    atomic). An existing file keeps its permission bits; a new one gets the usual umask'd mode,
    not mkstemp's private 0600. Missing parent folders are created. Text is written with "\\n"
    line ends as given: callers that keep a file's own line ends pass them in ``text``.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
