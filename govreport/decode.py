"""Bytes → str, the first stage of the pipeline.

Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), strict UTF-8, then GB18030
(a superset of GBK and GB2312, the encodings of older Chinese web pages). The BOM is not part of
the decoded text. UTF-16 and UTF-32 need their BOM.

Mixed encodings: a file that is not UTF-8 as a whole but holds UTF-8 text (pages in two encodings
glued together by a crawler) is decoded line by line: a line that is valid UTF-8 and reads as
UTF-8 text (most of its non-ASCII characters outside U+0080–U+07FF, where GBK byte pairs that
happen to be valid UTF-8 land) is UTF-8, any other line GB18030. ``parse`` reports such input
with a ``mixed_encoding`` diagnostic. Lines end at ``\\n``, a byte that neither encoding uses
inside a character.

Bytes valid in none of them raise :class:`~govreport.errors.DecodeError` with the byte offset
and line of the first byte that cannot be decoded — under UTF-8 when the line holds UTF-8 text
before it, else under GB18030.
"""

from __future__ import annotations

import codecs

import attrs

from .errors import DecodeError

__all__ = ["MIXED", "Decoded", "decode", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACKS = ("utf-8", "gb18030")
#: the encoding name of a text decoded line by line from UTF-8 and GB18030
MIXED = "utf-8+gb18030"


@attrs.frozen
class Decoded:
    """A decoded input: ``text``, the ``encoding`` (``MIXED`` for line-by-line decoding) and,
    when mixed, the character ranges ``[(start, end), …]`` of the lines decoded as GB18030."""

    text: str
    encoding: str
    gb18030_lines: tuple[tuple[int, int], ...] = ()
    line_count: int = 0


def decode(data: bytes | bytearray | memoryview) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``."""
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def decode_bytes(data: bytes | bytearray | memoryview) -> Decoded:
    """Decode ``data`` (see the module documentation)."""
    raw = bytes(data)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                line = raw.count(b"\n", 0, offset) + 1 if encoding == "utf-8" else None
                where = f"byte offset {offset}" + (f" (line {line})" if line else "")
                raise DecodeError(
                    f"bytes after the {encoding} byte-order mark are not valid {encoding}: "
                    f"invalid byte(s) {_show(raw, offset)} at {where}",
                    offset=offset,
                    encodings=(encoding,),
                    line=line,
                ) from None
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if raw[: utf8_error.start].isascii():  # no UTF-8 text before the first non-UTF-8 byte
        try:
            return Decoded(raw.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            pass
    return _by_line(raw)


def _by_line(raw: bytes) -> Decoded:
    """Decode each line as UTF-8 or GB18030 (see the module documentation)."""
    pieces: list[str] = []
    gb_lines: list[tuple[int, int]] = []
    utf8_lines = 0
    byte_pos = 0
    char_pos = 0
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, 1):
        if line.isascii():
            text = line.decode("ascii")
        elif (utf8 := _line(raw, line, byte_pos, number)) is not None:
            text = utf8
            utf8_lines += 1
        else:
            text = line.decode("gb18030")  # checked by _line
            gb_lines.append((char_pos, char_pos + len(text)))
        pieces.append(text)
        byte_pos += len(line) + 1
        char_pos += len(text) + 1
    text = "\n".join(pieces)
    if not utf8_lines:
        return Decoded(text, "gb18030")
    if not gb_lines:
        return Decoded(text, "utf-8")  # pragma: no cover - the whole input would be UTF-8
    return Decoded(text, MIXED, tuple(gb_lines), len(lines) - (lines[-1] == b""))


def _line(raw: bytes, line: bytes, byte_pos: int, number: int) -> str | None:
    """The line decoded as UTF-8, or ``None`` when it is GB18030; neither → DecodeError."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        non_ascii = sum(1 for c in text if c > "\x7f")
        two_byte = sum(1 for c in text if "\x7f" < c < "\u0800")
        if two_byte * 2 <= non_ascii:
            return text
        try:
            line.decode("gb18030")
        except UnicodeDecodeError:
            return text
        return None
    try:
        line.decode("gb18030")
    except UnicodeDecodeError as exc:
        if line[: utf8_error.start].isascii():
            offset, encoding = exc.start, "gb18030"
        else:  # UTF-8 text before the bad byte: the line is UTF-8
            offset, encoding = utf8_error.start, "utf-8"
        offset += byte_pos
        raise DecodeError(
            f"cannot decode input as {' or '.join(_FALLBACKS)}: invalid byte(s) "
            f"{_show(raw, offset)} at byte offset {offset} (line {number}, read as {encoding})",
            offset=offset,
            encodings=_FALLBACKS,
            line=number,
        ) from None
    return None


def _show(raw: bytes, offset: int) -> str:
    return raw[offset : offset + 4].hex(" ")
