"""Settings: shipped defaults in data/settings.toml, overridden by a user's TOML file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .lexicon.tables import shipped_text, user_text

__all__ = ["Settings", "load_settings"]


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

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given keys changed; None values leave the setting as it is."""
        # keys chosen at run time: dataclasses.replace checks them (and Settings' fields) when called
        changes: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **changes)


def _read(text: str, origin: str) -> dict:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"not a valid TOML settings file ({exc})") from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(origin, f"unknown setting(s): {', '.join(unknown)}")
    return data


def load_settings(path: str | Path | None = None) -> Settings:
    """The shipped settings, with a user's file (argument or $DIPLOGRAPH_CONFIG) on top."""
    shipped = shipped_text("settings.toml")
    values = _read(shipped, "diplograph/data/settings.toml")
    path = path or os.environ.get("DIPLOGRAPH_CONFIG")
    if path:
        values.update(_read(user_text(path, "settings file"), str(path)))
    return Settings(**values)
