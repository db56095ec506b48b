"""Writing files safely: never over an input, and atomically.

Every file is written to a temporary file beside its target and moved into place, so a
failed or interrupted write leaves the previous file untouched. Kept apart from the renderers
(outputs.py), which import folium: `geomap extract --draft` writes through this too.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from pathlib import Path

from .errors import GeomapError

# A temporary file whose writer's pid can't be read (written before temporary names carried
# one) is left alone this long: writing a map takes seconds, never minutes.
STALE_TEMPORARY_SECONDS = 600


# --- never over an input ----------------------------------------------------------------------


def refuse_overwriting_inputs(outputs, inputs) -> None:
    """Raise GeomapError when an output would replace an input, or another output.

    `outputs`: (what, path, option) for each file about to be written, e.g.
    ("output", "map.html", "-o"); `inputs`: (what, path) for each file read, e.g.
    ("the input events file", "e.yaml"). Paths are compared as files — device and inode —
    so a symbolic or hard link to an input is caught too; the gazetteer's bundled files are
    always inputs. Call it before the work, so a refused build costs nothing."""
    from .gazetteer.places import data_dir

    bundled = [("the bundled gazetteer file", p) for p in sorted(data_dir().glob("*.*"))]
    earlier: list[tuple] = []
    for what, path, option in outputs:
        if path is None or str(path) == "-":
            continue
        for source, other in [*inputs, *earlier, *bundled]:
            if other is not None and str(other) != "-" and _same_file(path, other):
                raise GeomapError(
                    f"refusing to write {what} {path}: it is {source} {other}; "
                    f"choose another {option}."
                )
        earlier.append((f"also the {what} ({option})", path))


def _same_file(a, b) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): the same file only by the same path
        return os.path.realpath(a) == os.path.realpath(b)


# --- atomic writes ----------------------------------------------------------------------------


def write_atomic(path, data: str | bytes) -> Path:
    """Write `data` to `path` via a temporary file in the same folder and a rename.

    The temporary file is `.NAME.PID.RANDOM.tmp`; ones left by a writer that was killed
    (its pid is gone) are removed first. Any failure — a full disk, no permission — is one
    GeomapError naming the file, with the temporary file removed and `path` as it was."""
    path = Path(path)
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:  # lone surrogates: bytes of argv that were not UTF-8
            raise GeomapError(
                f"cannot write {path}: character {exc.start + 1} of the text is not "
                "valid Unicode (bytes that were not UTF-8?). Nothing was written."
            ) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise GeomapError(
            f"cannot write to {path.parent}: {explain_os_error(exc)}. "
            "Choose another folder with -o."
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a published map must be readable
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            before = (
                f"the previous {path.name} is unchanged" if path.exists() else "nothing was written"
            )
            raise GeomapError(
                f"cannot write {path}: {explain_os_error(exc)}; {before}. "
                f"{_ADVICE.get(exc.errno or 0, 'Write it somewhere else.')}"
            ) from None
        raise
    return path


_ADVICE = {
    errno.ENOSPC: "Free some space on that disk, or write the file to another one.",
    errno.EDQUOT: "Free some of your disk quota, or write the file somewhere else.",
    errno.EFBIG: "Write the file to a disk that takes larger files.",
    errno.EACCES: "Write it to a folder you may write to.",
    errno.EPERM: "Write it to a folder you may write to.",
    errno.EROFS: "Write it to a disk that is not read-only.",
}


def explain_os_error(exc: OSError) -> str:
    """'No space left on device (ENOSPC)': the errno's meaning and its name, to search for."""
    if exc.errno is None:
        return str(exc)
    name = errno.errorcode.get(exc.errno, f"errno {exc.errno}")
    return f"{os.strerror(exc.errno)} ({name})"


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of `path` whose writer died (kill -9, power cut) mid-write.

    A live writer's file — another geomap building the same map right now — is kept: its
    pid is alive. Best effort: a file that can't be examined or removed is left."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d{{1,10}})\.)?[a-z0-9_]{{8}}\.tmp")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None:
            continue
        try:
            if found.group(1) is not None:
                stale = not _process_exists(int(found.group(1)))
            else:
                stale = time.time() - entry.stat().st_mtime > STALE_TEMPORARY_SECONDS
            if stale:
                os.unlink(entry.path)
        except OSError:
            continue


def _process_exists(pid: int) -> bool:
    if pid <= 0 or os.name != "posix":  # kill(0) means the whole group; elsewhere kill kills
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # exists but is someone else's / not a pid at all
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
