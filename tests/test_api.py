"""The front door: input types, decoding, limits, typed errors."""

from __future__ import annotations

import codecs

import pytest

import govreport
from govreport import DecodeError, GovReportError, InputTooLarge, OutlineError

TEXT = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2025年工作回顾\n过去一年，经济平稳。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "gb18030", "gbk"],
)
def test_bytes_are_decoded(data: bytes) -> None:
    report = govreport.parse(data)
    assert report.text == TEXT
    assert report.outline() == [("preamble", None), ("review", 1)]


def test_undecodable_bytes_raise_decode_error_with_offset() -> None:
    data = TEXT.encode("utf-8")[:12] + b"\xff\xfe\xfd" + b"abc"
    with pytest.raises(DecodeError) as info:
        govreport.parse(data)
    assert info.value.offset == 12
    assert "byte offset 12" in str(info.value)
    assert isinstance(info.value, GovReportError)
    assert isinstance(info.value, ValueError)


def test_bad_utf16_after_bom() -> None:
    with pytest.raises(DecodeError) as info:
        govreport.parse(codecs.BOM_UTF16_LE + b"\x00\xd8\x41")  # lone surrogate, odd length
    assert info.value.offset >= 2


def test_wrong_type_raises_type_error_naming_it() -> None:
    with pytest.raises(TypeError, match="int"):
        govreport.parse(42)  # type: ignore[arg-type]


def test_max_chars() -> None:
    assert govreport.parse(TEXT, max_chars=len(TEXT)).text == TEXT
    with pytest.raises(InputTooLarge) as info:
        govreport.parse(TEXT, max_chars=10)
    assert info.value.size == len(TEXT)
    assert info.value.limit == 10


def test_raise_on_error_only_for_error_diagnostics() -> None:
    report = govreport.parse(TEXT, raise_on_error=True)  # no error-level diagnostics
    assert report.outline()[1] == ("review", 1)
    assert OutlineError.__mro__[1] is GovReportError


def test_parse_file_sets_source(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "r.txt"  # type: ignore[operator]
    path.write_bytes(TEXT.encode("gb18030"))
    report = govreport.parse_file(path)
    assert report.source == str(path)
    assert report.text == TEXT


def test_find_and_walk() -> None:
    report = govreport.parse(TEXT)
    review = report.find("review")
    assert review is not None
    assert review.title == "2025年工作回顾"
    assert report.find(govreport.SectionKind.GLOSSARY) is None
    nodes = list(report.walk())
    assert nodes[0] is report.sections[0]
    assert [type(n).__name__ for n in report.leaves()] == [
        "Paragraph", "Paragraph", "Heading", "Paragraph"]


def test_errors_survive_pickling_with_their_details() -> None:
    import pickle

    errors = [
        DecodeError("bad byte", offset=3, encodings=("utf-8",)),
        InputTooLarge("too big", size=5, limit=1),
        OutlineError("oops", code="outline_error", start=1, end=2, line=1, column=2,
                     context="x\n^"),
    ]
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert vars(back) == vars(error)


def test_a_page_with_several_reports_says_so() -> None:
    page = TEXT + "\n" + TEXT.replace("2025", "2024")
    report = govreport.parse(page)
    assert [d.code for d in report.diagnostics].count("multiple_reports") == 1
    assert len(govreport.parse_many(page)) == 2
    assert "multiple_reports" not in {d.code for d in govreport.parse(TEXT).diagnostics}


def test_every_diagnostic_code_is_catalogued() -> None:
    from govreport.diagnostics import CODES

    page = TEXT + "\n" + TEXT + "\n\x00\ud800<div>x</div>\n"
    for text in (page, "", "x", "一、\n（二）\n（五）附件"):
        for d in govreport.parse(text).diagnostics:
            assert d.code in CODES, d.code
