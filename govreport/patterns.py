"""Every regular expression and numeral table of govreport, in one commented module.

All patterns run on *normalised* text (see ``normalize.py``): simplified script, pinyin removed,
full-width digits/letters folded to ASCII, full-width （）、，：；！？ kept and their ASCII
forms turned full-width next to Han characters (so ``(一)`` arrives as ``（一）`` but ``(1)`` may
stay ASCII). Patterns still accept both forms where cheap.

Linear time: no pattern nests quantifiers over the same characters, and every unbounded repeat is
over a class that the following token cannot match (checked by ``tests/test_patterns.py`` with
adversarial inputs).
"""

from __future__ import annotations

import itertools

import regex

__all__ = [
    "CJK_DIGITS",
    "cjk_to_int",
    "roman_to_int",
]

# --------------------------------------------------------------------------- numerals

CJK_DIGITS = "一二三四五六七八九十"
_CJK_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def cjk_to_int(s: str) -> int | None:
    """``十一`` → 11, ``二十`` → 20, ``九十九`` → 99; ``None`` when not a numeral below 100."""
    if not s or len(s) > 3:
        return None
    if "十" not in s:
        return _CJK_VALUE.get(s) if len(s) == 1 else None
    tens, _, units = s.partition("十")
    if "十" in units:
        return None
    t = 1 if tens == "" else _CJK_VALUE.get(tens)
    u = 0 if units == "" else _CJK_VALUE.get(units)
    if t is None or u is None or t == 0 or len(tens) > 1 or len(units) > 1:
        return None
    return t * 10 + u


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_to_int(s: str) -> int | None:
    """``IV`` → 4; ``None`` for an empty or malformed numeral (checked by re-encoding)."""
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if _int_to_roman(total) == s else None


def _int_to_roman(n: int) -> str:
    out = []
    for v, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

# Enclosed numerals are kept by normalisation (NFKC would turn ① into a bare 1 and lose the
# outline signal); they are read here.
ENCLOSED = {
    **{chr(0x3220 + i): ("paren_cjk", i + 1) for i in range(10)},  # ㈠-㈩
    **{chr(0x2474 + i): ("paren_arabic", i + 1) for i in range(20)},  # ⑴-⒇
    **{chr(0x2488 + i): ("arabic_dot", i + 1) for i in range(20)},  # ⒈-⒛
    **{chr(0x2460 + i): ("circled", i + 1) for i in range(20)},  # ①-⑳
}

# --------------------------------------------------------------------------- headings
# Each heading pattern is anchored at the start of a block and captures the numeral in group
# ``n``; the match ends where the title begins.

#: the spaces of normalised text: normalisation folds every other ``str.isspace`` character to
#: " " or "\n", and keeps form feed and vertical tab (page layout) as they are
SPACE = " \t\f\v"

_SP = r"[ \t]*"
_CJK_N = r"[一二三四五六七八九十]{1,3}"

#: 一、 二． — the top-level numbering of Chinese reports.
PART_CJK = regex.compile(rf"(?P<n>{_CJK_N}){_SP}[、．.]{_SP}")
#: 第一部分
PART_DI = regex.compile(rf"第(?P<n>{_CJK_N})部分{_SP}[、，,:：．.]?{_SP}")
#: I. II、 — machine translations.
PART_ROMAN = regex.compile(rf"(?P<n>[IVX]{{1,5}}){_SP}[.．、]{_SP}(?=\S)")
#: Second, Third: — machine translations write ordinal words for 二、 三、.
PART_EN_WORD = regex.compile(
    r"(?P<n>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth))(?:ly)?[ \t]*[,，:：.][ \t]*(?=\S)"
)
#: （一） (一) ㈠
CHAPTER_PAREN_CJK = regex.compile(rf"[（(]{_SP}(?P<n>{_CJK_N}){_SP}[）)]{_SP}")
#: （1） (1)
CHAPTER_PAREN_ARABIC = regex.compile(rf"[（(]{_SP}(?P<n>\d{{1,2}}){_SP}[）)]{_SP}")
#: 1. 1、 — not 1.1 and not a decimal.
CHAPTER_ARABIC_DOT = regex.compile(rf"(?P<n>\d{{1,2}}){_SP}[.．、](?![\d.．])[ \t]*")
#: 第一， — 1999-style subsection lines.
CHAPTER_DI = regex.compile(rf"第(?P<n>{_CJK_N})[，,、:：]{_SP}")
#: a subsection numeral truncated to its closing bracket: ``)坚持民生为本…``
CHAPTER_TRUNCATED = regex.compile(r"[）)]" + _SP + r"(?=\p{Han})")
#: 一是 二要 — enumerated points inside a paragraph's first words.
ITEM_ORDINAL = regex.compile(rf"(?P<n>{_CJK_N})(?P<w>是|要)(?![、，,])")
#: ——经济运行稳中向好。 — dash-led points of a review.
ITEM_DASH = regex.compile(r"(?:——|—|－－|--)(?=\S)")

#: Where a heading may start inside a run-on line: the line start or after a sentence end,
#: optionally followed by spaces. Used with ``EMBEDDED_HEADING``.
EMBEDDED_HEADING = regex.compile(
    rf"[。！？；!?;：:][ \t]{{0,4}}(?P<at>(?P<part>{_CJK_N}、|第{_CJK_N}部分)"
    rf"|(?P<chap>[（(]{_CJK_N}[）)]))"
)
#: A Latin part numeral inside a run-on line of a translation, after a sentence end
#: (``…seriously. II. Work Arrangements``, ``…them.Second, the main goals``).
EMBEDDED_LATIN_PART = regex.compile(
    r"(?<=[.!?;:])[ \t]{0,4}(?P<at>[IVX]{1,5}\.[ \t]+(?=[A-Z])"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)[,:][ \t]*(?=[a-z]))"
)
#: A back-matter heading inside a run-on line, after a sentence end (group ``at``).
EMBEDDED_BACK = regex.compile(
    r"[。！？!?；;][ \t]{0,4}(?P<at>结束语|结语|(?:(?:附件|附录)[ \t]*\d{0,2}[ \t]*[:：]?[ \t]*)?"
    r"(?:名词解释|名词注释)|(?:附件|附录)[ \t]*\d{1,2}"
    # 附件：2024年民生实事项目1.… — the appendix's title, up to its first numbered entry
    r"|(?:附件|附录)[ \t]*[:：](?:[^。！？!?；;\n]{1,40}?(?=[ \t]*[1１][.．、]))?)"
)
#: A report's title inside a run-on line (a listing page joined into one line), after a
#: sentence end and before its date or meeting line (group ``at``).
EMBEDDED_TITLE = regex.compile(
    r"[。！？!?][ \t]{0,4}(?P<at>[^。！？!?，,；;\n]{0,30}?政府工作报告)"
    r"(?=[ \t]*(?:——|—|-{1,2})?[ \t]*(?:(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月|在))"
)
#: A list bullet of a web page inside a run-on line (a listing page on one line).
EMBEDDED_BULLET = regex.compile(r"[•▪■◆►▶](?=[ \t]*【)")
#: A salutation that starts a new paragraph inside a run-on line (group ``at``).
EMBEDDED_SALUTATION = regex.compile(
    r"[。！？!?][ \t]{0,4}(?P<at>(?:各位代表|各位主任[、，,]?(?:各位)?委员|各位委员)[,，!！:：])"
    r"|[.!?][ \t]{0,4}(?P<at>(?:Fellow|Dear)[ \t]+(?i:deputies|representatives)[,!:])"
)

# --------------------------------------------------------------------------- block shapes

#: A sentence end, possibly followed by closing quotes/brackets.
SENTENCE_END = regex.compile(r"[。！？!?；;…]+[”’」』）)]*")
#: The first sentence of a block (up to and including its end punctuation).
FIRST_SENTENCE = regex.compile(r"[^。！？!?；;\n]{1,400}[。！？!?；;]")
#: A block ending like a finished sentence or a lead-in (``…工作：``).
ENDS_CLOSED = regex.compile(r"[。！？!?；;…:：][”’」』）)\]]*$")
#: Characters that cannot start a new paragraph: a line starting with one continues the last.
CONTINUES_LINE = regex.compile(r"^[，、。；：！？）》」』”’,.;:!?)\]]")
#: Characters that cannot end a paragraph: a line ending with one continues on the next.
OPENS_LINE = regex.compile(r"[《「『“‘（(\[—]$")

#: the words of a salutation (各位代表, Fellow Deputies)
SALUTATION_WORDS = (
    r"(?:各位代表|各们代表|各位主任[、，,]?[ \t]*(?:各位)?委员|各位委员"
    r"|(?i:fellow|dear)[ \t]+(?i:deputies|representatives))"
)
#: 各位代表： / Fellow Deputies, — standalone or leading a paragraph.
SALUTATION = regex.compile(rf"{SALUTATION_WORDS}[ \t]*[,，:：!！;；.。]?")
#: 现在，我代表市人民政府向大会报告工作 (受市人民政府委托，现在向大会报告…) — the opening
#: formula that ends the preamble.
OPENING = regex.compile(
    r"我代表[^。!！\n]{0,30}?(?:人民政府|国务院|政府|行政公署|行署)[^。!！\n]{0,30}?"
    r"(?:报告|作[^。\n]{0,6}报告)"
    r"|受[^。!！\n]{0,20}?(?:人民政府|国务院|政府|行政公署|行署)委托[^。!！\n]{0,30}?"
    r"(?:报告|作[^。\n]{0,6}报告)"
    r"|(?i:on behalf of the)[^.。\n]{0,80}?(?i:government)[^.。\n]{0,80}?(?i:report)"
)
#: 2021年政府工作报告 / Report on the work of the government — a title line.
TITLE_LINE = regex.compile(
    r"政府工作报告"
    r"|(?i:report on (?:the )?(?:work of the )?government(?:'s)? work|government work report)"
)
#: ——2021年3月5日在第十三届全国人民代表大会第四次会议上
MEETING_LINE = regex.compile(
    r"人民代表大会|人大[^。\n]{0,10}会议|(?i:people's congress)|会议上$"
)
#: 国务院总理 李克强 / 县长;史玉江
SPEAKER_TITLES = (
    "国务院总理", "总理", "代省长", "省长", "代市长", "市长", "代县长", "县长", "代区长", "区长",
    "代州长", "州长", "盟长", "旗长", "代主席", "主席",
)
SPEAKER_LINE = regex.compile(
    r"(?:" + "|".join(SPEAKER_TITLES) + r")[ \t;；:：·]*\p{Han}"
    r"|(?i:mayor|governor|premier|county magistrate|chairman)\b"
)

#: 结束语
CLOSING_HEADING = regex.compile(r"(?:结束语|结语|(?i:conclusion))[ \t]*[:：]?$")
#: 附件 / 附件1 / 附件2 名词解释
APPENDIX_HEADING = regex.compile(r"(?:附件|附表|附录)[ \t]*(?P<n>\d{0,2})[ \t]*[:：]?")
GLOSSARY_HEADING = regex.compile(
    r"(?:(?:附件|附录)[ \t]*\d{0,2}[ \t]*[:：]?[ \t]*)?"
    r"(?:名词解释|名词注释|(?i:glossary))[ \t]*[:：]?$"
)
#: 3.“136”发展战略:…  — term up to the first colon.
GLOSSARY_ENTRY = regex.compile(r"(?P<n>\d{1,3})[ \t]*[.．、][ \t]*(?P<term>[^:：\n]{1,60})[:：]")

#: Words of a final exhortation (the closing). The English ones are spelled out as a case-blind
#: pattern matches them (ſ is an s to it): a case-blind group among the others slows the search.
EXHORTATION = regex.compile(
    r"让我们|团结在[^。]{0,40}周围|(?:而|去)(?:努力|不懈|团结)?奋斗|奋勇前进|新篇章|新的更大的?胜利|而努力|以优异(?:的)?成绩"
    r"|[Ll][Ee][Tt] [Uu][Ssſ]|[Ll][Ee][Tt]'[Ssſ]"  # let us, let's
)

# --------------------------------------------------------------------------- boilerplate

#: Lines that are web chrome, pagination, licence or contact details. Checked on short blocks.
#: Each rule's pattern is written as its alternatives, one a string (no ``|`` outside a group):
#: those anchored at ``^`` are tried only at a block's start (``boilerplate_reason``).
_BOILERPLATE_ALTERNATIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pagination", (
        r"上一[页頁]", r"下一[页頁]", r"共[ \t]*\d+[ \t]*[页頁]", r"^第[ \t]*\d+[ \t]*[页頁]$",
        r"\[\d+\][ \t]*\[\d+\]",
    )),
    ("source", (
        r"^(?:文章|信息|稿件)?来源(?:于)?[ \t]*[:：]", r"^(?:责任)?编辑[ \t]*[:：]",
        r"^作者[ \t]*[:：]",
    )),
    ("copyright", (
        r"版权所有", r"(?i:copyright)", r"©", r"转载", r"免责声明", r"网站内容来源", r"本站",
        r"本网", r"本作品(?:是|不适用|在)", r"公有领域", r"维基文库", r"(?i:public domain)",
        r"^(?:true|false)$",
    )),
    ("url", (r"(?i:https?://|www\.)[\w.-]",)),
    ("contact", (
        r"\b(?:400|800)-?\d{3}-?\d{4}\b", r"(?:电话|热线|邮箱|传真|联系我们|客服)[ \t]*[:：]?",
        r"\b\d{3,4}-\d{7,8}\b",
    )),
    ("navigation", (
        r"^[•·▪■◆►▶][ \t]*", r"^(?:首页|返回顶部|关闭|确认|立即获取|点我投稿|投稿提示|投稿须知)$",
        r"投稿", r"企业入驻", r"招商中心", r"招商政策汇编",
        # breadcrumbs, page tools and login widgets of government web sites
        r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在的位置|所在位置)[ \t]*[:：]",
        r"^(?:网站)?(?:首页|主页|(?i:home))[ \t]*(?:>|›|»|→|/|\|)",
        r"字体[ \t]*[:：]?[ \t]*[【\[]?[ \t]*大[ \t]*[】\]]?[ \t]*[【\[]?[ \t]*中",
        r"打印本页", r"关闭窗口", r"【打印】", r"【关闭】", r"^分享到", r"^扫一扫",
        r"^(?:用户名|密码|验证码|登录|注册|忘记密码[?？]?|退出|搜索|高级检索|请输入关键词)$",
        r"(?:浏览|阅读|访问|点击)(?:次数|量|数)[ \t]*[:：]",
    )),
    ("date", (
        r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?$",
        r"^(?:发布时间|发布日期|更新时间|时间|日期)[ \t]*[:：][ \t]*\d{4}",
    )),
    # HTML source passed as text: a line of nothing but tags (the text between tags stays text).
    # Linear: a tag cannot contain < or >, so the repeat has one way to split a line.
    ("markup", (r"^(?:<(?:[/!]?[A-Za-z]|!--)[^<>\n]{0,500}>[ \t]*)+$",)),
)
BOILERPLATE_RULES: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (reason, regex.compile("|".join(alternatives)))
    for reason, alternatives in _BOILERPLATE_ALTERNATIVES
)
#: Blocks longer than this are never boilerplate by pattern (real paragraphs may cite a URL).
BOILERPLATE_MAX_LEN = 160


def _any_alternative(where: str) -> regex.Pattern[str]:
    """One alternation of the alternatives of every rule that are ``anchored`` at ``^``, or
    ``slow`` (case-blind or at a word boundary), or neither (``plain``)."""
    def kind(a: str) -> str:
        return "anchored" if a.startswith("^") else "slow" if "(?i" in a or "\\b" in a \
            else "plain"
    return regex.compile("|".join(f"(?:{a})" for _, alternatives in _BOILERPLATE_ALTERNATIVES
                                  for a in alternatives if kind(a) == where))


#: any rule of ``BOILERPLATE_RULES`` matches iff one of its alternatives anchored at ``^``
#: matches at the start (``match``) or one of the others anywhere (``search``): three calls rule
#: a block out (exact by construction). Searched for in one alternation, every alternative is
#: tried at every position; apart, the anchored ones are tried at the start only, and the plain
#: ones are searched for twice as fast without a case-blind or word-boundary one among them.
_ANY_ANCHORED_BOILERPLATE = _any_alternative("anchored")
_ANY_PLAIN_BOILERPLATE = _any_alternative("plain")
_ANY_SLOW_BOILERPLATE = _any_alternative("slow")


def boilerplate_reason(text: str) -> str | None:
    """The reason (``navigation``, ``source`` …) of the first rule of ``BOILERPLATE_RULES`` that
    ``text`` (one block) matches, or ``None``."""
    if len(text) > BOILERPLATE_MAX_LEN or not (_ANY_ANCHORED_BOILERPLATE.match(text)
                                               or _ANY_PLAIN_BOILERPLATE.search(text)
                                               or _ANY_SLOW_BOILERPLATE.search(text)):
        return None
    for reason, rule in BOILERPLATE_RULES:
        if rule.search(text):
            return reason
    return None


#: Spam injected by re-posting sites into sentences: gambling and live-stream advertising.
SPAM = regex.compile(
    r"《[^《》\n]{0,12}?(?:投注|下注|博彩|赌场|百家乐|娱乐城|买球|棋牌|彩票|老虎机)[^《》\n]{0,12}》"
    r"|(?:欧洲杯|世界杯|亚洲杯|NBA|英超)(?:投注|下注|买球|竞猜|押注)"
    r"|投注|下注网|博彩|赌场|百家乐|娱乐城|买球|真人视讯|老虎机|初恋直播|成人直播"
)

# --------------------------------------------------------------------------- broken input
# Scanned once over the whole input (``diagnostics.input_diagnostics``).

#: C0/C1 control characters other than tab, line feed, vertical tab, form feed, carriage
#: return, U+001C–001F (spaces to ``str.isspace``) and U+0085 (a line break): binary data, or
#: UTF-16 read without its byte-order mark.
CONTROL_CHAR = regex.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
#: Lone surrogates: a ``str`` made with ``errors="surrogateescape"`` or ``"surrogatepass"``.
LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
#: The first clause of a slogan title: a few words before its comma (牢记历史使命，…).
SLOGAN_FIRST_CLAUSE = regex.compile(r"[^，,。！？；!?;：:、“”\"\s]{4,12}[，,]")
#: A high surrogate right before a low one: two lone code points that JSON cannot keep apart
#: (``json.loads`` reads their escapes ``\\ud83d\\ude00`` as one character).
SURROGATE_PAIR = regex.compile(r"[\ud800-\udbff][\udc00-\udfff]")


def unpair_surrogates(text: str) -> str:
    """``text`` with each ``SURROGATE_PAIR`` replaced by two U+FFFD (same length: offsets keep)."""
    if SURROGATE_PAIR.search(text) is None:
        return text
    return str(SURROGATE_PAIR.sub("\ufffd\ufffd", text))
#: An HTML tag or declaration (HTML source passed as text).
HTML_TAG = regex.compile(
    r"<(?:!(?i:doctype)|!--|/?(?i:html|head|body|div|p|br|span|table|tbody|thead|tr|td|th|ul|ol"
    r"|li|h[1-6]|a|img|script|style|meta|link|title|strong|em|b|i|u|font|center|iframe|form"
    r"|input|section|article|header|footer|nav|main)(?=[\s/>]))[^<>\n]{0,500}>?"
)
#: this many tags make the input HTML source
HTML_MIN_TAGS = 3


def first_html_tag(text: str) -> regex.Match[str] | None:
    """The first ``HTML_TAG`` of ``text`` if it holds at least ``HTML_MIN_TAGS`` of them (HTML
    source, or a page's text copied with its markup), else ``None``."""
    if "<" not in text:
        return None
    tags = itertools.islice(HTML_TAG.finditer(text), HTML_MIN_TAGS)
    first = next(tags, None)
    return first if sum(1 for _ in tags) == HTML_MIN_TAGS - 1 else None
