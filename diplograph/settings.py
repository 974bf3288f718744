"""Settings: shipped defaults in data/settings.toml, overridden by a user's TOML file.

Every value is checked when it is loaded or overridden, the shipped file's and a user's alike: its
type comes from the field's annotation in :class:`Settings`, its range from ``LIMITS``. A field with
no entry in ``LIMITS`` still has its type checked, and a number must be finite and not negative.
A bad value is one line naming the file (or option), the key and the problem.
"""

from __future__ import annotations

import math
import os
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

from .errors import InputError
from .lexicon.tables import shipped_text, user_text

__all__ = ["LIMITS", "WORKERS_PER_CORE", "Limit", "Settings", "load_settings", "max_workers", "setting_problem"]

# At most this many worker processes per core the process may use. Parsing is CPU-bound, so past
# one per core more workers only add memory (each is a process with its own copy of the model,
# ~330 MB); four per core leaves room to over-subscribe while a worker waits on I/O, and refuses a
# typo such as --workers 10000, which would fork thousands of processes and exhaust memory.
WORKERS_PER_CORE = 4


@dataclass(frozen=True)
class Settings:
    max_bytes: int
    timeout: float
    allow_private: bool
    batch_size: int
    workers: int
    min_text_chars: int
    user_agent: str
    max_chars: int
    max_seconds: float
    max_memory_mb: float
    link_published_tolerance_days: int
    link_stated_tolerance_days: int
    link_bare_domestic: bool
    link_territories_as_sovereigns: bool
    link_named_actors: bool
    watch_host_delay: float
    watch_attempts: int

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given keys changed; None values leave the setting as it is."""
        # keys chosen at run time: dataclasses.replace checks them (and Settings' fields) when called
        changes: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **changes)

    def __post_init__(self) -> None:
        """Every value checked, however the settings were made (a file, with_overrides, by hand)."""
        _check({f.name: getattr(self, f.name) for f in fields(self)}, "settings")


def max_workers() -> int:
    """The most worker processes this machine allows: ``WORKERS_PER_CORE`` per usable core."""
    return WORKERS_PER_CORE * len(os.sched_getaffinity(0))


class Limit(NamedTuple):
    """The range of a numeric setting: ``least`` and ``most`` inclusive (None = no bound); ``above``
    excludes ``least`` itself (a timeout must be more than 0)."""

    least: float | None = 0
    most: float | Callable[[], float] | None = None
    above: bool = False
    why: str = ""


# The range of each numeric setting; a field not listed must be finite and 0 or more.
LIMITS: dict[str, Limit] = {
    "max_bytes": Limit(least=1, why="a cap of 0 bytes would refuse every input"),
    # a day: longer is a hung server, and sockets refuse a timeout past the platform's time_t
    "timeout": Limit(least=0, above=True, most=86_400, why="seconds before a fetch gives up"),
    "batch_size": Limit(least=1, why="a batch of 0 documents would ingest nothing"),
    "workers": Limit(least=0, most=max_workers,
                     why=f"0 = one per core; at most {WORKERS_PER_CORE} per core, as each is a process "
                         "with its own copy of the model"),
    "min_text_chars": Limit(least=0),
    # the per-document budget
    "max_chars": Limit(least=1, why="a cap of 0 characters would refuse every document"),
    "max_seconds": Limit(least=0, above=True, why="seconds one document may take"),
    "max_memory_mb": Limit(least=0, above=True, why="megabytes one document may add"),
    # linking mentions into events (store/linking.py): past a month, reports of a dyad's
    # different happenings merge, and a stored mention's candidates are no longer few
    "link_published_tolerance_days": Limit(least=0, most=30, why="days around a publication date"),
    "link_stated_tolerance_days": Limit(least=0, most=30, why="days around a date the text states"),
    # diplograph watch (watch.py): past an hour between two requests to one host, a round never ends
    "watch_host_delay": Limit(least=0, most=3600, why="seconds between two requests to one host"),
    "watch_attempts": Limit(least=1, most=100, why="tries of a feed item before it is given up"),
}


def setting_problem(key: str, value: object) -> str | None:
    """What is wrong with ``value`` for setting ``key`` (its type, its range), or None if nothing."""
    hints = typing.get_type_hints(Settings)
    if key not in hints:
        return "not a setting"
    problem = _type_problem(value, hints[key])
    if problem:
        return problem
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _range_problem(value, LIMITS.get(key, Limit()))
    if isinstance(value, str):
        return _text_problem(value)
    return None


def _type_problem(value: object, wanted: Any) -> str | None:
    """``wanted`` is the field's annotation: bool, int, float, str, or a union of them."""
    options = typing.get_args(wanted) if isinstance(wanted, types.UnionType) else (wanted,)
    if any(_is_a(value, option) for option in options):
        return None
    names = " or ".join(_TYPE_NAMES.get(option, getattr(option, "__name__", str(option))) for option in options)
    return f"must be {names}, not {_GIVEN_NAMES.get(type(value), type(value).__name__)}"


_TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string",
               type(None): "nothing"}
_GIVEN_NAMES = {**_TYPE_NAMES, bool: "a boolean", float: "a decimal number", list: "a list", dict: "a table"}


def _is_a(value: object, wanted: Any) -> bool:
    if wanted is bool:
        return isinstance(value, bool)
    if wanted is int:  # TOML's true is no number, nor is 1.0 a count
        return isinstance(value, int) and not isinstance(value, bool)
    if wanted is float:  # "timeout = 20" is a number of seconds as much as 20.0
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, wanted) if isinstance(wanted, type) else False


def _range_problem(value: float, limit: Limit) -> str | None:
    if not math.isfinite(value):
        return "must be a finite number"
    why = f" ({limit.why})" if limit.why else ""
    if limit.least is not None and (value <= limit.least if limit.above else value < limit.least):
        return f"must be {'more than' if limit.above else 'at least'} {limit.least:g}{why}"
    most = limit.most() if callable(limit.most) else limit.most
    if most is not None and value > most:
        return f"must be at most {most:g}{why}"
    return None


def _text_problem(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return "must not hold control characters (a newline, a tab...)"
    return None


def _shown(value: object) -> str:
    """The value as written in TOML, on one line and cut short."""
    text = ("true" if value else "false") if isinstance(value, bool) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _read(text: str, origin: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"not a valid TOML settings file ({exc})") from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(origin, f"unknown setting(s): {', '.join(unknown)}")
    _check(data, origin)
    return data


def _check(values: Mapping[str, object], origin: str) -> None:
    """InputError naming ``origin`` (a file, or "settings"), the first bad key, its value and the problem."""
    for key, value in values.items():
        problem = setting_problem(key, value)
        if problem:
            raise InputError(origin, f"{key} = {_shown(value)}: {problem}")


def load_settings(path: str | Path | None = None) -> Settings:
    """The shipped settings, with a user's file (argument or $DIPLOGRAPH_CONFIG) on top."""
    shipped = shipped_text("settings.toml")
    values = _read(shipped, "diplograph/data/settings.toml")
    path = path or os.environ.get("DIPLOGRAPH_CONFIG")
    if path:
        values.update(_read(user_text(path, "settings file"), str(path)))
    return Settings(**values)
