"""Normalisation: each step, its offset map, idempotence."""

from __future__ import annotations

import textwrap

import pytest

from govreport.normalize import STEPS, detect_script, normalize

from .conftest import SHARED, SHARED_REASON, shared_text


def source_of(text: str, needle: str, steps: list[str] | None = None) -> str:
    """The source characters behind the first occurrence of ``needle`` in the normalised text."""
    norm = normalize(text, steps=steps)
    i = norm.text.index(needle)
    start, end = norm.source_span(i, i + len(needle))
    return text[start:end]


# --------------------------------------------------------------------------- newlines


def test_newlines_crlf_and_lone_cr() -> None:
    text = "一、回顾\r\n过去一年\r今年"
    norm = normalize(text, steps=["newlines"])
    assert norm.text == "一、回顾\n过去一年\n今年"
    assert source_of(text, "过去一年", ["newlines"]) == "过去一年"
    assert source_of(text, "回顾\n过", ["newlines"]) == "回顾\r\n过"


# --------------------------------------------------------------------------- zero width


def test_zero_width_characters_are_deleted_with_exact_map() -> None:
    text = "经济\u200b增长\ufeff5%"
    norm = normalize(text, steps=["zero_width"])
    assert norm.text == "经济增长5%"
    # a deleted run belongs to the span that ends where it was: spans that tile the
    # normalised text tile the source too
    assert source_of(text, "增长", ["zero_width"]) == "增长\ufeff"
    assert source_of(text, "济增", ["zero_width"]) == "济\u200b增"
    assert source_of(text, "经济", ["zero_width"]) == "经济\u200b"


def test_soft_break_line_of_zero_width_joins_the_paragraph() -> None:
    text = "交出一份人\n\u200b\n民满意的答卷。\n\n\u200b\n各位代表！"
    norm = normalize(text, steps=["zero_width"])
    assert norm.text == "交出一份人民满意的答卷。\n\n\n各位代表！"
    assert source_of(text, "人民满意", ["zero_width"]) == "人\n\u200b\n民满意"


# --------------------------------------------------------------------------- pinyin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("領(lǐng)航定向", "領航定向"),
        ("新(xīn)時代", "新時代"),
        ("二(èr)、新一屆政府", "二、新一屆政府"),
        ("(二(èr))聚焦鄉村振興", "(二)聚焦鄉村振興"),
        ("（二（èr））聚焦", "（二）聚焦"),
        ("領(lǐng)(lǐng)航", "領航"),  # a repeated annotation goes with the first
    ],
)
def test_pinyin_annotations_are_removed(text: str, expected: str) -> None:
    assert normalize(text, steps=["pinyin"]).text == expected


def test_toneless_syllables_only_in_annotated_text() -> None:
    annotated = "我們(men)一定(dìng)直麵問題，認真加以(yǐ)解決(jué)。"
    assert normalize(annotated, steps=["pinyin"]).text == "我們一定直麵問題，認真加以解決。"
    plain = "推广应用APP(app)和小程序(mini)"
    assert normalize(plain, steps=["pinyin"]).text == plain


def test_pinyin_map_points_at_the_annotated_character() -> None:
    text = "是省委堅強(qiáng)領導"
    assert source_of(text, "強領", ["pinyin"]) == "強(qiáng)領"
    assert source_of(text, "領導", ["pinyin"]) == "領導"


# --------------------------------------------------------------------------- script


def test_traditional_is_converted_and_simplified_passes_through() -> None:
    trad = "各位代表！事業成之惟艱，成績來之不易。全麵貫徹，健全體係，完善機製。"
    norm = normalize(trad)
    assert norm.script == "zh-Hant"
    assert norm.text == "各位代表！事业成之惟艰，成绩来之不易。全面贯彻，健全体系，完善机制。"
    simp = "乾隆年间的著名景点，我们著力推进。后面的工作要抓紧。"
    out = normalize(simp)
    assert out.script == "zh-Hans"
    assert out.text == simp, "simplified text must pass through unchanged"


def test_script_conversion_keeps_length_so_the_map_is_identity() -> None:
    trad = "新一屆政府工作的總體要求和目標任務"
    norm = normalize(trad, steps=["script"])
    assert norm.text == "新一届政府工作的总体要求和目标任务"
    assert norm.map.is_identity


@pytest.mark.parametrize(
    ("text", "script"),
    [("政府工作报告", "zh-Hans"), ("政府工作報告，經濟發展與環境保護", "zh-Hant"),
     ("Report on the work of the government", "en"),
     ("We will continue to 推进改革 and open up at a higher level today", "mixed")],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


# --------------------------------------------------------------------------- width


def test_width_folding() -> None:
    text = "增长５．５％左右\u3000（一）聚焦\u00a0Ｇｏｏｄ"
    assert normalize(text, steps=["width"]).text == "增长5.5%左右 （一）聚焦 Good"


def test_ascii_punctuation_next_to_han_becomes_full_width() -> None:
    text = "(一)聚焦发展,推动转型;县长:张三!English, stays (1) as is: 2.5"
    out = normalize(text, steps=["width"]).text
    assert out == "（一）聚焦发展，推动转型；县长：张三！English, stays (1) as is: 2.5"


# --------------------------------------------------------------------------- unwrap


def test_link_split_lines_are_joined() -> None:
    # a page whose paragraphs are separated by blank lines: consecutive lines belong together
    text = ("各位代表：\n\n我们听了\n关于宪法草案的报告\n并进行了讨论。根据《\n著作权法\n》第五条。"
            "\n\n一、回顾\n\n过去一年很不平凡。\n\n今年要继续努力。")
    norm = normalize(text, steps=["unwrap"])
    assert norm.text == (
        "各位代表：\n\n我们听了关于宪法草案的报告并进行了讨论。根据《著作权法》第五条。"
        "\n\n一、回顾\n\n过去一年很不平凡。\n\n今年要继续努力。"
    )
    assert source_of(text, "听了关于", ["unwrap"]) == "听了\n关于"


def test_lines_of_one_paragraph_a_line_join_only_on_punctuation() -> None:
    text = "加快建设。根据《\n著作权法\n》的规定，落实责任。\n新的一段。\n再一段。"
    assert normalize(text, steps=["unwrap"]).text == (
        "加快建设。根据《著作权法》的规定，落实责任。\n新的一段。\n再一段。")


def test_headings_are_never_joined() -> None:
    text = "一、2024年工作回顾\n过去一年，经济平稳。\n（一）产业升级\n产业持续升级。"
    assert normalize(text, steps=["unwrap"]).text == text


def test_hard_wrapped_lines_are_joined() -> None:
    line = "过去一年全市经济运行总体平稳稳中有进高质量发展扎实推进"
    assert len(line) == 27
    text = "\n".join([line, line, line[:10] + "。", "  " + line, line, line[:5] + "。",
                  line, line, line[:8] + "。"])
    out = normalize(text, steps=["unwrap"]).text.split("\n")
    assert out == [line * 2 + line[:10] + "。", "  " + line * 2 + line[:5] + "。",
                   line * 2 + line[:8] + "。"]


def test_a_short_hard_wrapped_text_with_many_headings_is_joined() -> None:
    """Fewer than half the lines reach the margin (headings, paragraphs of a line and a
    bit), but the lines that break off mid-sentence all do: the text is hard-wrapped."""
    line = "全市经济运行总体平稳稳中有进高质量发展扎实推进各项"
    assert len(line) == 25
    paragraphs = [line + line[:5] + "。", line + "工作。", line + line[:9] + "。",
                  line + "成效。", line + line[:3] + "。", line + "明显。"]
    lines = []
    for n, paragraph in enumerate(paragraphs, 1):
        lines += [f"（{'一二三四五六'[n - 1]}）第{n}项工作", "提要。", paragraph[:25], paragraph[25:]]
    text = "\n".join(lines)
    out = normalize(text, steps=["unwrap"]).text.split("\n")
    assert out == [x for n, p in enumerate(paragraphs, 1)
                   for x in (f"（{'一二三四五六'[n - 1]}）第{n}项工作", "提要。", p)]


def test_word_wrapped_latin_lines_are_joined() -> None:
    """Latin text wraps between words, so its lines end short of the margin by up to a word:
    a line is full when the next line's first word would not have fitted after it (a
    machine translation printed to PDF; a heading that wraps onto a second line)."""
    words = ["We", "will", "deepen", "reform", "and", "opening", "up,", "promote", "high-quality", "development,", "and", "keep", "the", "economy", "running", "within", "an", "appropriate", "range", "this", "year."]
    paragraph = " ".join(words * 6)
    lines = textwrap.wrap(paragraph, 60)
    heading = "四、We will comprehensively strengthen the government's"
    text = "\n".join([*lines, heading, "self-improvement", *lines])
    assert max(len(line) for line in lines) < 60  # ragged: no line reaches the margin
    out = normalize(text, steps=["unwrap"]).text
    assert len(out) == len(text)  # the breaks between words became spaces
    assert out.split("\n") == [paragraph, heading + " self-improvement", paragraph]


def test_runs_of_narrow_lines_become_one_line_of_the_same_length() -> None:
    """Issue 14, item 7: text wrapped at a character or two (vertical text, a narrow table
    column) is one paragraph; the breaks become spaces, so offsets do not move."""
    column = "\n".join(["各", "位", "代", "表", "，", "现", "在", "我"]) + "\n\n12\n 3 \n"
    text = "过去一年，经济平稳。\n" + column + "新的一段。"
    out = normalize(text, steps=["unwrap"]).text
    assert len(out) == len(text)
    assert out.split("\n") == ["过去一年，经济平稳。",
                               column[:-1].replace("\n", " "), "新的一段。"]


def test_short_runs_and_heading_numerals_are_not_narrow_text() -> None:
    seven = "\n".join("各位代表现在我") + "\n一、\n2025年工作回顾\n"
    assert normalize(seven, steps=["unwrap"]).text == seven
    numerals = "一、\n" * 12 + "1.\n" * 12
    assert normalize(numerals, steps=["unwrap"]).text == numerals
    # a heading numeral ends a run: the lines before it are joined, the numeral is not
    text = "字\n" * 8 + "一、\n回顾\n"
    assert normalize(text, steps=["unwrap"]).text == "字 " * 7 + "字\n一、\n回顾\n"


# --------------------------------------------------------------------------- whole


def test_unknown_step_name_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="valid steps: newlines"):
        normalize("x", steps=["nope"])
    with pytest.raises(TypeError):
        normalize(b"x")  # type: ignore[arg-type]


def test_custom_step_callable() -> None:
    def upper(text: str) -> tuple[str, list[tuple[int, int]]]:
        return text.upper(), []

    assert normalize("abc", steps=["width", upper]).text == "ABC"


SAMPLES = ["examples/sample_report.txt"]


@pytest.mark.parametrize(
    "relative",
    [*(f"corpus/{p.parent.name}/{p.name}" for p in sorted(SHARED.glob("corpus/*/*.txt"))),
     *(f"seeds/{p.name}" for p in sorted(SHARED.glob("seeds/*.txt")))]
    or [pytest.param("corpus", marks=pytest.mark.skip(reason=SHARED_REASON))],
)
def test_idempotent_and_monotone_on_real_texts(relative: str) -> None:
    text = shared_text(relative)
    norm = normalize(text)
    assert normalize(norm.text).text == norm.text
    last = 0
    for p in range(0, len(norm.text) + 1, max(1, len(norm.text) // 500)):
        src = norm.to_source(p)
        assert src >= last
        last = src
        assert norm.to_normalized(src) <= p


def test_seed_002_titles_and_over_conversions() -> None:
    text = shared_text("seeds/002_a45f798d94b9b2fe.txt")
    norm = normalize(text)
    assert "新一届政府工作的总体要求和目标任务" in norm.text
    assert "(" not in norm.text.split("\n")[2] or "（" not in norm.text.split("\n")[2]
    for wrong in ("麵", "係", "製", "誌", "(lǐng)", "(èr)"):
        assert wrong not in norm.text
    i = norm.text.index("领航定向")
    assert text[norm.to_source(i) : norm.to_source(i + 4)] == "領(lǐng)航定向"
    i = norm.text.index("二、新一届")
    assert text[norm.to_source(i) : norm.to_source(i + 5)] == "二(èr)、新一屆"


def test_all_steps_are_registered() -> None:
    assert list(STEPS) == ["newlines", "markup", "zero_width", "pinyin", "script", "width", "unwrap"]


def test_markup_left_in_text_is_deleted_with_exact_map() -> None:
    text = "<p>各位代表：</p>\n<p>&nbsp;&nbsp;现在，<strong>我代表</strong>市人民政府。</p>"
    norm = normalize(text, steps=["markup"])
    assert norm.text == "各位代表：\n现在，我代表市人民政府。"
    assert text[norm.to_source(norm.text.index("我代表"))] == "我"
    # two tags are no markup: a text that mentions a tag keeps it
    mention = "网站首页加入<p>标签说明，<br>换行。"
    assert normalize(mention, steps=["markup"]).text == mention


def test_a_heading_wrapped_short_of_the_margin_inside_a_word_is_joined() -> None:
    """A title set larger than the body wraps earlier than the body's lines; where the break
    falls inside a word of the vocabulary (预|期目标) the two lines are one heading."""
    line = "全市经济运行总体平稳稳中有进高质量发展扎实推进各项"
    body = [line + line[:8], line + line[:9], line[:12] + "。"] * 3
    heading = ["二、2025年经济社会发展的总体要求、主要预", "期目标和重点任务"]
    other = ["三、加强政府自身建设", "坚持依法行政"]  # no word runs across this break
    text = "\n".join([*body, *heading, *body, *other, *body])
    out = normalize(text, steps=["unwrap"]).text.split("\n")
    assert heading[0] + heading[1] in out
    assert other[0] in out


def test_a_page_of_menus_among_long_paragraphs_is_not_hard_wrapped() -> None:
    """Many lines of one width (a site's menus and links) among paragraphs far wider than
    them are no wrapping: the paragraphs and the title after them stay apart."""
    menu = [f"示例市人民政府门户网站栏目{n:02d}导航" for n in range(40)]
    paragraph = "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。" * 3
    body = [paragraph, "坚定信心 攻坚克难 “十四五”圆满收官", *[paragraph] * 11]
    text = "\n".join([*menu, *body])
    assert normalize(text, steps=["unwrap"]).text == text


def _pdf_page_text(body: list[str]) -> str:
    """Hard-wrapped lines of 30 Han characters, a page break (number and running header) after
    every sixth line."""
    out: list[str] = []
    for i, line in enumerate(body, 1):
        out.append(line)
        if i % 6 == 0:
            out += [f"- {i // 6} -", "示例市人民政府工作报告"]
    return "\n".join(out) + "\n"


def test_a_page_break_inside_a_paragraph_or_a_title_is_joined_over() -> None:
    """The page number and the running header between two lines that run on are deleted with
    the line break: a paragraph across a page break is one paragraph, and a title that lost
    its numeral, wrapped inside a word over the page break, is one line."""
    full = "我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，持续"
    body = [full] * 5 + [full[:25] + "取得了新的"] + [
        "成绩。"] + [full] * 4 + ["坚持刀刃向内、从严从实，全面加强政府"] + [
        "自身建设，努力建设人民满意的政府"] + [full] * 5 + ["完成了全年的目标任务。"]
    text = _pdf_page_text(body)
    out = normalize(text).text
    assert "取得了新的成绩。" in out  # over - 1 - and the header
    assert "全面加强政府自身建设，努力建设人民满意的政府\n" in out  # over - 2 -
    assert "- 1 -" not in out
    assert out.count("示例市人民政府工作报告") == 0
