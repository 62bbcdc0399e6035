"""Bytes → text: UTF-8 first, byte order marks, detected legacy encodings; binary refused."""

from __future__ import annotations

import pytest

from dashboard.ingest import InputError, decode_text

WESTERN = "Près de 200 réfugiés sont arrivés à Noël, a déclaré le ministère — « un record »."
RUSSIAN = "Министр сказал, что погибли более 100 солдат и ещё 300 были ранены."

EXAMPLES = [
    # UTF-8, with and without a byte order mark.
    (WESTERN.encode("utf-8"), WESTERN),
    (b"\xef\xbb\xbf" + WESTERN.encode("utf-8"), WESTERN),
    # UTF-16 and UTF-32 with a byte order mark; UTF-16 without one (NULs on one side).
    (WESTERN.encode("utf-16"), WESTERN),
    (WESTERN.encode("utf-32"), WESTERN),
    (WESTERN.encode("utf-16-le"), WESTERN),
    (WESTERN.encode("utf-16-be"), WESTERN),
    # Legacy single-byte encodings, detected.
    (WESTERN.encode("cp1252"), WESTERN),
    (WESTERN.replace("—", "-").encode("latin-1"), WESTERN.replace("—", "-")),
    (RUSSIAN.encode("cp1251"), RUSSIAN),
    # A declared encoding (HTTP header, HTML meta) is used when the bytes are not UTF-8.
    ("Ça coûte 5 €".encode("iso8859_15"), "Ça coûte 5 €"),
]


@pytest.mark.parametrize("data, text", EXAMPLES, ids=range(len(EXAMPLES)))
def test_decoded(data, text):
    declared = "iso8859_15" if text == "Ça coûte 5 €" else None
    assert decode_text(data, "x", declared) == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b" \r\n\t ", "empty file"),
        ("\n \n".encode("utf-16"), "empty file"),
        (b"Title\x00\x01\x02 binary", "binary content"),
        (bytes(range(256)) * 8, "binary content"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x00\x10\x11", "binary content"),
    ],
)
def test_refused(data, reason):
    with pytest.raises(InputError, match=reason) as info:
        decode_text(data, "in.txt")
    assert info.value.source == "in.txt"
