"""Fuzzing ``parse`` and ``parse_many`` for totality (issue 8).

Whatever the input, ``parse`` returns a :class:`~govreport.Report` whose leaves tile the text
(checked with ``check_invariants``) or raises a :class:`~govreport.GovReportError`; nothing
else may escape, and ``parse_many``'s reports are slices of the page.

Three ways to run it:

``python -m pytest``
    pytest collects this file (``python_files`` in ``pyproject.toml`` includes ``fuzz_*.py``);
    the number of examples follows the Hypothesis profile (``HYPOTHESIS_PROFILE=ci`` in CI).
``python tests/fuzz_parse.py --examples 20000``
    the same properties, many more examples, with Hypothesis statistics.
``python tests/fuzz_parse.py --atheris [libFuzzer options]``
    coverage-guided fuzzing with atheris (``pip install atheris``), e.g.
    ``-max_total_time=3600 -max_len=4096 -dict=fuzz.dict corpus_dir/`` (write the dictionary
    of report fragments with ``python tests/fuzz_parse.py --write-dict fuzz.dict``); a crash is
    written as ``crash-<sha1>``, replay it with ``python tests/fuzz_parse.py --atheris
    crash-<sha1>``.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

import attrs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import govreport
from govreport import GovReportError, Report
from govreport.patterns import unpair_surrogates
from govreport.split import parse_page

if __package__:
    from .test_invariants import check_invariants
else:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.test_invariants import check_invariants

#: pieces of real reports, damaged reports and web pages, glued together at random
FRAGMENTS = (
    "一、", "二、", "三．", "十一、", "一二三四五六七八九十、", "（一）", "(二)", "（三）", "㈣",
    "⑴", "⒉", "①", "1.", "2、", "(3)", "10.", "1.1", "第一部分", "第二，", "一是", "二要",
    "I.", "II、", "Second,", "——", ")", "）", "（", "(", "《", "》", "“", "”",
    "各位代表：", "各位代表，", "现在，我代表市人民政府向大会报告工作，请予审议。",
    "2024年工作回顾", "2025年工作安排", "重点抓好以下八个方面工作。", "加强政府自身建设",
    "坚持创新驱动，推动高质量发展", "创新是第一动力。", "结束语", "附件", "名词解释",
    "1.“放管服”改革：", "让我们团结奋斗！", "政府工作报告", "——2025年1月5日在市第十届人民代表大会上",
    "市长 张三", "经(jīng)", "們(men)", "發展經濟", "增长5%左右", "增长-%", "增长5%%左右",
    "增长99999999999999999999%", "6%-7%", "×%", "万元", "亿元", "以上", "。", "，", "；", "：",
    "！", "？", "…", "、", " ", "\t", "\u3000", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u200b",
    "\ufeff", "\x00", "\x0c", "\ud800", "\udfff", "\U0001f600", "<p>", "</p>", "<div class=x>",
    "&nbsp;", "上一页", "版权所有", "http://www.gov.cn", "电话：010-12345678", "投注", "a",
)


def report_text(fragments: tuple[str, ...] = FRAGMENTS) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments), max_size=60).map("".join)


#: fragments that every supported encoding can encode (no lone surrogates)
ENCODABLE = tuple(f for f in FRAGMENTS if f not in ("\ud800", "\udfff"))


#: any code points, lone surrogates included (``st.text()`` leaves them out)
any_text = st.text(st.characters(exclude_categories=()), max_size=400)
texts = st.one_of(st.text(max_size=400), any_text, report_text())


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """A report-ish text in one of the supported encodings (or two of them), then damaged."""
    text = draw(report_text(ENCODABLE))
    encodings = ["utf-8", "gb18030", "utf-8-sig", "utf-16", "utf-32"]
    data = text.encode(draw(st.sampled_from(encodings)), errors="replace")
    if draw(st.booleans()):  # a second piece in another encoding
        more = draw(report_text(ENCODABLE))
        data += more.encode(draw(st.sampled_from(["utf-8", "gb18030"])), errors="replace")
    if data and draw(st.booleans()):  # overwrite one byte
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


byte_inputs = st.one_of(st.binary(max_size=400), encoded())


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A listing page: two or three reports (a title, the opening formula, a body of
    fragments), each on its own lines or joined into one long line, between lines of chrome —
    the shape ``parse_many`` splits, which ``report_text`` alone seldom draws."""
    items = []
    for n in range(draw(st.integers(2, 3))):
        body = draw(report_text())
        report = (f"{2024 + n}年示例市政府工作报告\n各位代表：\n"
                  "现在，我代表市人民政府向大会报告工作，请予审议。\n" + body)
        if draw(st.booleans()):  # the whole report on one line after its title (seed 001)
            title, rest = report.split("\n", 1)
            report = title + "\n" + rest.replace("\n", "") + "经济平稳。" * draw(
                st.integers(0, 150))
        items.append(report)
    chrome = draw(st.sampled_from(["\n", "\n• 【相关】\n", "\n上一页 下一页\n", "\n版权所有\n"]))
    return "首页 | 返回顶部\n" + chrome.join(items)

#: inputs tried and outcomes, printed by the script modes
TRIED: Counter[str] = Counter()


def check_parse(data: str | bytes) -> Report | None:
    """``parse(data)`` is a Report with the invariants, or raises a GovReportError; ``str``
    input never raises."""
    kind = "str" if isinstance(data, str) else "bytes"
    try:
        report = govreport.parse(data)
    except GovReportError as exc:
        if isinstance(data, str):
            raise
        TRIED[f"parse({kind}) -> {type(exc).__name__}"] += 1
        return None
    check_invariants(report)
    TRIED[f"parse({kind}) -> Report"] += 1
    return report


def check_parse_many(data: str | bytes) -> None:
    """Each report of ``parse_many`` has the invariants and is its slice of the page."""
    try:
        page = data if isinstance(data, str) else govreport.parse(data).text
    except GovReportError:
        return
    reports = govreport.parse_many(data)
    TRIED[f"parse_many -> {min(len(reports), 2)}{'+' if len(reports) > 1 else ''} reports"] += 1
    for report in reports:
        check_invariants(report)
        # its slice of the page (a surrogate pair kept apart as two U+FFFD, as parse() does)
        piece = page[report.offset : report.offset + len(report.text)]
        assert unpair_surrogates(piece) == report.text
        # … and what parse() makes of it (parse_many shares the page's work with it)
        assert report == attrs.evolve(govreport.parse(piece), offset=report.offset)
    for report in parse_page(data):  # what batch jobs use: parse_many, or parse the page
        check_invariants(report)
    items = govreport.split(data)
    for a, b in itertools.pairwise(items):
        assert a.span.end == b.span.start, "items tile the page"
    if items:
        assert items[0].span.start == 0
        assert items[-1].span.end == len(page)


# what fuzzing found (each fixed; see tests/test_hostile.py)
@example("\x1f")  # U+001C-001F are str.isspace() but were kept by normalisation
@example(" 1、:")  # whitespace before an opening heading was part of the heading
@example("㶆濟發\ud800")  # OpenCC (UTF-8 inside) raised on a lone surrogate
@example("1、\x8000\x0c 0")  # a heading ended with the form feed before its body
@example("\n1." + "\x1d" * 60 + "\udcff" + "\x1d" * 11 + "\udca6" * 35 + "\n\n\udcb6")  # atheris
@example("\ud800\udc00")  # a lone high and low surrogate: U+FFFD twice (JSON keeps them apart)
@given(texts)
def test_parse_text_is_total(text: str) -> None:
    report = check_parse(text)
    assert report is not None
    assert report.text == unpair_surrogates(text)
    if report.text != text:
        assert "surrogate_pairs" in {d.code for d in report.diagnostics}


@example(b"\x1c")
@example(b"\t\xe4\xb8\x80\xe3\x80\x81\xe1\x80\x80\xe1\x80\x80")
@example("一、经济\n".encode() + "二、发展\n".encode("gbk"))  # mixed encodings
# a part title's end past the next cut of a run-on line: the leaf text ran past its span
@example("一、\u1000\u0800\u1000\u1000\u1000\u1000\u0800！2000年\u1000\u0800回顾一、2000年工作回顾（一）"
         .encode())
@given(byte_inputs)
def test_parse_bytes_is_total(data: bytes) -> None:
    check_parse(data)


@example("政府工作各位代表\ud800\udc00")  # a surrogate pair: the report's text is not the slice's
@given(st.one_of(texts, byte_inputs, pages()))
def test_parse_many_is_total(data: str | bytes) -> None:
    check_parse_many(data)


# --------------------------------------------------------------------------- atheris


def atheris_one_input(data: bytes) -> None:
    """One libFuzzer input: as bytes, as text (UTF-8; undecodable bytes become lone surrogates
    or U+FFFD), and the first quarter through ``parse_many``."""
    check_parse(data)
    text = data.decode("utf-8", errors="surrogateescape" if len(data) % 2 else "replace")
    check_parse(text)
    check_parse_many(text[: max(64, len(text) // 4)])


def write_dictionary(path: str) -> None:
    """A libFuzzer dictionary (``-dict=``) of ``FRAGMENTS`` in UTF-8 and GB18030."""
    lines = []
    for i, fragment in enumerate(FRAGMENTS):
        for encoding in ("utf-8", "gb18030"):
            try:
                data = fragment.encode(encoding)
            except UnicodeEncodeError:  # lone surrogates
                data = fragment.encode("utf-8", "surrogatepass")
            escaped = "".join(f"\\x{b:02x}" for b in data)
            lines.append(f'f{i}_{encoding.replace("-", "")}="{escaped}"')
    Path(path).write_text("\n".join(lines) + "\n", encoding="ascii")


def _main(argv: list[str]) -> int:
    if "--write-dict" in argv:
        write_dictionary(argv[argv.index("--write-dict") + 1])
        return 0
    if "--atheris" in argv:
        import atheris  # type: ignore[import-not-found]

        args = [argv[0], *(a for a in argv[1:] if a != "--atheris")]
        atheris.instrument_all()  # coverage feedback from every loaded Python function
        atheris.Setup(args, atheris_one_input)
        atheris.Fuzz()
        return 0
    examples = 2000
    if "--examples" in argv:
        examples = int(argv[argv.index("--examples") + 1])
    many = settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))
    failures = 0
    for test in (test_parse_text_is_total, test_parse_bytes_is_total,
                 test_parse_many_is_total):
        print(f"{test.__name__}: {examples} examples", flush=True)
        try:
            many(test)()
        except Exception as exc:  # report and go on with the next property
            failures += 1
            print(f"FAILED {test.__name__}: {type(exc).__name__}: {exc}", flush=True)
            for sub in getattr(exc, "exceptions", [exc]):
                print("  ", type(sub).__name__, sub, *getattr(sub, "__notes__", ()), sep="\n  ")
    for outcome, count in sorted(TRIED.items()):
        print(f"  {outcome}: {count}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
