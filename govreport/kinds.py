"""Which part of the outline a section is: from its heading, and from its content when the
heading is thematic (福建's 牢记殷殷嘱托… is the review, 牢记历史使命… the annual plan).

Headings are matched in this order: self-improvement, five-year goals, review, annual plan.
Five-year goals come before the review so that "“十三五”时期发展成就和“十四五”时期主要目标任务"
(achievements of the last plan *and* goals of the next) is a five-year part, while
"2020年和“十三五”时期工作回顾" stays a review.
"""

from __future__ import annotations

import regex

from .models import SectionKind

__all__ = ["content_kind", "heading_kind", "is_part_title"]

_SELF = regex.compile(
    r"自身建设|人民满意(?:的)?政府|服务型政府|政府治理|政府建设|依法行政|廉洁[^，。]{0,8}政府"
    r"|建设[^，。]{0,14}政府$|法治政府建设"
    r"|(?i:self-improvement|self-construction|government'?s? own"
    r"|building (?:of )?(?:the )?government)"
)
_FIVE_YEAR = regex.compile(
    r"(?:“?十[一二三四五六七八九十]?五”?|五年|新一届政府|(?i:five-year))[^，。]{0,24}"
    r"(?P<what>目标|任务|规划|要求|思路|举措|蓝图|(?i:goals?|tasks?|plan))"
)
_FUTURE_WORDS = ("目标", "任务", "要求", "思路", "举措", "蓝图", "goal", "task")
_REVIEW = regex.compile(
    r"回顾|工作总结|发展成就|主要成就|(?i:review)|过去[一五]年"
)
_ANNUAL = regex.compile(
    r"工作安排|重点工作|主要工作|工作任务|主要任务|重点任务|目标任务|总体要求|政策取向|工作部署"
    r"|工作思路|(?:19|20)\d{2}年(?:经济社会发展|政府)?(?:工作|主要任务)|今年|(?i:work arrangement"
    r"|arrangements? for|tasks? for (?:19|20)\d\d|(?:19|20)\d\d years? of work)"
)
_CLOSING = regex.compile(r"结束语|结语")
#: parts about matters outside the government's own programme (1999: 祖国和平统一, 外交)
_OTHER = regex.compile(
    r"和平统一|祖国统一|外交|国际形势|国防|军队建设|港澳|台湾|民族团结|宗教|侨务"
    r"|(?i:foreign affairs|diplomacy|reunification|national defen[cs]e)"
)

#: titles that are certainly a top-level part even without a numeral (四川, seed 004)
_PART_TITLE = regex.compile(
    r"^(?:(?:19|20)\d{2}年(?:和|及)?(?:“十.?五”时期)?(?:主要)?工作(?:回顾|安排|总结)"
    r"|(?:19|20)\d{2}年(?:重点|主要)工作(?:任务|安排)?(?:建议)?"
    r"|(?:19|20)\d{2}年工作安排(?:建议)?"
    r"|(?:全面|切实|进一步|不断)?(?:加强|推进)(?:政府)?自身建设"
    r"|“十.?五”时期[^，。]{0,16}(?:回顾|目标|任务))$"
)


def is_part_title(title: str) -> bool:
    """A heading title that names a top-level part on its own (``2024年工作回顾``)."""
    return bool(_PART_TITLE.match(title))


def heading_kind(title: str) -> SectionKind | None:
    """The outline part a heading names, or ``None`` for a thematic heading."""
    if _CLOSING.fullmatch(title):
        return SectionKind.CLOSING
    if _SELF.search(title):
        return SectionKind.SELF_IMPROVEMENT
    five = _FIVE_YEAR.search(title)
    review = _REVIEW.search(title)
    if five and review:
        forward = five.group("what").lower().startswith(_FUTURE_WORDS)
        return SectionKind.FIVE_YEAR_PLAN if forward else SectionKind.REVIEW
    if review:
        return SectionKind.REVIEW
    if five:
        return SectionKind.FIVE_YEAR_PLAN
    if _ANNUAL.search(title):
        return SectionKind.ANNUAL_PLAN
    if _OTHER.search(title):
        return SectionKind.OTHER
    return None


_PAST = regex.compile(
    r"过去一年|过去五年|过去的一年|一年来|五年来|去年|刚刚过去|上年|(?:19|20)\d\d年是"
    r"|取得(?:了)?[^，。]{0,8}(?:成效|成绩|进展|成就|突破)|(?:实现|完成|增长|下降|提高|达到|突破)了"
    r"|主要做了|成绩来之不易|清醒(?:地)?(?:看到|认识到)|衷心(?:的)?感谢|崇高(?:的)?敬意"
    r"|(?i:in the past|over the past|last year|has been|have been)"
)
_FUTURE = regex.compile(
    r"今年|明年|今后|预期目标|主要目标是|力争|要(?:坚持|着力|加快|推动|深入|全面|持续|大力)"
    r"|将(?:坚持|着力|加快|推动|深入|全面|持续|大力)|重点(?:抓好|做好)"
    r"|(?i:this year|we will|will be)"
)
_TARGETS_STATEMENT = regex.compile(r"主要预期目标|预期目标是|(?i:main expected targets)")
_GOVERNMENT = regex.compile(
    r"政府系统|依法行政|廉洁|作风|政府自身|党风廉政|政务公开|服务型政府|法治政府"
)


def content_kind(title: str, body: str, *, after_review: bool) -> SectionKind:
    """Kind of a thematic part from the words of its title and the start of its body.

    A part that comes before any review is the review unless its words look forward more
    than back; after the review, it is the annual plan unless it is about the government
    itself (a part stating the year's expected targets is the annual plan even when its
    last subsection is about the government).
    """
    sample = title + body[:3000]
    past = len(_PAST.findall(sample))
    future = len(_FUTURE.findall(sample))
    gov = len(_GOVERNMENT.findall(sample))
    if after_review and _TARGETS_STATEMENT.search(sample):
        return SectionKind.ANNUAL_PLAN  # the year's expected targets open the annual plan
    if gov >= 4 and gov * 3 >= past + future:
        return SectionKind.SELF_IMPROVEMENT
    if not after_review:
        return SectionKind.REVIEW if past >= future else SectionKind.ANNUAL_PLAN
    if past > 2 * future + 2:
        return SectionKind.REVIEW
    return SectionKind.ANNUAL_PLAN
