"""The heading vocabulary: which words make a title name a part of the outline.

One table, used by every stage that needs to know whether a line names a part: classification
(the readings a block is offered), segmentation and unwrapping (a bare part title starts a
block), and run-in title ends (where a part title stops inside a run-on line).

The vocabulary is *compositional*, not a list of titles. A part title is made of

* a time word — a year (``2025年``, ``二〇二五年``), this year (``今年``, ``新的一年``), the
  past year (``过去一年``, ``一年来``), a Five-Year period (``“十五五”时期``, ``今后五年``,
  ``本届政府任期内``) or the last one (``过去五年``, ``五年来``);
* the part's nouns — review (``回顾``, ``成就``, ``总结``), the forward nouns of the annual plan
  and of the Five-Year goals (``目标``, ``任务``, ``安排``, ``部署``, ``要求``, ``思路``,
  ``考虑``, ``举措``, ``取向``, ``蓝图``, ``重点工作``, ``主要工作``), the government's own work
  (``政府自身建设``, ``人民满意的服务型政府``, ``政府治理效能``, ``依法行政``), the matters
  outside the programme of old national reports (``外交``, ``国防``, ``祖国统一``) and the
  closing (``结束语``);
* verbs and adverbs that lead a self-improvement title (``坚定不移加强``, ``奋力建设``,
  ``全面提升``);
* fillers (``的``, ``和``, ``主要``, ``重点``, ``经济社会发展``, ``政府``, ``关于``, ``建议``).

:func:`name` reads a title as a sequence of these words. A title *names* a part when the words
cover it almost entirely and include a part noun (``2026年经济社会发展的主要目标和重点任务``);
it *mentions* a part when a part noun stands in a longer, thematic title
(``牢记人民至上，在建设服务型政府中践行初心使命``). The kind follows from the nouns and the
time word: forward nouns with a Five-Year period are the Five-Year goals, with a year or this
year the annual plan; generic nouns (``工作``, ``主要工作``) take their kind from the time word
(``过去一年的主要工作`` is the review).
"""

from __future__ import annotations

import enum
import functools

import regex

from .models import SectionKind

__all__ = ["PART_NOUN", "Naming", "Strength", "TitleName", "name", "names_part",
           "splits_word", "starts_with_time"]


class Strength(enum.IntEnum):
    """How clearly a title names an outline part."""

    NONE = 0
    MENTIONS = 1  # a part noun inside a longer title
    NAMES = 2  # the title is a part title (time word and/or part nouns, nothing else)


class Naming(enum.Enum):
    """The role of a word of the vocabulary."""

    PAST_YEAR = "past_year"
    THIS_YEAR = "this_year"
    YEAR = "year"
    PAST_PERIOD = "past_period"
    PERIOD = "period"
    NEXT_PERIOD = "next_period"
    REVIEW = "review"
    FORWARD = "forward"
    GENERIC = "generic"
    SELF = "self"
    OTHER = "other"
    CLOSING = "closing"
    VERB = "verb"
    FILLER = "filler"


# Each entry: role → alternatives (longer alternatives first where one is a prefix of another;
# the scanner below tries every role at every position and keeps the longest match).
_WORDS: dict[Naming, str] = {
    Naming.YEAR: (r"(?:19|20)\d{2}[ \t]*年(?:度)?|[〇○零一二三四五六七八九]{4}年(?:度)?"
                  r"|\b(?:19|20)\d{2}\b"),
    Naming.THIS_YEAR: r"今年|明年|新的一年|本年度|今后一年",
    Naming.PAST_YEAR: r"过去(?:的)?一年(?:来)?|一年来|去年|上一年|上年",
    Naming.PAST_PERIOD: (r"过去(?:的)?五年(?:来)?|五年来|本届政府(?:成立)?以来|前[一两二三四]年"
                         r"|(?:本届|上届)政府(?:任期)?(?:内)?(?:的)?工作"),
    Naming.NEXT_PERIOD: (r"今后五年|未来五年|今后一个时期|新一届政府|本届政府任期(?:内)?"
                         r"|(?:今后|未来)[一二三四五]年"
                         # in English a title says "goals of/for the next five years"; "in the
                         # coming five years we will …" begins a sentence
                         r"|\b(?:of|for)[ \t]+the[ \t]+(?:next|coming)[ \t]+(?:five|5)"
                         r"[ \t]+years\b"),
    # the plans since the 11th are 规划, the earlier ones 计划 (“九五”计划, 第九个五年计划)
    Naming.PERIOD: (r"[“\"]?十[一二三四五六七八九]?五[”\"]?(?:规划|计划)?(?:时期|期间|期)?"
                    r"|[“\"][六七八九]五[”\"](?:计划|规划)?(?:时期|期间|期)?"
                    r"|[六七八九]五(?:计划|时期|期间)"
                    r"|第[一二三四五六七八九十]{1,3}个五年(?:计划|规划)(?:时期|期间)?"
                    r"|(?i:\b(?:the[ \t]+)?(?:\d{1,2}(?:th|st|nd|rd)[ \t]+)?five-year"
                    r"(?:[ \t]+plan)?(?:[ \t]+period)?\b"
                    r"|\b(?:the[ \t]+)?\d{1,2}(?:th|st|nd|rd)[ \t]+period\b)"),  # the 10th period
    Naming.REVIEW: (r"工作回顾|回顾|工作总结|总结|发展成就|主要成就|成就|成绩|发展历程|历程"
                    r"|(?i:\breview)"),
    Naming.FORWARD: (r"远景目标|纲要|目标任务|主要目标|发展目标|奋斗目标|预期目标|目标"
                     r"|主要任务|重点任务|工作任务"
                     r"|任务|总体要求|要求|指导思想|总体思路|工作思路|发展思路|思路|主要考虑|考虑|设想"
                     r"|重大举措|举措|政策取向|取向|工作安排|安排|工作部署|总体部署|部署|重点工作"
                     r"|蓝图|规划|计划|战略|建议|(?i:\b(?:goals?|tasks?|targets?|arrangements?|plans?)\b)"),
    Naming.GENERIC: r"主要工作|工作|(?i:\bwork\b)",
    Naming.SELF: (r"(?:政府)?自身建设|(?:人民)?满意(?:的)?"
                  r"(?:[^，,。；;：:\s]{0,6}?)政府"
                  r"|(?:服务型|法治|廉洁|诚信|效能型?|数字|阳光|责任|为民|务实|高效|创新型)"
                  r"(?:[、和与及]?(?:服务型|法治|廉洁|诚信|勤政|务实|高效|为民|效能型?))*政府"
                  r"|政府(?:治理)?(?:体系|能力)?(?:和治理能力)?(?:现代化)?(?:水平|效能|能力)"
                  r"|政府(?:建设|作风|效能|治理)|依法行政|廉政建设|作风建设"
                  # the title of this part until the 1990s: 加强和改进政府工作
                  r"|(?:加强和改进|改进和加强|加强|改进|改善)政府(?:自身)?(?:的)?工作"
                  r"(?!任务|安排|报告|要点)"
                  r"|(?i:self-improvement|self-construction|government'?s? own"
                  r"|building (?:of )?(?:the )?government)"),
    Naming.OTHER: (r"和平统一|祖国统一|统一大业|外交(?:工作)?|国际形势|国防(?:建设)?|军队建设"
                   r"|港澳(?:台)?(?:工作)?|台湾|民族(?:团结)?|宗教(?:工作)?|侨务"
                   r"|(?i:foreign affairs|diplomacy|reunification|national defen[cs]e)"),
    Naming.CLOSING: r"结束语|结语",
    Naming.VERB: (r"坚定不移(?:地)?|坚持不懈(?:地)?|以自我革命(?:的)?精神|全力|全面|切实|持续|着力"
                  # manner: 更大力度, 以更高标准, 高水平
                  r"|(?:以|用)?更?[大高严实强优好](?:的)?(?:力度|标准|水平|要求|举措|决心)"
                  r"|不断|进一步|大力|加快|努力|奋力|扎实|始终|深入|更加|更好(?:地)?"
                  r"|加强|推进|建设|打造|提升|提高|推动|深化|建好|做好|抓好|抓实|狠抓|当好|争做|锻造|强化"
                  r"|(?i:\b(?:strengthen(?:ing)?|improv(?:e|ing)|build(?:ing)?)\b)"),
    Naming.FILLER: (r"经济社会发展|经济和社会发展|国民经济和社会发展|社会发展|经济发展|发展"
                    r"|的|和|及|以及|与|、|暨|主要|重点|总体|政府|全市|全省|全县|全区|全州|全盟"
                    r"|全旗|我市|我省|我县|我区|关于|对|几点|情况|时期|期间|现代化|水平"
                    r"|[“”\"《》（）()：:，,]"
                    r"|(?i:\b(?:of|the|for|and|in|on|to|a|main|major|key|government'?s?|we|will|shall"
                    r"|comprehensively|fully|further|vigorously|deeply|continue to|own)\b)"),
}

_SCAN = regex.compile(
    "|".join(f"(?P<{role.value}>{pattern})" for role, pattern in _WORDS.items())
)
#: forward nouns that name a kind of document: a part only with a time (“九五”计划)
_DOCUMENT = regex.compile(r"规划|计划|纲要|建议|战略|蓝图|设想")
#: forward nouns that only a long-range plan has: its long-range goals and its outline
_LONG_RANGE = regex.compile(r"远景目标|纲要")
_FORWARD_FIVE = regex.compile(
    r"目标|任务|规划|建议|纲要|要求|思路|举措|蓝图|考虑|设想|部署|战略|(?i:goal|task|target|plan)"
)

#: the nouns that end a part title (run-in title ends in ``boundary.py``)
PART_NOUN = regex.compile(
    "|".join(f"(?:{_WORDS[r]})" for r in (Naming.REVIEW, Naming.FORWARD, Naming.SELF,
                                           Naming.CLOSING))
    + r"|重点工作|主要工作|(?:19|20)\d{2}年(?:的)?(?:政府)?(?:主要)?工作"
)

#: any part noun (a title without one names nothing)
_ANY_NOUN = regex.compile("|".join(
    f"(?:{_WORDS[r]})" for r in (Naming.REVIEW, Naming.FORWARD, Naming.GENERIC, Naming.SELF,
                                  Naming.OTHER, Naming.CLOSING)))

_TIME = frozenset({Naming.YEAR, Naming.THIS_YEAR, Naming.PAST_YEAR, Naming.PAST_PERIOD,
                   Naming.PERIOD, Naming.NEXT_PERIOD})
_NOUNS = frozenset({Naming.REVIEW, Naming.FORWARD, Naming.GENERIC, Naming.SELF, Naming.OTHER,
                    Naming.CLOSING})
_SPACES = " \t\f\v\u3000"


class TitleName:
    """What a title says about the outline: the kind it names and how clearly."""

    __slots__ = ("evidence", "kind", "kinds", "strength")

    def __init__(self, kind: SectionKind | None, strength: Strength,
                 kinds: tuple[SectionKind, ...], evidence: tuple[str, ...]) -> None:
        self.kind = kind  # the kind the title names (the first of ``kinds``)
        self.kinds = kinds  # every kind its nouns name, first the one that wins
        self.strength = strength
        self.evidence = evidence  # the words that decided, for diagnostics

    def __repr__(self) -> str:
        return f"TitleName({self.kind}, {self.strength.name}, {self.evidence})"


_NOTHING = TitleName(None, Strength.NONE, (), ())


def _words(title: str) -> list[tuple[Naming, int, int]]:
    """The vocabulary words of ``title``, left to right, longest match at each position;
    characters between them are left out."""
    out: list[tuple[Naming, int, int]] = []
    pos, end = 0, len(title)
    while pos < end:
        m = _SCAN.search(title, pos)
        if m is None:
            break
        role = Naming(m.lastgroup)
        out.append((role, m.start(), m.end()))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


_DIGITS = regex.compile(r"(?:19|20)\d{2}")
_HAN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _time_of(role: Naming, text: str, year: int | None) -> Naming:
    """A year's role in a report of ``year``: 2024年 in the 2025 report is the past year,
    2035年 the horizon of a long-range plan (``2035年远景目标``)."""
    if role != Naming.YEAR or year is None:
        return role
    m = _DIGITS.search(text.translate(_HAN_DIGITS))  # 一九八五年 is 1985
    if m is None:
        return role
    y = int(m.group())
    if y >= year + 2:
        return Naming.PERIOD
    return Naming.PAST_YEAR if y < year else Naming.THIS_YEAR if y == year else role


def _kind_of(role: Naming, time: Naming | None, text: str) -> SectionKind | None:
    if role == Naming.REVIEW:
        return SectionKind.REVIEW
    if role == Naming.SELF:
        return SectionKind.SELF_IMPROVEMENT
    if role == Naming.OTHER:
        return SectionKind.OTHER
    if role == Naming.CLOSING:
        return SectionKind.CLOSING
    if role == Naming.FORWARD and _LONG_RANGE.match(text):
        return SectionKind.FIVE_YEAR_PLAN  # 2035年远景目标; the plan's outline (纲要)
    if (time in (Naming.PERIOD, Naming.NEXT_PERIOD) and role == Naming.FORWARD
            and _FORWARD_FIVE.search(text)) or (time == Naming.NEXT_PERIOD
                                                and role == Naming.GENERIC):
        return SectionKind.FIVE_YEAR_PLAN  # “十五五”时期主要目标; 今后五年的工作
    if role == Naming.GENERIC and time in (Naming.PAST_YEAR, Naming.PAST_PERIOD):
        return SectionKind.REVIEW  # 过去一年的主要工作; 2024年主要工作 in the 2025 report
    if role == Naming.FORWARD or (role == Naming.GENERIC and time == Naming.THIS_YEAR):
        return SectionKind.ANNUAL_PLAN
    return None  # 2024年主要工作 with no report year: the review or the plan


@functools.lru_cache(maxsize=4096)
def name(title: str, year: int | None = None) -> TitleName:
    """What ``title`` (a heading's title, without its numeral) names, in a report whose plan
    year is ``year`` (when known, a year before it is the past year: ``2024年重点工作`` in the
    2025 report is the review).

    A slogan before a part title names the part the title names
    (``刀刃向内 从严从实 全面加强政府自身建设``, ``坚持从严从实，着力建设人民满意政府``): the
    last clause decides when the whole is no part title of its own."""
    named = _name(title, year)
    if named.strength == Strength.MENTIONS and not title.isascii():  # (English: its words)
        clauses = _CLAUSES.split(title.strip(_SPACES + "。：:；;，,"))
        # slogan clauses are short phrases (四字 each, or a few more): not a line's fragment
        if len(clauses) >= 2 and all(2 <= len(c) <= _SLOGAN_CLAUSE for c in clauses[:-1]) \
                and 4 <= len(clauses[-1]) <= 16 and not _INNER_PUNCTUATION.search(title):
            last = _name(clauses[-1], year)
            if last.strength == Strength.NAMES and last.kind is not None:
                return last
    return named


_SLOGAN_CLAUSE = 12
_INNER_PUNCTUATION = regex.compile(r"[、。；;：:！？!?（）()]")
#: what separates the clauses of a slogan title: a comma, or spaces in a .docx title
_CLAUSES = regex.compile(r"[，,][ \t\u3000]*|(?<=\p{Han}|[”\"])[ \t\u3000]+(?=\p{Han}|[“\"])")


def _name(title: str, year: int | None) -> TitleName:
    title = title.strip(_SPACES + "。：:；;，,")
    if not title or not _ANY_NOUN.search(title):
        return _NOTHING  # most short lines name nothing: one search tells
    words = _words(title)
    if not words:
        return _NOTHING
    covered = sum(e - s for _, s, e in words)
    letters = sum(1 for c in title if c not in _SPACES)
    kinds: list[SectionKind] = []
    evidence: list[str] = []
    # a noun before any time word takes the first one after it: English puts the period after
    # the nouns ("goals of the 14th …"), and so do slogans (锚定目标 … 奋力开创“十五五”新局面)
    later = next((_time_of(r, title[s:e], year) for r, s, e in words if r in _TIME), None)
    time: Naming | None = later if title.isascii() else None
    nouns = documents = 0
    for role, s, e in words:
        text = title[s:e]
        if role in _TIME:
            time = _time_of(role, text, year)
            evidence.append(text)
            continue
        if role not in _NOUNS:
            continue
        nouns += 1
        documents += bool(_DOCUMENT.fullmatch(text))
        kind = _kind_of(role, time if time is not None else later, text)
        if kind is not None:
            evidence.append(text)
            if kind not in kinds:
                kinds.append(kind)
    if not nouns:
        return _NOTHING
    # the Five-Year goals win over the achievements of the last plan named with them
    # (“十三五”时期发展成就和“十四五”时期主要目标任务); otherwise the first-named kind
    if SectionKind.FIVE_YEAR_PLAN in kinds:
        kinds.remove(SectionKind.FIVE_YEAR_PLAN)
        kinds.insert(0, SectionKind.FIVE_YEAR_PLAN)
    latin = title.isascii()
    whole = covered >= (0.7 if latin else 0.85) * letters
    strength = Strength.NAMES if whole and letters <= (120 if latin else 40) \
        else Strength.MENTIONS
    if time is None and (not kinds or documents == nouns):
        # a bare 主要工作 or 工作 names nothing by itself, nor do the names of documents
        # without a time (规划计划: a site's menu item)
        strength = Strength.MENTIONS
    return TitleName(kinds[0] if kinds else None, strength, tuple(kinds), tuple(evidence))


def splits_word(left: str, right: str) -> bool:
    """A word of the vocabulary runs on from the end of ``left`` into ``right``
    (``…主要预`` / ``期目标…``, ``…加强政府`` / ``自身建设``): a line broken inside a word."""
    tail, head = left[-8:], right[:8]
    joined = tail + head
    return any(m.start() < len(tail) < m.end()
               for m in _SCAN.finditer(joined, overlapped=True))


def starts_with_time(title: str) -> bool:
    """``title`` opens with a time word (``2026年``, ``“十五五”时期``, ``今后五年``)."""
    m = _SCAN.match(title.lstrip(_SPACES))
    return m is not None and Naming(m.lastgroup) in _TIME


def names_part(title: str, year: int | None = None) -> bool:
    """``title`` is a part title on its own (``2024年工作回顾``, ``坚定不移加强政府自身建设``)."""
    return name(title, year).strength == Strength.NAMES
