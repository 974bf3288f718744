"""The spaCy component "diplograph_when": dates each event in ``doc._.events``.

An event's date, in this order:

1. A date phrase of the event's own clause ("were released Tuesday"); a phrase that modifies a
   noun dates that noun only ("Trump's July 25 call", not "grilled ... on Trump's July 25 call"),
   unless the noun is the time of the clause ("in the 1967 Six-Day War").
2. An offset from the governing clause: "18 years after Washington invaded" is the year 18 years
   before the governing clause's date; "comes a day after the Taliban swapped" the day before.
   A "when" clause after a date phrase takes it: "Since 1989, when it crushed the protests" -> 1989.
3. A date phrase of a governing clause ("said on Tuesday that ..."), unless the event's clause is
   background in the perfect ("who had been held ..."), which the narrative's time does not date.
4. With no phrase: a past event of the story's narrative ("The White House called the process a
   sham") takes the article's news day, the first recent day its lead names ("... said in a
   statement on Wednesday"); anything else (present, perfect, future) the publication date at
   precision "published", which says that the text gives no time. A sentence of a past narrative
   that opens with a "when" clause and names no date is set at the last date stated before it
   ("When Carlineo was approached, he told police ..." after "arrested in April"); a "when" clause
   in a present-tense frame is background, not the news ("... the freedoms given to Hong Kong when
   the UK returned the territory to China").
5. Then, once for the document, a nominal event that dates nothing itself and names an event the
   article dates elsewhere takes that date ("Trump's call with his Ukrainian counterpart" -> the
   "July 25 phone call"; ``corefer.refer_back``).

A date phrase inside a quotation dates only events inside that quotation. Phrases are resolved by
``resolve_date`` against ``doc._.meta["published"]`` with the tense of the trigger.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..doc_index import doc_text, span_ents, strings_of
from ..lexicon.auxiliaries import FUTURE, PAST, PERFECT, auxiliaries
from ..lexicon.parse import quoted_spans, tree_distance
from ..model import Event
from .corefer import DatedMention, event_countries, refer_back
from .resolve import MONTHS, PUBLISHED, WEEKDAYS, resolve_date

__all__ = [
    "WhenComponent", "clause_head", "date_phrases", "dated_in_own_clause", "dated_mentions", "event_date",
    "last_date", "news_day", "tense_of",
]

# A phrase after these words is a duration or a bound ("since 2000", "until June"), not the date.
NOT_EVENT_DATE = frozenset({"since", "for", "until", "till", "through", "throughout", "over", "within", "by"})
_DATEISH = re.compile(
    r"\b(" + "|".join(WEEKDAYS + MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|\d{4}|today|tonight|yesterday|tomorrow|ago|weekend|recent\s+(?:days|weeks)"
    r"|(?:this|last|next|past|coming)\s+(?:week|month|year|weekend|night))\b",
    re.IGNORECASE,
)
_YEAR_TOKEN = re.compile(r"^(1[89]|20)\d\d$")
# Dependencies that open a clause of their own (xcomp and pcomp stay in their governor's clause:
# "agreed to meet on Friday", "inserted himself ... in recent days by warning").
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"})
_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})
_TIME_PREPS = frozenset({"in", "during"})  # "on Trump's July 25 call" is its topic, not its time
_OFFSET_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_NUMBER_WORDS = {  # closed class: the numerals that count days and years in running text
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Phrases that point back to the last date the text gave: "The next year, the Taliban released two
# videos", "Both men claimed at the time that ...". Closed class: determiners and time units.
_ANAPHORA = re.compile(
    r"\b(?:at|by)\s+(?:the|that)\s+time\b|\bthat\s+(?:day|week|month|year)\b"
    r"|\bthe\s+(?:next|following)\s+(day|week|month|year)\b|\b(?:a|one)\s+(day|week|month|year)\s+later\b",
    re.IGNORECASE,
)
EARLIER_SENTENCES = 3  # how far back "at the time" may look for its date
NEWS_DAY_SENTENCES = 5  # the lead: where an article says which day its news is from
NEWS_DAY_WINDOW = 3  # days before publication a news day may lie: "on Friday" in a Monday paper, no earlier


@Language.factory("diplograph_when", requires=["doc._.events"], assigns=["doc._.events"])
def make_when_component(nlp: Language, name: str) -> WhenComponent:
    return WhenComponent()


class WhenComponent:
    """Sets ``date`` and ``date_precision`` of every event from its sentence and the article's news day."""

    def __call__(self, doc: Doc) -> Doc:
        published = (doc._.meta or {}).get("published")
        quotes = [(q.start, q.end) for q in quoted_spans(doc_text(doc))]
        day = news_day(doc, published, quotes)
        sentences = list(doc.sents)
        starts = {sent.start: i for i, sent in enumerate(sentences)}
        earlier_at: dict[int, tuple[str, str] | None] = {}
        dated: list[tuple[Event, Token, bool]] = []
        for event in doc._.events or []:
            trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if trigger is None:
                raise ValueError(f"event {event.id}: trigger offsets outside the text")
            at = starts[trigger.root.sent.start]
            if at not in earlier_at:
                earlier_at[at] = last_date(sentences[max(0, at - EARLIER_SENTENCES) : at], published)
            earlier = earlier_at[at]
            event.date, event.date_precision = event_date(trigger.root, published, quotes=quotes, news=day,
                                                          earlier=earlier)
            dated.append((event, trigger.root, dated_in_own_clause(trigger.root, quotes)))
        # then, once for the document: an event named again takes the date it was named with
        refer_back(dated, dated_mentions(doc, published, dated, quotes))
        return doc


@dataclass(frozen=True)
class _Phrase:
    span: SpacySpan
    bound: bool  # "since 2016", "until June": the start or end of a span of time, not its date

    @property
    def text(self) -> str:
        return self.span.text


def date_phrases(sentence: SpacySpan, *, with_bounds: bool = False) -> list[SpacySpan]:
    """The temporal phrases of a sentence that can date an event (DATE entities naming a date, bare
    years such as the one in "the 1967 Six-Day War"); with ``with_bounds`` also "since 2016"."""
    return [p.span for p in _phrases(sentence) if with_bounds or not p.bound]


def _phrases(sentence: SpacySpan) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    covered: set[int] = set()
    for ent in span_ents(sentence):
        if ent.label_ not in ("DATE", "TIME") or not _DATEISH.search(ent.text):
            continue
        before = ent.doc[ent.start - 1] if ent.start > sentence.start else None
        bound = before is not None and before.lower_ in NOT_EVENT_DATE and "weekend" not in ent.text.lower()
        phrases.append(_Phrase(ent, bound))
        covered.update(range(ent.start, ent.end))
    doc = sentence.doc
    texts, pos = strings_of(doc, "ORTH"), strings_of(doc, "POS")
    for i in range(sentence.start, sentence.end):
        if i not in covered and _YEAR_TOKEN.match(texts[i]) and pos[i] == "NUM":
            span = doc[i : i + 1]
            before = doc[i - 1] if i > sentence.start else None
            phrases.append(_Phrase(span, before is not None and before.lower_ in NOT_EVENT_DATE))
    return phrases


def _opens_clause(token: Token) -> bool:
    if token.dep_ == "conj":
        # a conjunct verb that shares its subject shares its time: "US Chinook helicopter shot down
        # and completely destroyed last night"
        return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
    if (token.dep_ == "advcl" and token.tag_ in ("VBN", "VBG")) or (token.dep_ == "acl" and token.tag_ == "VBG"):
        # a participle with no subject of its own is part of its governor's clause and time: "Israel
        # seized control of the territories, seen as pivotal parts of any future Palestinian state, in
        # the 1967 Six-Day War"; "were abducted by gunmen wearing military uniforms ... in August 2016"
        # (the parser hangs the date on "seen", "wearing"). A past participle after a noun keeps its
        # own time: "condemned the unilateral move announced on Monday".
        return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
    return token.dep_ in _CLAUSE_DEPS


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to (itself if it heads one)."""
    while not _opens_clause(token) and token.head.i != token.i:
        token = token.head
    return token


def _clause_chain(token: Token) -> list[Token]:
    """The heads of ``token``'s clause and of every clause that governs it, innermost first."""
    chain = [clause_head(token)]
    while chain[-1].head.i != chain[-1].i:
        chain.append(clause_head(chain[-1].head))
    return chain


def tense_of(trigger: Token) -> str:
    """past, present or future, from the trigger's tag and auxiliaries (and those of its governor)."""
    for verb in (trigger, trigger.head if trigger.dep_ in ("xcomp", "conj") else None):
        if verb is None:
            continue
        own = {c.lower_ for c in auxiliaries(verb)}
        if own & FUTURE or "going" in own:
            return "future"
        if verb.tag_ in ("VBD",) or own & PAST:
            return "past"
    return "present"


def _is_perfect(verb: Token) -> bool:
    """"had been held", "has rejected": background the narrative's time does not date."""
    return any(c.dep_ == "aux" and c.lower_ in PERFECT for c in verb.children)


def _is_past_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _after_since(phrase: _Phrase) -> bool:
    start = phrase.span.start
    return start > 0 and phrase.span.doc[start - 1].lower_ == "since"


def _is_simple_past(verb: Token) -> bool:
    """"called", "was accused": a past event of the story, not perfect and not in the future."""
    if _is_perfect(verb):
        return False
    own = auxiliaries(verb)
    if any(c.lower_ in FUTURE or c.tag_ == "MD" for c in own):
        return False
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in own)


def _in_the_story(chain: list[Token]) -> bool:
    """Whether the event is a past event of the story: its clause is in the simple past ("The White
    House called the impeachment process a sham"), or is what a simple past reports ("Russia's
    foreign ministry said it viewed Washington's move as ..."). A present-tense relative or
    adverbial clause is a state as of publication ("Battin, who resides at ...", "While Richardson
    wants Rudolph to be disciplined, Heyward did not offer a response")."""
    own = chain[0]
    if _is_when_clause(own) and not any(_is_simple_past(g) or _is_perfect(g) for g in chain[1:]):
        # a "when" clause in a present-tense frame is the background of a state that follows from
        # it: "They worry China is taking back the freedoms given to Hong Kong when the UK returned
        # the territory to China" (1997), not an event of the story
        return False
    if _is_simple_past(own):
        return True
    reported = own
    for governor in chain[1:]:
        if reported.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
            return False
        if _is_simple_past(governor):
            return True
        reported = governor
    return False


def _is_when_clause(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in clause.children)


def _scene_when(chain: list[Token], phrases: list[_Phrase], earlier: tuple[str, str] | None) -> tuple[str, str] | None:
    """The last date stated before, for a sentence of a past narrative that opens with a "when"
    clause and names no date: "Carlineo was arrested in April for a March 21 phone call ... When
    Carlineo was approached, he told police he supported Trump" (April). The clause sets its scene
    at a time the text has given already."""
    if earlier is None or any(not p.bound for p in phrases):
        return None
    root = chain[-1]
    if not _is_simple_past(root):
        return None
    sentence_start = root.sent.start
    opening = [c for c in root.children if _is_when_clause(c) and c.left_edge.i == sentence_start
               and _is_simple_past(c)]
    return earlier if opening else None


def _quote_of(token: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quote ``token`` is in; ``quotes`` are in text order and never overlap (``quoted_spans``)."""
    at = bisect_right(quotes, (token.idx, sys.maxsize)) - 1
    return quotes[at] if at >= 0 and quotes[at][0] <= token.idx < quotes[at][1] else None


def _attachment(phrase: SpacySpan, trigger: Token) -> Token | None:
    """The token whose clause the phrase dates; None for a phrase that only modifies a noun."""
    root = phrase.root
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.i >= phrase.end and head.pos_ in ("NOUN", "PROPN"):
        if head.i == trigger.i:
            return trigger
        if head.dep_ == "pobj" and head.head.lower_ in _TIME_PREPS:  # "in the 1967 Six-Day War"
            return head.head
        return None
    return root


def _offset(clause: Token) -> tuple[int, str, int] | None:
    """(count, unit, sign) of "18 years after ...", "a day after ...", "two weeks before ..."."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if not marks or marks[0] not in ("after", "before"):
        return None
    for child in clause.children:
        unit = _OFFSET_UNITS.get(child.lemma_.lower())
        if child.dep_ == "npadvmod" and unit:
            counts = [c for c in child.children if c.dep_ in ("nummod", "det")]
            count = _count(counts[0]) if counts else 1
            if count is not None:
                return count, unit, -1 if marks[0] == "after" else 1
    return None


def _count(token: Token) -> int | None:
    if token.text.isdigit():
        return int(token.text)
    return _NUMBER_WORDS.get(token.lower_)


def _shift(value: str, precision: str, count: int, unit: str, sign: int) -> tuple[str, str] | None:
    """``value`` moved by ``count`` units. A week has no precision of its own, so it gives the month;
    a unit finer than the anchor's precision leaves the anchor as it is ("a day after" an event of
    "March" is in March, as far as the text tells). None when the move leaves the calendar (years
    1-9999): "10000 years after" an event names no date."""
    levels = ("day", "month", "year")
    anchor = date.fromisoformat(value[:10])
    anchor_level = "day" if precision == PUBLISHED else precision
    finest = {"day": "day", "week": "month", "month": "month"}.get(unit, "year")
    if levels.index(anchor_level) > levels.index(finest):
        moved, level = anchor, anchor_level
    elif unit in ("day", "week"):
        days = sign * count * (7 if unit == "week" else 1)
        if not date.min.toordinal() <= anchor.toordinal() + days <= date.max.toordinal():
            return None
        moved, level = anchor + timedelta(days=days), finest
    elif unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + sign * count
        if not date.min.year <= index // 12 <= date.max.year:
            return None
        moved, level = date(index // 12, index % 12 + 1, 1), finest
    else:
        if not date.min.year <= anchor.year + sign * count <= date.max.year:
            return None
        moved, level = date(anchor.year + sign * count, 1, 1), finest
    if level == "month":
        return f"{moved.year:04d}-{moved.month:02d}-01", level
    if level == "year":
        return f"{moved.year:04d}-01-01", level
    return moved.isoformat(), level


def _when_after_phrase(clause: Token, phrases: list[_Phrase]) -> _Phrase | None:
    """The date phrase just before a "when" clause: "Since 1989, when it crushed the protests"."""
    if not any(c.lower_ == "when" and c.dep_ == "advmod" for c in clause.children):
        return None
    i = clause.left_edge.i - 1
    doc = clause.doc
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return next((p for p in phrases if p.span.start <= i < p.span.end), None)


def last_date(sentences: list[SpacySpan], published: str | None) -> tuple[str, str] | None:
    """The last date the given sentences state for a clause ("in August 2016", "The next year" after
    it; not a bound such as "since 2016" nor a noun's "July 25 call"), for phrases that point back
    to it ("at the time")."""
    current: tuple[str, str] | None = None
    for sentence in sentences:
        for phrase in _phrases(sentence):
            root = phrase.span.root
            if phrase.bound or _attachment(phrase.span, root) is None:
                continue  # "arrested in April for a March 21 phone call": April, not the call's day
            if _ANAPHORA.search(phrase.text):
                current = _anaphoric(phrase.text, current) or current
                continue
            value, precision = resolve_date(phrase.text, published, "past")
            if value is not None and precision is not None and precision != PUBLISHED:
                current = value, precision
    return current


def _anaphoric(text: str, earlier: tuple[str, str] | None) -> tuple[str, str] | None:
    """The date of "at the time", "the next year", "a day later" from the last date stated before."""
    m = _ANAPHORA.search(text)
    if m is None or earlier is None:
        return None
    unit = m.group(1) or m.group(2)
    if unit is None:
        return earlier
    return _shift(earlier[0], earlier[1], 1, unit, 1)


def news_day(doc: Doc, published: str | None, quotes: list[tuple[int, int]] | None = None) -> str | None:
    """The day the article's news is from: the first day its lead names in a clause of its own
    ("the US military said in a statement on Wednesday"), if that day lies no more than
    ``NEWS_DAY_WINDOW`` days before publication; None when the lead names none."""
    if not published:
        return None
    base = date.fromisoformat(published[:10])
    quotes = quotes if quotes is not None else [(q.start, q.end) for q in quoted_spans(doc_text(doc))]
    for sentence in list(doc.sents)[:NEWS_DAY_SENTENCES]:
        for phrase in _phrases(sentence):
            root = phrase.span.root
            if phrase.bound or _quote_of(root, quotes) or _attachment(phrase.span, root) is None:
                continue
            if clause_head(root).pos_ not in ("VERB", "AUX"):
                continue
            value, precision = resolve_date(phrase.text, published, "past")
            if precision == "day" and value and 0 <= (base - date.fromisoformat(value)).days <= NEWS_DAY_WINDOW:
                return value
    return None


def event_date(trigger: Token, published: str | None, *, quotes: list[tuple[int, int]] | None = None,
               news: str | None = None, earlier: tuple[str, str] | None = None) -> tuple[str | None, str | None]:
    """(date, precision) of the event whose trigger word is ``trigger``; ``quotes`` are the
    character spans of the document's quotations, ``news`` the article's news day (``news_day``),
    ``earlier`` the last date stated in the sentences before (``last_date``)."""
    quotes = quotes if quotes is not None else [(q.start, q.end) for q in quoted_spans(doc_text(trigger.doc))]
    return _date(trigger, published, quotes, news, earlier, depth=0)


def _date(trigger: Token, published: str | None, quotes: list[tuple[int, int]], news: str | None,
          earlier: tuple[str, str] | None, depth: int) -> tuple[str | None, str | None]:
    tense = tense_of(trigger)
    own_quote = _quote_of(trigger, quotes)
    phrases = [p for p in _phrases(trigger.sent) if _quote_of(p.span.root, quotes) in (None, own_quote)]
    chain = _clause_chain(trigger)
    own = chain[0]
    perfect = _is_perfect(own)

    def resolved(candidates: list[tuple[_Phrase, Token]]) -> tuple[str, str] | None:
        for phrase, at in sorted(candidates, key=lambda pair: tree_distance(trigger, pair[1])):
            if _ANAPHORA.search(phrase.text):
                if (back := _anaphoric(phrase.text, earlier)) is not None:
                    return back
                continue
            # a governing clause's phrase is read in that clause's tense: "said on Tuesday that it
            # will designate Colombia" is last Tuesday, not next
            head = clause_head(at)
            value, precision = resolve_date(phrase.text, published, tense if head.i == own.i else tense_of(head))
            if value is not None:
                return value, precision  # type: ignore[return-value]
        return None

    attached = [(p, a) for p in phrases if (a := _attachment(p.span, trigger)) is not None]
    # "since X" dates a state that began then only when it has ended before the story (the past
    # perfect: "hostages who had been held by the Taliban since 2016 were released Tuesday" -> 2016);
    # with the present perfect it is still going on ("has provided $10 billion in aid since 2000"),
    # so it is the state as of publication.
    began = _is_past_perfect(own)
    in_own = [(p, a) for p, a in attached
              if clause_head(a).i == own.i and (not p.bound or (began and _after_since(p)))]
    if found := resolved(in_own):
        return found
    if (offset := _offset(own)) is not None and own.head.i != own.i and depth < 3:
        value, precision = _date(own.head, published, quotes, news, earlier, depth + 1)
        if value is not None and precision is not None and (shifted := _shift(value, precision, *offset)):
            return shifted
    if (phrase := _when_after_phrase(own, phrases)) is not None:
        value, precision = resolve_date(phrase.text, published, "past")
        if value is not None:
            return value, precision
    if not perfect:
        governing = [(p, a) for p, a in attached if not p.bound and clause_head(a) in chain[1:]]
        if found := resolved(governing):
            return found
    near = chain[:2]  # the event's clause and the one that governs it, not the whole sentence
    own_text = trigger.doc[min(c.left_edge.i for c in near) : max(c.right_edge.i for c in near) + 1].text
    if (back := _anaphoric(own_text, earlier)) is not None:  # "claimed at the time that ..."
        return back
    if not perfect and tense != "future" and _in_the_story(chain):
        if (scene := _scene_when(chain, phrases, earlier)) is not None:
            return scene
        if news and published:
            return news, "day"
    return resolve_date(None, published, tense)


def _countries(doc: Doc, start: int, end: int) -> frozenset[str]:
    """Countries of the actor mentions between character offsets ``start`` and ``end``."""
    return frozenset(a.country for a in (doc._.actors or []) if a.country and start <= a.start and a.end <= end)


def _noun_head(token: Token) -> Token:
    """The noun a date modifier belongs to: "July 25" in "July 25 phone call" -> "call"."""
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head


def dated_mentions(doc: Doc, published: str | None, events: list[tuple[Event, Token, bool]],
                   quotes: list[tuple[int, int]]) -> list[DatedMention]:
    """Every noun with a date modifier ("Trump's July 25 phone call with Ukrainian President
    Zelensky") and every event dated by a phrase of its own clause, in text order."""
    found: list[DatedMention] = []
    for sentence in doc.sents:
        for phrase in _phrases(sentence):
            root = phrase.span.root
            if phrase.bound or _quote_of(root, quotes) or _attachment(phrase.span, root) is not None:
                continue
            noun = _noun_head(root)
            if noun.pos_ != "NOUN":
                continue
            value, precision = resolve_date(phrase.text, published, "past")
            if value is None or precision in (None, PUBLISHED):
                continue
            subtree = list(noun.subtree)
            countries = _countries(doc, subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
            found.append(DatedMention(noun.lemma_.lower(), noun.i, value, precision, countries,
                                      frozenset(t.lower_ for t in subtree)))
    for event, trigger, self_dated in events:
        if self_dated and event.date and event.date_precision not in (None, PUBLISHED):
            found.append(DatedMention(trigger.lemma_.lower(), trigger.i, event.date, event.date_precision,
                                      event_countries(event),
                                      frozenset(t.lower_ for t in clause_head(trigger).subtree)))
    return sorted(found, key=lambda m: m.at)


def dated_in_own_clause(trigger: Token, quotes: list[tuple[int, int]]) -> bool:
    """Whether a date phrase (no bound) dates ``trigger``'s own clause or, for a noun, the noun."""
    own = clause_head(trigger)
    for phrase in _phrases(trigger.sent):
        if phrase.bound or _quote_of(phrase.span.root, quotes) != _quote_of(trigger, quotes):
            continue
        if trigger.pos_ == "NOUN":
            # the noun's own words ("the call on July 25"), or the clause it is the subject of
            # ("The meeting was held on Tuesday")
            if any(t.i == phrase.span.root.i for t in trigger.subtree):
                return True
            at = _attachment(phrase.span, trigger)
            if trigger.dep_ in ("nsubj", "nsubjpass") and at is not None and clause_head(at).i == own.i:
                return True
            continue
        at = _attachment(phrase.span, trigger)
        if at is not None and clause_head(at).i == own.i:
            return True
    return False
