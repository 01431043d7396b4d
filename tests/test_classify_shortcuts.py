"""The shortcuts of classification give what the plain definitions give: the boilerplate
prefilter (govreport/patterns.py) and the rules a block is spared (govreport/classify.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govreport import patterns

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
