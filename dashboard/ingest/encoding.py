"""Bytes to text: UTF-8 first, byte order marks honoured, anything else detected by
charset-normalizer; binary and empty content refused with a reason.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from dashboard.ingest.errors import InputError, warn

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: When charset-normalizer finds several single-byte encodings equally plausible (it often ranks
#: cp1250 first for French or German text), prefer the ones news text most often comes in.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "cp1251", "cp1250", "iso8859_15")
_LATIN_EXTRAS = {
    "General Punctuation",
    "Currency Symbols",
    "Control character",
    "Letterlike Symbols",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: More control characters than this share of the text means it is not text at all.
_MAX_CONTROL_SHARE = 0.01
#: A file that is UTF-8 apart from at most this share of bad bytes is damaged UTF-8, not Latin-1.
_MAX_DAMAGED_SHARE = 0.01
_FEW_BAD_BYTES = 16


def _from_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    return None


def _damaged_utf8(data: bytes, source: str) -> str | None:
    """UTF-8 text with a few invalid bytes: decode it with U+FFFD and say so."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    has_multibyte = any(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)
    if has_multibyte and bad <= max(_FEW_BAD_BYTES, len(data) * _MAX_DAMAGED_SHARE):
        warn(source, f"{bad} invalid UTF-8 byte sequence(s) replaced")
        return text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has its NUL bytes (the high halves of ASCII) on one side."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    enough = len(data) // 2 * 0.3
    if odd >= enough and odd > 4 * even:
        codec = "utf-16-le"
    elif even >= enough and even > 4 * odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str | None:
    """charset-normalizer's best guess, except that any Latin-script guess becomes cp1252.

    On short texts it often ranks cp1250, mac_iceland or cp850 first for plain Western text;
    cp1252 (a superset of Latin-1's printable characters) is what such files almost always are.
    Cyrillic, Greek, Hebrew, CJK … guesses are kept. Cost: Central European cp1250 files lose
    their few letters that differ.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least_chaos + 0.01]
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    best = min(tied, key=lambda m: rank.get(m.encoding, len(rank)))
    if all("Latin" in name or name in _LATIN_EXTRAS for name in best.alphabets):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode article bytes to text; raise InputError for empty or binary content.

    `declared` is an encoding the input announced (HTTP header, HTML meta); it is used when the
    bytes are valid in it and are not plain UTF-8.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    text = _from_bom(data)
    if text is None and b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)  # else binary: NUL bytes are not text
    elif text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _declared(data, declared) or _damaged_utf8(data, source) or _detected(data)
    if text is None or _looks_binary(text):
        raise InputError(source, "binary content, not text")
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


def _declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None
