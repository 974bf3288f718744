"""Raw bytes to text: refuse binary files by name, then UTF-8, a declared charset, or a detected one.

Pages and files arrive as bytes of unknown encoding. Decoding is decided here once, so that every
later offset is an offset into one well-defined ``str``.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["SURROGATE", "byte_order_mark", "clean_characters", "decode", "decode_declared", "refuse_binary",
           "replace_surrogates"]

# Leading bytes of the binary formats people feed a news reader by mistake, and what to call them.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 4096
# Share of control characters (other than tab, newline, form feed, carriage return) above which
# bytes are not text in any encoding: text has almost none, binary formats have many.
_MAX_CONTROL_SHARE = 0.05
# charset_normalizer's "chaos" (0 = clean text, 1 = noise) above which its guess is not trusted;
# a Latin-1 or Windows-1252 article scores 0.0-0.05, random bytes 0.3 and more.
_MAX_CHAOS = 0.2
# How many valid non-ASCII UTF-8 characters per invalid sequence make bytes UTF-8 with a few bad
# bytes (replaced by U+FFFD) rather than another encoding (see _mostly_utf8).
MIN_VALID_PER_INVALID = 4
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"""
                       rb"""|^<\?xml[^>]+encoding=["']([A-Za-z0-9_.-]+)""", re.I)
# The C0 and C1 controls and DEL that are not whitespace (str.isspace): tab to carriage return,
# the separators 0x1c-0x1f and NEL (0x85) are, and stay.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate: no character, and no UTF-8 holds one
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def refuse_binary(name: str, head: bytes | str) -> None:
    """Raise InputError when the content is a PDF, an archive, an image or other binary data."""
    if isinstance(head, str):
        if _mostly_control(head[:_SNIFF]):
            raise InputError(name, "binary content, not text or HTML")
        head = head[:16].encode("utf-8", "replace")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(name, f"{what}, not text or HTML")


def clean_characters(text: str) -> str:
    """``text`` without characters no text holds: control characters that are not whitespace (NUL,
    BEL, ESC, DEL, C1 controls) are dropped, and lone surrogates become U+FFFD.

    Controls carry no text, and inside a word ("Pu\\x00tin") they split it for the tokenizer; tab,
    newline, form feed and the other whitespace controls stay, as whitespace. A lone surrogate is
    not a character at all (no UTF-8 holds one: hashing and storing the text would fail); only a
    ``str`` built in Python has them, never decoded bytes.
    """
    return replace_surrogates(_NOT_TEXT.sub("", text))


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate made U+FFFD, as undecodable bytes are."""
    return SURROGATE.sub("\ufffd", text)


def byte_order_mark(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names ("utf-8-sig", "utf-16", "utf-32"), or None."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def decode(name: str, data: bytes) -> str:
    """The text in ``data``: BOM, else UTF-8, else UTF-8 with a few bad bytes replaced by U+FFFD,
    else the page's declared charset, else a confident guess."""
    if not data.strip():
        raise InputError(name, "empty input")
    refuse_binary(name, data)
    encoding = byte_order_mark(data)
    if encoding is not None:
        text = _strict(name, data, encoding)
        if not text.strip():
            raise InputError(name, "empty input (only a byte-order mark)")
        if _mostly_control(text[:_SNIFF]):
            raise InputError(name, "binary content, not text or HTML")
        return text
    head = data[:_SNIFF]
    if _mostly_control(head):
        raise InputError(name, "binary content, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", "replace")
    declared = _declared_charset(head)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; detection below decides
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(name, "not UTF-8 and the encoding could not be detected")
    # Where the bytes read the same in several code pages, an English article's is Windows-1252.
    if "cp1252" in best.could_be_from_charset:
        return data.decode("cp1252")
    return str(best)


def decode_declared(data: bytes, charset: str | None) -> str | None:
    """``data`` decoded with a charset declared outside it (an HTTP header), or None to decode it as any
    other bytes (``decode``) because the declaration is missing or the bytes contradict it.

    A declaration is followed only when the bytes carry no byte-order mark (the mark wins, as in
    browsers); are not UTF-8 text already (valid UTF-8 without a NUL byte: a server's default
    "ISO-8859-1" or a wrong "utf-16" is a common lie, while text in any other encoding, UTF-16 and
    UTF-32 included, is all but never valid UTF-8 without NULs); decode without error; and give text
    with no more control characters than text has (8-bit bytes read as UTF-16, or UTF-16 read as
    8-bit, are full of them).
    """
    if not charset or byte_order_mark(data) is not None or (b"\0" not in data and _is_utf8(data)):
        return None
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if _mostly_control(text[:_SNIFF]) else text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_control(head: bytes | str) -> bool:
    """True when more than _MAX_CONTROL_SHARE of ``head`` are control characters: not text."""
    if isinstance(head, str):
        controls = sum(head.count(c) for c in _CONTROL.decode("latin-1"))
    else:
        controls = sum(head.count(c) for c in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * len(head)


def _mostly_utf8(data: bytes) -> bool:
    """True when UTF-8 with a few bad bytes, which are then better replaced than the whole text misread.

    Counted over the non-ASCII characters: those that decode as UTF-8 must outnumber the invalid
    sequences MIN_VALID_PER_INVALID to one. Text in another encoding is far below that: a single-byte
    code page (Latin-1, Windows-1252, -1251) almost never forms a valid UTF-8 sequence (that takes a
    capital accented letter followed by a symbol byte), and Chinese in GBK, the double-byte encoding
    that forms most by chance, reaches about one valid to three invalid. UTF-8 with a handful of
    stray bytes (a cut-and-paste, a truncated download) has its dozens of quotes, dashes and accents
    valid.
    """
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # less the U+FFFD written as such
    valid = len(text) - len(text.encode("ascii", "ignore")) - invalid
    return valid >= MIN_VALID_PER_INVALID * invalid


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"starts with a {encoding} byte-order mark but is not {encoding} "
                               f"({exc.reason})") from None
