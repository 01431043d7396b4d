"""Bytes → str, the first stage of the pipeline.

Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), strict UTF-8, then GB18030
(a superset of GBK and GB2312, the encodings of older Chinese web pages). Bytes valid in none of
them raise :class:`~govreport.errors.DecodeError` naming the offset of the first bad byte under
UTF-8. The BOM is not part of the decoded text.
"""

from __future__ import annotations

import codecs

from .errors import DecodeError

__all__ = ["decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FALLBACKS = ("utf-8", "gb18030")


def decode(data: bytes | bytearray | memoryview) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``."""
    raw = bytes(data)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"bytes after the {encoding} byte-order mark are not valid {encoding} "
                    f"at byte offset {exc.start + len(bom)}",
                    offset=exc.start + len(bom),
                    encodings=(encoding,),
                ) from None
    first_error: UnicodeDecodeError | None = None
    for encoding in _FALLBACKS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None
    offset = first_error.start
    bad = raw[offset : offset + 4].hex(" ")
    raise DecodeError(
        f"cannot decode input as {' or '.join(_FALLBACKS)}: invalid byte(s) {bad} "
        f"at byte offset {offset}",
        offset=offset,
        encodings=_FALLBACKS,
    )
