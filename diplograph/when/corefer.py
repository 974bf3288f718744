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
# Closed class: words that set an event apart from an earlier one of its kind ("the next call",
# "the latest summit"); ordinals ("the second call") are found by their entity type.
_ANOTHER = frozenset({"next", "new", "latest", "upcoming", "last", "previous", "earlier", "recent", "later",
                      "other", "further"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class DatedMention:
    """A place the article names an event with a date: the head word's lemma, its position, the
    date and the countries of the actors named with it."""

    lemma: str
    at: int
    date: str
    precision: str
    countries: frozenset[str]
    words: frozenset[str]  # lower-case words of the mention's phrase (a noun's) or clause (a verb's)


def event_countries(event: Event) -> frozenset[str]:
    """The countries of an event's source and target."""
    return frozenset(a.country for a in (event.source, event.target) if a is not None and a.country)


def _is_definite(noun: Token) -> bool:
    """"the call", "Trump's call", "this call"; not "a call", "another call", "Trump's calls"."""
    if noun.tag_ in ("NNS", "NNPS") and not any(c.lower_ in _DEFINITE for c in noun.children):
        return False
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    return bool(determiners) and not any(d in _NEW for d in determiners)


def _set_apart(noun: Token, mention: DatedMention) -> bool:
    """Whether the noun's own words set it apart from the dated mention: an ordinal or "next"
    ("the second call"), or a place the dated mention does not name ("the Hanoi summit", "the
    summit in Hanoi" after "last year's summit in Singapore")."""
    for child in noun.children:
        if child.lower_ in _ANOTHER or child.ent_type_ == "ORDINAL":
            return True
    for token in noun.subtree:
        at_noun = token.head.i == noun.i and token.dep_ == "compound"
        in_place = (token.head.dep_ == "pobj" and token.head.head.lower_ in ("in", "at")) or (
            token.dep_ == "pobj" and token.head.lower_ in ("in", "at"))
        if token.ent_type_ in _PLACES and (at_noun or in_place) and token.lower_ not in mention.words:
            return True
    return False


def _same_act(noun: Token, mention: DatedMention) -> bool:
    """The same lemma ("call" / "called"), or the verb's "-ing" noun ("meeting" / "met", "stopping")."""
    lemma = noun.lemma_.lower()
    return lemma in (mention.lemma, mention.lemma + "ing", mention.lemma + mention.lemma[-1:] + "ing")


def refer_back(events: list[tuple[Event, Token, bool]], mentions: list[DatedMention]) -> None:
    """Gives each nominal event mention that dates nothing itself (the bool of ``events`` is False)
    the date of the mention of the same event that the article dates (see the module docstring);
    other events are left as dated."""
    for event, trigger, self_dated in events:
        if trigger.pos_ != "NOUN" or self_dated or not _is_definite(trigger):
            continue
        countries = event_countries(event)
        same = [m for m in mentions if m.at != trigger.i and _same_act(trigger, m) and not _set_apart(trigger, m)]
        if not same:
            continue
        fitting = [m for m in same if countries and m.countries and countries <= m.countries]
        unique = len({(m.date, m.precision) for m in same}) == 1
        if not fitting and unique and not (countries and all(m.countries for m in same)):
            fitting = same  # one side names no country: "the call", with one dated call in the article
        if not fitting:
            continue
        before = [m for m in fitting if m.at < trigger.i]
        chosen = before[-1] if before else fitting[0]
        event.date, event.date_precision = chosen.date, chosen.precision
