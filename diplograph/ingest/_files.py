"""Reading inputs from disk and stdin within the size cap, and walking directories.

The cap is checked before reading (stat) or while reading (at most cap + 1 bytes), so that a 50 MB
file is refused without ever being held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

__all__ = ["directory_files", "read_file", "read_stream", "too_large"]


def too_large(size: int, cap: int, *, at_least: bool = False) -> str:
    """The problem of an input over the cap, naming both sizes."""
    size_text = f"more than {cap:,}" if at_least else f"{size:,}"
    return f"{size_text} bytes, over the max_bytes limit of {cap:,} bytes"


def read_file(path: Path, cap: int) -> bytes:
    """The bytes of a regular file no larger than ``cap``; InputError naming the path otherwise."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > cap:
            raise InputError(name, too_large(size, cap))
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    if len(data) > cap:  # grew since stat, or a special file that reports no size
        raise InputError(name, too_large(len(data), cap, at_least=True))
    return data


def read_stream(name: str, stream: BinaryIO, cap: int) -> bytes:
    """At most ``cap`` bytes from a stream (stdin); InputError when there are more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(name, too_large(len(data), cap, at_least=True))
    return data


def directory_files(root: Path) -> Iterator[Path]:
    """Every regular file under ``root``, sorted by path, skipping hidden files and folders."""
    files = (
        path for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    yield from sorted(files)
