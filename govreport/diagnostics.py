"""The catalogue of diagnostic codes, and the scans that produce text-level diagnostics.

Codes are stable strings; their meaning and default severity are listed in ``CODES`` (and in
``docs/architecture.md``). A diagnostic is data (:class:`~govreport.models.Diagnostic`), never an
exception, unless the caller asks for ``raise_on_error=True``.
"""

from __future__ import annotations

import re

from . import patterns
from .models import Diagnostic, Severity, Span

__all__ = ["CODES", "first_spam", "input_diagnostics", "mixed_encoding", "spam_spans", "where"]

#: code → (default severity, meaning)
CODES: dict[str, tuple[Severity, str]] = {
    # input
    "empty_input": (Severity.WARNING, "the input holds no text (empty, or only white space)"),
    "mixed_encoding": (Severity.WARNING,
                       "the bytes mix UTF-8 and GB18030 lines; each line was decoded on its own"),
    "control_characters": (Severity.WARNING,
                           "control characters such as NUL in the text (binary data, or UTF-16 "
                           "without a byte-order mark); kept as text"),
    "lone_surrogates": (Severity.WARNING,
                        "lone surrogate code points in the str (decoded with surrogateescape?); "
                        "kept as text"),
    "surrogate_pairs": (Severity.WARNING,
                        "a lone high surrogate right before a lone low one, which JSON cannot "
                        "keep apart: both replaced by U+FFFD in the report's text"),
    "html_input": (Severity.WARNING,
                   "HTML source or markup in the text: its tags and space entities are left out "
                   "of the text the outline is read from (they stay in the leaves); convert a "
                   "whole page with govreport.html.html_to_text"),
    # normalisation
    "script_converted": (Severity.INFO, "traditional script converted to simplified (OpenCC t2s)"),
    "pinyin_removed": (Severity.INFO, "pinyin annotations such as 領(lǐng) were removed"),
    "suspected_spam": (Severity.WARNING,
                       "words injected by a re-posting site (gambling, live streams) inside the "
                       "text; kept as text"),
    # structure
    "fragment": (Severity.INFO, "the text starts or ends inside a report"),
    "inferred_boundary": (Severity.INFO,
                          "a heading runs into its body; where the title ends was inferred"),
    "inferred_ordinal": (Severity.WARNING,
                         "a heading's numeral is missing or damaged; its ordinal was inferred "
                         "from its position"),
    "ordinal_gap": (Severity.WARNING, "the numbering skips a number"),
    "inferred_kind": (Severity.INFO,
                      "a part's title does not name its kind; the kind was read from its "
                      "content (with its confidence)"),
    "inferred_level": (Severity.INFO,
                       "a top-level numeral (一、) restarting under a part title without "
                       "numeral was read as a subsection (lost outer numbering)"),
    "demoted_heading": (Severity.INFO,
                        "a line that looks like a heading was read as text (with its "
                        "confidence and the runner-up reading)"),
    "unusual_order": (Severity.INFO, "the outline parts come in an unusual order"),
    "multiple_reports": (Severity.WARNING,
                         "the text holds several reports; use parse_many() to get each"),
    "outline_error": (Severity.ERROR,
                      "internal error: the outline could not be built; the text was kept as "
                      "paragraphs"),
    # extraction
    "garbled_date": (Severity.WARNING, "a meeting date that is not a valid date; left empty"),
    "suspicious_target": (Severity.WARNING,
                          "an expected target written oddly (5%%) or implausible (over 100%); "
                          "extracted as read"),
    "no_outline": (Severity.INFO, "no numbered parts were found; the body is one section"),
}


#: every match of ``patterns.SPAM`` holds one of these words (keep the two in step), so a text
#: without any of them has no spam; stdlib ``re`` finds a literal alternation about three times
#: faster than ``regex`` searches ``SPAM``
_SPAM_WORDS = re.compile(
    "投注|下注|博彩|赌场|百家乐|娱乐城|买球|棋牌|彩票|老虎机|竞猜|押注|真人视讯|初恋直播|成人直播"
)


def first_spam(text: str) -> int | None:
    """Where the first match of ``patterns.SPAM`` in ``text`` starts (``None``: no spam)."""
    if _SPAM_WORDS.search(text) is None:
        return None
    m = patterns.SPAM.search(text)
    return None if m is None else m.start()


def spam_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of suspected injected spam in ``text[start:end]`` (normalised offsets)."""
    return [m.span() for m in patterns.SPAM.finditer(text, start, len(text) if end is None
                                                     else end)]


def where(text: str, pos: int) -> str:
    """``line L, column C`` (1-based) of offset ``pos`` in ``text``, for messages."""
    line_start = text.rfind("\n", 0, pos) + 1
    return f"line {text.count(chr(10), 0, pos) + 1}, column {pos - line_start + 1}"


#: ``CONTROL_CHAR`` or ``LONE_SURROGATE`` (two plain character classes) in one pass of stdlib
#: ``re``, which scans a class about three times faster than ``regex``: most texts have neither
_BROKEN = re.compile(f"{patterns.CONTROL_CHAR.pattern}|{patterns.LONE_SURROGATE.pattern}")


def input_diagnostics(text: str) -> list[Diagnostic]:
    """Diagnostics about the input as a whole (source offsets): control characters, lone
    surrogates, HTML source. Each names how many there are and where the first one is."""
    out = []
    if not text.strip():
        out.append(Diagnostic(
            code="empty_input",
            message="the input is empty" if not text else
                    f"the input holds only white space ({len(text)} characters)",
            span=Span(0, len(text)), severity=CODES["empty_input"][0]))
    checks = (
        ("control_characters", patterns.CONTROL_CHAR, "control character"),
        ("lone_surrogates", patterns.LONE_SURROGATE, "lone surrogate"),
    ) if _BROKEN.search(text) is not None else ()
    for code, pattern, what in checks:
        first = pattern.search(text)
        if first is None:
            continue
        count = len(pattern.findall(text, first.start()))
        out.append(Diagnostic(
            code=code,
            message=f"{count} {what}{'s' if count > 1 else ''} in the text, the first "
                    f"U+{ord(first.group()):04X} at offset {first.start()} "
                    f"({where(text, first.start())}); kept as text",
            span=Span(*first.span()), severity=CODES[code][0]))
        if code == "lone_surrogates":
            pair = patterns.SURROGATE_PAIR.search(text, first.start())
            if pair is not None:
                n = len(patterns.SURROGATE_PAIR.findall(text, pair.start()))
                out.append(Diagnostic(
                    code="surrogate_pairs",
                    message=f"{n} high surrogate{'s' if n > 1 else ''} right before a low one "
                            f"(JSON cannot keep them apart), the first at offset "
                            f"{pair.start()} ({where(text, pair.start())}): replaced by "
                            "U+FFFD in the report's text",
                    span=Span(*pair.span()), severity=CODES["surrogate_pairs"][0]))
    first = patterns.first_html_tag(text)
    if first is not None:
        out.append(Diagnostic(
            code="html_input",
            message=f"the input holds HTML markup (a tag {first.group()[:40]!r} at "
                    f"{where(text, first.start())}); tags and space entities are left out "
                    "of the text the outline is read from; convert a whole page with "
                    "govreport.html.html_to_text() first (it drops scripts and styles too)",
            span=Span(*first.span()), severity=CODES["html_input"][0]))
    return out


def mixed_encoding(text: str, gb18030_lines: tuple[tuple[int, int], ...],
                   line_count: int) -> Diagnostic:
    """The ``mixed_encoding`` diagnostic of bytes decoded line by line (``decode.MIXED``): its
    span is the first line decoded as GB18030."""
    start, end = gb18030_lines[0]
    n = len(gb18030_lines)
    return Diagnostic(
        code="mixed_encoding",
        message=f"the bytes mix encodings: {n} of {line_count} lines decoded as GB18030, the "
                f"others as UTF-8; the first GB18030 line is line "
                f"{text.count(chr(10), 0, start) + 1}",
        span=Span(start, end), severity=CODES["mixed_encoding"][0])
