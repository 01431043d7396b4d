"""JSON export round trips: ``Report.from_dict(r.to_dict()) == r`` and the same through
``to_json`` text, for every report we can produce and for a hand-built one using every field."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import GovReportError, InvalidReportData, Report, Span
from govreport.export import SCHEMA_VERSION
from govreport.patterns import SURROGATE_PAIR

from .conftest import REPO
from .reports import full_report, report_files, reports_of


def assert_round_trips(report: Report) -> None:
    data = report.to_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    assert Report.from_dict(data) == report
    text = report.to_json()
    assert "\n" not in text, "to_json() without indent is one line (JSON Lines ready)"
    assert Report.from_dict(json.loads(text)) == report
    assert json.loads(report.to_json(indent=2)) == json.loads(text)
    # idempotent: exporting the re-read report gives the same text
    assert Report.from_dict(json.loads(text)).to_json() == text


@pytest.mark.parametrize("path", report_files())
def test_round_trip(path: Path) -> None:
    for report in reports_of(path):
        assert_round_trips(report)


def test_round_trip_of_every_field() -> None:
    report = full_report()
    assert_round_trips(report)
    again = Report.from_dict(json.loads(report.to_json()))
    assert again.targets[1].low is None
    assert again.targets[1].redacted
    assert isinstance(again.targets[0].low, float)
    assert again.metadata.spans["region"] == report.metadata.spans["region"]
    assert type(again.sections[3].children[2]).__name__ == "Boilerplate"


def test_json_is_readable_text() -> None:
    report = full_report()
    text = report.to_json()
    assert "某县" in text, "Chinese is written as is, not as \\u escapes"
    data = json.loads(text)
    kinds = [child["type"] for child in data["sections"][2]["children"]]
    assert kinds == ["Heading", "Paragraph", "Item"]
    review = report.sections[1].span
    assert data["sections"][1]["span"] == {"start": review.start, "end": review.end}


def test_a_changed_report_is_not_equal_after_round_trip() -> None:
    """Guard against a vacuous equality: the comparison does look at the fields."""
    report = full_report()
    moved = attrs.evolve(report, targets=(attrs.evolve(report.targets[0], span=Span(0, 1)),
                                          report.targets[1]))
    assert Report.from_dict(moved.to_dict()) != report


def test_other_major_version_is_refused() -> None:
    data = full_report().to_dict()
    data["schema_version"] = "999.0"
    with pytest.raises(ValueError, match="schema_version"):
        Report.from_dict(data)


def test_json_of_text_with_lone_surrogates_encodes_as_utf8() -> None:
    import json

    import govreport

    report = govreport.parse("一、2025年工作回顾\n过去一年\ud800经济平稳。")
    text = report.to_json()
    text.encode("utf-8")  # would raise UnicodeEncodeError with a raw surrogate
    assert "\\ud800" in text
    assert govreport.Report.from_dict(json.loads(text)) == report


#: pieces of text around surrogate halves: deleted by normalisation (U+200F, a zero-width
#: space, a pinyin annotation), an astral character, headings and line breaks
_PIECES = st.sampled_from(["\ud83d", "\udbff", "\ud800", "\ude00", "\udc80", "\udfff",
                           "\u200f", "\u200b", "(jīng)", "😀", "\U00020000", "一、", "（一）",
                           "2025年工作回顾", "经济", "。", "\n", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_round_trip_with_surrogate_halves_in_any_arrangement(text: str) -> None:
    """(issue 14, item 9) ``json.loads`` reads the escapes of a high surrogate and a low one
    side by side as one character: the report's text and its leaves never hold such a pair
    (``surrogate_pairs``), so the round trip keeps every span."""
    import govreport

    report = govreport.parse(text)
    doc = report.to_json()
    doc.encode("utf-8")
    back = govreport.Report.from_dict(json.loads(doc))
    assert back == report
    assert len(back.text) == len(text)
    if SURROGATE_PAIR.search(text):
        assert "surrogate_pairs" in {d.code for d in report.diagnostics}


def test_a_surrogate_pair_is_replaced_in_the_text_and_reported() -> None:
    import govreport

    report = govreport.parse("一、经济\ud83d\ude00发展")
    assert report.text == "一、经济\ufffd\ufffd发展"
    found = [d for d in report.diagnostics if d.code == "surrogate_pairs"]
    assert [d.span for d in found] == [Span(4, 6)]


# --------------------------------------------------------------------------- bad documents
# (issue 14, item 10): one GovReportError subclass, also a ValueError, naming the bad field


def _bad(mutate: object) -> dict[str, object]:
    data = json.loads(full_report().to_json())
    mutate(data)  # type: ignore[operator]
    return data


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d.__setitem__("text", 5), "$.text"),
    (lambda d: d["sections"][0]["span"].__setitem__("start", "0"), "$.sections[0].span.start"),
    (lambda d: d["sections"][0]["span"].__setitem__("end", 10**9), "$.sections[0].span"),
    (lambda d: d["sections"][0]["span"].__setitem__("start", 2.5), "$.sections[0].span.start"),
    (lambda d: d.pop("sections"), "$.sections"),
    (lambda d: d["sections"][0].__setitem__("kind", "nonsense"), "$.sections[0].kind"),
    (lambda d: d["targets"][0].__setitem__("redacted", 1), "$.targets[0].redacted"),
    (lambda d: d["targets"][0].__setitem__("low", "5"), "$.targets[0].low"),
    (lambda d: d["diagnostics"][0]["span"].__setitem__("start", -1), "$.diagnostics[0].span"),
    (lambda d: d.__setitem__("schema_version", "9.0"), "$.schema_version"),
], ids=["text-not-str", "int-as-str", "span-past-the-text", "float-as-int", "missing-field",
        "unknown-kind", "int-as-bool", "str-as-float", "negative-span", "future-schema"])
def test_a_bad_document_raises_invalid_report_data(mutate: object, path: str) -> None:
    with pytest.raises(InvalidReportData) as info:
        Report.from_dict(_bad(mutate))
    assert info.value.path == path
    assert path in str(info.value)
    assert isinstance(info.value, GovReportError)
    assert isinstance(info.value, ValueError)


def test_a_document_that_is_no_object() -> None:
    with pytest.raises(InvalidReportData) as info:
        Report.from_dict([])  # type: ignore[arg-type]
    assert info.value.path == "$"


def test_an_int_is_a_float_in_a_document() -> None:
    data = _bad(lambda d: d["targets"][0].__setitem__("low", 5))
    assert Report.from_dict(data).targets[0].low == 5.0
    assert isinstance(Report.from_dict(data).targets[0].low, float)


def test_reports_are_immutable_and_hashable() -> None:
    """A frozen report holds no mutable container: it can be hashed, put in a set and used as a
    key (``Metadata.spans`` is a read-only mapping)."""
    report = govreport.parse_file(REPO / "examples" / "sample_report.txt")
    again = Report.from_dict(json.loads(report.to_json()))
    assert hash(report) == hash(again)
    assert len({report, again}) == 1
    spans = report.metadata.spans
    assert spans["region"] == report.metadata.spans.get("region")
    assert spans == dict(spans.items())
    with pytest.raises(TypeError):
        spans["region"] = spans["region"]  # type: ignore[index]
    assert not hasattr(spans, "__dict__")
