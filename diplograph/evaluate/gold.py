"""Reading gold-set files, so every format reports a missing or unreadable set the same way."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

__all__ = ["read_gold_text"]


def read_gold_text(path: Path) -> str:
    """The UTF-8 text of a gold-set file; InputError naming the file if it is missing or unreadable."""
    if not path.is_file():
        raise InputError(str(path), "gold set not found (expected a file)")
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError:
        raise InputError(str(path), "gold set is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold set ({exc.strerror})") from None
