"""Hostile and broken input (issue 8): every case returns a Report whose leaves tile the input
(with the diagnostics it deserves) or raises a specific :class:`govreport.GovReportError`.

Sizes are the issue's. These tests assert outcomes, not times: running time is watched by
``benchmarks/bench.py`` (its scaling section has the worst of these inputs), so a regression to
quadratic time shows there, and as a suite that suddenly takes minutes here.
"""

from __future__ import annotations

import codecs
import json
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

import pytest

import govreport
from govreport import (
    DecodeError,
    Diagnostic,
    GovReportError,
    Heading,
    InputTooLarge,
    Paragraph,
    Report,
    Section,
    SectionKind,
    Severity,
    Span,
    Subsection,
)
from govreport.decode import MIXED, decode
from govreport.html import html_to_text

from .test_invariants import check_invariants, check_page


def parsed(text: str | bytes) -> Report:
    """``parse`` plus the invariants of every parse (leaves tile the text, spans nest …)."""
    report = govreport.parse(text)
    check_invariants(report)
    return report


def subsections(section: Section) -> list[Subsection]:
    return [c for c in section.children if isinstance(c, Subsection)]


# --------------------------------------------------------------------------- many headings


#: a part (its numeral lost) that announces three subsections and shows one, plus one more
#: shaped like its sibling inside a paragraph
ANNOUNCING_PART = ("2025年工作安排\n重点抓好以下三个方面工作。\n"
                   "（一）坚持创新驱动，推动高质量发展\n"
                   "我们要加大投入，做好工作。坚持改革开放，推动经济发展。还要继续努力。\n")


def test_missing_subsections_are_looked_for_inside_their_own_part_only() -> None:
    # part one announces three subsections and shows one; the sibling-shaped sentence
    # 坚持依法行政，建设法治政府。 belongs to part two and must stay a sentence there
    text = ("一、2025年工作安排\n重点抓好以下三个方面工作。\n（一）坚持创新驱动，推动高质量发展\n"
            "创新是第一动力，我们要加大投入力度。\n"
            "二、加强政府自身建设\n我们要始终把人民放在心中最高位置，做好各项工作。"
            "坚持依法行政，建设法治政府。还要继续努力工作。\n")
    report = parsed(text)
    assert report.outline() == [("annual_plan", 1), ("self_improvement", 2)]
    assert [s.ordinal for s in subsections(report.sections[0])] == [1]
    assert subsections(report.sections[1]) == []


def test_many_parts_announcing_more_subsections_than_they_show() -> None:
    # was quadratic: each part's search for its missing subsections ran to the end of the text
    report = parsed(ANNOUNCING_PART * 2000)
    assert len(report.sections) == 2000
    for section in report.sections:
        assert section.kind == SectionKind.ANNUAL_PLAN
        assert [s.ordinal for s in subsections(section)] == [1, 2]
        assert subsections(section)[1].title == "坚持改革开放，推动经济发展"


def test_many_parts_with_a_gap_in_their_subsection_numbering() -> None:
    # was quadratic: every gap looked up the last subsection with list.index from the start
    part = ("2024年工作回顾\n（一）坚持创新，推动发展\n正文。坚持改革，推动开放。\n"
            "（三）坚持改革，深化开放\n正文。\n")
    report = parsed(part * 2000)
    assert len(report.sections) == 2000
    for section in report.sections:
        assert [s.ordinal for s in subsections(section)] == [1, 2, 3]
        hidden = subsections(section)[1]
        assert hidden.title == "坚持改革，推动开放"
        assert hidden.heading is not None
        assert hidden.heading.numeral is None


# --------------------------------------------------------------------------- whitespace


@pytest.mark.parametrize(
    "text",
    [" 1、:", "\t一、经济发展", "\n\n一、2024年工作回顾\n正文。", "\u3000（一）坚持创新\n正文。"],
    ids=["space", "tab", "blank-lines", "ideographic-space"],
)
def test_whitespace_before_an_opening_heading_is_a_leaf_of_its_own(text: str) -> None:
    report = parsed(text)
    first, heading, *_ = report.leaves()
    assert first == Paragraph(span=Span(0, len(text) - len(text.lstrip())), text="")
    assert report.sections[0].kind == SectionKind.PREAMBLE
    assert isinstance(heading, Heading)
    assert heading.span.start == first.span.end


@pytest.mark.parametrize("space", ["\x1c", "\x1d", "\x1e", "\x1f", "\u1680", "\x0c", "\x0b"])
def test_every_python_whitespace_character_is_whitespace(space: str) -> None:
    # str.isspace() characters that normalisation used to keep: alone, around a block, and
    # between a heading's title and its body
    assert [leaf.text for leaf in parsed(space).leaves()] == [""]
    assert [leaf.text for leaf in parsed(f"{space}正文。{space}").leaves()] == ["正文。"]
    report = parsed(f"一、总体要求。{space}正文很长很长。\n二、主要任务。{space}正文。")
    assert report.outline() == [("annual_plan", 1), ("annual_plan", 2)]
    assert [leaf.text for leaf in report.leaves()] == ["一、总体要求。", "正文很长很长。",
                                                       "二、主要任务。", "正文。"]


@pytest.mark.parametrize(
    ("text", "texts"),
    [("1、\x8000\x0c 0", ["1、\x8000", "0"]),
     ("一、总体要求\x0b 今年经济增长很快，发展很好。", ["一、总体要求", "今年经济增长很快，发展很好。"]),
     ("（一）坚持创新，推动发展\x0c 创新是第一动力。", ["（一）坚持创新，推动发展", "创新是第一动力。"])],
    ids=["fuzz-shrunk", "vertical-tab", "form-feed"],
)
def test_a_heading_does_not_end_with_the_space_before_its_body(text: str,
                                                                 texts: list[str]) -> None:
    assert leaf_texts(parsed(text)) == texts


# --------------------------------------------------------------------------- code points


def test_lone_surrogates_in_a_traditional_text() -> None:
    # OpenCC takes UTF-8, which cannot hold a lone surrogate: it used to raise
    # UnicodeEncodeError; the text around them is converted, the surrogates are kept
    text = "發展經濟\ud800，擴大開放\udfff。"
    report = parsed(text)
    assert report.text == text
    assert [leaf.text for leaf in report.leaves()] == ["发展经济\ud800，扩大开放\udfff。"]
    assert report.metadata.script == "zh-Hant"


def codes(report: Report) -> set[str]:
    return {d.code for d in report.diagnostics}


def diagnostic(report: Report, code: str) -> Diagnostic:
    found = [d for d in report.diagnostics if d.code == code]
    assert len(found) == 1, report.diagnostics
    return found[0]


def leaf_texts(report: Report) -> list[str]:
    return [leaf.text for leaf in report.leaves()]


# --------------------------------------------------------------------------- tiny input


def test_empty_text() -> None:
    report = parsed("")
    assert report.sections == ()
    assert codes(report) == {"empty_input"}
    assert report.targets == ()


def test_whitespace_only() -> None:
    text = " \t\n\u3000\n\r\n\x0c "
    report = parsed(text)
    assert report.outline() == [("other", None)]
    assert list(report.leaves()) == [Paragraph(span=Span(0, len(text)), text="")]
    assert codes(report) == {"empty_input", "no_outline"}


@pytest.mark.parametrize("char", ["x", "经", "一", "、", "（", "\x00", "\ud800", "\U0002a6a5"])
def test_one_character(char: str) -> None:
    report = parsed(char)
    assert len(report.sections) == 1
    [leaf] = report.leaves()
    assert isinstance(leaf, Paragraph)
    assert leaf.span == Span(0, 1)
    assert leaf.text == char


# --------------------------------------------------------------------------- not a report

#: a short news article written for this test: paragraphs, a quotation, no outline at all
NEWS = (
    "本报讯（记者 王明）昨天上午，市图书馆新馆正式对外开放。新馆位于城东新区，建筑面积三万"
    "平方米，设有阅览座位两千个。\n\n"
    "开馆首日，不少市民早早来到馆前排队。退休教师李女士说：“以后看书方便多了。”\n\n"
    "据介绍，新馆还将开设少儿阅读区和数字体验区，每周一闭馆。\n"
)


def test_text_without_an_outline() -> None:
    report = parsed(NEWS)
    assert report.outline() == [("other", None)]
    leaves = list(report.leaves())
    assert all(isinstance(leaf, Paragraph) for leaf in leaves)
    assert [leaf.text[:4] for leaf in leaves] == ["本报讯（", "开馆首日", "据介绍，"]
    assert "no_outline" in codes(report)
    assert report.targets == ()
    assert govreport.parse_many(NEWS) == []
    assert [item.kind for item in govreport.split(NEWS)] == ["text"]


#: a page's HTML source, passed to parse() as if it were text
HTML = (
    "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>2025年政府工作报告</title>\n</head>\n<body>\n<div class=\"article\">\n"
    "<p>各位代表：</p>\n<p>现在，我代表市人民政府向大会报告工作，请予审议。</p>\n"
    "<p>一、2024年工作回顾</p>\n<p>过去一年，全市经济平稳增长。</p>\n"
    "</div>\n</body>\n</html>\n"
)


def test_html_source_is_reported_and_read_through_its_tags() -> None:
    """Markup in the text (HTML source, or a page's text copied with its tags) is reported;
    its tags are left out of the text the outline is read from, and stay in the leaves'
    spans (every character of the input still belongs to a leaf)."""
    report = parsed(HTML)
    html = diagnostic(report, "html_input")
    assert html.severity == Severity.WARNING
    assert html.span == Span(0, len("<!DOCTYPE html>"))
    assert "line 1, column 1" in html.message
    assert "html_to_text" in html.message
    assert report.outline() == [("preamble", None), ("review", 1)]
    heading = next(leaf for leaf in report.leaves() if isinstance(leaf, Heading))
    assert heading.text == "一、2024年工作回顾"
    assert HTML[heading.span.start : heading.span.end].startswith("一、2024年工作回顾</p>")
    assert not any("<" in leaf.text for leaf in report.leaves())
    # a whole page is better read as text first (spans then refer to that text)
    page = html_to_text(HTML)
    text_report = parsed(page)
    assert text_report.outline() == [("preamble", None), ("review", 1)]
    assert "html_input" not in codes(text_report)


def test_space_entities_and_inline_tags_of_a_copied_page() -> None:
    text = ("<p>各位代表：</p>\n&nbsp;&nbsp;现在，我代表市人民政府向大会报告工作。\n"
            "<p><strong>一、2024年工作回顾</strong></p>\n<p>&nbsp;&nbsp;过去一年，经济平稳。<br></p>\n"
            "<p><strong>二、2025年工作安排</strong></p>\n<p>今年要稳中求进。</p>\n")
    report = parsed(text)
    assert report.outline() == [("preamble", None), ("review", 1), ("annual_plan", 2)]
    assert [leaf.text for leaf in report.leaves() if isinstance(leaf, Heading)] == [
        "一、2024年工作回顾", "二、2025年工作安排"]


def test_a_report_that_mentions_a_tag_is_not_html() -> None:
    text = "一、2024年工作回顾\n网站首页加入<p>标签说明。\n"
    assert "html_input" not in codes(parsed(text))


# --------------------------------------------------------------------------- big and degenerate


def test_fifty_thousand_lines_of_a_bare_numeral() -> None:
    text = "一、\n" * 50_000
    report = parsed(text)
    leaves = list(report.leaves())
    assert len(leaves) == 50_000
    assert {type(leaf) for leaf in leaves} == {Paragraph}  # a numeral without a title
    assert {leaf.text for leaf in leaves} == {"一、"}
    assert report.outline() == [("preamble", None)]


T = TypeVar("T")


def peak_memory(func: Callable[[str], T], text: str) -> tuple[T, int]:
    """``func(text)`` and the peak of Python allocations while it ran (tracemalloc)."""
    tracemalloc.start()
    try:
        result = func(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def test_tiny_paragraphs_cost_little_memory() -> None:
    """Issue 14, item 7: ``"字\\n\\n" * n`` peaked at about 190× the input size (a Python
    object or more per line in every stage). Runs of one-character lines are one paragraph
    now, and the peak of Python allocations stays within 30× (tracemalloc counts bytes, not
    time: the figure does not depend on the machine's load)."""
    text = "字\n\n" * 20_000
    govreport.parse("各位代表：\n")  # patterns and grammar built before measuring
    report, peak = peak_memory(govreport.parse, text)
    assert peak <= 30 * len(text.encode("utf-8"))
    assert "".join(leaf.text for leaf in report.leaves()) == text.replace("\n", " ").rstrip()
    assert sum(len(leaf.span) for leaf in report.leaves()) == len(text)


def test_unwrapping_latin_words_costs_no_copy_per_character() -> None:
    """A break between two Latin words becomes a space; that must not build a list of every
    character of the text (it did: 30× a report of Han text with one such break)."""
    line = "全市经济运行总体平稳稳中有进高质量发展扎实推进各项事业取得新的进展"
    lines = [line + "GDP", "growth" + line] + [line + line[:3], line + line[:4]] * 400
    text = "\n".join(lines) + "。"
    govreport.normalize("各位代表：\n")
    norm, peak = peak_memory(govreport.normalize, text)
    assert "GDP growth" in norm.text  # the break between the words is a space
    assert peak <= 12 * len(text.encode("utf-8"))


def test_two_million_characters_on_one_line() -> None:
    text = "经济社会发展" * 333_334
    report = parsed(text)
    assert [leaf.text for leaf in report.leaves()] == [text]
    assert report.outline() == [("other", None)]


def test_two_million_characters_on_one_line_with_sentence_ends() -> None:
    # a run-on line (>= segment.RUN_ON_LENGTH) is searched for embedded headings
    text = "经济平稳增长，民生持续改善。" * 150_000
    report = parsed(text)
    assert leaf_texts(report) == [text]


@pytest.mark.parametrize("brackets", [("（", "）"), ("(", ")"), ("《", "》"), ("[", "]")],
                         ids=["full-width", "ascii", "book-title", "square"])
def test_a_hundred_thousand_nested_brackets(brackets: tuple[str, str]) -> None:
    opening, closing = brackets
    text = opening * 100_000 + "经" + closing * 100_000
    report = parsed(text)
    [leaf] = report.leaves()
    assert len(leaf.text) == len(text)


def test_a_hundred_thousand_nested_brackets_on_lines() -> None:
    text = "（\n" * 50_000 + "）\n" * 50_000
    report = parsed(text)
    # one-character lines: one paragraph, the breaks read as spaces (normalize.unwrap)
    assert "".join(leaf_texts(report)) == text[:-1].replace("\n", " ")


@pytest.mark.parametrize("sep", ["", "\n"], ids=["one-line", "lines"])
def test_numeral_soup(sep: str) -> None:
    text = ("一二三四五六七八九十、" + sep) * 20_000
    report = parsed(text)
    assert "".join(leaf_texts(report)) == text.replace("\n", "")
    assert not any(isinstance(leaf, Heading) for leaf in report.leaves())


def test_a_hundred_thousand_pinyin_annotations() -> None:
    text = "经(jīng)" * 100_000
    report = parsed(text)
    assert leaf_texts(report) == ["经" * 100_000]
    assert diagnostic(report, "pinyin_removed").message == "100000 pinyin annotations removed"


def test_every_code_point_of_the_bmp() -> None:
    text = "".join(map(chr, range(0x10000)))  # surrogates, controls, line breaks included
    report = parsed(text)
    # U+DBFF U+DC00 side by side would be one character after a JSON round trip
    assert report.text == text[:0xDBFF] + "\ufffd\ufffd" + text[0xDC01:]
    assert diagnostic(report, "control_characters").span == Span(0, 1)  # U+0000
    assert diagnostic(report, "lone_surrogates").span == Span(0xD800, 0xD801)
    assert diagnostic(report, "surrogate_pairs").span == Span(0xDBFF, 0xDC01)


def test_every_code_point_of_the_bmp_as_lines() -> None:
    text = "\n".join(chr(c) for c in range(0x10000))
    report = parsed(text)
    assert report.text == text


# --------------------------------------------------------------------------- broken code points


def test_lone_surrogates_are_kept_and_reported() -> None:
    text = "一、2024年工作回顾\n经济\udce4平稳增长。\ud800\n"
    report = parsed(text)
    assert report.outline() == [("review", 1)]
    assert leaf_texts(report)[1] == "经济\udce4平稳增长。\ud800"
    lone = diagnostic(report, "lone_surrogates")
    assert lone.severity == Severity.WARNING
    assert lone.span == Span(text.index("\udce4"), text.index("\udce4") + 1)
    assert lone.message.startswith("2 lone surrogates in the text, the first U+DCE4 at offset 14 "
                                   "(line 2, column 3)")


def test_lone_surrogates_as_bytes_are_undecodable() -> None:
    data = "一、经济".encode() + "\ud800".encode("utf-8", "surrogatepass") + "发展".encode()
    with pytest.raises(DecodeError) as info:
        govreport.parse(data)
    assert info.value.offset == 12
    assert info.value.line == 1
    assert "ed a0 80" in str(info.value)
    assert "byte offset 12 (line 1" in str(info.value)


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_nul_characters(as_bytes: bool) -> None:
    text = "一、2024年工作回顾\n经济\x00平稳\x00增长。\n" + "\x00" * 1000
    report = parsed(text.encode() if as_bytes else text)
    assert report.text == text
    assert report.outline() == [("review", 1)]
    nul = diagnostic(report, "control_characters")
    assert nul.span == Span(text.index("\x00"), text.index("\x00") + 1)
    assert nul.message.startswith("1002 control characters in the text, the first U+0000")
    assert "line 2, column 3" in nul.message


# --------------------------------------------------------------------------- bytes


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (b"\xff", 0, 1),
        (b"\x80", 0, 1),
        (b"abc\n\xfe\xfe\xfe", 6, 2),  # fe fe is a GB18030 pair, the last fe is not
        ("一、总体要求\n".encode("gbk") * 3 + b"\x81\x7f", 39, 4),  # GBK, then a bad pair
        ("一、总体要求\n".encode() * 3 + "经济".encode() + b"\xff", 63, 4),  # UTF-8, then 0xff
        (b"\xef\xbb\xbf" + "经济".encode() + b"\xc0\x80", 9, 1),  # after a UTF-8 BOM
    ],
    ids=["ff", "80", "ascii-then-fe", "gbk-then-bad-pair", "utf8-then-ff", "utf8-bom"],
)
def test_bytes_valid_in_no_supported_encoding(data: bytes, offset: int, line: int) -> None:
    with pytest.raises(DecodeError) as info:
        govreport.parse(data)
    error = info.value
    assert (error.offset, error.line) == (offset, line)
    assert f"byte offset {offset} (line {line}" in str(error)
    assert data[offset : offset + 1].hex() in str(error)
    assert isinstance(error, GovReportError)
    assert isinstance(error, ValueError)
    with pytest.raises(DecodeError):
        govreport.parse_many(data)


def test_bad_bytes_after_a_utf16_bom() -> None:
    with pytest.raises(DecodeError) as info:
        govreport.parse(codecs.BOM_UTF16_LE + "经济".encode("utf-16-le") + b"\x00\xd8")
    assert info.value.offset == 6
    assert info.value.line is None
    assert "byte offset 6" in str(info.value)


MIXED_PARTS = [("一、2024年工作回顾\n过去一年，经济平稳增长。\n", "utf-8"),
               ("二、2025年工作安排\n今年要推动高质量发展。\n", "gbk"),
               ("三、加强政府自身建设\n", "utf-8")]


def test_mixed_encodings_are_decoded_line_by_line() -> None:
    data = b"".join(text.encode(encoding) for text, encoding in MIXED_PARTS)
    text = "".join(text for text, _ in MIXED_PARTS)
    report = parsed(data)
    assert report.text == text
    assert report.outline() == [("review", 1), ("annual_plan", 2), ("self_improvement", 3)]
    mixed = diagnostic(report, "mixed_encoding")
    assert mixed.severity == Severity.WARNING
    assert mixed.span == Span(text.index("二、"), text.index("\n", text.index("二、")))
    assert mixed.message == ("the bytes mix encodings: 2 of 5 lines decoded as GB18030, the "
                             "others as UTF-8; the first GB18030 line is line 3")
    assert decode(data) == (text, MIXED)


def test_a_gbk_text_whose_lines_look_like_utf8_stays_gbk() -> None:
    # 一 in GBK is d2 bb, a valid two-byte UTF-8 sequence (U+04BB): still one encoding
    text = "一\n二、经济发展\n一\n"
    report = parsed(text.encode("gbk"))
    assert report.text == text
    assert "mixed_encoding" not in codes(report)


# --------------------------------------------------------------------------- absurd numbers


@pytest.mark.parametrize(
    "statement",
    ["全市生产总值增长99999999999999999999%", "税收收入增长-%", "居民收入增长5%%左右",
     "增长" + "9" * 5000 + "%", "增长1e308%", "增长.%", "增长%5", "增长5%-%", "增长-5--6%",
     "增长５．５％左右", "增长×%左右", "增长" + "5%、" * 10_000],
)
def test_absurd_numbers(statement: str) -> None:
    # what extraction makes of them is its business; here: a report, nothing raised
    text = f"一、2025年工作安排\n今年主要预期目标是：{statement}。\n"
    report = parsed(text)
    assert report.outline() == [("annual_plan", 1)]
    assert isinstance(report.targets, tuple)
    for target in report.targets:
        assert 0 <= target.span.start <= target.span.end <= len(text)


@pytest.mark.parametrize(
    ("statement", "figure", "warned"),
    [("全市生产总值增长99999999999999999999%", (1e20, 1e20, "%", ""), True),
     ("全市生产总值增长500%左右", (500.0, 500.0, "%", "左右"), True),
     ("居民收入增长5%%左右", (5.0, 5.0, "%", "左右"), True),
     ("居民收入增长5%左右", (5.0, 5.0, "%", "左右"), False),
     ("城镇化率达到100%", (100.0, 100.0, "%", ""), False),
     ("税收收入增长-%", None, False)],
)
def test_absurd_targets_are_read_as_written_and_flagged(
    statement: str, figure: tuple[float, float, str, str] | None, warned: bool
) -> None:
    report = parsed(f"一、2025年工作安排\n今年主要预期目标是：{statement}。\n")
    got = [(t.low, t.high, t.unit, t.qualifier) for t in report.targets]
    assert got == ([figure] if figure else [])
    flagged = [d for d in report.diagnostics if d.code == "suspicious_target"]
    assert len(flagged) == int(warned)
    for d in flagged:
        assert report.text[d.span.start:d.span.end] == report.targets[0].text
        assert d.severity == Severity.WARNING


def _no_constants(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


@pytest.mark.parametrize(
    "number",
    ["99999999999999999999",
     "9" * 400,
     "0." + "0" * 400 + "1"],
    ids=["20-digits", "400-digits", "400-zeros"],
)
def test_absurd_numbers_still_give_standard_json(number: str) -> None:
    report = parsed(f"一、2025年工作安排\n今年主要预期目标是：生产总值增长{number}%。\n")
    data = json.loads(report.to_json(), parse_constant=_no_constants)
    assert data["schema_version"]


# --------------------------------------------------------------------------- limits


def test_max_chars() -> None:
    text = "经济平稳增长。" * 1000
    assert govreport.parse(text, max_chars=len(text)).text == text
    with pytest.raises(InputTooLarge) as info:
        govreport.parse(text, max_chars=len(text) - 1)
    assert (info.value.size, info.value.limit) == (7000, 6999)
    assert str(info.value) == "input has 7000 characters, more than max_chars=6999"
    assert isinstance(info.value, GovReportError)
    assert isinstance(info.value, ValueError)


def test_max_chars_counts_decoded_characters() -> None:
    data = "经济".encode() * 3  # 18 bytes, 6 characters
    assert govreport.parse(data, max_chars=6).text == "经济" * 3
    with pytest.raises(InputTooLarge):
        govreport.parse(data, max_chars=5)


def test_no_limit_by_default() -> None:
    assert len(govreport.parse("经" * 3_000_000).text) == 3_000_000


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize(
    "text",
    [NEWS, HTML, "一、\n" * 5000, "（" * 100_000, "经(jīng)" * 10_000,
     ("现在，我代表市人民政府向大会报告工作。\n一、工作回顾\n正文。\n") * 2000],
    ids=["news", "html", "bare-numerals", "brackets", "pinyin", "two-thousand-openings"],
)
def test_parse_many_and_split_on_hostile_pages(text: str) -> None:
    check_page(text)


# --------------------------------------------------------------------------- issue 14
# Each of these took minutes before its fix (quadratic in the input); the sizes are such that
# a regression makes the suite visibly slow. Times per doubling are in benchmarks/bench.py.


def test_a_long_run_of_letters_in_a_target_statement() -> None:
    # targets._ENGLISH tried every start in the run to its end: over 2 minutes at 256 KB
    report = parsed("一、2025年工作安排\n今年主要预期目标是：" + "a" * 256_000)
    assert report.targets == ()
    assert [s.kind for s in report.sections] == [SectionKind.ANNUAL_PLAN]


def test_the_outline_view_of_thousands_of_warned_sections() -> None:
    # render.outline looked at every section for every warning
    from govreport.render import outline

    report = govreport.parse("2025年工作安排\n我们要做好工作，继续努力。\n" * 8000)
    warned = [d for d in report.diagnostics if d.severity != Severity.INFO]
    assert len(report.sections) > 1000
    assert len(warned) > 1000
    view = outline(report)
    assert view.count("\n") + 1 == len(report.sections) + 1  # a row each, and the summary
    assert view.count("!") >= len(warned) // 10  # rows carry their warnings


def test_markdown_of_many_short_paragraphs() -> None:
    # render.markdown copied the list of blocks for each paragraph of a top-level section
    from govreport.render import markdown

    report = govreport.parse("2025年政府工作报告\n" + "字。\n\n" * 50_000)
    assert markdown(report).count("字。") == 50_000


def test_html_with_thousands_of_unclosed_skipped_elements() -> None:
    # the skip stack was searched for every end tag: 39 s at 360 KB
    assert html_to_text("<svg>" * 60_000 + "</x>" * 60_000 + "<p>正文</p>") == ""
    assert html_to_text("<svg>" * 3 + "</svg>" * 3 + "<p>正文</p>") == "正文\n"


@pytest.mark.parametrize("text", ["ſeptember 5, 2024\n", "Auguſt 5, 2024\n",
                                  "aprİl 5, 2024\n", "JUNE 5, 2024 ſ\n"])
def test_letters_that_fold_to_ascii_in_an_english_date(text: str) -> None:
    # a case-blind match took ſ for s and İ for i, and the month lookup raised ValueError
    report = parsed(text)
    expected = "2024-06-05" if text.startswith("JUNE") else None
    assert report.metadata.meeting_date == expected


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_json_lines_hold_one_report_a_line(separator: str) -> None:
    # str.splitlines() breaks a line at these; json.dumps(ensure_ascii=False) wrote them raw
    report = govreport.parse(f"2025年工作回顾\n第一句{separator}第二句。\n")
    line = report.to_json()
    assert len(line.splitlines()) == 1
    assert separator not in line
    assert Report.from_dict(json.loads(line)) == report


def test_thousands_of_praised_county_names() -> None:
    # metadata._name_fallback compiled and ran a regex over the whole text for each XY县 stem
    han = [chr(0x4E00 + i) for i in range(0, 3000, 7)]
    names = [a + b for a in han[:80] for b in han[80:160]]  # 6,400 distinct stems
    text = "现在，我代表县人民政府向大会报告工作。\n" + "".join(f"美丽{n}县" for n in names) + "\n"
    assert parsed(text).metadata.region is None  # none of them is named three times
    named = text + "建设美丽示例县，示例县经济平稳，示例县民生改善。\n"
    assert parsed(named).metadata.region == "示例县"


@pytest.mark.parametrize("opener", ["<a", "<!--", "<![CDATA[", "<?", "</"])
def test_html_with_thousands_of_unclosed_openers(opener: str) -> None:
    # the standard library's parser looked for the end of each from each one: 32 s at 160 KB;
    # an opener that is never closed is text, as a browser shows it
    assert html_to_text(opener * 60_000) == opener * 60_000 + "\n"
    assert html_to_text(f"<p>正文</p>{opener}") == f"正文\n{opener}\n"


def test_short_paragraphs_cost_little_memory() -> None:
    """Issue 14, item 7: the shortest Han lines that stay paragraphs of their own peaked at 57×
    the input size: a block, its candidate, its choice and its token held every field a heading
    needs, and all of them lived to the end of the outline stage. Each is lean now and let go
    once the next stage has used it."""
    text = "字字字\n" * 20_000
    govreport.parse("各位代表：\n")
    report, peak = peak_memory(govreport.parse, text)
    assert peak <= 30 * len(text.encode("utf-8"))
    assert len(list(report.leaves())) == 20_000


def test_thousands_of_one_line_parts_do_not_regress_in_memory() -> None:
    """Issue 14, item 7 (not met here yet): a text of one-line parts, each with its paragraph,
    peaked at 73× the input size (here, 4,000 pairs); the choice's beams kept at checkpoints,
    readings shared within the parse, choices and leaves made when used bring it to about 39×,
    of which the result itself (a part and a diagnostic per line) is 25×. This keeps it from
    growing back (the bound of the issue, 30×, is not reached on this text)."""
    text = "2025年工作安排\n我们要做好工作，继续努力。\n" * 4_000
    govreport.parse("各位代表：\n")
    report, peak = peak_memory(govreport.parse, text)
    assert peak <= 45 * len(text.encode("utf-8"))
    assert len(report.sections) >= 4_000
