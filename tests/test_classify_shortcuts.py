"""The shortcuts of classification give what the plain definitions give: the boilerplate
prefilter and the spelled-out case-blind words (govreport/patterns.py), the rules a block is
spared and the lowering of an opening's head (govreport/classify.py)."""

from __future__ import annotations

import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

from govreport import classify, patterns
from govreport.classify import Candidate, HeadingCandidate, TokenKind
from govreport.segment import Block, segment

#: pieces of web chrome (one or more for each alternative of ``BOILERPLATE_RULES``) and of text
_PIECES = (
    "上一页", "下一頁", "共 3 页", "第 2 页", "第2頁", "[1] [2]", "来源：", "文章来源于:", "责任编辑：",
    "编辑:", "作者：", "版权所有", "COPYRIGHT", "©", "转载", "免责声明", "网站内容来源", "本站",
    "本网", "本作品是", "公有领域", "维基文库", "Public Domain", "true", "false", "https://a",
    "WWW.b", "400-123-4567", "8001234567", "电话：", "客服", "010-12345678", "•", "▶ ", "首页",
    "返回顶部", "投稿须知", "企业入驻", "招商中心", "当前位置：", "您现在的位置:", "首页 > ", "Home/",
    "网站主页›", "字体：【大】【中", "打印本页", "关闭窗口", "【打印】", "分享到", "扫一扫", "登录",
    "忘记密码？", "请输入关键词", "浏览次数：", "点击量:", "2024-01-02", "2024/1/2 10:30:05",
    "发布时间：2024", "日期: 2025", "<div>", "</p> ", "<!-- x -->", "<br/>", "经济运行稳中向好。",
    "一、", "各位代表：", "2025年", "我们", " ", "\t", "\n", "a", "1", "-", ":",
)


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_boilerplate_reason_is_the_first_rule_that_matches(text: str) -> None:
    first = next((reason for reason, rule in patterns.BOILERPLATE_RULES if rule.search(text)),
                 None)
    expected = first if len(text) <= patterns.BOILERPLATE_MAX_LEN else None
    assert patterns.boilerplate_reason(text) == expected


#: pieces of report lines: numerals, markers and salutations that start a block, and text
_LINE_PIECES = (
    "一、", "十二．", "第三部分", "II. ", "Second, ", "（一）", "(2)", "3.", "4、", "第五，", "）", "①",
    "㈡", "⑶", "⒋", "一是", "二要", "——", "—", "－－", "--", "各位代表：", "各位代表，", "各位委员",
    "Fellow Deputies,", "dear representatives!", "附件1", "名词解释", "结束语", "我代表市人民政府",
    "向大会报告工作", "政府工作报告", "第十四届人民代表大会", "市长 张三", "工作回顾", "2025年工作安排",
    "扩大有效需求", "经济运行稳中向好", "。", "，", "：", " ", "We will ", "work.", "x", "1", "五",
)


def _classify_with_every_rule(text: str, blocks: list[Block]) -> list[Candidate]:
    out = []
    for block in blocks:
        body = text[block.start : block.end]
        cand = next((c for _, rule in classify.RULES if (c := rule(body, block)) is not None),
                    None) or Candidate(block, TokenKind.PARA)
        out.append(cand)
    classify._running_headers(text, out)
    return out


@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=6).map("".join),
                min_size=1, max_size=12).map("\n".join))
def test_classify_spares_a_block_only_rules_that_would_not_match(text: str) -> None:
    blocks = list(segment(text))
    expected = _classify_with_every_rule(text, blocks)
    got = classify.classify(text, blocks)
    assert [_slots(c) for c in got] == [_slots(c) for c in expected]


def _slots(cand: Candidate) -> tuple[object, ...]:
    """Every field of a candidate (a body block's reads the heading fields as their defaults),
    and whether it is a heading's."""
    names = (*Candidate.__slots__, *HeadingCandidate.__slots__)
    return (type(cand), *(getattr(cand, name) for name in names))


def test_only_f_lowers_to_an_f() -> None:
    """``classify._front`` lowers a block's head to look for "on behalf of the" only when the
    head holds an f or an F."""
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if "f" in c.lower()] == ["F", "f"]


#: what case-blind matching takes for each letter of "let us" and "let's"
_CASES = {"l": "Ll", "e": "Ee", "t": "Tt", "u": "Uu", "s": "Ssſ"}
_LET_US_SPELLED = "[{l}][{e}][{t}] [{u}][{s}]|[{l}][{e}][{t}]'[{s}]".format(**_CASES)
_CASE_BLIND = regex.compile(patterns.EXHORTATION.pattern.replace(_LET_US_SPELLED,
                                                                 r"(?i:let us|let's)"))


def test_case_blind_matching_takes_these_for_the_letters_of_let_us() -> None:
    assert _LET_US_SPELLED in patterns.EXHORTATION.pattern
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter, cases in [*_CASES.items(), ("'", "'"), (" ", " ")]:
        assert set(regex.findall(f"(?i:{letter})", every_character)) == set(cases)


@given(st.text(alphabet="lLeEtTuUsSſİK' 让我们x", max_size=30))
def test_exhortation_is_the_case_blind_pattern(text: str) -> None:
    assert [m.span() for m in patterns.EXHORTATION.finditer(text)] \
        == [m.span() for m in _CASE_BLIND.finditer(text)]
