"""Metadata (``report.metadata``) and glossary entries (``report.glossary``): small made-up
headers first, then the goldens written from the real reports (``tests/golden/metadata``,
``tests/golden/glossary.json``)."""

from __future__ import annotations

import json

import pytest

import govreport
from govreport.models import Metadata, Report, Severity

from .conftest import GOLDEN, shared_text

FIELDS = ("region", "region_level", "report_year", "plan_year", "meeting_date", "congress_term",
          "congress_session", "speaker", "speaker_title", "script")
BODY = (
    "各位代表：\n现在，我代表{unit}人民政府向大会报告工作，请予审议。\n"
    "一、2020年工作回顾\n过去一年，经济运行总体平稳。\n"
    "二、2021年工作安排\n今年要扎实做好各项工作。\n"
)


def _parse(header: str, unit: str = "县", body: str = BODY) -> Report:
    return govreport.parse(header + body.format(unit=unit))


def _evidence(report: Report, field: str) -> str:
    span = report.metadata.spans[field]
    return report.text[span.start : span.end]


def _check_spans(metadata: Metadata) -> None:
    for field in (*FIELDS, "title"):
        assert (getattr(metadata, field) is None) == (field not in metadata.spans), field


# --------------------------------------------------------------------------- header forms


def test_county_header() -> None:
    report = _parse("2021年清河县政府工作报告\n"
                    "2021年4月13日在清河县第十七届人民代表大会第一次会议上县长;王小明各位代表：\n")
    md = report.metadata
    assert (md.region, md.region_level, md.report_year, md.plan_year, md.meeting_date,
            md.congress_term, md.congress_session, md.speaker, md.speaker_title, md.script,
            md.title) == ("清河县", "county", 2021, 2021, "2021-04-13", 17, 1, "王小明", "县长",
                          "zh-Hans", "2021年清河县政府工作报告")
    assert _evidence(report, "region") == "清河县"
    assert _evidence(report, "meeting_date") == "2021年4月13日"
    assert _evidence(report, "report_year") == "2021"
    assert _evidence(report, "congress_term") == "第十七届"
    assert _evidence(report, "congress_session") == "第一次"
    assert _evidence(report, "speaker_title") == "县长"
    assert _evidence(report, "speaker") == "王小明"
    assert _evidence(report, "plan_year") == "2021"
    assert report.text[report.metadata.spans["plan_year"].end:].startswith("年工作安排")
    _check_spans(md)


@pytest.mark.parametrize(
    ("line", "speaker", "title", "name_evidence"),
    [
        pytest.param("会议上县;长;李;明各位代表：", "李明", "县长", "李；明", id="semicolons"),
        pytest.param("会议上 代市长赵丽 各位代表：", "赵丽", "代市长", "赵丽", id="acting-mayor"),
        pytest.param("会议上清河县人民政府代县长;周强各位代表：", "周强", "代县长", "周强",
                     id="acting-after-body"),
        pytest.param("会议上\n清河县县长 孙伟同志作政府工作报告。\n", "孙伟", "县长", "孙伟",
                     id="comrade"),
        pytest.param("会议上\n清河县人民政府县长王正明作政府工作报告。\n", "王正明", "县长", "王正明",
                     id="before-zuo"),
        pytest.param("会议上;刘春;各位代表：", "刘春", None, "刘春", id="no-title"),
    ],
)
def test_speaker_forms(line: str, speaker: str, title: str | None, name_evidence: str) -> None:
    report = _parse(f"2021年4月13日在清河县第十七届人民代表大会第一次{line}\n")
    assert (report.metadata.speaker, report.metadata.speaker_title) == (speaker, title)
    assert _evidence(report, "speaker").replace(";", "；") == name_evidence
    _check_spans(report.metadata)


def test_national_header() -> None:
    report = _parse("政府工作报告\n——2030年3月5日在第十六届全国人民代表大会第一次会议上\n"
                    "国务院总理\n\u3000王大明\n", unit="")
    md = report.metadata
    assert (md.region, md.region_level, md.speaker, md.speaker_title, md.meeting_date,
            md.congress_term, md.congress_session) == (
        "全国", "national", "王大明", "总理", "2030-03-05", 16, 1)
    assert _evidence(report, "region") == "全国"
    assert _evidence(report, "speaker_title") == "总理"


def test_national_without_header() -> None:
    body = BODY.replace("{unit}人民政府", "国务院")
    report = govreport.parse(body.replace("2021年工作安排", "2021年工作的总体要求和主要任务"))
    md = report.metadata
    assert (md.region, md.region_level, md.plan_year, md.report_year, md.meeting_date) == (
        "全国", "national", 2021, 2021, None)
    assert _evidence(report, "region") == "国务院"


def test_name_before_title() -> None:
    report = _parse("----2030年1月15日陈明市长在清河市第十六届人民代表大会第三次会议的政府工作报告\n",
                    unit="市")
    md = report.metadata
    assert (md.speaker, md.speaker_title, md.region, md.congress_session) == (
        "陈明", "市长", "清河市", 3)


def test_english_header() -> None:
    header = ("Report on government work\n\n——17th People's Congress in Riverton on April 20, "
              "2021\n\nAt the first meeting\n\nMayor of the People's Government of Riverton"
              "\u2002\u2002\u2002Li Hua\n\n")
    body = ("Fellow Deputies,\n\nNow, on behalf of our Municipal People's Government, I give "
            "the work report.\n\nI. Review of the work of 2020\n\nLast year the economy grew "
            "steadily.\n\nII. 2021 years of work arrangement\n\nThis year we will work hard.\n")
    report = govreport.parse(header + body)
    md = report.metadata
    assert (md.region, md.region_level, md.meeting_date, md.report_year, md.plan_year,
            md.congress_term, md.congress_session, md.speaker, md.speaker_title, md.script,
            md.title) == ("Riverton", "prefecture_city", "2021-04-20", 2021, 2021, 17, 1,
                          "Li Hua", "Mayor", "en", "Report on government work")
    assert _evidence(report, "meeting_date") == "April 20, 2021"
    assert _evidence(report, "congress_session") == "first"
    _check_spans(md)


def test_english_machine_translation_script() -> None:
    body = ("Fellow Deputies,\n\nNow, on behalf of our Municipal People's Government, I give "
            "the work report。\n\nI. Review of the work of 2020\n\n全市上下 worked hard, and "
            "清河Popularity rose。The Linfen Municipal Party Committee led us。\n\n"
            "II. 2021 years of work arrangement\n\nThis year we will work hard。\n")
    md = govreport.parse(body).metadata
    assert (md.script, md.region_level) == ("en-MT", "county_level_city")


@pytest.mark.parametrize(
    ("place", "unit", "expected", "level"),
    [
        pytest.param("河西省", "省", "河西省", "province", id="province"),
        pytest.param("新疆维吾尔自治区", "自治区", "新疆维吾尔自治区", "autonomous_region",
                     id="autonomous-region"),
        pytest.param("北京市", "市", "北京市", "municipality", id="municipality"),
        pytest.param("临川市", "市", "临川市", "prefecture_city", id="prefecture-city"),
        pytest.param("清河县", "县", "清河县", "county", id="county"),
        pytest.param("临川市东湖区", "区", "东湖区", "district", id="district"),
        pytest.param("湖西自治州", "州", "湖西自治州", "prefecture_city",
                     id="autonomous-prefecture"),
    ],
)
def test_region_levels(place: str, unit: str, expected: str, level: str) -> None:
    report = _parse(f"2021年4月1日在{place}第十届人民代表大会第二次会议上\n", unit=unit)
    assert (report.metadata.region, report.metadata.region_level) == (expected, level)
    assert _evidence(report, "region") == expected
    assert _evidence(report, "region_level") == expected


def test_county_level_city() -> None:
    body = BODY.replace("过去一年，经济运行总体平稳。",
                        "过去一年，我们全面贯彻省委省政府和临川市委市政府决策部署，经济运行平稳。")
    report = _parse("2021年4月1日在清河市第七届人民代表大会第二次会议上\n", unit="市", body=body)
    assert (report.metadata.region, report.metadata.region_level) == (
        "清河市", "county_level_city")
    assert _evidence(report, "region_level") == "临川"


def test_fragment_region_from_its_name() -> None:
    body = BODY.replace("过去一年，经济运行总体平稳。",
                        "过去一年，清河发展稳中向好，清河市人民医院投入使用，美丽清河建设加快，清河人民更加幸福。")
    report = govreport.parse(body.format(unit="市"))
    assert (report.metadata.region, report.metadata.region_level) == ("清河市", "prefecture_city")
    assert _evidence(report, "region") == "清河市"


def test_redacted_region_is_none() -> None:
    body = BODY.replace("过去一年，经济运行总体平稳。",
                        "过去一年，×市第五次党代会及我市第七次党代会胜利召开，平安×建设加快。")
    md = govreport.parse(body.format(unit="市")).metadata
    assert (md.region, md.region_level) == (None, "county_level_city")


@pytest.mark.parametrize(
    ("date", "raw"),
    [
        pytest.param("——202342日在清河市第七届人民代表大会\n\n次会议上\n", "202342日", id="lost-separators"),
        pytest.param("2023年2月30日在清河市第七届人民代表大会第一次会议上\n", "2023年2月30日",
                     id="impossible-day"),
    ],
)
def test_garbled_date(date: str, raw: str) -> None:
    report = _parse(date, unit="市")
    md = report.metadata
    assert md.meeting_date is None
    assert "meeting_date" not in md.spans
    (diag,) = [d for d in report.diagnostics if d.code == "garbled_date"]
    assert diag.severity == Severity.WARNING
    assert report.text[diag.span.start : diag.span.end] == raw
    assert md.report_year == 2021  # from the plan year, not from the garbled date
    assert md.congress_term == 7


def test_session_missing_when_split() -> None:
    md = _parse("——202342日在清河市第七届人民代表大会\n\n次会议上\n", unit="市").metadata
    assert (md.congress_term, md.congress_session) == (7, None)


def test_chinese_numeral_date() -> None:
    md = _parse("二〇二一年三月五日在清河县第十七届人民代表大会第一次会议上\n").metadata
    assert md.meeting_date == "2021-03-05"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        pytest.param("各位代表：\n現在，我代表縣人民政府向大會報告工作。\n一、2020年工作回顧\n過去一年，"
                     "經濟運行總體平穩，發展質量穩步提升。\n", "zh-Hant", id="traditional"),
        pytest.param("各位代表：\n现在，我代表县人民政府向大会报告工作。\n", "zh-Hans", id="simplified"),
    ],
)
def test_script(text: str, script: str) -> None:
    md = govreport.parse(text).metadata
    assert md.script == script
    assert "script" in md.spans


def test_plan_year_from_heading_without_date() -> None:
    body = BODY.replace("2021年工作安排", "2022年重点工作安排")
    md = govreport.parse(body.format(unit="市")).metadata
    assert (md.plan_year, md.report_year, md.meeting_date) == (2022, 2022, None)


def test_title_running_into_the_opening_on_a_run_on_line() -> None:
    """A page pasted as one line: the title ends at 政府工作报告 and gives the plan year when
    no part heading names one."""
    text = ("2026年云溪市政府工作报告现在，我代表市人民政府向大会报告工作，请予审议。"
            "一、过去一年工作回顾过去一年，经济运行总体平稳。"
            "二、坚定信心，奋力开创发展新局面今年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。")
    report = govreport.parse(text)
    assert report.metadata.title == "2026年云溪市政府工作报告"
    assert _evidence(report, "title") == "2026年云溪市政府工作报告"
    assert report.metadata.plan_year == 2026
    assert [t.horizon for t in report.targets] == [2026]
    _check_spans(report.metadata)


def test_a_long_sentence_naming_the_report_is_no_title() -> None:
    text = ("根据会议安排，下面请审议2026年云溪市政府工作报告，这份报告共分三个部分，内容比较多，请各位代表认真审议并提出意见。"
            "现在，我代表市人民政府向大会报告工作，请予审议。一、过去一年工作回顾过去一年，经济运行总体平稳。")
    assert govreport.parse(text).metadata.title is None


def test_empty_and_plain_text() -> None:
    for text in ("", "没有任何标题的一段文字。"):
        md = govreport.parse(text).metadata
        assert md.region is None
        assert md.plan_year is None
        _check_spans(md)


# --------------------------------------------------------------------------- goldens

METADATA = sorted(p.name for p in (GOLDEN / "metadata").glob("*.json"))


@pytest.mark.parametrize("name", METADATA)
def test_metadata_golden(name: str) -> None:
    golden = json.loads((GOLDEN / "metadata" / name).read_text(encoding="utf-8"))
    text = shared_text(golden["path"])
    if "page_position" in golden:
        report = govreport.parse_many(text)[golden["page_position"] - 1]
    else:
        report = govreport.parse(text)
    md = report.metadata
    assert {f: getattr(md, f) for f in FIELDS} == {f: golden[f] for f in FIELDS}
    _check_spans(md)
    for field, where in golden["evidence"].items():
        if field in FIELDS:
            assert md.spans[field].start + report.offset == where["offset"], field


def test_garbled_date_in_seed_004() -> None:
    report = govreport.parse(shared_text("seeds/004_28d7c83c265e320a.txt"))
    assert report.metadata.meeting_date is None
    (diag,) = [d for d in report.diagnostics if d.code == "garbled_date"]
    assert report.text[diag.span.start : diag.span.end] == "202342日"
    assert diag.severity == Severity.WARNING


GLOSSARY = json.loads((GOLDEN / "glossary.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(GLOSSARY))
def test_glossary_golden(path: str) -> None:
    expected = GLOSSARY[path]
    report = govreport.parse(shared_text(path))
    entries = report.glossary
    assert len(entries) == expected["count"] == len(expected["entries"])
    assert [(e.number, e.term, e.span.start) for e in entries] == [
        (e["number"], e["term"], e["offset"]) for e in expected["entries"]
    ]
    glossary = report.find("glossary")
    assert glossary is not None
    assert glossary.heading is not None
    assert glossary.heading.span.start == expected["heading"]["offset"]
    assert glossary.title == expected["heading"]["text"]
