"""Metadata of a report: region and level, years, meeting date, congress, speaker, script, title.

Most facts come from the *header*: the text before the salutation (各位代表), the opening formula
(我代表…人民政府向大会报告工作) or the first heading, i.e. title,
``——2021年3月5日在第十三届全国人民代表大会第四次会议上`` and ``国务院总理 李克强``. A fragment
without a header still gets what its body says: the plan year from the annual-plan heading, the
level from the opening formula (``我代表市人民政府``) and, for a city, the region from the city
name it repeats.

Values (see :class:`~govreport.models.Metadata`):

``region_level``
    ``national`` (全国), ``province`` (省), ``autonomous_region`` (自治区), ``municipality``
    (北京, 上海, 天津, 重庆), ``prefecture_city`` (地级市; also 自治州, 地区, 盟),
    ``county_level_city`` (县级市), ``county`` (县, 自治县, 旗), ``district`` (市辖区).
    A 市 is a prefecture city unless the text names another city as its superior
    (``省委省政府和吕梁市委市政府``, ``×市第五次党代会及我市``,
    ``Linfen Municipal Party Committee``).
``script``
    ``zh-Hans``, ``zh-Hant`` (converted to simplified for parsing), ``en`` (English without Han
    characters), ``en-MT`` (English machine translation: English text with untranslated Chinese
    fragments or Chinese punctuation left in it, like seed 000), ``mixed`` (substantial Chinese
    and English otherwise).
``report_year``
    the year of the meeting date; without a date, the plan year.
``plan_year``
    the year of the annual-plan heading (``三、2021年重点工作``); else a year in a heading such as
    ``1999年工作的总体要求``; else the year of the meeting date.

``spans[field]`` is the evidence of each non-``None`` field, in source offsets.
"""

from __future__ import annotations

import datetime
import operator
from collections import Counter
from collections.abc import Callable, Sequence

import attrs
import regex

from . import patterns
from .models import Diagnostic, Metadata, SectionKind, Severity, Span

__all__ = ["HeadingRange", "extract_metadata"]

ToSource = Callable[[int, int], Span]


@attrs.frozen(kw_only=True)
class HeadingRange:
    """A section heading in normalised offsets, with the kind of its section."""

    kind: SectionKind | None
    start: int
    end: int
    top_level: bool


# --------------------------------------------------------------------------- patterns

_CJK_NUM = r"[一二三四五六七八九十]{1,3}|\d{1,2}"
#: ``在汾阳市第七届人民代表大会第一次会议上`` / ``在第十三届全国人民代表大会第四次会议上``;
#: the place is the run of Han characters before 第, after its last 在
_MEETING = regex.compile(
    rf"(?P<pre>\p{{Han}}{{0,20}})第(?P<term>{_CJK_NUM})届[ \t]*(?P<national>全国)?"
    rf"人民代表大会(?:[ \t]*第(?P<session>{_CJK_NUM})次(?:全体)?会议)?"
)
_EN_ORDINAL = "|".join(patterns.EN_ORDINALS)
#: ``——16th People's Congress in Riverton on May 3, 2022`` / ``At the second meeting``
_EN_MEETING = regex.compile(
    r"(?P<term>\d{1,2})(?:st|nd|rd|th) (?:Municipal |County |Provincial )?People's Congress"
    r"(?: (?:of|in) (?P<place>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}?))?(?= on | at |,|\n|$)"
)
_EN_SESSION = regex.compile(
    rf"(?i:at the )(?P<session>(?i:{_EN_ORDINAL})|\d{{1,2}}(?:st|nd|rd|th)) (?i:meeting|session)"
)
#: ``2021年闻喜县政府工作报告`` — a place in the title
_TITLE_PLACE = regex.compile(
    r"(?:(?:19|20)\d\d年)?(?P<place>\p{Han}{2,12}?)(?:人民)?政府工作报告"
)
_DATE = regex.compile(r"(?P<y>(?:19|20)\d\d)[ ]?年[ ]?(?P<m>\d{1,2})[ ]?月[ ]?(?P<d>\d{1,2})[ ]?日")
_CJK_DATE = regex.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?P<d>[一二三四五六七八九十]{1,3})日"
)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
#: ASCII only (``(?a)``): a case-blind match would take ſ for s and İ for i (ſeptember), and the
#: month's name would not be found in ``_MONTHS``
_EN_DATE = regex.compile(
    rf"(?a)(?P<m>(?i:{'|'.join(_MONTHS)})) (?P<d>\d{{1,2}}),? (?P<y>(?:19|20)\d\d)"
    r"|(?<![\d/])(?P<mn>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>(?:19|20)\d\d)(?![\d/])"
)
#: the year a title names: 2021年闻喜县政府工作报告
_TITLE_YEAR = regex.compile(r"(?P<y>(?:19|20)\d\d)[ ]?年")
#: the year a review heading names: 2020年工作回顾 (the plan year is the next one)
_REVIEW_YEAR = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)")
#: a date that lost its separators or has impossible fields: ``202342日``, ``2023年13月5日``
_GARBLED_DATE = regex.compile(r"(?<!\d)(?:\d{5,8}[ ]?日|(?:19|20)\d\d年\d{1,2}月(?!\d{1,2}日)\d*)")

_TITLE_CHARS = "·；;:："
_TITLES = ("代省长", "省长", "代市长", "市长", "代县长", "县长", "代区长", "区长", "代州长", "州长",
           "盟长", "代旗长", "旗长", "总理", "代主席", "主席")
#: a title, allowing ``；`` between its characters (``县；长``)
_TITLE = "|".join("[;；]?".join(t) for t in _TITLES)
_NAME = r"\p{Han}(?:[ ;；]?\p{Han}){1,3}?(?:·\p{Han}{1,8})?"
_NAME_END = r"(?=[ \t;；]*(?:\n|各位代表|同志|作|在|$)|[ \t]+\S|[，,。])"
#: ``县长；史玉江`` ``代市长吴秀玲`` ``国务院总理 李克强`` ``四川省人民政府省长 施小琳``
_SPEAKER = regex.compile(
    rf"(?:国务院|自治区)?(?P<title>{_TITLE})[ \t;；:：]*\n?[ \t]*(?P<name>{_NAME}){_NAME_END}"
)
#: ``2025年1月15日龚正市长在上海市…`` — the name before the title
_SPEAKER_BEFORE = regex.compile(
    rf"(?<=日|[ \t\n—-])(?P<name>\p{{Han}}{{2,4}}?)(?P<title>{_TITLE})(?=在|作)"
)
#: ``会议上；刘春林；各位代表`` — a name without a title
_SPEAKER_BARE = regex.compile(r"会议上[ \t;；]+(?P<name>\p{Han}{2,4}?)[ \t;；]*(?=各位代表|$)")
_EN_TITLES = r"(?:Acting )?(?:Mayor|Governor|Premier|County Magistrate|District Mayor|Chairman)"
_EN_SPEAKER = regex.compile(
    rf"(?P<title>{_EN_TITLES})\b[^\n]*?[ \t]{{2,}}"
    r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t]*$",
    regex.MULTILINE,
)
_EN_TITLE_ZH = {"mayor": "市长", "acting mayor": "代市长", "governor": "省长",
                "premier": "总理", "county magistrate": "县长", "district mayor": "区长",
                "chairman": "主席"}

#: the opening formula names the government: 我代表县人民政府 → 县
_OPENING_UNIT = regex.compile(
    r"我代表(?:[^，。\n]{0,10}?(?P<unit>自治区|省|市|州|盟|县|旗|区)人民政府|(?P<national>国务院|中央人民政府))"
    r"|(?i:on behalf of (?:the |our )?)"
    r"(?:(?P<en>Municipal|Provincial|County|District) People's Government"
    r"|(?P<en_national>State Council))"
)
_EN_UNIT = {"municipal": "市", "provincial": "省", "county": "县", "district": "区"}
#: signs that a 市 is a county-level city: another city named as its superior
_COUNTY_LEVEL_CITY = regex.compile(
    r"省(?:委(?:[、，]?省政府)?)?[、，和及](?P<sup>×|(?![市县区委省])\p{Han}{2})市(?:委|决策|部署|政府)"
    r"|(?P<sup>×|\p{Han}{2})市第[一二三四五六七八九十]{1,3}次党代会(?:及|和|、)我市"
    r"|(?P<en_sup>[A-Z][a-z]+) Municipal (?:Party )?Committee"
)
_MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
#: 2 characters + 市 that are not a city name (for the name-frequency fallback)
_NOT_CITY = frozenset((
    "城市", "全市", "我市", "本市", "省市", "各市", "县市", "超市", "上市", "地市", "都市", "门市",
    "股市", "楼市", "夜市", "集市", "副市", "该市", "设区", "区市", "两市", "三市", "城区", "新区",
    "园区", "景区", "社区", "片区", "市区", "辖区", "矿区", "山区", "库区", "县区", "各区", "我区",
    "全区", "全县", "我县", "本县", "各县", "郡县",
))
#: words that precede a place's own name: 美丽忻州, 平安忻州, 健康忻州
_PRAISE = "美丽|平安|健康|幸福|魅力|大美|活力|文明|法治|数字|智慧|宜居|绿色|康养"
_CITY_NAME = regex.compile(r"(?P<stem>[\p{Han}]{2})(?P<unit>市|县|区)")
_PRAISED = regex.compile(rf"(?:{_PRAISE})(?P<stem>\p{{Han}}{{2}})")
_FEW_STEMS = 8
#: a year in an annual-plan heading: 2021年重点工作, 2021 years of work arrangement, … for 2001
_YEAR = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)")
_PLAN_YEAR_WORDS = regex.compile(
    r"(?P<y>(?:19|20)\d\d)年(?:经济社会发展|政府)?(?:工作)?的?(?:总体要求|安排|部署|重点|主要任务|任务)"
)
#: Chinese fragments left in English: 侯马Popularity, 。 after a Latin letter
_MT_SIGNS = regex.compile(r"[A-Za-z][。，；：]|\p{Han}[A-Za-z]|[A-Za-z]\p{Han}")
_MT_MIN_SIGNS = 3
_SALUTATION_OR_OPENING = regex.compile(
    rf"{patterns.SALUTATION.pattern}|{patterns.OPENING.pattern}"
)
_HEADER_MAX = 1000
_CJK_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def _to_int(s: str) -> int | None:
    return int(s) if s.isdigit() else patterns.cjk_to_int(s)


# --------------------------------------------------------------------------- pieces


@attrs.define
class _Found:
    """Values and evidence (normalised ranges) collected field by field."""

    values: dict[str, object] = attrs.Factory(dict)
    spans: dict[str, tuple[int, int]] = attrs.Factory(dict)
    #: the year of the title (2007年临江区政府工作报告) and where it is
    title_year: tuple[int, int, int] | None = None

    def set(self, field: str, value: object, start: int, end: int) -> None:
        if value is None or field in self.values:
            return
        self.values[field] = value
        self.spans[field] = (start, end)


def _header_end(text: str, headings: Sequence[HeadingRange]) -> int:
    """Where the header ends: at the salutation or opening formula, the first heading, or
    ``_HEADER_MAX`` characters, whichever comes first."""
    limit = min([_HEADER_MAX, len(text), *(h.start for h in headings)])
    m = _SALUTATION_OR_OPENING.search(text, 0, limit)
    return m.start() if m else limit


def _level_of(place: str) -> str:
    if place.endswith("自治区"):
        return "autonomous_region"
    if place.endswith(("自治州", "地区", "盟")):
        return "prefecture_city"
    if place.endswith("省"):
        return "province"
    if place.endswith(("自治县", "县", "旗")):
        return "county"
    if place.endswith("区"):
        return "district"
    if place.endswith("市"):
        return "municipality" if place[:-1] in _MUNICIPALITIES else "prefecture_city"
    return "prefecture_city"


_UNIT_END = "省市州盟县旗区"
_HAN = regex.compile(r"\p{Han}")
_NON_DIGIT = regex.compile(r"\D")
_SEMICOLON = regex.compile(r"[;；]")
_SPACE_SEMICOLON = regex.compile(r"[ ;；]")
#: bullets and a 【…】 tag before a title
_TITLE_LEAD = regex.compile(r"[ \t•·▪■◆►▶]*(?:【[^】\n]{0,20}】)?[ \t]*")


def _place(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The last administrative unit of the place name ``text[start:end]``: 运城市盐湖区 → 盐湖区,
    朔州市 → 朔州市 (a unit keeps at least two characters before its suffix character)."""
    while end > start and not _HAN.match(text[end - 1]):
        end -= 1
    if end - start < 2 or text[end - 1] not in _UNIT_END:
        return None
    cut = start
    for j in range(end - 3, start - 1, -1):
        if text[j] in _UNIT_END and end - (j + 1) >= 2:
            cut = j + 1
            break
    return text[cut:end], cut, end


def _county_level(text: str, own: str | None) -> tuple[int, int] | None:
    """Evidence that a 市 is a county-level city (a superior city named in the text)."""
    stem = (own or "")[:-1] if own and own.endswith("市") else (own or "")
    for m in _COUNTY_LEVEL_CITY.finditer(text):
        sup = m["sup"] or m["en_sup"]
        if sup and sup != stem and not (stem and stem.startswith(sup)):
            group = "sup" if m["sup"] else "en_sup"
            start, end = m.span(group)
            return int(start), int(end)
    return None


def _name_fallback(text: str, unit: str) -> tuple[str, int, int] | None:
    """For a fragment without header: the city (县, 区) the text calls 美丽X/平安X/… and whose
    name it repeats most (seed 002: 忻州市)."""
    # the names the text praises (美丽X) and also writes XY县, found in one pass each; then how
    # often each is named, in one more pass (a pass per name would be quadratic)
    praised = {m["stem"] for m in _PRAISED.finditer(text, overlapped=True)}
    if not praised:
        return None
    first: dict[str, tuple[int, int]] = {}  # stem → where its XY县 is first written
    for m in _CITY_NAME.finditer(text):
        stem = m["stem"]
        if m["unit"] == unit and stem in praised and stem not in first \
                and stem not in _NOT_CITY and m.group()[:2] not in _NOT_CITY:
            first[stem] = m.span()
    if not first:
        return None
    if len(first) <= _FEW_STEMS:  # the usual case: a pass of str.count for each
        counts = {stem: text.count(stem) for stem in first}
    else:  # every two characters of the text counted at once
        pairs = Counter(map(operator.add, text, text[1:]))
        counts = {stem: pairs[stem] for stem in first}
    best: tuple[int, str, int, int] | None = None
    for stem, (start, end) in first.items():  # in text order: the first of equals wins
        count = counts[stem]
        if count >= 3 and (best is None or count > best[0]):
            best = (count, stem + unit, start, end)
    return None if best is None else best[1:]


def _script(text: str, norm_script: str) -> str:
    if norm_script in ("en", "mixed"):
        for signs, _ in enumerate(_MT_SIGNS.finditer(text), start=1):
            if signs >= _MT_MIN_SIGNS:
                return "en-MT"
    return norm_script


def _date(found: _Found, text: str, start: int, end: int,
          diagnostics: list[tuple[str, int, int]]) -> None:
    m = _DATE.search(text, start, end)
    year = month = day = None
    if m:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = _CJK_DATE.search(text, start, end)
        if m:
            year = int("".join(str(_CJK_DIGIT[c]) for c in m["y"]))
            month, day = patterns.cjk_to_int(m["m"]), patterns.cjk_to_int(m["d"])
        else:
            m = _EN_DATE.search(text, start, end)
            if m and m["m"]:
                year, day = int(m["y"]), int(m["d"])
                month = _MONTHS.index(m["m"].lower()) + 1
            elif m:  # 2/17/2021: month first, as in the English translations
                year, month, day = int(m["y2"]), int(m["mn"]), int(m["d2"])
    if m is None or year is None or month is None or day is None:
        bad = _GARBLED_DATE.search(text, start, end)
        if bad:
            diagnostics.append((f"meeting date {bad.group()!r} is not a valid date; left empty",
                                bad.start(), bad.end()))
        return
    try:
        iso = datetime.date(year, month, day).isoformat()
    except ValueError:
        diagnostics.append((f"meeting date {m.group()!r} is not a valid date; left empty",
                            m.start(), m.end()))
        return
    found.set("meeting_date", iso, m.start(), m.end())
    year_group = "y2" if m.groupdict().get("y2") else "y"
    found.set("report_year", year, m.start(year_group), m.end(year_group))


def _meeting(found: _Found, text: str, start: int, end: int) -> None:
    m = _MEETING.search(text, start, end)
    if m:
        found.set("congress_term", _to_int(m["term"]), m.start("term") - 1, m.end("term") + 1)
        if m["session"]:
            found.set("congress_session", _to_int(m["session"]), m.start("session") - 1,
                      m.end("session") + 1)
        if m["national"]:
            found.set("region", "全国", *m.span("national"))
            found.set("region_level", "national", *m.span("national"))
        else:
            pre_start, pre_end = m.span("pre")
            at = text.rfind("在", pre_start, pre_end)  # 龚正市长在上海市 → 上海市
            place = _place(text, pre_start if at == -1 else at + 1, pre_end)
            if place:
                found.set("region", place[0], place[1], place[2])
        return
    m = _EN_MEETING.search(text, start, end)
    if m:
        found.set("congress_term", int(m["term"]), *m.span("term"))
        if m["place"]:
            found.set("region", m["place"], *m.span("place"))
    s = _EN_SESSION.search(text, start, end)
    if s:
        word = s["session"].lower()
        session = patterns.EN_ORDINALS.get(word) or int(_NON_DIGIT.sub("", word) or 0)
        found.set("congress_session", session or None, *s.span("session"))


def _speaker(found: _Found, text: str, start: int, end: int) -> None:
    m = _SPEAKER.search(text, start, end) or _SPEAKER_BEFORE.search(text, start, end)
    if m:
        title = _SEMICOLON.sub("", m["title"])
        found.set("speaker_title", title, *m.span("title"))
        found.set("speaker", _SPACE_SEMICOLON.sub("", m["name"]), *m.span("name"))
        return
    m = _EN_SPEAKER.search(text, start, end)
    if m:
        found.set("speaker_title", m["title"], *m.span("title"))
        found.set("speaker", m["name"], *m.span("name"))
        return
    m = _SPEAKER_BARE.search(text, start, end)
    if m:
        found.set("speaker", m["name"], *m.span("name"))


#: the site's name after a page title (<title>…政府工作报告_某市人民政府网</title>)
_SITE_SUFFIX = regex.compile(r"[ \t]*(?:[_|｜]|[ \t][-–—][ \t])")
#: punctuation a title does not hold (a sentence that mentions 政府工作报告 does)
_CLAUSE_MARK = regex.compile(r"[，。；！？,;!?]")


def _title(found: _Found, text: str, end: int) -> None:
    """The first line naming a work report that is not web chrome (a breadcrumb
    ``首页 > 政务公开 > 政府工作报告`` names one too); a page's ``<title>`` (the site's name after
    it: ``…政府工作报告_某市人民政府``) only when no later line names the report."""
    page_title = None
    for m in patterns.TITLE_LINE.finditer(text, 0, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        lead = _TITLE_LEAD.match(text, line_start, line_end)  # a listing's bullet is no chrome
        if patterns.boilerplate_reason(text[lead.end() if lead else line_start:line_end]
                                       .strip()) is not None:
            continue
        if page_title is None and _SITE_SUFFIX.search(text, m.end(), line_end):
            page_title = (m, line_start, line_end)
            continue
        _title_at(found, text, m, line_start, line_end)
        return
    if page_title is not None:
        _title_at(found, text, *page_title)


def _title_at(found: _Found, text: str, m: regex.Match[str], line_start: int,
              line_end: int) -> None:
    lead = _TITLE_LEAD.match(text, line_start, line_end)
    s = lead.end() if lead else line_start
    e = line_end
    while e > s and text[e - 1] in " \t":
        e -= 1
    site = _SITE_SUFFIX.search(text, m.end(), e)  # a page title: 政府工作报告_某市人民政府
    if site is not None:
        e = site.start()
    if e - s > 60 and m.end() - s <= 60 and not _CLAUSE_MARK.search(text, s, m.end()):
        e = m.end()  # a run-on line: the title runs into the opening (…政府工作报告现在，我代表…)
    if e - s <= 60 and not _MEETING.search(text, s, e):
        found.set("title", text[s:e], s, e)
        year = _TITLE_YEAR.search(text, s, e)
        if year:
            found.title_year = (int(year["y"]), year.start("y"), year.end("y"))


# --------------------------------------------------------------------------- entry point


def extract_metadata(
    text: str,
    norm_script: str,
    headings: Sequence[HeadingRange],
    to_source: ToSource,
) -> tuple[Metadata, list[Diagnostic]]:
    """Metadata of the normalised ``text``. ``headings`` are the section and subsection headings
    in normalised offsets, in document order."""
    found = _Found()
    bad_dates: list[tuple[str, int, int]] = []
    head = _header_end(text, headings)
    _title(found, text, head)
    _date(found, text, 0, head, bad_dates)
    _meeting(found, text, 0, head)
    _speaker(found, text, 0, head)
    _years(found, text, headings)
    _region(found, text, head)
    found.set("script", _script(text, norm_script), *_non_blank(text))

    values = dict(found.values)
    spans = {field: to_source(*found.spans[field]) for field in values}
    metadata = Metadata(spans=spans, **values)  # type: ignore[arg-type]
    diagnostics = [
        Diagnostic(code="garbled_date", message=message, span=to_source(start, end),
                   severity=Severity.WARNING,
                   hint="the year, month and day could not be read; meeting_date is None")
        for message, start, end in bad_dates
    ]
    return metadata, diagnostics


def _non_blank(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return (start, end) if start < end else (0, len(text))


def _years(found: _Found, text: str, headings: Sequence[HeadingRange]) -> None:
    for h in headings:
        if h.kind == SectionKind.ANNUAL_PLAN:
            m = _YEAR.search(text, h.start, h.end)
            if m:
                found.set("plan_year", int(m["y"]), *m.span("y"))
                break
    if "plan_year" not in found.values:
        for h in headings:
            m = _PLAN_YEAR_WORDS.search(text, h.start, h.end)
            if m:
                found.set("plan_year", int(m["y"]), *m.span("y"))
                break
    if "report_year" not in found.values and found.title_year is not None:
        found.set("report_year", *found.title_year)  # 2007年…政府工作报告: delivered in 2007
    if "plan_year" not in found.values and "report_year" in found.values:
        found.set("plan_year", found.values["report_year"], *found.spans["report_year"])
    if "plan_year" not in found.values:
        for h in headings:  # last resort: 2020年工作回顾 → the plan is for 2021
            if h.kind == SectionKind.REVIEW and h.top_level:
                years = list(_REVIEW_YEAR.finditer(text, h.start, h.end))
                if years:
                    y = years[-1]
                    found.set("plan_year", int(y["y"]) + 1, *y.span("y"))
                break
    if "report_year" not in found.values and "plan_year" in found.values:
        found.set("report_year", found.values["plan_year"], *found.spans["plan_year"])


def _region(found: _Found, text: str, head: int) -> None:
    if "region" not in found.values:
        m = _TITLE_PLACE.search(text, 0, head)
        if m:
            place = _place(text, *m.span("place"))
            if place:
                found.set("region", *place)
    opening = _OPENING_UNIT.search(text, 0, min(len(text), head + 3000))
    if opening and (opening["national"] or opening["en_national"]) and "region" not in found.values:
        span = opening.span("national") if opening["national"] else opening.span("en_national")
        found.set("region", "全国", *span)
        found.set("region_level", "national", *span)
    unit = None
    if opening:
        unit = opening["unit"] or _EN_UNIT.get((opening["en"] or "").lower())
    if "region" not in found.values and unit in ("市", "县", "区"):
        guess = _name_fallback(text, unit)
        if guess:
            found.set("region", *guess)
    if "region_level" in found.values:
        return
    region = found.values.get("region")
    if isinstance(region, str) and "region" in found.spans:
        start, end = found.spans["region"]
        if _HAN.match(region):
            level = _level_of(region)
        else:  # an English name: the level from the opening formula or the speaker's title
            title = str(found.values.get("speaker_title", "")).lower()
            unit = unit or ("市" if "mayor" in title else "省" if "governor" in title else None)
            if not unit:
                return
            level = _level_of("x" + unit)
    elif unit and opening:
        start, end = opening.span("unit") if opening["unit"] else opening.span("en")
        level = _level_of("x" + unit)
    else:
        return
    if level == "prefecture_city" and (unit == "市" or str(region or "").endswith("市")):
        evidence = _county_level(text, region if isinstance(region, str) else None)
        if evidence:
            found.set("region_level", "county_level_city", *evidence)
            return
    found.set("region_level", level, start, end)
