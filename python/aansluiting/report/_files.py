"""Writing output files: atomically, and errors that name the file the user asked for.

A report is written to a temporary file beside its target and renamed over it, so a
failed run never leaves half a file. The temporary name is ours, not the user's: an
error names the target instead. ``check_writable`` finds the usual mistakes (a folder
where a file should go, a parent that cannot be created or written) before a long
analysis runs, without creating anything.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable


def _naming(error: OSError, target: Path) -> OSError:
    """The same error, about ``target`` (OSError(errno, ...) picks the subclass: IsADirectoryError, ...)."""
    if error.errno is None:
        return error
    return OSError(error.errno, error.strerror, os.fspath(target))


def check_writable(path: str | os.PathLike) -> None:
    """Raises OSError naming ``path`` when a file cannot be written there; creates nothing."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(target))
    existing = target.absolute().parent
    while not existing.exists():  # the folders write_* would create
        existing = existing.parent
    if not existing.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), os.fspath(target))
    try:  # the real test: permissions, read-only or special file systems (/proc)
        fd, probe = tempfile.mkstemp(prefix=".aansluiting-", suffix=".tmp", dir=existing)
    except OSError as e:
        raise _naming(e, target) from e
    os.close(fd)
    os.unlink(probe)


def write_atomically(path: str | os.PathLike, write: Callable[[str], None], suffix: str = ".tmp") -> Path:
    """Calls ``write(temporary_path)`` and renames the result over ``path``. Returns the path.

    An OSError names ``path``; the temporary file is removed on any failure.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as e:
        raise _naming(e, target) from e
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise _naming(e, target) from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
