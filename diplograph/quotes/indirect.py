"""Speech cues and what they report: the speech verb, its speaker phrase and its content clause.

Reported speech is read from the dependency parse: a speech verb ("said", "affirmed", "told") whose
clausal complement is the content and whose subject (or, for a coordinated verb, the subject of the
verb it is coordinated with) names the speaker; "X accused Y of ..." reports the "of" phrase; and
"according to X, ..." makes X the speaker of the rest of its clause when no speech verb is there.

Beside speech verbs, data/cues.txt names verbs that attribute other things, read the same way: beliefs
("officials believe ...", "she wants to ..."), findings ("the report found ...") and speech acts whose
object is what is attributed ("called for a repeal", "questioned the need for moderators"). Each cue
says which of these it is (``Cue.verb_class``); the finder makes the quote's attribution from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..doc_index import line_breaks, lower_lemmas, strings_of
from ..lexicon.cues import load_cues

__all__ = ["CLOSING_MARKS", "Cue", "cites_content", "cue_lemma", "find_cues", "same_paragraph", "speaker_head",
           "words"]

_CONTENT_DEPS = ("ccomp", "parataxis")
CLOSING_MARKS = ("”", '"', "»", "''")  # kept at the end of a clause that ends a partial quote
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# what a speech act says of its object: "attacked her opponent as a fraud", "blasted him for not
# paying income tax", "charged two developers with defrauding investors"
_OBJECT_PREDICATES = ("as", "for", "with", "from", "of", "over")
_ASIDE_MARKS = (",", "—", "–", "-", "--", "―")
_NESTING_DEPS = ("ccomp", "xcomp", "parataxis", "advcl", "conj")  # links from a clause to its cue
# a cue's own link to another cue that makes it part of what that one reports; "criticized NAFTA and
# called for steep new tariffs" and "As Clinton talked about ..., Trump highlighted ..." are two cues
_CONTENT_LINKS = ("ccomp", "xcomp", "parataxis")


@dataclass
class Cue:
    """One speech cue in a sentence, with the tokens that say who and what."""

    start: int  # char offsets of the cue words
    end: int
    token: Token  # the cue's head word
    subject: Token | None  # head of the speaker phrase, before resolution
    content: tuple[int, int] | None  # char offsets of the reported clause, if any
    according: bool = False  # an "according to X" cue
    verb_class: str = "speech"  # the cue list's kind of its word: speech, belief, finding or object


def words(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each token's part of speech, lower case and lower-case lemma, read once per document for
    every stage (``doc_index``): the stage tests every word for a cue and makes a spaCy Token only
    for the few that may be one."""
    return strings_of(doc, "POS"), strings_of(doc, "LOWER"), lower_lemmas(doc)


def cue_lemma(token: Token, lemmas: frozenset[str]) -> str | None:
    """The lemma under which ``token`` is in ``lemmas``, or None.

    The tagger's lemma, or the word less its "d" where the lemmatiser clipped an "-ed" form
    ("hoped" -> "hop": 'Mr. Clarke hoped electric utilities would be able to count his credits').
    """
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return lemma
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed") and word[:-1] in lemmas:
        return word[:-1]
    return None


@cache
def _verb_classes() -> dict[str, str]:
    """Cue verb lemma -> its class; a speech verb keeps "speech" whatever else lists it (made
    once: every sentence asks it; read only)."""
    cues = load_cues()
    classes: dict[str, str] = {}
    for kind in ("stance", "object", "finding", "belief", "verb"):  # later kinds win
        for entry in cues.get(kind, frozenset()):
            classes[entry.split()[0]] = "speech" if kind == "verb" else kind
    return classes


def speaker_head(verb: Token) -> Token | None:
    """The subject of a speech verb, looking through coordination and participle clauses."""
    verbs = load_cues().get("verb", frozenset())
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    child = verb.head  # "a diplomat who said ...": the diplomat
                return child if same_paragraph(child, verb) else None
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.lemma_.lower() in verbs:
                head = head.head  # "said that X is Y and assured that ...": coordinated with "said"
            verb, seen = head, seen + 1
            continue
        return None
    return None


def _clause(head: Token) -> tuple[int, int]:
    """Char offsets of a clause's subtree, without a leading complementiser and edge punctuation.

    A speech verb the parser hung off the clause ("said that X is Y and assured that ...") ends it,
    with the conjunction before it, and so does a trailing via phrase ("..., citing Reuters").
    """
    cues = load_cues()
    verbs, via = cues.get("verb", frozenset()), cues.get("via", frozenset())
    limit = head.right_edge.i + 1
    for child in head.children:
        if child.i < head.i:
            continue
        if child.dep_ == "conj" and child.lemma_.lower() in verbs:
            joints = [t.i for t in head.children if t.dep_ == "cc" and head.i < t.i < child.i]
            limit = min(limit, child.left_edge.i, *joints)
        elif (child.pos_ == "VERB" and _is_via_use(child, via)) or child.lower_ == "according":
            limit = min(limit, child.left_edge.i)
    limit = min(limit, _aside(head))
    tokens = [t for t in head.subtree if t.i < limit and same_paragraph(t, head)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
        tokens.pop()
    if not tokens:
        return head.idx, head.idx + len(head.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _aside(head: Token) -> int:
    """Where the writer's own aside at the end of a clause starts (the index of the comma or dash
    before it), or past the clause's end when it has none. An aside is a non-restrictive relative
    clause, an appositive or a participle set off by a comma or a dash: 'critics say resources could
    be better spent in partnership with NATO, the existing military alliance that includes ...',
    'attacked other candidates on stage for accepting his personal donations, which he said were
    accompanied by leverage', 'likened the rules to "burning the Constitution" - a charge that might
    have stung'. PolNeAR leaves them out of what the source said."""
    limit = head.right_edge.i + 1
    subtree = list(head.subtree)
    last_word = max((t.i for t in subtree if not t.is_punct), default=-1)
    for token in subtree:
        if token.i <= head.i or token.left_edge.i - 1 <= head.i:
            continue
        before = token.doc[token.left_edge.i - 1]
        if before.text not in _ASIDE_MARKS or _inside_quotation(head.doc[head.sent.start : before.i].text):
            continue  # quoted words are the speaker's: '“for the sake of peace, guaranteeing security,”'
        if token.right_edge.i < last_word:
            continue  # the clause goes on: "a task force, which would include the military, to crack down"
        if token.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in (*token.children, *token.head.children)):
            continue  # a list: "tax fairness, the closure of loopholes ... and ..."
        aside = token.dep_ == "relcl" or (token.dep_ == "appos" and before.text != ",") or (
            token.dep_ in ("advcl", "acl") and token.tag_ == "VBG")
        if aside and not (token.dep_ == "relcl" and before.text == "," and token.left_edge.lower_ == "that"):
            limit = min(limit, before.i)
    return limit


def _inside_quotation(text: str) -> bool:
    """Whether a stretch of text ends inside quotation marks it opened."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break separates two tokens (the parser sometimes links across paragraphs):
    none in the text from the first one's start to the second one's end."""
    low, high = sorted((a.i, b.i))
    before, through = line_breaks(a.doc)
    return through[high] == before[low]


def _host_clause(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts, without the cue's own words."""
    own = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in own and same_paragraph(t, verb)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc")):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSING_MARKS:
        tokens.pop()
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _content_of(verb: Token) -> tuple[int, int] | None:
    """Char offsets of what a speech verb reports, or None when it reports no clause."""
    via = load_cues().get("via", frozenset())
    # a clause after the verb before one in front of it: 'While he acknowledged funding was a major
    # reason ..., Ham also noted several “intangibles” left him further disillusioned'
    children = sorted(verb.children, key=lambda c: c.i < verb.i)
    for child in children:
        if child.dep_ in _CONTENT_DEPS and same_paragraph(child, verb):
            if _is_via_use(child, via):  # 'said X, Reuters reported': X hangs on "reported"
                inner = [c for c in child.children if c.dep_ in _CONTENT_DEPS and c.i < child.i]
                return _clause(inner[0]) if inner else None
            return _clause(child)
    if verb.lemma_.lower() in load_cues().get("verb", frozenset()):
        for child in verb.children:
            # 'Trump said after the convention he would not accept Cruz's endorsement': a clause with
            # a subject and no subordinator that the parser made an adverbial of the speech verb
            if (child.dep_ == "advcl" and child.i > verb.i and same_paragraph(child, verb)
                    and any(c.dep_ in _SUBJECT_DEPS for c in child.children)
                    and not any(c.dep_ in ("mark", "advmod") and c.i < child.i for c in child.children)):
                return _clause(child)
        for child in verb.children:
            # "People like Scott, he said.": a fragment the parser could not place, set off before the cue
            if (child.dep_ == "dep" and child.i < verb.i and same_paragraph(child, verb)
                    and child.right_edge.i + 1 < verb.i and child.doc[child.right_edge.i + 1].text == ","):
                return _clause(child)
    to_clause = load_cues().get("to-clause", frozenset()) | load_cues().get("belief", frozenset())
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i and cue_lemma(verb, to_clause):
            return _clause(child)  # "promised to cut taxes", "urged Congress to act", "wants to"
    if verb.dep_ == "parataxis" and same_paragraph(verb, verb.head):
        return _host_clause(verb)  # "X, he said, Y": the sentence the cue interrupts
    if verb.lemma_.lower() == "accuse":
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ in ("pcomp", "pobj")]
                return _clause(objects[0] if objects else child)
    return None


def _object_content(verb: Token) -> tuple[int, int] | None:
    """What a speech act reports by its object: "called half of Trump's supporters “deplorables”"
    (the object and its complement), "called for the complete repeal of Obamacare" (the phrase
    after a preposition the cue list names with the verb), or None."""
    entries = load_cues().get("object", frozenset()) | load_cues().get("stance", frozenset())
    lemma = cue_lemma(verb, frozenset(e.split()[0] for e in entries))
    if lemma is None:
        return None
    parts: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or not same_paragraph(child, verb):
            continue
        if child.dep_ in ("dobj", "oprd") and lemma in entries:
            parts.append(child)
        elif child.dep_ == "prep" and (f"{lemma} {child.lower_}" in entries
                                       or (parts and child.lower_ in _OBJECT_PREDICATES)):
            parts.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    if not parts:
        return None
    start, end = _clause(parts[0]), _clause(parts[-1])
    return start[0], end[1]


def _with_coordinated(verb: Token, content: tuple[int, int], cues: frozenset[str]) -> tuple[int, int]:
    """The content stretched over what the parser hung on the cue verb but coordinated with the
    content: 'She wants to triple the size of the AmeriCorps program, grow the Peace Corps and create
    a new national service reserve program' ("grow" and "create" are parsed as conjuncts of
    "wants"), 'Many said they had misgivings about Mrs. Clinton, but could not bear to insult Mr.
    Obama'. A conjunct of the cue's own form ("said X and left") or with a subject of its own is
    the speaker's next act, and a cue word is a cue of its own ("said X and added Y"); a second
    "that" clause ("agreed that X but that Y") is content whatever its form."""
    end = content[1]
    for child in verb.children:
        if child.dep_ != "conj" or child.idx < end or not same_paragraph(child, verb):
            continue
        second_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        own_subject = any(c.dep_ in _SUBJECT_DEPS for c in child.children)
        if not second_that and (own_subject or child.tag_ == verb.tag_ or cue_lemma(child, cues)):
            break
        stop = child.right_edge
        while stop.i > child.i and (stop.is_punct and stop.text not in CLOSING_MARKS):
            stop = stop.nbor(-1)
        end = max(end, stop.idx + len(stop.text))
    return content[0], end


def cites_content(verb: Token) -> bool:
    """"Clinton cited derogatory comments Trump had made about Machado": a via verb whose object is
    what is attributed (a common noun that names no outlet and no informant), not an outlet."""
    cues = load_cues()
    if cue_lemma(verb, cues.get("object", frozenset())) is None:
        return False
    outlets = cues.get("media", frozenset()) | cues.get("role", frozenset()) | cues.get("informant", frozenset())
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return bool(objects) and objects[0].pos_ == "NOUN" and objects[0].lemma_.lower() not in outlets


def _is_via_use(verb: Token, via: frozenset[str]) -> bool:
    """"reported by Efe", "he quoted RT", "citing RT": the verb names an outlet, not speech."""
    if verb.lemma_.lower() not in via or cites_content(verb):
        return False
    if verb.lemma_.lower() != "report":
        return True
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not clauses or (verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)):
        return True
    # 'Erdogan said X, Reuters reported': the parser may hang X on "reported" and "reported" on "said"
    speech = load_cues().get("verb", frozenset()) - {"report"}
    return verb.head.lemma_.lower() in speech and all(c.i < verb.i for c in clauses)


def _unsaid(verb: Token) -> bool:
    """"did not say whether", "declined to say", "no one has said": a cue that reports that
    nothing was said."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for s in subjects for d in s.children):
        return True
    if any(s.lower_ in ("nobody", "none", "neither") for s in subjects):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse")


def _to_the_reader(verb: Token, subject: Token | None) -> bool:
    """A question or a request the writer puts to the reader, which attributes nothing: "Do you know
    where your candidate's tax returns are?", "Now tell us this isn't a witch hunt of the highest
    order!" (a cue in a question whose subject is "you", or an imperative)."""
    if subject is not None and subject.lower_ == "you" and verb.sent.text.rstrip().endswith("?"):
        return True
    return subject is None and verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _raised(verb: Token) -> bool:
    """"Obama's veto is expected to come before Friday": a passive whose subject belongs to the
    to-infinitive; no one named holds the belief, and the subject is not its holder."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and any(c.dep_ == "xcomp" for c in verb.children)


def _reported(verb: Token, lemmas: frozenset[str]) -> bool:
    """Whether the verb lies in what another cue reports: 'Mr. Rubio said he finally believes Obama
    was born in the United States' attributes the belief inside Rubio's words, not beside them."""
    node = verb
    while node.head.i != node.i:
        head = node.head
        links = _NESTING_DEPS if node.i != verb.i else _CONTENT_LINKS
        if node.dep_ in links and head.pos_ == "VERB" and cue_lemma(head, lemmas):
            return True
        node = head
    return False


def _noun_cue(noun: Token) -> Cue | None:
    """A noun whose "that" clause its holder said, believes or documented: "Donald Trump's claim that
    there have been thousands of shootings in Chicago", "a New York Times report that Donald Trump
    had a net loss". The holder is the possessor or a proper-noun modifier, else the subject of the
    verb the noun is the object of ("Trump made the claim that ..."); with no holder, no cue. The
    parser may call the clause relative; "that" as its marker (not its subject) says it is not."""
    cues = load_cues()
    lemma = noun.lemma_.lower()
    classes = {"said-noun": "speech", "belief-noun": "belief", "document": "finding"}
    verb_class = next((c for kind, c in classes.items() if lemma in cues.get(kind, frozenset())), None)
    if verb_class is None:
        return None
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not clauses or not same_paragraph(clauses[0], noun):
        return None
    holder = next((c for c in noun.children if c.dep_ == "poss"
                   or (c.dep_ == "compound" and c.pos_ == "PROPN")), None)
    if holder is None and noun.dep_ == "dobj":
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if holder is None:
        return None
    if holder.dep_ == "compound":  # "a New York Times report": the name the noun's modifiers make
        while holder.head.i != noun.i:
            holder = holder.head
    return Cue(noun.idx, noun.idx + len(noun.text), noun, holder, _clause(clauses[0]), verb_class=verb_class)


def _in_source(token: Token) -> Token | None:
    """The poll a clause reports "in": 'In the previous Washington Post/ABC News national poll,
    conducted in early September, Clinton led Trump by 5 percentage points among likely voters',
    'she did not receive a bump in one of the first post-debate polls'. Read as "according to" the
    poll: the rest of the sentence is what it found. Only an "in" phrase of the clause's verb."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    polls = load_cues().get("poll", frozenset())
    for noun in (c for c in token.children if c.dep_ == "pobj"):
        if noun.lemma_.lower() in polls:
            return noun
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            inner = [c for c in of.children if c.dep_ == "pobj" and c.lemma_.lower() in polls]
            if inner:
                return inner[0]  # "in one of the first post-debate polls"
    return None


def find_cues(sentence: SpacySpan) -> list[Cue]:
    """The attribution cues of one sentence, in order: speech verbs (with or without a content
    clause), "according to", and belief, finding and object verbs that report a content."""
    cues = load_cues()
    verbs, via = cues.get("verb", frozenset()), cues.get("via", frozenset())
    classes = _verb_classes()
    lemmas = frozenset(classes)
    nouns = cues.get("said-noun", frozenset()) | cues.get("belief-noun", frozenset()) | cues.get(
        "document", frozenset())
    doc = sentence.doc
    pos, lowers, lemma_of = words(doc)
    found: list[Cue] = []
    for i in range(sentence.start, sentence.end):
        if not (pos[i] in ("VERB", "AUX") or (pos[i] == "NOUN" and lemma_of[i] in nouns)
                or lowers[i] in ("in", "according")):
            continue  # no cue, of any kind below, without making the Token
        token = doc[i]
        lemma = cue_lemma(token, lemmas) if token.pos_ in ("VERB", "AUX") else None
        if lemma is not None and token.dep_ != "amod":
            verb_class = classes[lemma]
            if _is_via_use(token, via) or (verb_class == "speech" and _unsaid(token)):
                continue  # a belief denied is still one: "No one expected a full 90 minutes of ..."
            if verb_class != "speech" and (_raised(token) or _reported(token, lemmas)):
                continue
            content = _content_of(token) or _object_content(token)
            if content is not None:
                content = _with_coordinated(token, content, lemmas)
            if content is None and lemma not in verbs:
                continue  # only a speech verb cues the quoted words near it without a clause
            subject = speaker_head(token)
            if subject is None and verb_class != "speech":
                continue  # a belief no one holds: "Expect Western countries to criticize Moscow"
            if _to_the_reader(token, subject):
                continue
            found.append(
                Cue(token.idx, token.idx + len(token.text), token, subject, content, verb_class=verb_class)
            )
        elif token.pos_ == "NOUN" and (cue := _noun_cue(token)) is not None:
            found.append(cue)
        elif (source := _in_source(token)) is not None:
            found.append(Cue(token.idx, token.idx + len(token.text), token, source, None, according=True))
        elif token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            to = token.nbor()
            objects = [c for c in to.children if c.dep_ == "pobj"]
            found.append(
                Cue(token.idx, to.idx + 2, token, objects[0] if objects else None, None, according=True)
            )
    return found
