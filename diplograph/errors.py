"""The one error type that reaches a user: an input and what is wrong with it."""

from __future__ import annotations

__all__ = ["DiplographError", "InputError"]


class DiplographError(Exception):
    """Base of diplograph's own errors; the CLI prints these as one line, never a traceback."""


class InputError(DiplographError):
    """A document (file, URL, JSONL line, feed item) that cannot be processed, and why."""

    def __init__(self, input: str, problem: str) -> None:
        super().__init__(f"{input}: {problem}")
        self.input = input
        self.problem = problem
