"""Reading inputs from disk and stdin within the size cap, and walking directories.

The cap is checked before reading (stat) or while reading (at most cap + 1 bytes), so that a 50 MB
file is refused without ever being held in memory. Only regular files are read: a FIFO, socket or
device is refused by what it is, from its stat, without being opened (opening a FIFO blocks until
a writer comes, forever on the command line). Every OSError on a path (a symbolic link loop, a
file used as a folder, an over-long name, no permission) becomes an InputError naming the path and
the problem in words, so that a batch records one line and goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Failure

__all__ = ["directory_files", "is_directory", "read_file", "read_stream", "too_large"]

# What a path that is neither a regular file nor a folder is, by its stat mode.
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_ERRNO_PROBLEMS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "not a directory (a part of the path is a file)",
    errno.ELOOP: "a symbolic link loop (too many levels of symbolic links)",
    errno.ENAMETOOLONG: "file name too long",
}
# Open flags: O_NONBLOCK so that a path swapped for a FIFO after its stat still cannot block the
# open (the fstat after it refuses it); no effect on regular files.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def too_large(size: int, cap: int, *, at_least: bool = False) -> str:
    """The problem of an input over the cap, naming both sizes."""
    size_text = f"more than {cap:,}" if at_least else f"{size:,}"
    return f"{size_text} bytes, over the max_bytes limit of {cap:,} bytes"


def is_directory(path: Path) -> bool:
    """True for a folder (or a link to one); InputError when ``path`` cannot be looked at."""
    return stat.S_ISDIR(_stat(path).st_mode)


def read_file(path: Path, cap: int) -> bytes:
    """The bytes of a regular file no larger than ``cap``; InputError naming the path otherwise."""
    name = str(path)
    info = _stat(path)
    _refuse_unreadable_kind(name, info.st_mode)
    if info.st_size > cap:
        raise InputError(name, too_large(info.st_size, cap))
    try:
        fd = os.open(path, _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as handle:
            _refuse_unreadable_kind(name, os.fstat(fd).st_mode)  # replaced since the stat above
            data = handle.read(cap + 1)
    except OSError as exc:
        raise InputError(name, _os_problem(path, exc)) from None
    if len(data) > cap:  # grew since stat
        raise InputError(name, too_large(len(data), cap, at_least=True))
    return data


def read_stream(name: str, stream: BinaryIO, cap: int) -> bytes:
    """At most ``cap`` bytes from a stream (stdin); InputError when there are more or it cannot be read."""
    try:
        data = stream.read(cap + 1)
    except ValueError:  # the file object was closed
        raise InputError(name, "standard input is closed") from None
    except OSError as exc:
        problem = "not open for reading" if exc.errno == errno.EBADF else _os_problem(None, exc)
        raise InputError(name, problem) from None
    if len(data) > cap:
        raise InputError(name, too_large(len(data), cap, at_least=True))
    return data


def directory_files(root: Path) -> Iterator[Path | Failure]:
    """Every regular file under ``root`` in path order, and a Failure for each entry that cannot be read.

    Hidden files and folders (a name starting with ".") are skipped, and so is nothing else: a folder
    that cannot be listed, a FIFO, socket or device, a broken link, a loop or any other OSError gives
    a Failure naming the entry, and the walk goes on with the rest. Symbolic links are followed, to
    files and to folders (a corpus often links in folders kept elsewhere), but each real folder is
    read once: a link to a folder already read is not entered again, and a link back to a folder
    the walk is inside of (a loop) gives a Failure instead of recursing forever. The walk keeps its
    own stack, so that no depth of folders reaches Python's recursion limit. When nothing at all is
    found, one Failure says so (mentioning hidden entries skipped, if any).
    """
    root_info = _stat(root)
    found = False
    hidden = 0
    # the folders the walk is inside of, outermost first: (identity, path, entries left)
    inside: list[tuple[tuple[int, int], Path, Iterator[Path]]] = []
    read_folders: set[tuple[int, int]] = set()

    def enter(folder: Path, info: os.stat_result) -> Failure | None:
        nonlocal hidden
        identity = (info.st_dev, info.st_ino)
        for outer_identity, outer, _ in inside:
            if outer_identity == identity:
                return Failure(str(folder), f"a symbolic link loop back to {outer}, not followed")
        if identity in read_folders:
            return None
        read_folders.add(identity)
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            return Failure(str(folder), f"a folder that cannot be read ({_os_problem(folder, exc)})")
        visible = [name for name in names if not name.startswith(".")]
        hidden += len(names) - len(visible)
        inside.append((identity, folder, iter([folder / name for name in visible])))
        return None

    problem = enter(root, root_info)
    if problem is not None:
        yield problem
        return
    while inside:
        path = next(inside[-1][2], None)
        if path is None:
            inside.pop()
            continue
        try:
            info = _stat(path)
            if stat.S_ISDIR(info.st_mode):
                problem = enter(path, info)
                if problem is None:
                    continue
                found = True
                yield problem
                continue
            _refuse_unreadable_kind(str(path), info.st_mode)
        except InputError as exc:
            found = True
            yield Failure(exc.input, exc.problem)
            continue
        found = True
        yield path
    if not found:
        note = f" ({hidden:,} hidden entries skipped)" if hidden else ""
        yield Failure(str(root), f"a directory with no files{note}")


def _stat(path: Path) -> os.stat_result:
    """os.stat of ``path``, following links; InputError naming it and the problem otherwise."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise InputError(str(path), _os_problem(path, exc)) from None
    except ValueError:  # os.stat refuses a NUL byte before asking the system
        raise InputError(str(path), "a file name with a NUL byte") from None


def _refuse_unreadable_kind(name: str, mode: int) -> None:
    """InputError for anything but a regular file: a FIFO, socket or device is never opened."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(name, "is a directory")
    what = next((what for is_kind, what in _SPECIAL if is_kind(mode)), "a special file")
    hint = " (use '-' to read a pipe)" if stat.S_ISFIFO(mode) else ""  # e.g. /dev/stdin, <(command)
    raise InputError(name, f"{what}, not a regular file{hint}")


def _os_problem(path: Path | None, exc: OSError) -> str:
    """An OSError in words: the common ones named, others by the system's own message."""
    if exc.errno == errno.ENOENT and path is not None and os.path.islink(path):
        return "a symbolic link to a missing target"
    problem = _ERRNO_PROBLEMS.get(exc.errno) if exc.errno is not None else None
    if problem:
        return problem
    reason = exc.strerror or exc.__class__.__name__
    return f"could not be read ({reason})"
