"""Hypothesis strategies for hostile inputs, shared by the fuzz tests and ``fuzz/run.py``.

Every input parser gets text built from the same pieces: real news sentences (wire copy of the kind
diplograph codes), random Unicode of every category, the characters that break readers (control and
zero-width characters, line and paragraph separators, right-to-left marks and overrides, combining
marks, BOMs, NULs), unbalanced quotes and brackets, huge lines and deep nesting.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

__all__ = [
    "FETCH_REFUSED_URLS",
    "NEWS_SENTENCES",
    "any_text",
    "date_phrases",
    "feed_documents",
    "html_documents",
    "jsonl_documents",
    "news_text",
    "publication_values",
    "published_dates",
    "refused_urls",
    "settings_files",
    "sniff_inputs",
    "surrogate_text",
    "url_texts",
]

# Real-looking wire sentences: sources, targets, quotes, dates and places for every stage to read.
NEWS_SENTENCES = (
    "Russian President Vladimir Putin said on Tuesday that Colombia is a “promising partner of Russia "
    "in Latin America”.",
    "MOSCOW (Reuters) - Russia accused the United States on Monday of fuelling the war in Ukraine.",
    "Turkish troops shelled Kurdish positions in northern Syria overnight, a monitoring group said.",
    "The European Union agreed to impose new sanctions on Iran over its nuclear programme.",
    "“We will not negotiate under threats,” Foreign Minister Sergey Lavrov told reporters in Geneva.",
    "Police in Nairobi fired tear gas at thousands of protesters demanding lower food prices.",
    "China and Pakistan signed an agreement in Beijing on June 19 to expand economic cooperation.",
    "Israel’s army said it had arrested 12 suspected militants in raids across the West Bank last week.",
    "North Korea fired two ballistic missiles into the sea off its east coast, Seoul’s military said.",
    "Petro told the United Nations General Assembly on Tuesday that “the war on drugs has failed.”",
    "The US government has provided more than $10 billion in aid to the country since 2000.",
    "(CNN Spanish) — Venezuela’s opposition called for talks with the government in Mexico City.",
    "Germany will send air defence systems to Kyiv next month, the defence ministry said in a statement.",
    "According to a Quinnipiac poll, most voters believe the president mishandled the crisis.",
    "Hamas rejected the proposal, saying it did not meet the demands of the Palestinian people.",
    "By Jane Doe and John Roe | Reuters",
    "Reporting by Dmitry Antonov; Editing by Alex Richardson",
)

# Characters that break readers, each named by what it does.
_HOSTILE_CHARS = (
    [chr(c) for c in range(0x00, 0x20)] + ["\x7f", "\x85", "\xa0", "\xad"]  # C0 controls, DEL, NEL, NBSP, SHY
    + [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space/joiners, LRM, RLM
    + ["\u2028", "\u2029"]  # line and paragraph separators
    + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]  # bidi embeddings, isolates
    + ["\ufeff", "\ufffd", "\ufffe", "\uffff", "\U0010ffff", "\u061c"]  # BOM, replacement, non-characters, ALM
    + ["\u0301", "\u0308", "\u20dd", "\u0489"]  # combining marks
    + list("\"'“”‘’«»„‚‹›「」()[]{}<>&;#%\\/|*_~`") + ["—", "–", "…"]
    + ["א", "ש", "ל", "ו", "م", "ر", "ح", "ب", "ا", "中", "文", "한", "🇺", "🇦", "👍", "\U0001f3fd"]
)

_any_char = st.characters(exclude_categories=("Cs",))
_char = st.one_of(st.sampled_from(_HOSTILE_CHARS), _any_char)
_NEWLINES = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n \n")
_UNBALANCED = ("“", "”", "\"", "'", "‘", "(", ")", "[", "]", "{", "«", "<", "</", "(“", "”)", "\"\"\"")

any_text = st.text(_char, max_size=300)
surrogate_text = st.text(st.characters(categories=("Cs",)), min_size=1, max_size=3)


@st.composite
def _mangled_sentence(draw: st.DrawFn) -> str:
    """A news sentence with hostile characters put inside it, or cut short."""
    sentence = draw(st.sampled_from(NEWS_SENTENCES))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(sentence)))
        sentence = sentence[:at] + draw(st.text(_char, min_size=1, max_size=4)) + sentence[at:]
    if draw(st.booleans()):
        sentence = sentence[: draw(st.integers(0, len(sentence)))]
    return sentence


@st.composite
def _huge_line(draw: st.DrawFn, max_chars: int) -> str:
    """One line of up to ``max_chars`` characters: a sentence, a word or noise repeated, no newline."""
    unit = draw(st.one_of(st.sampled_from(NEWS_SENTENCES), st.sampled_from(("a", "“", "(", " ", "Putin ", "—")),
                          st.text(_char, min_size=1, max_size=8)))
    unit = unit.replace("\n", " ") or "x"
    return unit * max(1, draw(st.integers(1, max_chars)) // len(unit))


def _pieces(max_line: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NEWS_SENTENCES),
        st.sampled_from(NEWS_SENTENCES),
        _mangled_sentence(),
        st.text(_char, max_size=40),
        st.sampled_from(_NEWLINES),
        st.sampled_from(_UNBALANCED),
        _huge_line(max_line),
    )


@st.composite
def news_text(draw: st.DrawFn, max_pieces: int = 12, max_line: int = 3000) -> str:
    """Real news sentences spliced with noise, newlines of every kind, unbalanced quotes and long lines."""
    parts = draw(st.lists(_pieces(max_line), max_size=max_pieces))
    glue = draw(st.sampled_from((" ", "\n\n", "\n", "", "\r\n")))
    text = glue.join(parts)
    if draw(st.booleans()):
        text = draw(st.sampled_from(("\ufeff", "\x00", "\u202e", "\u200b"))) + text
    return text


_NEWS_OR_NOISE = st.one_of(news_text(), any_text)


# -- HTML -----------------------------------------------------------------------------------------

_TAGS = ("div", "p", "span", "article", "section", "b", "i", "a", "table", "tr", "td", "ul", "li", "font")
_RAW_HTML = (
    "<!-- unclosed comment", "<![CDATA[ x ]]>", "<script>var a = '</p>';</script>", "<style>p{}</style>",
    "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#1114112;", "&#x110000;", "&bogus;", "&", "<p", "</div></div>",
    "<img src=x onerror=alert(1)>", "<a href='http://127.0.0.1/x\">", "<meta charset=\"utf-16\">",
    "<meta charset=\"x-nonsense\">", "<?xml version='1.0' encoding='ebcdic'?>", "<!DOCTYPE html [<!ENTITY x 'y'>]>",
    "<title>", "</title>", "<br/>", "<p dir=\"rtl\">\u202eخبر</p>", "<svg><p>", "<noscript><p>",
)


@st.composite
def _html_body(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<p>{draw(_NEWS_OR_NOISE)}</p>")
        elif kind == 1:
            parts.append(draw(st.sampled_from(_RAW_HTML)))
        elif kind == 2:
            tag = draw(st.sampled_from(_TAGS))
            depth = draw(st.integers(1, 3000))
            closed = draw(st.booleans())
            inner = draw(st.sampled_from(NEWS_SENTENCES))
            parts.append(f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else ""))
        else:
            parts.append(draw(any_text))
    return "".join(parts)


@st.composite
def html_documents(draw: st.DrawFn) -> str | bytes:
    """Pages from well-formed to broken: deep or unclosed nesting, bad entities, stray declarations."""
    title = draw(st.one_of(st.none(), st.sampled_from(NEWS_SENTENCES), any_text))
    head = f"<head><title>{title}</title></head>" if title is not None else ""
    page = f"{draw(st.sampled_from(('<!DOCTYPE html>', '', '<html>')))}<html>{head}<body>{draw(_html_body())}"
    if draw(st.booleans()):
        page += "</body></html>"
    how = draw(st.sampled_from(("str", "utf-8", "bom", "utf-16", "latin-1")))
    if how == "str":
        return page
    if how == "utf-8":
        return page.encode("utf-8")
    if how == "bom":
        return b"\xef\xbb\xbf" + page.encode("utf-8")
    if how == "utf-16":
        return page.encode("utf-16")
    return page.encode("latin-1", "replace")


# -- JSONL ----------------------------------------------------------------------------------------

_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(_char, max_size=30))
_json_value = st.recursive(
    _json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)


@st.composite
def _jsonl_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 6))
    if kind <= 2:  # a document line, its fields of any type
        record: dict[str, object] = {}
        field = draw(st.sampled_from(("text", "html", "body")))
        record[field] = draw(st.one_of(news_text(), st.sampled_from(NEWS_SENTENCES), _json_value))
        for key in draw(st.lists(st.sampled_from(("url", "title", "outlet", "published", "id", "extra")),
                                 max_size=4, unique=True)):
            record[key] = draw(st.one_of(_json_value, st.dates().map(str), st.sampled_from(
                ("2022-09-21", "Tue, 21 Sep 2022 10:00:00 GMT", "0001-01-01", "yesterday", "http://127.0.0.1/"))))
        return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == 3:  # deep nesting
        depth = draw(st.integers(1, 200_000))
        opener = draw(st.sampled_from(("[", '{"a":')))
        return (opener * depth).encode()
    if kind == 4:  # valid JSON that is no object
        return json.dumps(draw(_json_value)).encode()
    if kind == 5:  # raw bytes, invalid UTF-8 included
        return draw(st.binary(max_size=60)).replace(b"\n", b" ")
    return draw(any_text).encode("utf-8")


@st.composite
def jsonl_documents(draw: st.DrawFn) -> bytes:
    """JSONL dumps: document lines with fields of every type, deep nesting, bad bytes, mixed newlines."""
    lines = draw(st.lists(_jsonl_line(), min_size=1, max_size=6))
    sep = draw(st.sampled_from((b"\n", b"\r\n", b"\r", b"\n\n")))
    body = sep.join(lines)
    if not body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        body = b'{"text": "' + draw(st.sampled_from(NEWS_SENTENCES)).encode() + b'"}' + sep + body
    return draw(st.sampled_from((b"", b"\xef\xbb\xbf", b"\n"))) + body


# -- feeds ----------------------------------------------------------------------------------------

# Links a feed item may carry that fetch refuses before opening a connection: loopback and private
# addresses written as IP literals (no DNS), malformed hosts, other schemes.
FETCH_REFUSED_URLS = (
    "http://127.0.0.1/", "http://127.0.0.1:1/x", "https://10.0.0.1/a?b=c", "http://[::1]/", "http://0.0.0.0/",
    "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/", "http://192.168.1.1:8080/#frag",
    "http://a..b/", "http://[::1/x", "http:///x", "http://:80/", "http://" + "a" * 64 + ".com/",
    "ftp://127.0.0.1/file", "file:///etc/passwd", "javascript:alert(1)", "mailto:x@y", "", "   ",
    "http://127.0.0.1:99999/", "http://127.0.0.1:-1/", "http://[fe80::1%25eth0]/", "http://user:pw@127.0.0.1/",
)


@st.composite
def refused_urls(draw: st.DrawFn) -> str:
    """One of the refused spellings, sometimes with a hostile path or query added."""
    url = draw(st.sampled_from(FETCH_REFUSED_URLS))
    if draw(st.booleans()) and "//" in url:
        url += draw(st.text(_char, max_size=20))
    return url


url_texts = st.one_of(refused_urls(), any_text, st.from_regex(r"\A[a-zA-Z+.-]{0,8}:(//)?[^\s]{0,40}\Z"),
                      st.builds(lambda h: f"http://{h}/", any_text))


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def _feed_item(draw: st.DrawFn, atom: bool) -> str:
    title = draw(st.one_of(st.sampled_from(NEWS_SENTENCES), any_text))
    link = draw(refused_urls())
    date = draw(publication_values())
    long_body = " ".join(draw(st.lists(st.sampled_from(NEWS_SENTENCES), min_size=0, max_size=8)))
    body = draw(st.one_of(st.just(long_body), news_text(max_pieces=6, max_line=600)))
    raw = draw(st.booleans())  # markup as such, unescaped, as broken feeds send it
    content = body if raw else _xml_text(body)
    if atom:
        return (f"<entry><title>{_xml_text(title)}</title><link href=\"{_xml_text(link)}\"/>"
                f"<updated>{_xml_text(date)}</updated><content type=\"html\">{content}</content></entry>")
    return (f"<item><title>{_xml_text(title)}</title><link>{_xml_text(link)}</link>"
            f"<pubDate>{_xml_text(date)}</pubDate><content:encoded>{content}</content:encoded></item>")


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """RSS and Atom feeds: items with full or teaser content, refused links, bad dates, DTDs, nesting."""
    atom = draw(st.booleans())
    items = "".join(draw(st.lists(_feed_item(atom), max_size=4)))
    extra = draw(st.sampled_from((
        "", "<!DOCTYPE rss [<!ENTITY x \"xx\">]>", "<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<!-- comment -->")))
    nest = "<x>" * draw(st.integers(0, 50_000))
    if atom:
        doc = f"{extra}<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>{nest}{items}</feed>"
    else:
        doc = (f"{extra}<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
               f"<channel><title>t</title>{nest}{items}</channel></rss>")
    if draw(st.booleans()):
        doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + doc
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(doc)))
        doc = doc[:cut]  # truncated mid-feed
    prefix = draw(st.sampled_from((b"", b"\xef\xbb\xbf", b"  \n")))
    return prefix + doc.encode("utf-8", "surrogatepass")


# -- sniffing -------------------------------------------------------------------------------------

sniff_inputs = st.one_of(
    st.binary(max_size=200), any_text, jsonl_documents(), feed_documents(), html_documents(), news_text(),
    st.text(st.characters(), max_size=50).map(lambda s: s + "\ud800"),
)


# -- dates ----------------------------------------------------------------------------------------

_DATE_WORDS = (
    "on", "in", "at", "during", "by", "from", "of", "the", "early", "late", "mid", "mid-", "end of", "this",
    "last", "next", "past", "coming", "Tuesday", "Saturday", "June", "Sept.", "September", "19", "19th", "2022",
    "0000", "0001", "9999", "99999", "1799", "31", "32", "0", "february 29", "week", "weekend", "month", "year",
    "today", "tonight", "yesterday", "tomorrow", "last night", "morning", "two days ago", "a decade ago",
    "in 3000 years", "10000 days ago", ",", ".", "  ", "recent days",
)


@st.composite
def date_phrases(draw: st.DrawFn) -> str:
    """Temporal phrases as the text gives them, rearranged and spliced with noise."""
    words = draw(st.lists(st.one_of(st.sampled_from(_DATE_WORDS), st.text(_char, max_size=6)), max_size=6))
    return " ".join(words)


published_dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                            st.sampled_from(("0001-01-01", "9999-12-31", "2022-09-21", "2024-02-29")))


@st.composite
def publication_values(draw: st.DrawFn) -> str:
    """Values given as a publication date: feed dates, ISO dates and times, prose, out-of-range years."""
    return draw(st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.isoformat()),
        st.sampled_from(("Tue, 21 Sep 2022 10:00:00 GMT", "Tue, 21 Sep 2022 25:61:00 +9999", "September 21, 2022",
                         "0001-01-01", "0000-00-00", "9999-12-31T23:59:59+14:00", "2022-02-30", "21/09/2022",
                         "yesterday", "1e10", "-1", "2022-09-21\x00", "\u202e2022-09-21", "2022‐09‐21")),
        date_phrases(), any_text,
    ))


# -- settings -------------------------------------------------------------------------------------

_SETTING_KEYS = ("max_bytes", "timeout", "allow_private", "batch_size", "workers", "min_text_chars", "user_agent")
_toml_value = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(str), st.sampled_from(("0", "-1", "1", "nan", "inf", "-inf", "1e308",
                                                               "99999999999999999999", "0x10", "1_000")),
    st.floats().map(lambda f: repr(f).replace("inf", "inf").replace("nan", "nan")),
    st.booleans().map(lambda b: str(b).lower()),
    st.text(_char, max_size=20).map(lambda s: json.dumps(s)),
    st.sampled_from(("[]", "[1, 2]", "{}", "{a = 1}", "1979-05-27", "07:32:00", "\"\"", "'''x'''")),
)


@st.composite
def settings_files(draw: st.DrawFn) -> bytes:
    """A user's settings file: known and unknown keys, values of any TOML type, broken syntax, bad bytes."""
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        known = draw(st.integers(0, 4)) > 0
        key = draw(st.sampled_from(_SETTING_KEYS) if known else st.text(_char, min_size=1, max_size=10))
        lines.append(f"{key} = {draw(_toml_value)}")
    if draw(st.integers(0, 5)) == 0:
        lines.append(draw(any_text))
    text = "\n".join(lines).encode("utf-8", "surrogatepass")
    return draw(st.sampled_from((b"", b"", b"", b"\xef\xbb\xbf", b"\x00", b"\xff"))) + text
