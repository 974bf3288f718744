"""An event named again takes the date the article gave it where it names it with a date.

"Democratic lawmakers grilled Vindman ... on Trump's July 25 phone call with Ukrainian President
Zelensky" dates that call; "The Democrats are alleging that Trump's call with his Ukrainian
counterpart was irregular" names the same call with no date of its own, so it is 2019-07-25 too,
not the day the Democrats spoke. A mention of the event with a date is either a noun with a date
phrase among its modifiers ("the July 25 call") or an event whose own clause has a date phrase
("Trump called Zelensky on July 25").

A nominal event mention refers to such a dated mention when:

- its noun has the dated mention's lemma, or is its verb's "-ing" noun ("meeting" / "met");
- it dates nothing itself (no date phrase among its own words) and is definite ("the call",
  "Trump's call", "this call"), not a new one ("a call", "another call", "calls");
- its participants fit: the countries of its source and target are among the countries named in
  the dated mention; where either side names no country, the article gives that noun one date only.

The nearest dated mention before it wins; with none before, the nearest after (a lead often names
"the call" before the paragraph that dates it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Event

__all__ = ["DatedMention", "event_countries", "refer_back"]

# Closed class: determiners that name a new, another or no particular event ("a call", "another call").
_NEW = frozenset({"a", "an", "another", "any", "each", "every", "no", "some"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class DatedMention:
    """A place the article names an event with a date: the head word's lemma, its position, the
    date and the countries of the actors named with it."""

    lemma: str
    at: int
    date: str
    precision: str
    countries: frozenset[str]


def event_countries(event: Event) -> frozenset[str]:
    """The countries of an event's source and target."""
    return frozenset(a.country for a in (event.source, event.target) if a is not None and a.country)


def _is_definite(noun: Token) -> bool:
    if noun.tag_ in ("NNS", "NNPS") and not any(c.lower_ in _DEFINITE for c in noun.children):
        return False
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if any(d in _NEW for d in determiners):
        return False
    return bool(determiners) or any(c.dep_ == "poss" for c in noun.children)


def _same_act(noun: Token, mention: DatedMention) -> bool:
    lemma = noun.lemma_.lower()
    return mention.lemma == lemma or mention.lemma + "ing" == lemma or mention.lemma + mention.lemma[-1:] + "ing" == lemma


def refer_back(events: list[tuple[Event, Token, bool]], mentions: list[DatedMention]) -> None:
    """Gives each nominal event mention that dates nothing itself (the bool of ``events`` is False)
    the date of the mention of the same event that the article dates (see the module docstring);
    other events are left as dated."""
    for event, trigger, self_dated in events:
        if trigger.pos_ != "NOUN" or self_dated or not _is_definite(trigger):
            continue
        countries = event_countries(event)
        same = [m for m in mentions if m.at != trigger.i and _same_act(trigger, m)]
        if not same:
            continue
        fitting = [m for m in same if countries and m.countries and countries <= m.countries]
        if not fitting and len({(m.date, m.precision) for m in same}) == 1 and not (countries and all(m.countries for m in same)):
            fitting = same
        if not fitting:
            continue
        before = [m for m in fitting if m.at < trigger.i]
        chosen = before[-1] if before else fitting[0]
        event.date, event.date_precision = chosen.date, chosen.precision
