"""Writing files so that nothing is lost: atomically, keeping the file's mode and owner.

A temporary file is named ``.<name>.<pid>-<random>.factcheck-tmp`` (see :data:`TEMP_SUFFIX`).
It is removed on every way out of :func:`atomic_write`: an error, Ctrl-C, and SIGTERM or SIGHUP
once :func:`remove_temps_on_signals` is installed (the command line does that). A run killed with
SIGKILL cannot clean up; the next write into the same folder removes temporary files whose
process no longer runs.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import tempfile
from pathlib import Path
from types import FrameType

from factcheck.errors import ClaimFileError, OutputError

TEMP_SUFFIX = ".factcheck-tmp"
# ".<name>.<pid>-<8 random characters from mkstemp>.factcheck-tmp"
_TEMP_NAME = re.compile(r"\..*\.([0-9]+)-[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX), re.DOTALL)
_NAME_PART = 100  # characters of the target's name kept in the temporary name

_live: set[str] = set()  # temporary files of this process that are not yet renamed
_swept: set[str] = set()  # folders already cleaned of stale temporary files by this process


def read_utf8(path: str | Path) -> str:
    """The text of ``path``; a byte that is not UTF-8 is FC101 at its line and column."""
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ClaimFileError(f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                             path=str(path), line=line, col=col, code="FC101") from None


def atomic_write(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; a crash leaves the old or the new file, never half.

    The temporary file is created beside the target (same file system, so ``os.replace`` is
    atomic). An existing file keeps its permission bits and its owner; a new one gets the usual
    umask'd mode, not mkstemp's private 0600. Missing parent folders are created. Text is written
    with "\\n" line ends as given: callers that keep a file's own line ends pass them in ``text``.

    A path that cannot be written raises :class:`OutputError` (FC330) naming it: a folder, a file
    or folder without write permission (honoured even for root: a 0444 file is never replaced),
    a name too long, a folder that cannot be created, a full disk. A device such as ``/dev/null``
    is written in place.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        current = target.stat()
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise OutputError("this is a folder; give a file name", path=str(path))
    if current is not None and not stat.S_ISREG(current.st_mode):
        _write_in_place(target, text)  # a device or a pipe: replacing it would remove it
        return
    if current is not None and not _writable(target, current):
        raise OutputError("the file is read-only; not replaced (make it writable first)", path=str(path))
    _check_name_length(target, folder, str(path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}", path=str(path)) from None
    try:
        folder_stat = folder.stat()
    except OSError as exc:
        raise OutputError(f"cannot use the folder {folder}: {exc.strerror or exc}", path=str(path)) from None
    if not stat.S_ISDIR(folder_stat.st_mode):
        raise OutputError(f"{folder} is not a folder", path=str(path))
    if not _writable(folder, folder_stat, os.W_OK | os.X_OK):
        raise OutputError(f"the folder {folder} is read-only", path=str(path))
    remove_stale_temps(folder)
    if current is not None:
        mode = stat.S_IMODE(current.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:_NAME_PART]}.{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write in {folder}: {exc.strerror or exc}", path=str(path)) from None
    _live.add(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if current is not None:
            _keep_owner(tmp, current, str(path))
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
        raise
    finally:
        _live.discard(tmp)


def _writable(path: Path, st: os.stat_result, want: int = os.W_OK) -> bool:
    # os.access says yes to root for everything; a file nobody may write is read-only on purpose.
    return bool(st.st_mode & 0o222) and os.access(path, want)


def _check_name_length(target: Path, folder: Path, shown: str) -> None:
    try:
        limit = os.pathconf(folder if folder.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    size = len(os.fsencode(target.name))
    if size > limit:
        raise OutputError(f"the file name is too long ({size} bytes; at most {limit})", path=shown)


def _keep_owner(tmp: str, current: os.stat_result, shown: str) -> None:
    mine = os.stat(tmp)
    if mine.st_uid != current.st_uid:
        try:
            os.chown(tmp, current.st_uid, current.st_gid)
        except PermissionError:
            raise OutputError("the file belongs to another user; replacing it would change its owner", path=shown) from None
    elif mine.st_gid != current.st_gid:
        try:
            os.chown(tmp, -1, current.st_gid)
        except OSError:
            pass  # not a member of the file's group: the group changes, as with any editor


def _write_in_place(target: Path, text: str) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None


def remove_stale_temps(folder: str | Path) -> list[str]:
    """Remove temporary files in ``folder`` left by a killed run (its process no longer exists).

    Done once per folder per process; returns the names removed.
    """
    key = os.path.abspath(folder)
    if key in _swept:
        return []
    _swept.add(key)
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.endswith(TEMP_SUFFIX):
            continue
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or _running(int(match.group(1))):
            continue
        try:
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or not a pid we can ask about: leave its file
    return True


def _on_signal(signum: int, frame: FrameType | None) -> None:
    for tmp in list(_live):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    raise SystemExit(128 + signum)


def remove_temps_on_signals() -> None:
    """Make SIGTERM and SIGHUP end the process through ``SystemExit``, removing temporary files.

    Only replaces the default handler, never one that an embedding program installed.
    """
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) is signal.SIG_DFL:
                signal.signal(signum, _on_signal)
        except ValueError:  # not the main thread
            pass
