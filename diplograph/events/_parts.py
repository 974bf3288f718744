"""The pieces an event is built from while coding: a trigger and its pattern, a party and its actor."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import ActorRef
from .verbs import PatternMatch

__all__ = ["Argument", "Trigger"]


@dataclass
class Argument:
    """A source or target: the actor found in the phrase, and whether it is only a generic noun."""

    ref: ActorRef
    token: Token
    generic: bool = False


@dataclass
class Trigger:
    """A word that states an event, with the code its pattern gave."""

    token: Token
    match: PatternMatch
    noun: bool = False
