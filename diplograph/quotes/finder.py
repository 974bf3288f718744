"""Joins the pieces of a quote: marks, cue, content, speaker and via-chain.

Quotation marks come from direct.py, speech cues and reported clauses from indirect.py, the speaker
from speaker.py and the outlets from via.py. A reported clause that is all in quotation marks is a
direct quote of the quoted words; a reported clause that only embeds a quoted phrase ('said that
Colombia is a “promising partner”') is one indirect quote of the whole clause, as PolNeAR annotates
it. Quoted words outside any reported clause take the nearest speech verb in their sentence ('“X,”
he said, “Y”' gives two quotes linked by one cue and speaker), a verb or name before a colon, or a
name after a dash. Quoted words with no cue take the previous quote's speaker when they follow it
closely (a quote continued in the next paragraph); short ones with no cue are scare quotes or
titles and are dropped.

Each quote says what it attributes (``Quote.attribution``): speech, a belief ("officials believe
..."), a document's finding ("the report found ...") or a poll's ("according to a Quinnipiac poll").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..doc_index import Intervals, doc_text
from ..lexicon.cues import load_cues
from ..lexicon.parse import QuotedSpan, quoted_spans
from ..model import Actor, Quote, Span, Speaker
from .indirect import Cue, find_cues, same_paragraph
from .speaker import resolve_speaker, speaker_span
from .via import outlet_name, via_phrases

__all__ = ["find_quotes"]

MIN_UNCUED_WORDS = 6  # quoted words with no cue shorter than this are scare quotes or titles
MAX_CUE_GAP = 80  # characters between quoted words and the speech verb that cues them
DIRECT_COVER = 0.8  # share of a reported clause in quotation marks that makes it a direct quote
OPENING_MARKS = "“\"'„«`"
# '“...” ― Ana Ruiz': a dash after the closing mark, then the speaker's name on the same line.
_DASH_SPEAKER = re.compile(
    r"[”\"'»,.]*[ \t\xa0]*([―—–]|--)[ \t\xa0]*"  # the dashes news sites use
    r"([A-Z][\w.'’-]*(?:[ \xa0][A-Z][\w.'’-]*){0,4})"  # a name: up to five words
)

# A line that opens with a name of up to four capitalised words and a colon: "Politifact: Donald ..."
_LABELLED_LINE = re.compile(
    r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})[ \t]*(:)[ \t]+([^\n]+)", re.MULTILINE
)
_TRAILING_CONTENT = " \t.,;"
_TITLE_LEADS = ("of", "on", "in")  # closed class: the prepositions before a quoted title


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    sentence: int
    cue: Cue | None
    via: list[Token] = field(default_factory=list)
    cue_at: tuple[int, int] | None = None  # a cue that is no word of the parse ("―", ":")
    speaker_at: tuple[int, int] | None = None  # a speaker named outside any clause ("― Ana Ruiz")


def _is_outlet(head: Token | None, actors: Sequence[Actor]) -> bool:
    """Whether "according to X" names an outlet the words came through, not their source; a poll
    or a document is the source even when an outlet made it ("according to a New York Times/CBS
    News poll released last week", "according to a new report by Politico")."""
    if head is None:
        return False
    cues = load_cues()
    if head.lemma_.lower() in cues.get("poll", frozenset()) | cues.get("document", frozenset()):
        return False
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if any(a.kind == "media" and a.start < end and start < a.end for a in actors):
        return True
    media = load_cues().get("media", frozenset())
    return any(t.lower_ in media for t in head.subtree)


def _is_source(head: Token | None) -> bool:
    """A poll or a document: "according to" it names a source even beside a speech verb."""
    cues = load_cues()
    return head is not None and head.lemma_.lower() in cues.get("poll", frozenset()) | cues.get("document", frozenset())


def _according_content(sentence: SpacySpan, cue: Cue) -> tuple[int, int] | None:
    """The clause "according to X" reports: its sentence without the according phrase. What a
    clause reports "in" a poll is that clause from its subject on ('Despite media pronouncements
    ..., she did not receive a bump in one of the first post-debate polls')."""
    phrase = {t.i for t in cue.token.subtree}
    tokens = [t for t in sentence if t.i not in phrase and not t.is_space]
    if cue.token.lower_ == "in":
        verb = cue.token.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        first = subjects[0].left_edge.i if subjects else verb.left_edge.i
        last = cue.token.i - 1 if cue.token.i > verb.i else verb.right_edge.i  # "... a bump in one of the polls"
        tokens = [t for t in tokens if first <= t.i <= last]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class _Paragraphs:
    """Paragraph numbers of offsets: any run of line breaks starts a new paragraph."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer(r"\n+", text)]

    def __call__(self, offset: int) -> int:
        return bisect_right(self.breaks, offset - 1)


def _distance(mark: QuotedSpan, cue: Cue) -> int:
    if cue.end <= mark.start:
        return mark.start - cue.end
    if cue.start >= mark.end:
        return cue.start - mark.end
    return -1  # the cue is inside the quote


def _sentence_index(sentences: list[SpacySpan], offset: int) -> int:
    """The first sentence ending after ``offset`` (the last if none does), found by bisection."""
    return min(bisect_right(sentences, offset, key=lambda s: s.end_char), len(sentences) - 1)


def _in_any(marks: list[QuotedSpan], offset: int) -> bool:
    """Whether ``offset`` is inside one of ``marks`` (in text order, never overlapping)."""
    at = bisect_right(marks, offset, key=lambda m: m.start) - 1
    return at >= 0 and marks[at].start <= offset < marks[at].end


def _marks_over(marks: list[QuotedSpan], start: int, end: int) -> list[QuotedSpan]:
    """The marks overlapping ``start:end``, in order."""
    return marks[bisect_right(marks, start, key=lambda m: m.end) : bisect_left(marks, end, key=lambda m: m.start)]


def _is_title(text: str, mark: QuotedSpan) -> bool:
    """Quoted words that name a show, a book or a paper: a few capitalised words after "of", "on",
    "in" or a possessive ('On this weekend's broadcast of “Fox News Sunday,” Gov. Mike Pence said',
    'Johnson tells MSNBC's “Morning Joe” on Friday'). They are no one's words, even beside a cue."""
    words = re.findall(r"[\w'’-]+", text[mark.start : mark.end])
    if not words or len(words) >= MIN_UNCUED_WORDS:
        return False
    if not all(w[0].isupper() for w in words if len(w) > 3) or not words[0][0].isupper():
        return False
    before = text[max(0, mark.start - 20) : mark.start].rstrip(OPENING_MARKS + " \t\xa0").split()
    return bool(before) and (before[-1].lower() in _TITLE_LEADS or before[-1].endswith(("'s", "’s")))


def _attach(doc: Doc, mark: QuotedSpan, marks: list[QuotedSpan], sentences: list[SpacySpan],
            sentence_cues: list, actors: Sequence[Actor], paragraph: _Paragraphs) -> _Found | None:
    """A direct quote for quoted words outside any reported clause, or None for a scare quote.

    The cue is the nearest speech verb outside the quote in the sentences it touches and in its
    paragraph ('“X,” he said, “Y”' gives two quotes with one cue), a verb before a colon that
    introduces it ("He concluded: “...”"), or a dash with a name after it ('“...” ― Ana Ruiz').
    """
    text = doc_text(doc)
    if _is_title(text, mark):
        return None
    touching = range(bisect_left(sentences, mark.start - 3, key=lambda s: s.end_char),
                     bisect_right(sentences, mark.end + 3, key=lambda s: s.start_char))
    near = [
        (cue, vias, i)
        for i in touching
        for cue, vias in sentence_cues[i]
    ]
    near = [
        (cue, vias, i)
        for cue, vias, i in near
        if 0 <= _distance(mark, cue) <= MAX_CUE_GAP
        and paragraph(cue.start) in (paragraph(mark.start), paragraph(mark.end))
        and (cue.content is None or bool(_marks_over(marks, *cue.content)))
        and (cue.token.tag_ != "VBG" or cue.token.lemma_ in load_cues().get("gerund", frozenset()))
    ]
    if near:
        cue, vias, index = min(near, key=lambda n: _distance(mark, n[0]))
        return _Found("direct", mark.start, mark.end, index, cue, vias)
    index = _sentence_index(sentences, mark.start)
    dash = _DASH_SPEAKER.match(text, mark.end)
    if dash:
        return _Found("direct", mark.start, mark.end, index, None,
                      cue_at=dash.span(1), speaker_at=dash.span(2))
    lead = mark.start  # the text before the quote's marks and spaces ends here (not copied: one per mark)
    while lead > 0 and text[lead - 1] in OPENING_MARKS + " \t\n\xa0":
        lead -= 1
    if lead > 0 and text[lead - 1] == ":":
        before = _sentence_index(sentences, lead - 1)
        cues = [(cue, vias) for cue, vias in sentence_cues[before] if cue.content is None]
        if cues:
            cue, vias = cues[-1]
            return _Found("direct", mark.start, mark.end, index, cue, vias)
        opening = sentences[before].start_char
        people = [a for a in actors if a.kind == "person" and opening <= a.start < lead]
        if people:
            colon = (lead - 1, lead)
            return _Found("direct", mark.start, mark.end, index, None, cue_at=colon,
                          speaker_at=(people[-1].start, people[-1].end))
    if len(text[mark.start : mark.end].split()) < MIN_UNCUED_WORDS:
        return None  # a scare quote or a title
    return _Found("direct", mark.start, mark.end, index, None)


def _labelled_lines(doc: Doc, sentences: list[SpacySpan], actors: Sequence[Actor],
                    found: list[_Found]) -> list[_Found]:
    """Lines that open with a source's name and a colon: 'Rush Limbaugh: Hillary Asking Moderator To
    Fact Check Trump ‘Reeks of Fear.’', 'Poll: Wealthy Voters Abandon Republican Party for Hillary
    Clinton'. The name must be an actor, or a poll or document ("Poll:", "Report:"); the rest of the
    line is what it says. Quoted words after the colon are left to the direct quotes."""
    text = doc_text(doc)
    cues = load_cues()
    sources = cues.get("poll", frozenset()) | cues.get("document", frozenset())
    lines: list[_Found] = []
    quoted = Intervals((f.start, f.end) for f in found)
    named_at = Intervals((a.start, a.end) for a in actors)
    for match in _LABELLED_LINE.finditer(text):
        (name_start, name_end), (start, end) = match.span(1), match.span(3)
        content = text[start:end].rstrip(_TRAILING_CONTENT)
        end = start + len(content)
        if content[:1] in OPENING_MARKS or len(content.split()) < 3:
            continue
        if quoted.overlaps(start, end):
            continue
        named = named_at.overlaps(name_start, name_end)
        if not named and match.group(1).split()[-1].lower() not in sources:
            continue
        lines.append(_Found("indirect", start, end, _sentence_index(sentences, start), None,
                            cue_at=match.span(2), speaker_at=(name_start, name_end)))
    return lines


def find_quotes(doc: Doc, actors: Sequence[Actor]) -> list[Quote]:
    """Every quote of ``doc``: direct and indirect, with cue, speaker and via-chain, in text order."""
    text = doc_text(doc)
    marks = quoted_spans(text)
    paragraph = _Paragraphs(text)
    used: set[QuotedSpan] = set()
    found: list[_Found] = []
    sentences = list(doc.sents)
    sentence_cues: list[list[tuple[Cue, list[Token]]]] = []
    for index, sentence in enumerate(sentences):
        cues = find_cues(sentence)
        speech = [c for c in cues if not c.according]
        according = [c for c in cues if c.according]
        spoken = any(c.verb_class == "speech" for c in speech)
        # an outlet is the words' path beside a speech verb, and their source alone: "According to
        # Politico, both of these areas are highly populated with black voters."
        via_cues = [c for c in according if spoken and (not _is_source(c.subject) or _is_outlet(c.subject, actors))]
        speech += [c for c in according if c not in via_cues and c.subject is not None]
        vias = via_phrases(sentence, via_cues)
        speech = [c for c in speech if not _in_any(marks, c.start)]
        for cue in speech:
            if cue.according:
                cue.content = _according_content(sentence, cue)
            if cue.content is None:
                continue
            start, end = cue.content
            inside = [m for m in _marks_over(marks, start - 1, end + 1) if m.start >= start - 1 and m.end <= end + 1]
            covered = sum(m.end - m.start for m in inside)
            # '"If you have even a portion of those billion people displaced," he said, "you now have
            # the sorts of refugee crises ..."': the clause a cue interrupts is quoted words in pieces
            pieces = _marks_over(marks, start, end)
            if len(inside) == 1 and covered >= DIRECT_COVER * (end - start):
                found.append(_Found("direct", inside[0].start, inside[0].end, index, cue, vias))
            elif len(pieces) > 1 and sum(min(m.end, end) - max(m.start, start) for m in pieces) >= (
                    DIRECT_COVER * (end - start)):
                found.extend(_Found("direct", m.start, m.end, index, cue, vias) for m in pieces)
                inside = pieces
            elif len(text[start:end].split()) >= 2:
                found.append(_Found("indirect", start, end, index, cue, vias))
            else:
                continue
            used.update(inside)
        # quoted words outside any clause are speech: only a speech verb's cue takes them
        sentence_cues.append([(c, vias) for c in speech if c.verb_class == "speech"])

    for mark in marks:
        if mark not in used:
            attached = _attach(doc, mark, marks, sentences, sentence_cues, actors, paragraph)
            if attached is not None:
                found.append(attached)
    found.extend(_labelled_lines(doc, sentences, actors, found))

    direct = Intervals((f.start, f.end) for f in found if f.kind == "direct")
    found = [f for f in found if f.kind == "direct" or not direct.overlaps(f.start, f.end)]
    found.sort(key=lambda f: (f.start, f.end))
    quotes: list[Quote] = []
    previous: Speaker | None = None
    previous_end = -1
    for number, item in enumerate(found, 1):
        speaker = None
        subject = item.cue.subject if item.cue is not None else None
        if subject is not None and _in_any(marks, subject.idx):
            subject = None  # the parse found the subject inside the quoted words
        if item.speaker_at is not None:
            speaker = resolve_speaker(doc, *item.speaker_at, actors, previous)
            named = doc.char_span(*item.speaker_at, alignment_mode="expand")
            subject = named.root if named is not None else None
        elif subject is not None:
            start, end = speaker_span(subject)
            speaker = resolve_speaker(doc, start, end, actors, previous)
        elif item.cue is None and previous is not None and (
            paragraph(item.start) - paragraph(previous_end) <= 1
        ):
            speaker = previous  # a quote continued after its cue's paragraph
        via = _via_names(item, actors)
        cue_at = item.cue_at or ((item.cue.start, item.cue.end) if item.cue else None)
        cue_span = Span(text[cue_at[0] : cue_at[1]], *cue_at) if cue_at else None
        quotes.append(
            Quote(f"q{number}", item.kind, text[item.start : item.end], item.start, item.end, cue_span,
                  speaker, via, item.sentence, attribution=_attribution(item.cue, subject))
        )
        if speaker is not None:
            previous, previous_end = speaker, item.end
    return quotes


def _attribution(cue: Cue | None, source: Token | None) -> str:
    """What a quote attributes: a poll or a document when its source names one ("a Quinnipiac poll
    found", "according to the report"), else what its cue verb says (a belief: "officials believe";
    a finding: "the data show" is a document's), else speech."""
    if source is not None:
        cues = load_cues()
        noun = source.lemma_.lower()
        if noun in cues.get("poll", frozenset()):
            return "poll"
        if noun in cues.get("document", frozenset()):
            return "document"
    if cue is None:
        return "speech"
    return {"belief": "belief", "stance": "belief", "finding": "document"}.get(cue.verb_class, "speech")


def _via_names(item: _Found, actors: Sequence[Actor]) -> list[str]:
    """The outlets of the quote's sentence that lie in its cue's paragraph, nearest first."""
    heads: list[Token] = []
    for head in item.via:
        if item.cue is not None and not same_paragraph(head, item.cue.token):
            continue
        heads.append(head)
        heads.extend(t for t in head.children if t.dep_ == "conj")
    heads.sort(key=lambda h: min(abs(h.idx - item.end), abs(h.idx - item.start)))
    names: list[str] = []
    for head in heads:
        name = outlet_name(head, actors)
        if name not in names:
            names.append(name)
    return names
