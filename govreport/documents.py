"""Files to text: one input path for ``parse_file``, ``parse_files`` and the command line.

The format is told by the bytes first and by the file name second:

======================  ===========================================================
``.docx`` (a zip with   its paragraphs, Word's automatic numbering rebuilt
``word/document.xml``)  (:mod:`govreport.docx`)
PDF (``%PDF-``)         the text of each page, pages separated by a form feed, with the
                        optional extra ``govreport[pdf]`` (pypdfium2); the unwrapping stage
                        joins the hard-wrapped lines. Without it: :class:`UnsupportedFormat`
``.html`` / ``.htm``    the visible text (:func:`govreport.html.html_to_text`); a name without
                        these suffixes (standard input) that starts like a page is one too
anything else           text: UTF-8, UTF-8/16/32 with BOM, GB18030 (:mod:`govreport.decode`)
======================  ===========================================================

Images, archives, legacy Office files, executables and other binary formats are refused
with :class:`UnsupportedFormat`, which names the format, whatever the file is called (a PNG
renamed ``.txt`` is still a PNG). The spans of a report refer to the text read from the file,
which the report holds as ``Report.text``.
"""

from __future__ import annotations

import os
import re

from .decode import Decoded, decode_bytes
from .errors import UnsupportedFormat

# .docx (zipfile, xml.etree) and HTML (html.parser) are read by modules imported for a file of
# their kind: a text file, the common input, never needs them

__all__ = ["HTML_SUFFIXES", "document_text", "sniff"]

HTML_SUFFIXES = (".html", ".htm")

#: leading bytes → the binary format they start (checked in order)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"BM", "BMP image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (.doc/.xls/.ppt)"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ", "executable (Windows)"),
    (b"{\\rtf", "RTF document"),
    (b"%PDF-", "PDF"),
)


def sniff(data: bytes) -> str | None:
    """The binary format ``data`` starts with (``"PDF"``, ``"PNG image"``, ``"docx"`` …), or
    ``None`` for text. ``BM`` and ``MZ`` count only when a NUL byte follows soon (a text may
    start with those letters)."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if magic in (b"BM", b"MZ") and b"\x00" not in data[:64]:
                continue
            if name == "zip archive":
                from .docx import is_docx

                if is_docx(data):
                    return "docx"
            return name
    return None


def document_text(data: bytes, name: str) -> tuple[str, Decoded | None]:
    """The text of a file's bytes and how they were decoded (``None`` when the text is not the
    bytes' own: HTML, .docx, PDF). :class:`UnsupportedFormat` for a binary format that is not
    read (see the module doc)."""
    kind = sniff(data)
    if kind == "docx":
        from .docx import docx_to_text

        return docx_to_text(data, name=name), None
    if kind == "PDF":
        return _pdf_text(data, name), None
    if kind is not None:
        raise UnsupportedFormat(
            f"{name}: a {kind}, not a report govreport can read (it reads text, .html, .docx "
            "and, with the pdf extra, .pdf)", path=name, format=kind)
    decoded = decode_bytes(data)
    lower = os.fspath(name).lower()
    if lower.endswith(HTML_SUFFIXES) or (not lower.endswith(".txt")
                                         and _HTML_START.match(decoded.text) is not None):
        from .html import html_to_text

        return html_to_text(decoded.text), None
    return decoded.text, decoded


#: how an HTML page starts (a name without a suffix, such as standard input, is sniffed)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def _pdf_text(data: bytes, name: str) -> str:
    try:
        import pypdfium2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise UnsupportedFormat(
            f"{name}: a PDF; reading PDF needs the optional extra: "
            "pip install 'govreport[pdf]' (pypdfium2)", path=name, format="PDF") from None
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnsupportedFormat(f"{name}: a PDF that cannot be opened ({exc})", path=name,
                                format="PDF") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return "\f".join(pages)
    except pypdfium2.PdfiumError as exc:
        raise UnsupportedFormat(f"{name}: a PDF whose text cannot be read ({exc})", path=name,
                                format="PDF") from None
    finally:
        pdf.close()
