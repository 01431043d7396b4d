"""Where a heading's title ends when the heading runs into its body.

Most headings stand on their own line or end at a full stop (``（一）巩固增强经济回升向好态势。``).
Scraped run-on pages lose the line break, and the title runs straight into the body:

* top-level: ``一、2020年和“十三五”时期工作回顾2020年是闻喜…`` — the title ends after a
  part keyword (工作回顾, 目标任务, 自身建设 …) that is followed by what a body starts with
  (a year, 各位代表, 过去…, or a restatement of the title's first words: ``“十四五”时期…``);
* subsections: ``（一）实施创新驱动工程,不断激活高质量发展动力源创新是引领发展的第一动力。`` —
  titles have the shape "clause，clause"; each position after the comma is scored: the body
  restating a key term of the title (创新), a definitional sentence ``X是…``, a typical opening
  verb (坚持, 深入 …), a second clause of usual length; a title never ends in a function word
  (把, 的, 以 …). The scored options are kept so that the outline pass can prefer the length
  its sibling titles agree on (parallel titles are the rule: 优化产业生态，加快转型升级步伐 /
  强化创新驱动，积蓄经济发展动能 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from .vocabulary import PART_NOUN, names_part, starts_with_time

__all__ = ["Options", "embedded_part_title", "title_end"]

#: ``[(title_end, score), …]`` relative to the heading start
Options = list[tuple[int, int]]

_TERMINAL = "。！？!?；;"
_COMMA = "，,"
_TITLE_MAX = 80
_TITLE_MAX_LATIN = 200  # machine-translated English headings are longer
_COLON_MAX = 30
# first positions found by the C scanner instead of a Python loop over the characters
_STOP = re.compile(f"[{_TERMINAL}]")
_STOP_LATIN = re.compile(rf"[{_TERMINAL}]|\.(?= |\Z)")  # "." + space or the window's end
_COLON = re.compile("[：:]")
#: where an English title in title case ends and its body's first sentence begins: a word
#: that opens sentences, capitalised, before a lower-case word (``…in 2024 The past``,
#: ``…Self-Improvement We will``, ``…Facing the new``); a title's words are all capitalised
_SENTENCE_AFTER_TITLE = re.compile(
    r"(?<=[A-Za-z0-9'’)] )(?:The|We|This|These|Our|In|Over|Last|Next|It|Since|Facing|Under"
    r"|At|As|With|Through|During|Looking)"
    r" [a-z]")
_COMMA_RE = re.compile(f"[{_COMMA}]")

#: the nouns that end a part title (one vocabulary for every stage: vocabulary.py)
_PART_KEYWORD = PART_NOUN
#: what the body of a part often starts with
_PART_BODY = regex.compile(
    r"各位代表|过去|(?:19|20)\d{2}年|今年|今后|“十.?五”|刚刚|五年来|一年来|这一年|我们|站在|新的一年"
    r"|一是"
)
_CONNECTOR = "和及与、暨"
#: typical first words of a subsection's body
_OPENER = regex.compile(
    r"坚持|坚定不移|坚决|深入|全面|持续|着力|大力|牢固树立|牢牢|始终|紧紧|我们|进一步|统筹|按照"
    r"|立足|依托|发挥|围绕|聚焦|突出|今年|过去|一年来|要(?:坚持|着力|以|把)|(?:19|20)\d{2}年"
    r"|[一二][〇○零一二三四五六七八九]{3}年"
)
_DEFINITION = regex.compile(r"[^，,。；;：:“”]{1,6}是")
_FUNCTION_END = set("把的以在对和与将为从向被让使及或并且是了着之其这那")
#: words that end in one of them and end titles well (担当作为, 奋发有为, 善作善成之为)
_WORD_END = frozenset({"作为", "有为", "之为"})


def title_end(text: str, part: bool) -> tuple[int, bool, Options]:
    """``(end, inferred, options)`` for a heading whose title starts at 0 of ``text`` (the text
    after the numeral, to the end of the block)."""
    latin = text[:24].isascii()
    window = text[: _TITLE_MAX_LATIN if latin else _TITLE_MAX]
    m = (_STOP_LATIN if latin else _STOP).search(window)
    stop = m.start() if m else -1
    m = _COLON.search(window, 0, _COLON_MAX)
    colon = m.start() if m else -1
    if colon >= 2 and (stop == -1 or colon < stop):
        cut = _part_end(window[:colon], strong_only=True) if part else None
        if cut is not None:  # "2025年工作安排今年…主要预期目标是：…": the title ends first
            return cut, True, []
        return colon + 1, False, []  # "（一）“十四五”时期指导思想：…"
    if latin:  # an English title run into its body's first sentence: "…five yearsWe will …"
        m = _GLUED_LATIN.search(window, 4)
        if m and (stop == -1 or m.start() < stop):
            return m.end(), True, []
        m = _SENTENCE_AFTER_TITLE.search(window, 4)  # "…Work in 2024 The past year was …"
        if m and (stop == -1 or m.start() < stop):
            return m.start(), True, []
    space = window.find(" ", 4)
    if space != -1 and (stop == -1 or space < stop) and not window[:space].isascii():
        return space, True, []  # "(一)聚焦创新发展,打造一流创新生态 培育创新主体。"
    if stop != -1 and not _swallowed_body(window[:stop], part):
        return stop + 1, False, []
    if len(text) <= len(window) and stop == -1:
        return len(text), False, []  # the whole block is the heading
    first = window if stop == -1 else window[:stop]
    if part:
        cut = _part_end(first)
        if cut is not None:
            return cut, True, []
    else:
        options = chapter_options(first)
        best = max(options, key=lambda o: (o[1], -o[0]), default=None)
        if best is not None and (best[1] >= 3 or (best[1] >= 2 and stop == -1)):
            return best[0], True, options
        if options:
            end = stop + 1 if stop != -1 else len(text)
            return end, False, options
    if stop != -1:
        return stop + 1, False, []
    return len(text), False, []


def _swallowed_body(title: str, part: bool) -> bool:
    """A 'title' up to the first sentence end that probably holds body text too."""
    if part:
        end = _part_end(title, strong_only=True)
        if end is None and len(title) > 20:
            end = _part_end(title)
            if end is not None and len(title) - end < 6:
                end = None
        return end is not None
    if len(title) > 40:
        return True
    m = _COMMA_RE.search(title)
    comma = m.start() if m else -1
    return comma != -1 and len(title) - comma > 18


def _keyword_ends(first: str) -> list[int]:
    found: set[int] = {m.end() for m in _PART_KEYWORD.finditer(first, overlapped=True)
                       if not m.group().isascii()}  # English titles end at a full stop
    return sorted(e for e in found if 4 <= e < len(first))


def _strong_ends(first: str, ends: list[int]) -> Iterator[int]:
    """Keyword ends followed by what a body starts with, left to right."""
    head = first[:4]
    for e in ends:
        rest = first[e:]
        restated = len(head) == 4 and rest.startswith(head)
        if _PART_BODY.match(rest) or _BODY_OPENER.match(rest) or rest[:1] in " \t" \
                or restated:
            yield e


def _part_end(first: str, strong_only: bool = False) -> int | None:
    ends = _keyword_ends(first)
    strong = next(_strong_ends(first, ends), None)  # the first keyword a body follows
    if strong is not None or strong_only:
        return strong
    for e in reversed(ends):  # else the last keyword not followed by a connector
        if first[e] not in _CONNECTOR:
            return e
    m = _PART_BODY.search(first, 6)
    return m.start() if m else None


#: a lower-case letter (or a closing bracket or quote after one: "…stronger (self-construction)")
#: glued to the capital that starts the next word (a sentence), or to a Han character (a
#: Chinese body after an English title, in a mixed translation)
_GLUED_LATIN = regex.compile(r"[a-z0-9][)）\]”’\"]?(?=[A-Z][a-z]|\p{Han})")
_TITLE_WINDOW = 40
#: more words a part's body opens with (after a part title inside a run-on line)
_BODY_OPENER = regex.compile(
    r"强化|加强|推进|推动|提升|完善|健全|优化|聚焦|锚定|新形势|新征程|新的|面对|当前|根据|按照|依据"
    r"|今后|未来|做好|政府工作"
)
#: nouns that end part titles (and seldom a sentence's subject), and what would continue the
#: sentence after them
_TITLE_FINAL = regex.compile(r"工作回顾|工作安排(?:建议)?|政府自身建设|满意(?:的)?政府")
#: … and the forward nouns that end a title led by its time word (“十五五”时期主要目标任务),
#: not a sentence led by a verb (切实抓好“十四五”规划目标任务收官)
_TIMED_TITLE_FINAL = regex.compile(r"目标任务|(?:主要|重点)任务|奋斗目标|重点工作")
_CONTINUES = "，,、：:；;。！？!?的和及与暨是为在中上下“”\"（）()等"
#: a subsection numeral right after a part title in a run-on line
_SUBSECTION = regex.compile(r"[ \t]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|一是)")


def embedded_part_title(text: str, at: int, end: int) -> int | None:
    """Where a part title without numeral that starts at ``at`` inside a run-on line ends
    (``…意见。2024年工作回顾过去一年，…``), or ``None``: the title must name a part
    (``vocabulary.names_part``) and be followed by what a part's body starts with."""
    window = text[at : min(end, at + _TITLE_WINDOW)]
    for cut in _title_ends(window):  # the first end that leaves a title naming a part
        if cut >= 4 and names_part(window[:cut]):
            return at + cut
    return None


def _title_ends(window: str) -> Iterator[int]:
    """Where a part title at the start of ``window`` may end, likeliest first: before what a
    body starts with (以更高标准更严要求加强政府自身建设各级政府要… ends after 建设, not after
    要求, whose title would name nothing), before a verb a body opens with
    (加强政府自身建设坚持把…) or the first subsection's numeral (2025年重点工作任务（一）…), or
    at a noun that only ends titles when no sentence follows."""
    ends = _keyword_ends(window)
    yield from _strong_ends(window, ends)
    yield from (e for e in ends if _OPENER.match(window, e) or _SUBSECTION.match(window, e))
    m = _TITLE_FINAL.search(window)
    if m is None:  # (the noun looked for first: a search for it is quicker than the time word's)
        m = _TIMED_TITLE_FINAL.search(window)
        if m is not None and not starts_with_time(window):
            m = None
    if m and 4 <= m.end() < len(window) and window[m.end()] not in _CONTINUES and not any(
            c in _CONTINUES[:6] for c in window[: m.start()]):
        yield m.end()  # (a title with a comma before its noun is a sentence here)


def chapter_options(first: str) -> Options:
    """Scored candidate title ends after the title's comma (score ≥ 1 only)."""
    m = _COMMA_RE.search(first)
    comma = m.start() if m else -1
    if comma == -1 or comma > 30:
        return []
    out: Options = []
    opener_ends = {m.end() for m in _OPENER.finditer(first, comma + 4, overlapped=True)}
    for p in range(comma + 4, min(len(first) - 1, comma + 19)):
        if (first[p - 1] in _FUNCTION_END and first[p - 2 : p] not in _WORD_END) \
                or first[p] in _COMMA:
            continue
        score = 0
        inside_repeat = first[p - 1 : p + 1] in first[: p - 1]  # p splits a repeated term
        if first[p : p + 2] in first[:p] and p not in opener_ends and not inside_repeat:
            score += 3  # the body restates a key term of the title (not right after 突出…)
        if _OPENER.match(first, p):
            score += 2
        if _DEFINITION.match(first, p):
            score += 2  # "创新是引领发展的第一动力"
        if 5 <= p - comma - 1 <= 14:
            score += 1
        if score:
            out.append((p, score))
    return out
