"""Wire datelines ("BERLIN --", "MOGADISHU, Somalia (AP) --", "KABUL (Pajhwok):"): where a lead starts.

A dateline says where the story was filed. The actors stage reads its names as places, never
actors, and starts a mention after it ("Washington - US President Donald Trump"); the events stage
takes no subject or target from it. Both ask this module, so they agree on where it ends.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["DATELINE_MARKS", "dateline_end", "in_dateline"]

DATELINE_MARKS = frozenset({"--", "—", "–", "-", ":"})
_LONGEST = 12  # tokens: "MOGADISHU, Somalia, March 15 (AP) --" and no more
_ARTICLES = frozenset({"the", "a", "an"})
# a lead may open with a quote, and some wire copy has a quote mark where the dash was lost:
# "WASHINGTON (AP) \" President Donald Trump on Wednesday granted a full pardon"
QUOTE_MARKS = frozenset({'"', "“"})


def dateline_end(sent: Span) -> int | None:
    """The token index of the dash ending a dateline that opens ``sent``, or None when there is none.

    A dateline is a capitalised place (optionally ", country", a date, an agency in parentheses
    or after a comma) then a dash, before the first verb: "BERLIN --", "Washington - US President".
    """
    first = sent[0]
    if not (first.is_title or first.is_upper) or not first.is_alpha:
        return None
    for tok in sent[: min(len(sent), _LONGEST)]:
        if _agency_without_dash(tok, first):
            return tok.i
        # "KABUL (Pajhwok): Afghan forces": the tokenizer keeps "):" as one token
        if (tok.text in DATELINE_MARKS or (tok.text[:1] == ")" and tok.text[1:] in DATELINE_MARKS)) \
                and tok.i > sent.start:
            if tok.i + 1 >= len(tok.doc):
                return None
            if tok.text == "-" and not (tok.whitespace_ and tok.doc[tok.i - 1].whitespace_):
                return None  # "Secretary-General": a hyphen, not the dateline's dash
            nxt = tok.doc[tok.i + 1]
            if tok.text.endswith(":") and not first.is_upper:
                return None
            if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in QUOTE_MARKS):
                return None
            return tok.i
        # "THE HAGUE, Netherlands --" is a place; "The" of a story sentence is not
        if tok.pos_ in {"VERB", "AUX"} or (tok.lower_ in _ARTICLES and not tok.is_upper):
            return None
        if tok.is_alpha and not (tok.is_title or tok.is_upper) and tok.ent_type_ != "DATE":
            return None
    return None


def _agency_without_dash(tok: Token, first: Token) -> bool:
    """Whether ``tok`` closes a one-word agency in parentheses that runs straight into the lead of an
    upper-case dateline: "WASHINGTON (Reuters) The United States imposed", not "ISIS (Islamic State)
    attacked" or "NATO (the alliance) condemned"."""
    doc = tok.doc
    if tok.text != ")" or tok.i < 3 or tok.i + 1 >= len(doc) or not (first.is_upper and len(first) > 2):
        return False
    agency, opening, nxt = doc[tok.i - 1], doc[tok.i - 2], doc[tok.i + 1]
    return (opening.text == "(" and agency.is_alpha and (agency.is_title or agency.is_upper)
            and (nxt.is_title or nxt.text in QUOTE_MARKS) and nxt.pos_ not in ("VERB", "AUX"))


def in_dateline(token: Token) -> bool:
    """Whether ``token`` is in the wire dateline opening its sentence (its dash included)."""
    end = dateline_end(token.sent)
    return end is not None and token.i <= end
