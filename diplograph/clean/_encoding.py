"""Raw bytes to text: refuse binary files by name, then UTF-8, a declared charset, or a detected one.

Pages and files arrive as bytes of unknown encoding. Decoding is decided here once, so that every
later offset is an offset into one well-defined ``str``.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["decode", "refuse_binary"]

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
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"""
                       rb"""|^<\?xml[^>]+encoding=["']([A-Za-z0-9_.-]+)""", re.I)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def refuse_binary(name: str, head: bytes | str) -> None:
    """Raise InputError when the content is a PDF, an archive, an image or other binary data."""
    if isinstance(head, str):
        head = head[:16].encode("utf-8", "replace")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(name, f"{what}, not text or HTML")


def decode(name: str, data: bytes) -> str:
    """The text in ``data``: BOM, else UTF-8, else the page's declared charset, else a confident guess."""
    if not data.strip():
        raise InputError(name, "empty input")
    refuse_binary(name, data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(name, data, encoding)
    head = data[:_SNIFF]
    if sum(head.count(c) for c in _CONTROL) > _MAX_CONTROL_SHARE * len(head):
        raise InputError(name, "binary content, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
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
