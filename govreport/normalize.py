"""Normalisation: one stage of the pipeline, a chain of named steps with an exact offset map.

Each step takes a text and returns ``(new_text, deleted_runs)``: it may delete runs of characters
and replace single characters by single characters, nothing else. That keeps every step's
:class:`~govreport.offsets.OffsetMap` exact, and the maps compose into one map from the
normalised text back to the input. Normalisation is idempotent.

Steps, in order (``STEPS``; pass ``steps=`` to choose):

``newlines``
    ``\\r\\n`` → ``\\n``; lone ``\\r``, U+2028/2029 and U+0085 → ``\\n``.
``zero_width``
    Deletes zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen, LRM/RLM). A line holding
    nothing but such characters between two lines of text is a *soft break* left by a web page
    (Wikisource splits paragraphs this way): the break is deleted and the two lines join.
``pinyin``
    Deletes pinyin annotations after a Han character: ``領(lǐng)`` → ``領``, also inside
    numerals: ``二(èr)、`` → ``二、``. Toneless syllables such as ``們(men)`` are removed only
    when the text carries tone-marked annotations too.
``script``
    Traditional → simplified with OpenCC ``t2s``, only when the text is in traditional script
    (a simplified text passes through unchanged). OpenCC's ``t2s`` keeps code-point length; a line
    where it would not is converted character by character.
``width``
    Full-width digits, letters and symbols → ASCII; U+3000, NBSP and other spaces (U+001C–001F
    and U+1680 included: every ``str.isspace`` character but tab, form feed, vertical tab and
    line breaks) → space; the
    ASCII marks ``, ; : ! ? ( )`` next to Han characters → their full-width forms (Chinese
    typography keeps full-width punctuation), so ``(一)`` and ``（一）`` read the same.
``unwrap``
    Deletes line breaks *inside* a paragraph: before a line that starts with punctuation that
    cannot start a paragraph (``》，。``…), after a line that ends with an opening bracket, between
    consecutive lines of a text whose paragraphs are separated by blank lines (Wikisource's
    link-split lines, titles split over two lines), and between the lines of a hard-wrapped (PDF)
    text. Never next to a heading, salutation or boilerplate line. In a hard-wrapped text, the
    page furniture of a page break between two lines that run on (a page number on a line of
    its own, and a line that stands beside page numbers at two breaks or more: the running
    header or footer) is deleted with the line break; it stays in the source span of the leaf
    that holds the joined lines.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from array import array
from collections.abc import Callable, Sequence

import attrs
import regex

from . import patterns, vocabulary
from .offsets import OffsetMap

__all__ = [
    "STEPS",
    "NormalizedText",
    "Step",
    "detect_script",
    "normalize",
]

Deletions = list[tuple[int, int]]
Step = Callable[[str], tuple[str, Deletions]]


@attrs.frozen
class NormalizedText:
    """The normalised text, the map back to the input, and what the steps found."""

    text: str
    source: str
    map: OffsetMap = attrs.field(eq=False, repr=False)
    script: str
    applied: tuple[str, ...]
    pinyin_removed: int = 0

    def to_source(self, pos: int) -> int:
        """Source offset of normalised offset ``pos``."""
        return self.map(pos)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised range ``[start, end)``."""
        return self.map(start), self.map(end)

    def to_normalized(self, pos: int) -> int:
        """Normalised offset of source offset ``pos`` (the inverse of :meth:`to_source`)."""
        return self.map.inverse(pos)


# --------------------------------------------------------------------------- steps


def _delete_runs(text: str, runs: Deletions) -> tuple[str, Deletions]:
    """``text`` without the (sorted, non-overlapping) runs."""
    if not runs:
        return text, []
    parts = []
    last = 0
    for start, end in runs:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts), runs


def _sub_deleting(pattern: re.Pattern[str] | regex.Pattern[str],
                  text: str) -> tuple[str, Deletions]:
    """Delete every match of ``pattern``."""
    return _delete_runs(text, [m.span() for m in pattern.finditer(text)])


_CR = regex.compile(r"\r(?=\n)")
_NEWLINE_LIKE = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def newlines(text: str) -> tuple[str, Deletions]:
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text, []
    out, runs = _sub_deleting(_CR, text)
    return out.translate(_NEWLINE_LIKE), runs


#: a tag (closed on its line) or a space entity: markup left in text copied from a web page
_MARKUP = regex.compile(
    rf"(?:{patterns.HTML_TAG.pattern})(?<=>)|&(?i:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288);")


def markup(text: str) -> tuple[str, Deletions]:
    """Delete the tags and space entities of markup left in text (``<p>``, ``<strong>``,
    ``&nbsp;``), when there are at least ``patterns.HTML_MIN_TAGS`` tags: a text copied from a
    web page with its markup. (A whole page is better read with ``html.html_to_text``, which
    also drops scripts and styles; the ``html_input`` diagnostic says so.)"""
    if patterns.first_html_tag(text) is None:
        return text, []
    return _sub_deleting(_MARKUP, text)


_ZW = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
#: a line of nothing but zero-width characters between two lines (with the line break before
#: it and the one after), or a run of them elsewhere. One character class leads the pattern, so
#: the stdlib ``re`` scans for it fast; ``regex`` would try the alternation at every position.
_ZERO_WIDTH = re.compile(
    rf"[\n{_ZW}](?:(?<=[^\n]\n)[{_ZW}]+\n(?=[^\n])|(?<=[{_ZW}])[{_ZW}]*)")


def zero_width(text: str) -> tuple[str, Deletions]:
    if not any(c in text for c in _ZW):
        return text, []
    return _sub_deleting(_ZERO_WIDTH, text)


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = (
    rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{_TONED}]{{1,3}}(?:ng|n|r)?"
)
#: an annotation after a Han character, and any repeated right after it (領(lǐng)(lǐng)):
#: removing the first alone would leave the second after the character (not idempotent).
#: Each repetition starts with a bracket, so the repeat cannot backtrack into itself.
_PINYIN_TONED = regex.compile(
    rf"(?<=\p{{Han}})(?:[(（](?=[a-zü{_TONED}]*[{_TONED}])(?:{_SYLLABLE})[)）])++"
)
_PINYIN_ANY = regex.compile(
    rf"(?<=\p{{Han}})(?:[(（](?:(?=[a-zü{_TONED}]*[{_TONED}]){_SYLLABLE}"
    rf"|(?=[a-zü]{{2}}){_SYLLABLE})[)）])++"
)
#: with at least this many tone-marked annotations a text is "annotated" and toneless
#: syllables such as 們(men) are annotations too
_ANNOTATED_TEXT = 3


def pinyin(text: str) -> tuple[str, Deletions]:
    if "(" not in text and "（" not in text:
        return text, []
    if not any(c in text for c in _TONED):  # str searches, far faster than a regex scan
        return text, []  # no tone-marked annotation, so no annotation is removed
    toned = 0
    for _ in _PINYIN_TONED.finditer(text):
        toned += 1
        if toned >= _ANNOTATED_TEXT:
            return _sub_deleting(_PINYIN_ANY, text)
    if not toned:
        return text, []
    return _sub_deleting(_PINYIN_TONED, text)


# --- script


@functools.cache
def _opencc() -> object:
    import opencc

    return opencc.OpenCC("t2s")


#: lone surrogates (a ``str`` decoded with ``surrogateescape``/``surrogatepass``)
_SURROGATES = re.compile("([\ud800-\udfff]+)")


def _t2s(text: str) -> str:
    convert = _opencc().convert  # type: ignore[attr-defined]
    try:
        return convert(text)  # type: ignore[no-any-return]
    except UnicodeEncodeError:
        pass
    # OpenCC takes UTF-8, which cannot hold lone surrogates: convert around them (encoding
    # fails before any conversion, and costs less than a search for them first)
    return "".join(piece if i % 2 else convert(piece)
                   for i, piece in enumerate(_SURROGATES.split(text)))


@functools.cache
def _traditional() -> dict[str, str]:
    """Han characters that ``t2s`` changes on their own → their simplified form."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)] + [chr(c) for c in range(0x3400, 0x4DC0)]
    converted = _t2s("\n".join(chars)).split("\n")
    return {a: b for a, b in zip(chars, converted, strict=True) if len(b) == 1 and a != b}


@functools.cache
def _traditional_pattern() -> re.Pattern[str]:
    """A character class of the traditional-only characters.

    Counting is by deletion (``len(s) - len(pattern.sub("", s))``): the stdlib ``re`` compiles
    a class into a bitmap and deletes at C speed, several times faster than ``str.translate``
    with a dict table, which looks every character up in the dict.
    """
    return re.compile("[" + "".join(sorted(_traditional())) + "]")


#: UTF-16 high bytes of U+3400–U+9FFF (CJK Extension A, the hexagrams, CJK Unified Ideographs)
_IDEOGRAPH_HIGH_BYTES = bytes(range(0x34, 0xA0))
_HEXAGRAMS = re.compile("[\u4dc0-\u4dff]")  # inside that range but not ideographs


def _count_han(text: str) -> int:
    """Characters of ``text`` in U+3400–U+4DBF or U+4E00–U+9FFF, counted on the high bytes of
    its UTF-16 code units (bytes deletion, at C speed; surrogates have high bytes D8–DF)."""
    high = text.encode("utf-16-be", "surrogatepass")[::2]
    count = len(high) - len(high.translate(None, _IDEOGRAPH_HIGH_BYTES))
    if b"\x4d" in high:  # U+4Dxx: subtract the hexagram symbols U+4DC0–U+4DFF
        count -= len(_HEXAGRAMS.findall(text))
    return count


_LATIN_WORD = regex.compile(r"[A-Za-z]{2,}")  # regex scans this class faster than re
#: share of Han characters that must be traditional-only for the text to count as traditional
TRADITIONAL_SHARE = 0.05
_SAMPLE = 6_000  # characters looked at from the start and from the middle of a long text


def detect_script(text: str) -> str:
    """``zh-Hant``, ``zh-Hans``, ``en`` (Latin words, few Han) or ``mixed`` (both)."""
    if len(text) > 2 * _SAMPLE:
        mid = len(text) // 2
        sample = text[:_SAMPLE] + text[mid : mid + _SAMPLE]
    else:
        sample = text
    han = _count_han(sample)
    if han == 0:
        return "en" if _LATIN_WORD.search(sample) else "zh-Hans"
    # count traditional-only characters only as far as the verdict needs: a simplified text
    # has (next to) none, a traditional one reaches the share within its first lines. The
    # matches are counted at C speed, up to the one that reaches the share (or 3)
    needed = max(3, math.ceil(TRADITIONAL_SHARE * han))
    if next(itertools.islice(_traditional_pattern().finditer(sample), needed - 1, None), None):
        return "zh-Hant"
    # a Latin word is at least two ASCII letters: with no more ASCII characters than Han ones
    # there cannot be more than han / 2 words
    if len(sample.encode("ascii", "ignore")) <= han:
        return "zh-Hans"
    latin = len(_LATIN_WORD.findall(sample))
    if latin * 2 > han:
        return "mixed"
    return "zh-Hans"


def script(text: str) -> tuple[str, Deletions]:
    return _to_simplified(text, detect_script(text))


def _to_simplified(text: str, found: str) -> tuple[str, Deletions]:
    if found != "zh-Hant":
        return text, []
    out = _t2s(text)
    if len(out) == len(text):
        return out, []
    # rare: a phrase table entry changed length; convert those lines character by character
    table = _traditional()
    src_lines = text.split("\n")
    lines = []
    for line in src_lines:
        conv = _t2s(line)
        if len(conv) != len(line):
            conv = "".join(table.get(c, c) for c in line)
        lines.append(conv)
    return "\n".join(lines), []


# --- width

_FOLD = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
for _keep in "！（），：；？":
    del _FOLD[ord(_keep)]
#: every other character that ``str.isspace`` calls a space, except the layout controls tab,
#: vertical tab and form feed (``patterns.SPACE``) and line breaks (the ``newlines`` step)
_FOLD.update({c: " " for c in (0x3000, 0x00A0, 0x202F, 0x205F, *range(0x2000, 0x200B),
                               *range(0x1C, 0x20), 0x1680)})
_WIDTH_TABLE = str.maketrans(_FOLD)
_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
#: ``\p{Han}`` (Script=Han) of the ``regex`` module spelt out as a class for the stdlib ``re``
#: (tests/test_width.py checks every code point)
_HAN_CLASS = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
)
_FOLD_CLASS = "".join(re.escape(chr(c)) for c in sorted(_FOLD))
#: an ASCII mark (just read) that stays half-width: not after a Han character (``(`` never
#: turns for the character before it) and not before one (nor does ``)`` for the one after)
_MARK_STAYS = rf"(?<![{_HAN_CLASS}][,;:!?)])(?:(?<=\))|(?![{_HAN_CLASS}]))"
#: the width pass of a text without ASCII marks: the runs of characters to fold (stdlib ``re``
#: scans a plain character class several times faster than ``regex``, and ``[…][…]*`` faster
#: than ``[…]+``)
_FOLD_PASS = re.compile(rf"([{_FOLD_CLASS}][{_FOLD_CLASS}]*)")


@functools.cache
def _width_pass() -> re.Pattern[str]:
    """The width pass of a text with ASCII marks, which splits it at the runs of characters
    to fold and at the ASCII marks that stay: every ASCII mark left between them turns
    full-width. In Chinese text nearly every mark turns, so that is a ``str.replace`` at C
    speed, not a decision in Python per mark. One character class leads the pattern, which
    lets the stdlib ``re`` scan for it fast. No character folds to an ASCII mark or to Han, so
    a mark's neighbours are Han in the folded text exactly where they are Han in the input:
    folding and turning marks commute. (Compiled when first needed: the Han class takes the
    stdlib ``re`` a few milliseconds.)"""
    return re.compile(
        rf"([,;:!?(){_FOLD_CLASS}](?:(?<=[{_FOLD_CLASS}])[{_FOLD_CLASS}]*|{_MARK_STAYS}))")


#: a full stop typed as ASCII after a Han character (or 5%, or a closing quote after Han),
#: before Han, a digit, a quote, a
#: bracket, a space or the line end: the sentence end 。 (not after a numeral: 一.经济 is a
#: heading numeral; not in 1.5, which has a digit before it)
_ASCII_STOP = regex.compile(
    r"(?=\.)(?<=[^\P{Han}一二三四五六七八九十]|%|\p{Han}[\"”’」』）)])"
    r"\.(?=\p{Han}|\d|[ \t\"“”(（]|$)",
    regex.MULTILINE,
)


def width(text: str) -> tuple[str, Deletions]:
    ascii_chars = text.encode("ascii", "ignore")  # (few in Chinese text: quick to look through)
    marks = [(mark, full) for mark, full in _TO_FULL.items() if ord(mark) in ascii_chars]
    # text, a run to fold (or a mark that stays), text, …
    pieces = (_width_pass() if marks else _FOLD_PASS).split(text)
    # (a mark that stays is no key of the table)
    pieces[1::2] = [run.translate(_WIDTH_TABLE) for run in pieces[1::2]]
    for mark, full in marks:  # every such mark in the text between them turns
        pieces[::2] = [piece.replace(mark, full) for piece in pieces[::2]]
    out = "".join(pieces)
    if "." in out:
        out = _ASCII_STOP.sub("。", out)
    return out, []


# --- unwrap

_STRUCTURAL = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十]{1,3}(?:部分|[，、：])"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?![\d.])|[IVX]{1,5}[.．、] "
    r"|[㈠-㈩⑴-⒇⒈-⒛]|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[,:])"
)
#: back-matter headings, which stand on their own lines like part titles
_BACK_HEADING = regex.compile(r"名词解释|结束语|^附件|^附录")
_CLOSED_END = regex.compile(r"[。！？!?；;…:：][”’」』）)]*$")
#: ``)坚持民生为本…`` — a subsection heading whose numeral lost all but its bracket
_TRUNCATED_HEADING = regex.compile(r"[）)][ \t]*\p{Han}[^。！？!?；;\n]{2,46}$")


def _truncated_heading_after(prev: str, nxt: str) -> bool:
    """``)坚持民生为本…`` after a finished sentence that left no bracket open: a subsection
    heading that lost its numeral, not the end of a parenthesis."""
    if not _TRUNCATED_HEADING.match(nxt) or prev.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS:
        return False
    return prev.count("（") + prev.count("(") <= prev.count("）") + prev.count(")")


def _structural(line: str, chrome: bool = True) -> bool:
    """A line that is its own block: a heading, salutation, bare part title or (``chrome``)
    web chrome."""
    if not line:
        return True
    if _STRUCTURAL.match(line) or patterns.SALUTATION.fullmatch(line):
        return True
    if len(line) <= 40 and not _CLOSED_END.search(line) and (
        _BACK_HEADING.search(line) or vocabulary.names_part(line)
    ):
        return True  # a part title without its numeral (vocabulary.py), or back matter
    return chrome and _is_chrome(line)


_SENTENCE_ENDS = "。！？!?；;…:："
#: 各位代表： / Fellow Deputies, — a salutation with its punctuation leads a paragraph
_SALUTATION_LEAD = regex.compile(rf"{patterns.SALUTATION_WORDS}[ \t]*[,，:：!！]")
_CLOSERS = "”’」』）)]"
#: the first word of a line of Latin text (where word wrapping would have broken)
_FIRST_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]*")


def _is_chrome(line: str) -> bool:
    """Web chrome or page furniture (pagers, page numbers, source lines)."""
    return len(line) <= patterns.BOILERPLATE_MAX_LEN and any(
        rule.search(line) for _, rule in patterns.BOILERPLATE_RULES)


def _chrome_lines(stripped: list[str], filled: Sequence[int],
                  is_chrome: Callable[[str], bool] = _is_chrome) -> int:
    """How many lines are chrome: they are no part of the text's wrapping either way."""
    return sum(1 for i in filled if is_chrome(stripped[i]))


#: a PDF page's number on a line of its own: - 12 -, — 12 —, 12, 第12页
_PAGE_NUMBER = regex.compile(
    r"[-—–－]?[ \t]*\d{1,4}[ \t]*[-—–－]?|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d+[ \t]*页)?")
#: a running header or footer is at most this long
_RUNNING_LINE = 40


def _page_furniture(stripped: list[str]) -> set[int]:
    """The lines of a PDF's page furniture: page numbers on lines of their own, and the lines
    that stand next to a page number at two page breaks or more (a running header or footer:
    东岳市人民政府工作报告). One pass over the lines."""
    numbers = [i for i, line in enumerate(stripped)
               if line and len(line) <= 12 and _PAGE_NUMBER.fullmatch(line)]
    if len(numbers) < 2:
        return set(numbers) if numbers else set()
    beside: dict[str, list[int]] = {}
    for i in numbers:
        for j in (i - 1, i + 1):
            if 0 <= j < len(stripped) and stripped[j] and len(stripped[j]) <= _RUNNING_LINE \
                    and not _PAGE_NUMBER.fullmatch(stripped[j]):
                beside.setdefault(stripped[j], []).append(j)
    running = {j for places in beside.values() if len(places) >= 2 for j in places}
    return set(numbers) | running


#: a line of one or two characters (not a heading numeral, not web chrome): the first line,
#: and any other with the line break before it, which stdlib ``re`` scans for at C speed (a
#: pattern led by ``^`` is tried at every position of the text)
_FIRST_NARROW_LINE = re.compile(r"[ \t]*\S{1,2}[ \t]*$", re.MULTILINE)
_NARROW_LINE = re.compile(r"\n([ \t]*\S{1,2}[ \t]*)$", re.MULTILINE)
#: this many narrow lines in a row (blank lines between allowed) are text wrapped at a width
#: of a character or two (vertical text or a narrow table column in a PDF), never a report's
#: own line structure
_NARROW_RUN = 8


def _narrow_lines(text: str) -> str:
    """``text`` with the line breaks inside each run of :data:`_NARROW_RUN` or more narrow
    lines made spaces (one line, same length): one paragraph, not thousands of blocks of a
    character each. One match at a time: memory does not grow with the run."""
    runs: list[tuple[int, int]] = []
    first = last = -1
    count = 0
    first_line = _FIRST_NARROW_LINE.match(text)
    spans = itertools.chain([first_line.span()] if first_line else [],
                            (m.span(1) for m in _NARROW_LINE.finditer(text)))
    for start, end in spans:
        line = text[start:end].strip()
        # a heading numeral on a line of its own (一、 / 1.), its title on the next line, is
        # the outline's, and joined to other lines it would read as a heading; a web page's
        # menu (首页 / 登录 …) is chrome line by line: either ends a run
        narrow = not (_STRUCTURAL.match(line) or _is_chrome(line))
        if narrow and count and text.count("\n", last, start) == start - last:
            count, last = count + 1, end  # only line breaks since the previous narrow line
            continue
        if count >= _NARROW_RUN:
            runs.append((first, last))
        first, last, count = start, end, int(narrow)
    if count >= _NARROW_RUN:
        runs.append((first, last))
    return _breaks_to_spaces(text, runs)


def _breaks_to_spaces(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the line breaks inside the (sorted, disjoint) ``spans`` made spaces:
    the same length, so no offset moves; built from pieces (no list of every character)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(text[start:end].replace("\n", " "))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def unwrap(text: str) -> tuple[str, Deletions]:
    if "\n" not in text:
        return text, []
    text = _narrow_lines(text)
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    # (per line: the offsets, the filled lines and their widths in arrays, not lists of int
    # objects and a dict: a text of many short lines, issue 14, item 7)
    starts = array("q", itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    # blank-line separated paragraphs, or a hard-wrapped text with a typical line length?
    chrome: dict[str, bool] = {}  # the lines asked about (a line may be asked three times)

    def is_chrome(line: str) -> bool:
        known = chrome.get(line)
        if known is None:
            known = chrome[line] = _is_chrome(line)
        return known

    filled = array("q", (i for i, line in enumerate(stripped) if line))
    gaps = sum(1 for a, b in itertools.pairwise(filled) if b - a > 1)
    blank_separated = len(filled) >= 3 and gaps * 2 >= len(filled) - 1
    # widths in display columns: a hard-wrapped line is full in width, and a line with
    # digits or Latin letters holds more characters than one of Han characters only; the
    # indentation of a paragraph's first line is part of its width
    # (two columns for each character of indentation: a Chinese paragraph indent is 　　,
    # which the width step has folded to ASCII spaces)
    columns = array("q", bytes(8 * len(lines)))  # (0 for a blank line)
    for i in filled:
        line = lines[i].rstrip()
        indent = len(line) - len(stripped[i])
        columns[i] = 2 * len(line) - len(line.encode("ascii", "ignore")) + indent
    # the typical width is that of the lines that break mid-sentence (what hard wrapping
    # leaves); lines of equal width that end a sentence (a list of 一是…。) are no evidence,
    # nor are numbered headings (parallel titles have equal lengths)
    lengths: dict[int, int] = {}
    for i in filled:
        w = columns[i]
        if stripped[i].rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS \
                and not _STRUCTURAL.match(stripped[i]):
            lengths[w] = lengths.get(w, 0) + 1
    wrap_width = 0

    def full(a: int) -> bool:
        """Line ``a`` reaches the margin: it is within two columns of the wrap width, or
        the next line's first word (Latin text wraps between words) would not have fitted
        after it."""
        if columns[a] >= wrap_width - 2:
            return True
        word = _FIRST_WORD.match(stripped[a + 1]) if a + 1 < len(stripped) else None
        return word is not None and columns[a] + 1 + len(word.group()) > wrap_width

    if lengths and not blank_separated:
        width_, _ = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
        open_near = sum(c for w, c in lengths.items() if abs(w - width_) <= 2)
        # the widest of the typical widths: indented first lines (a folded 　　 indent is two
        # columns narrower) may be the most common
        widest = max(w for w in lengths if abs(w - width_) <= 2)
        wrap_width = width_
        near = sum(1 for i in filled if columns[i] <= width_ + 2 and full(i))
        # wrapped: hardly a line is wider than the margin (many lines of one width among
        # wider paragraphs are a page's menus and links, or parallel titles), and most lines
        # are at it, or most of the lines that break off mid-sentence are (a short text with
        # many headings and paragraphs of a line or two)
        wider = sum(1 for i in filled if columns[i] > widest + 6)  # (an indent: 4)
        if not (widest >= 32 and open_near >= 5 and wider * 10 <= len(filled) and (
            near * 2 >= len(filled)
            or open_near * 2 >= sum(lengths.values())
            or near * 2 >= len(filled) - _chrome_lines(stripped, filled, is_chrome)
        )):
            wrap_width = 0
    runs: Deletions = []
    spaces: list[tuple[int, int]] = []  # line breaks that become spaces (same length)
    def joins(a: int, b: int) -> bool:
        """Line ``a`` runs on into line ``b`` (the next line, or the first after the page
        furniture of a page break)."""
        prev, nxt = stripped[a], stripped[b]
        # OPENS_LINE is one character before the end: search only the last position
        join = bool((patterns.CONTINUES_LINE.match(nxt) and not _TRUNCATED_HEADING.match(nxt))
                    or patterns.OPENS_LINE.search(prev, len(prev) - 1))
        if not join and blank_separated:
            # link-split lines of a page: chrome may join chrome (a licence split by links)
            join = not (_structural(prev, chrome=False) or _structural(nxt, chrome=False))
        elif not join and wrap_width and full(a):
            # a hard-wrapped text: a full line continues unless the next line is indented,
            # or the full line ends a sentence and the next is a short line that ends none
            # (not the last line of a paragraph: a title that lost its numeral). A heading
            # line that reaches the margin is a heading running into its paragraph
            # (（一）标题。正文…) and continues too.
            if _STRUCTURAL.match(prev):
                # a numbered heading that fills the line wraps onto the next, even where
                # that reads like a title of its own (…，全面 / 加强自身建设)
                starts_anew = bool(_STRUCTURAL.match(nxt) or is_chrome(nxt)
                                   or patterns.SALUTATION.fullmatch(nxt))
            else:
                starts_anew = (_structural(nxt, chrome=False) or is_chrome(nxt)
                               or _truncated_heading_after(prev, nxt))
            join = lines[b][:1] not in " \t" and not (is_chrome(prev) or starts_anew)
            if join and prev.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS and (
                (columns[b] < wrap_width - 2 and nxt.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS)
                or _SALUTATION_LEAD.match(nxt)
            ):
                # after a sentence end, a new paragraph starts with 各位代表： (the closing),
                # and a short line that ends no sentence is no paragraph's last line
                join = False
        if not join and wrap_width and len(nxt) <= 24 \
                and prev.rstrip(_CLOSERS)[-1:] not in _SENTENCE_ENDS \
                and not (_STRUCTURAL.match(nxt) or is_chrome(nxt)) \
                and (_STRUCTURAL.match(prev) or len(prev) <= 30) \
                and vocabulary.splits_word(prev, nxt):
            # a heading wrapped short of the margin (a title set larger than the body) whose
            # break falls inside a word: 二、…总体要求、主要预 / 期目标和重点任务; across a page
            # break, a title that lost its numeral too (…全面加强政府 / - 2 - / 自身建设…)
            join = True
        return join

    # a PDF's page breaks: the page number and the running header or footer between two lines
    # that run on are deleted with the line break (the text on either side is one paragraph)
    furniture = _page_furniture(stripped) if wrap_width else set()
    skip_to = -1
    for a, b in itertools.pairwise(filled):
        if a < skip_to:
            continue
        if b != a + 1:
            continue  # a blank line: always a paragraph break
        if b in furniture and a not in furniture:
            c = b
            while c < len(stripped) and (c in furniture or not stripped[c]):
                c += 1
            if c < len(stripped) and joins(a, c):
                start = starts[a] + len(lines[a])
                runs.append((start, starts[c]))
                skip_to = c
            continue
        if joins(a, b):
            start = starts[a] + len(lines[a])  # the "\n" after line a
            if stripped[a][-1:].isascii() and _FIRST_WORD.match(stripped[b]):
                spaces.append((start, start + 1))  # between two words of Latin text: a space
            else:
                runs.append((start, start + 1))
    return _delete_runs(_breaks_to_spaces(text, spaces), runs)


STEPS: dict[str, Step] = {
    "newlines": newlines,
    "markup": markup,
    "zero_width": zero_width,
    "pinyin": pinyin,
    "script": script,
    "width": width,
    "unwrap": unwrap,
}


def normalize(text: str, steps: Sequence[str | Step] | None = None) -> NormalizedText:
    """Run the normalisation steps (default: all of ``STEPS`` in order) over ``text``.

    ``steps`` may name steps of ``STEPS`` or give callables with the same signature; an unknown
    name raises ``ValueError`` listing the valid ones.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes str, not {type(text).__name__}")
    chosen: list[tuple[str, Step]] = []
    for step in STEPS if steps is None else steps:
        if isinstance(step, str):
            if step not in STEPS:
                raise ValueError(f"unknown step {step!r}; valid steps: {', '.join(STEPS)}")
            chosen.append((step, STEPS[step]))
        else:
            chosen.append((getattr(step, "__name__", "custom"), step))
    current = text
    total = OffsetMap.identity(len(text))
    applied: list[str] = []
    found_script = "zh-Hans"
    pinyin_removed = 0
    for name, step in chosen:
        before = current
        if step is script:
            found_script = detect_script(current)
            current, deleted = _to_simplified(current, found_script)
        else:
            current, deleted = step(current)
        if deleted:
            total = total.compose(OffsetMap.from_deletions(len(before), deleted))
            if name == "pinyin":
                pinyin_removed = len(deleted)
        if deleted or (current is not before and current != before):
            applied.append(name)
    if "script" not in STEPS or all(n != "script" for n, _ in chosen):
        found_script = detect_script(current)
    # a deletion may bring a high and a low lone surrogate together (…\ud83d\u200f\ude00…):
    # JSON could not keep them apart in a leaf's text (same length, so the map holds)
    current = patterns.unpair_surrogates(current)
    return NormalizedText(
        text=current,
        source=text,
        map=total,
        script=found_script,
        applied=tuple(applied),
        pinyin_removed=pinyin_removed,
    )
