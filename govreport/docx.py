"""Word documents (.docx): the paragraphs as text, with Word's automatic numbering rebuilt.

A report saved as .docx often numbers its parts and chapters with Word's list numbering
(``numbering.xml``) instead of typed numerals. Reading only the runs of each paragraph loses
一、 and （一）, which is exactly the damage the outline would then have to guess back, so the
numbers are rebuilt as Word shows them:

* a paragraph is numbered by its own ``w:numPr`` (``w:numId`` + ``w:ilvl``) or by its style's
  (``styles.xml``, following ``w:basedOn``; a level tied to the style by ``w:pStyle`` in the
  abstract numbering gives the level);
* counters belong to the abstract numbering, so paragraphs of two list instances of one
  abstract numbering count on together; a list instance with a ``w:startOverride`` restarts
  that level where it is first used; counting a level resets the levels below it;
* the number is ``w:lvlText`` with ``%1`` … ``%9`` replaced by the counters in each level's
  format (``chineseCounting`` 一 二 … 十一, ``decimal``, ``upperRoman``,
  ``decimalEnclosedCircle`` ① …; ``w:isLgl`` writes every level in decimal), followed by the
  level's suffix (a tab unless ``w:suff`` says ``space`` or ``nothing``). Bullets are left out.

Paragraphs become lines, in document order (table cells and text boxes included; a text box's
paragraphs come before the paragraph that anchors it, once: the ``mc:Fallback`` copy is
skipped); ``w:tab`` is a tab and ``w:br``/``w:cr`` a line break. Deleted text (``w:delText``),
the old place of moved text (``w:moveFrom``), field codes, headers, footers and notes are not
read. Counters above 3999 are written in decimal. Spans of a report parsed from a .docx refer to
this text (``Report.text``).

The archive is read within limits: a member larger than :data:`MAX_XML_BYTES` once inflated
(a zip bomb; a tenth of it for the numbering and styles), XML with a document type declaration
(entity expansion) and archives that cannot be read (encrypted, unknown compression, corrupt)
are refused with :class:`~govreport.InputRefused`.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO
from xml.etree import ElementTree as ET

import attrs

from .errors import InputRefused

__all__ = ["MAX_XML_BYTES", "docx_to_text", "is_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: markup compatibility: a text box is written twice, as ``mc:Choice`` and as ``mc:Fallback``
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: subtrees whose text a reader does not see once more: the fallback copy of a drawing, the old
#: place of moved text (tracked changes)
_UNSEEN = frozenset({_MC + "Fallback", _W + "moveFrom"})
#: the largest XML member read, inflated (the text of a long report is a few MB of XML); the
#: numbering and style definitions, read whole, get a tenth
MAX_XML_BYTES = 256 * 1024 * 1024
#: counters beyond this are written in decimal (a numbering that starts at 10⁹ in upper Roman
#: would take a billion letters)
_MAX_COUNTER = 3999


def is_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def docx_to_text(data: bytes, *, name: str = "<docx>") -> str:
    """The text of a .docx (see the module doc); :class:`~govreport.InputRefused` when the
    archive or its XML cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            numbering = _Numbering(_root(zf, "word/numbering.xml", name),
                                   _root(zf, "word/styles.xml", name))
            with _member(zf, "word/document.xml", name) as f:
                return "\n".join(_paragraphs(f, numbering, name))
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, NotImplementedError,
            RuntimeError, zlib.error, OSError) as exc:  # unknown compression, encrypted, corrupt
        raise InputRefused(f"{name}: not a readable .docx ({exc})", path=name,
                           reason="damaged docx") from None


class _Bounded(io.RawIOBase):
    """A member of the archive, read up to ``limit`` inflated bytes."""

    def __init__(self, raw: IO[bytes], limit: int, name: str) -> None:
        self.raw, self.left, self.name = raw, limit, name
        self.prolog = b""  # the bytes before the root element, searched for a DOCTYPE
        self.in_prolog = True

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(min(len(buffer), self.left + 1))
        if self.in_prolog:
            self._check_prolog(data)
        self.left -= len(data)
        if self.left < 0:
            raise InputRefused(f"{self.name}: a member of the .docx inflates to more than "
                               f"{MAX_XML_BYTES} bytes", path=self.name, reason="too large")
        buffer[: len(data)] = data
        return len(data)


    def _check_prolog(self, data: bytes) -> None:
        """A document type declaration (entity definitions: Word never writes one) before
        the root element is refused, however much white space or comment comes first."""
        seen = self.prolog[-16:] + data
        root = _ROOT_START.search(seen)
        head = seen if root is None else seen[: root.start()]
        if b"<!DOCTYPE" in head:
            raise InputRefused(f"{self.name}: XML with a document type declaration in a .docx "
                               "(refused: entity expansion)", path=self.name,
                               reason="damaged docx")
        if root is not None or not data:
            self.in_prolog = False
        self.prolog = seen[-16:]


_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _member(zf: zipfile.ZipFile, member: str, name: str,
            limit: int = MAX_XML_BYTES) -> io.BufferedReader:
    return io.BufferedReader(_Bounded(zf.open(member), limit, name))


def _root(zf: zipfile.ZipFile, member: str, name: str) -> ET.Element | None:
    if member not in zf.namelist():
        return None
    with _member(zf, member, name, MAX_XML_BYTES // 10) as f:
        try:
            return ET.parse(f).getroot()
        except ET.ParseError as exc:
            raise InputRefused(f"{name}: {member} is not well-formed XML ({exc})", path=name,
                               reason="damaged docx") from None


def _val(el: ET.Element | None, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` of ``el``."""
    if el is None:
        return None
    child = el.find(_W + tag)
    return None if child is None else child.get(_W + "val")


# --------------------------------------------------------------------------- numbering


@attrs.frozen
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str
    legal: bool


def _level(el: ET.Element) -> _Level:
    start = _val(el, "start")
    return _Level(start=int(start) if start and start.lstrip("-").isdigit() else 1,
                  fmt=_val(el, "numFmt") or "decimal", text=_val(el, "lvlText") or "",
                  suffix={"space": " ", "nothing": ""}.get(_val(el, "suff") or "", "\t"),
                  legal=el.find(_W + "isLgl") is not None)


class _Numbering:
    """The list definitions of ``numbering.xml`` and the style links of ``styles.xml``, with
    the counters of the paragraphs read so far."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_level: dict[tuple[str, str], int] = {}  # (abstract, style) → level
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()  # list instances whose start overrides were applied
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            for style in styles.iter(_W + "style"):
                sid = style.get(_W + "styleId")
                if sid is None:
                    continue
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                self.styles[sid] = (_val(style, "basedOn"), _val(num_pr, "numId"),
                                    _val(num_pr, "ilvl"))

    def _read_numbering(self, root: ET.Element) -> None:
        for ab in root.iter(_W + "abstractNum"):
            aid = ab.get(_W + "abstractNumId") or ""
            levels = {}
            for lvl in ab.iter(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl") or 0)
                levels[ilvl] = _level(lvl)
                style = _val(lvl, "pStyle")
                if style:
                    self.style_level[(aid, style)] = ilvl
            self.abstract[aid] = levels
        for num in root.iter(_W + "num"):
            nid = num.get(_W + "numId") or ""
            starts: dict[int, int] = {}
            levels = {}
            for override in num.iter(_W + "lvlOverride"):
                ilvl = int(override.get(_W + "ilvl") or 0)
                start = _val(override, "startOverride")
                if start and start.isdigit():
                    starts[ilvl] = int(start)
                own = override.find(_W + "lvl")
                if own is not None:
                    levels[ilvl] = _level(own)
            self.nums[nid] = (_val(num, "abstractNumId") or "", starts, levels)

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while style is not None and style not in seen and style in self.styles:
            seen.add(style)
            based_on, num_id, ilvl = self.styles[style]
            if num_id is not None:
                return num_id, ilvl
            style = based_on
        return None, None

    def label(self, num_id: str | None, ilvl: str | None, style: str | None) -> str:
        """The number Word shows before a paragraph ('' for none), counted."""
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        aid, starts, own = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **own}
        if ilvl is None and style is not None:
            level_no = self.style_level.get((aid, style), 0)
        else:
            level_no = int(ilvl) if ilvl and ilvl.isdigit() else 0
        level = levels.get(level_no)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for n, start in starts.items():
                counters[n] = start - 1
        counters[level_no] = counters.get(level_no, levels[level_no].start - 1) + 1
        for deeper in [n for n in counters if n > level_no]:
            del counters[deeper]
        def number(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            lvl = levels.get(n)
            if lvl is None:
                return ""
            value = counters.get(n, lvl.start)
            return _format(value, "decimal" if level.legal and n < level_no else lvl.fmt)
        return _PLACEHOLDER.sub(number, level.text) + level.suffix


_PLACEHOLDER = re.compile(r"%([1-9])")
_CJK_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = str.maketrans("〇一二三四五六七八九十百千", "零壹贰叁肆伍陆柒捌玖拾佰仟")


def _chinese(n: int, *, one_ten: bool = False) -> str:
    """一 … 十 十一 … 九十九 一百 …: Word's chineseCounting (and …Thousand, japanese…);
    ``one_ten`` writes 一十 for ten (the financial numerals: 壹拾, 壹拾壹)."""
    if n <= 0:
        return "〇" if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, unit)
        if d:
            out += ("" if unit == 10 and not out and d == 1 and not one_ten
                    else _CJK_DIGITS[d]) + name
        elif out and n:
            out += "〇" if not out.endswith("〇") else ""
    if n:
        out += _CJK_DIGITS[n]
    return out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def _format(n: int, fmt: str) -> str:
    if n > _MAX_COUNTER:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":  # 壹 贰 叁 … 拾壹: the financial numerals
        return _chinese(n, one_ten=True).translate(_LEGAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CJK_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt in ("ideographTraditional",) and 1 <= n <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "upperRoman" and n > 0:
        return _roman(n)
    if fmt == "lowerRoman" and n > 0:
        return _roman(n).lower()
    if fmt == "upperLetter" and n > 0:
        return _letters(n)
    if fmt == "lowerLetter" and n > 0:
        return _letters(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(f: IO[bytes], numbering: _Numbering, name: str) -> Iterator[str]:
    """The text of each paragraph of ``document.xml``, its number first."""
    stack: list[list[str]] = []  # the text of the open paragraphs, innermost last
    unseen = 0  # depth inside subtrees a reader does not see (_UNSEEN)
    try:
        for event, el in ET.iterparse(f, events=("start", "end")):
            tag = el.tag
            if tag in _UNSEEN:
                unseen += 1 if event == "start" else -1
                continue
            if unseen:
                continue
            if event == "start":
                if tag == _W + "p":
                    stack.append([])
                continue
            if not stack:
                if tag == _W + "body":
                    el.clear()
                continue
            if tag == _W + "t":
                stack[-1].append(el.text or "")
            elif tag == _W + "tab" and not _in_tabs(el):
                stack[-1].append("\t")
            elif tag in (_W + "br", _W + "cr"):
                stack[-1].append("\n")
            elif tag == _W + "noBreakHyphen":
                stack[-1].append("-")
            elif tag == _W + "p":
                parts = stack.pop()
                p_pr = el.find(_W + "pPr")
                num_pr = p_pr.find(_W + "numPr") if p_pr is not None else None
                label = numbering.label(_val(num_pr, "numId"), _val(num_pr, "ilvl"),
                                        _val(p_pr, "pStyle"))
                yield label + "".join(parts)
                el.clear()
    except ET.ParseError as exc:
        raise InputRefused(f"{name}: word/document.xml is not well-formed XML ({exc})",
                           path=name, reason="damaged docx") from None


def _in_tabs(el: ET.Element) -> bool:
    """A ``w:tab`` of a paragraph's tab stops (``w:pPr/w:tabs``) is no character; iterparse
    gives no parent, and a tab stop carries ``w:pos``."""
    return el.get(_W + "pos") is not None
