"""Hypothesis strategies: government work reports with a known outline, rendered messily.

Two independent layers, so that every kind of damage can be combined with every outline:

* :func:`outlines` draws a :class:`ReportSpec` — the *abstract* report: which parts are present
  (review, five-year goals, one or two annual-plan parts, self-improvement top-level or as the
  last annual-plan subsection, closing, glossary) in which order, 0–12 subsections each,
  paragraphs, 一是… items, 各位代表，… interludes, the expected targets with their values and
  qualifiers, the years. Every piece of text is held in simplified Chinese *and* English.
* :func:`styles` draws a :class:`Style` — how the report reached us: script (OpenCC ``s2t``),
  pinyin annotations, punctuation width, numeral families, language of headings and body,
  layout (lines, blank-line paragraphs, hard-wrapped PDF lines, one run-on line), headings
  running into their bodies, dropped or truncated numerals, web chrome and pagination,
  zero-width characters, redacted digits, line endings.

:func:`render` turns one of each into a :class:`Rendered`: the text plus the outline a reader
would recover from it (``outline``, ``sub_ordinals``, ``targets``), so properties compare the
parse with what was generated. :func:`pages` puts several rendered reports on one listing page.

Every choice the rendering makes (which numeral is lost, where pinyin goes, where a page
breaks …) is drawn by Hypothesis through :class:`Decisions`, so a failing example shrinks in
its rendering as well as in its outline and style; ``render(spec, style)`` without a ``draw``
takes the simplest choice everywhere.

**Narrow and wide.** By default (``wide=False``) the generator draws what it always drew: part
titles from short closed lists, numerals dropped only from titles in the parser's own list
(``PartSpec.canonical``), the usual front matter. ``outlines(wide=True)`` and
``styles(wide=True)`` draw what the parser was not written for (issue 11):

* part titles from a *compositional* vocabulary — a time word (``{y}年``, ``今年``, ``过去五年``,
  ``“{plan}”时期``, ``本届政府任期内`` …) with the nouns of each kind (``工作总结``, ``奋斗历程``,
  ``主要考虑``, ``发展蓝图``, ``工作部署``, ``总体要求和重点工作`` …), self-improvement titles
  made of an adverb, a verb and the government's own work (``坚定不移加强政府自身建设``,
  ``奋力建设人民满意的法治政府``), titles naming the Five-Year goals and this year's work
  together, and slogan titles whose kind only the body tells (``WIDE_*`` below);
* numerals dropped from any title a reader can still place (``Style.drop_parts="any"``);
* lost outer numbering (``Style.outer="lost"``): a .docx whose automatic numbering is gone, so
  the part titles stand bare and the subsections read 一、二、… restarting in each part;
* other front matter: a photo caption after the title, a dateline in Chinese numerals, an
  opening addressed to the standing committee (各位主任、委员) or given by a prefecture's 行署,
  an introductory paragraph before the first part, and (``Style.long_chrome``) tens of lines
  of a web page before the report; an annual-plan part with a paragraph on clean government.

The vocabulary is written here (heading phrases, sentences, names are made up for these tests);
nothing is taken from real report texts.

Where a style is *narrowed* (some combinations are never drawn), the reason is given where it
happens: a combination is left out only when a careful human reader could not recover the
outline from the text either (:func:`valid_style`, :func:`recoverable`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

# =========================================================================== vocabulary
# (simplified Chinese, English) pairs. {y} plan year, {p} review year, {plan} five-year plan
# name (十五五), {plan_en} its English ordinal (15th), {prev} the plan before it, {lvl}
# 市/县/区/地区, {party} the party committee (市委, 地委), {place} the region.

REGIONS: tuple[tuple[str, str, str], ...] = (
    # (name, level, romanisation) — invented places
    ("云溪", "市", "Yunxi"), ("南岭", "县", "Nanling"), ("临江", "区", "Linjiang"),
    ("北湖", "县", "Beihu"), ("东原", "市", "Dongyuan"), ("石门", "县", "Shimen"),
    ("清河", "区", "Qinghe"), ("安平", "市", "Anping"), ("河西", "县", "Hexi"),
    ("凤台", "县", "Fengtai"), ("梧桐", "市", "Wutong"), ("松岗", "区", "Songgang"),
)
SPEAKERS = ("王立新", "李明远", "陈晓华", "赵建国", "周文静", "孙浩然", "刘思源", "黄海涛")
SPEAKERS_EN = ("Wang Lixin", "Li Mingyuan", "Chen Xiaohua", "Zhao Jianguo", "Zhou Wenjing",
               "Sun Haoran", "Liu Siyuan", "Huang Haitao")
#: prefectures (地区): their government is an administrative office, 行署 (wide front matter)
PREFECTURES: tuple[tuple[str, str, str], ...] = (
    ("云岭", "地区", "Yunling"), ("沙河", "地区", "Shahe"), ("雪峰", "地区", "Xuefeng"),
)
LEADER = {"市": ("市长", "Mayor"), "县": ("县长", "County Magistrate"), "区": ("区长", "Mayor"),
          "地区": ("专员", "Commissioner")}
LEVEL_EN = {"市": "Municipal", "县": "County", "区": "District", "地区": "Prefectural"}

PLAN_NAMES = ("十五", "十一五", "十二五", "十三五", "十四五", "十五五", "十六五")

#: part titles: (zh, en, canonical) — canonical titles name their part on their own (a reader
#: recognises ``2025年工作回顾`` as a top-level heading even without its numeral)
REVIEW_TITLES = (
    ("{p}年工作回顾", "Review of the work in {p}", True),
    ("{p}年政府工作回顾", "Review of the government's work in {p}", False),
    ("{p}年主要工作回顾", "Review of the main work in {p}", True),
    ("过去一年工作回顾", "Review of the work of the past year", False),
)
REVIEW_THEMES = (
    ("砥砺奋进，发展质效稳步提升", "Forging ahead with steady gains in quality"),
    ("攻坚克难，各项事业取得新成效", "Overcoming difficulties on every front"),
)
FIVE_TITLES = (
    ("“{plan}”时期主要目标任务", "The main goals and tasks of the {plan_en} Five-Year Plan period", True),
    ("“{plan}”时期经济社会发展的主要目标", "Main goals of the {plan_en} Five-Year Plan", False),
    ("今后五年的奋斗目标和主要任务", "Goals and tasks of the Five-Year Plan for the coming years", False),
)
ANNUAL_TITLES = (
    ("{y}年工作安排", "{y} years of work arrangement", True),
    ("{y}年重点工作", "Key tasks for {y}", True),
    ("{y}年主要工作任务", "Main tasks for {y}", False),
    ("{y}年政府工作安排", "Work arrangement for {y}", False),
)
#: a national-style annual plan in two parts
ANNUAL_SPLIT = (
    ("{y}年经济社会发展总体要求和政策取向", "Overall requirements and arrangements for {y}", False),
    ("{y}年政府工作任务", "Government tasks for {y}", False),
)
ANNUAL_THEMES = (
    ("坚定信心，奋力开创高质量发展新局面", "Opening up new prospects with confidence"),
    ("乘势而上，全力推动经济持续向好", "Building on momentum for sustained growth"),
)
SELF_TITLES = (
    ("加强政府自身建设", "Strengthening the government's self-improvement", True),
    ("全面加强政府自身建设", "Making our government's own work stronger on every front (self-construction)", True),
    ("切实加强政府自身建设", "Effectively strengthening the government's own building", True),
    ("努力建设人民满意政府", "Building the government's own capacity to serve the people", False),
)
SELF_THEMES = (("转变作风，坚持廉洁从政", ""),)
#: self-improvement as the last subsection of the annual plan
SELF_SUB_TITLES = (
    ("围绕建设人民满意政府，全面加强自身建设", "Strengthen the government's self-improvement for the people"),
    ("坚持依法行政，建设服务型政府", "Build a law-based government and the government's own capacity"),
    ("加强政府自身建设", "Strengthening the government's self-construction"),
)

# --------------------------------------------------------------------------- wide vocabulary
# Part titles a reader recognises, built from pieces (issue 11): a time word and the nouns of a
# part, joined directly or with 的. Deliberately wider than any closed list of titles: every
# time word goes with every noun of its kind, so that 2026年发展目标和重点任务, 今年工作的总体部署,
# 过去五年的奋斗历程 and “十五五”时期发展的主要考虑 are all drawn. (zh, en) pairs.

WIDE_REVIEW_TIMES = (
    ("{p}年", "in {p}"), ("{p}年度", "in {p}"), ("过去一年", "of the past year"),
    ("过去的一年", "of the past year"), ("过去五年", "of the past five years"),
    ("五年来", "of the last five years"),
    ("“{prev}”时期", "of the {prev} Five-Year Plan period"),
    ("{p}年和“{prev}”时期", "in {p} and the {prev} period"),
)
WIDE_REVIEW_NOUNS = (
    ("工作回顾", "review of the work"), ("主要工作回顾", "review of the main work"),
    ("政府工作回顾", "review of the government's work"), ("主要工作", "main work"),
    ("发展成就", "achievements"), ("主要成就", "main achievements"),
    ("工作总结", "summary of the work"), ("奋斗历程", "the course of our efforts"),
    ("主要工作和成效", "main work and results"), ("工作成绩", "results of the work"),
)
WIDE_FIVE_TIMES = (
    ("“{plan}”时期", "of the {plan_en} Five-Year Plan period"),
    ("“{plan}”时期经济社会发展", "for social and economic development in the {plan_en} period"),
    ("“{plan}”时期发展", "for development in the {plan_en} period"),
    ("“{plan}”规划期间", "of the {plan_en} Five-Year Plan"),
    ("今后五年", "for the next five years"), ("未来五年", "for the coming five years"),
    ("本届政府任期内", "for this government's term"),
)
WIDE_FIVE_NOUNS = (
    ("发展目标", "development goals"), ("主要目标任务", "main goals and tasks"),
    ("总体思路", "general approach"), ("主要考虑", "main considerations"),
    ("奋斗目标", "goals to strive for"), ("发展蓝图", "development blueprint"),
    ("目标任务", "goals and tasks"), ("主要目标和重大举措", "main goals and major measures"),
    ("总体要求和主要目标", "overall requirements and main goals"),
    ("发展思路和主要目标", "approach and main goals"), ("主要目标", "main goals"),
)
WIDE_ANNUAL_TIMES = (
    ("{y}年", "for {y}"), ("{y}年度", "for {y}"), ("今年", "for this year"),
    ("{y}年政府", "of the government in {y}"),
    ("{y}年经济社会发展", "for social and economic development in {y}"),
    ("今年政府", "of the government this year"), ("新的一年", "for the new year"),
)
WIDE_ANNUAL_NOUNS = (
    ("工作安排", "work arrangements"), ("重点工作", "key work"), ("重点任务", "key tasks"),
    ("总体要求和重点工作", "overall requirements and key work"), ("主要任务", "main tasks"),
    ("工作部署", "work plan"), ("目标任务", "goals and tasks"),
    ("工作的总体部署", "overall plan of the work"), ("发展目标和重点任务", "goals and key tasks"),
    ("主要目标和重点任务", "main goals and key tasks"),
    ("工作思路和重点任务", "approach and key tasks"), ("工作安排建议", "proposed arrangements"),
    ("工作任务", "tasks"),
)
#: the national-style annual plan in two parts: (first part nouns, second part nouns)
WIDE_SPLIT_NOUNS = (
    (("总体要求和政策取向", "overall requirements and policy orientation"),
     ("总体要求和主要预期目标", "overall requirements and main expected targets"),
     ("总体思路和主要目标", "general approach and main goals")),
    (("政府工作任务", "government tasks"), ("重点工作任务", "key tasks"),
     ("主要任务", "main tasks"), ("重点任务", "key tasks")),
)
#: a title naming the Five-Year goals and this year's work together (its part is the Five-Year
#: part: the goals come first, the year's work follows in the same part)
WIDE_COMBINED = (
    (("“{plan}”时期", "{plan_en} period"), ("今后五年", "next five years")),
    (("主要目标", "main goals"), ("发展目标", "development goals"),
     ("奋斗目标", "goals"), ("目标任务", "goals and tasks")),
    (("{y}年", "{y}"), ("今年", "this year")),
    (("重点工作", "key work"), ("工作安排", "work arrangements"),
     ("重点任务", "key tasks"), ("主要任务", "main tasks")),
)
#: self-improvement: adverb + verb + the government's own work
WIDE_SELF_ADVERBS = ("", "坚定不移", "坚定不移地", "着力", "持续", "全面", "切实", "进一步",
                     "不断", "始终", "以自我革命精神", "奋力", "努力", "扎实", "更大力度")
WIDE_SELF_WORK = (
    # (verbs, objects): 加强政府自身建设, 建设人民满意的法治政府
    (("加强", "推进", "深化", "抓好"),
     ("政府自身建设", "法治政府建设", "政府作风建设", "廉洁政府建设", "服务型政府建设")),
    (("建设", "打造", "建好"),
     ("人民满意政府", "人民满意的政府", "人民满意的法治政府", "人民满意的服务型政府",
      "法治政府和服务型政府", "人民满意的法治政府和服务型政府", "让人民满意的政府")),
)
#: slogan titles: neutral two-part phrases that name no part (the body tells which)
WIDE_SLOGAN_HEADS = ("砥砺奋进", "踔厉奋发", "笃行实干", "守正创新", "勇毅前行", "团结奋斗",
                     "凝心聚力", "乘势而上", "攻坚克难", "真抓实干", "感恩奋进", "锐意进取",
                     "牢记嘱托")
WIDE_SLOGAN_TAILS = ("勇当排头兵", "争做先行者", "谱写新篇章", "展现新作为", "迈出新步伐",
                     "书写新答卷", "再上新台阶", "绘就新画卷", "跑出加速度", "勇挑大梁",
                     "奋楫争先", "勇立潮头")
#: a Five-Year part under a slogan: its body says it is about the coming five years
FIVE_CUES = (
    ("“{plan}”时期是{place}爬坡过坎、积势蓄能的关键五年。",
     "The {plan_en} period is a key five years for {place_en}."),
    ("今后五年，我们要锚定基本实现现代化的目标，一年接着一年干。",
     "In the coming five years we will keep to the goal of modernisation, year after year."),
)
#: an introductory paragraph between the opening and the first part (neither review nor plan)
PREFACE_SENTENCES = (
    ("这次大会是在{place}全面推进现代化建设的关键时期召开的一次重要会议。",
     "This congress meets at a key moment for {place_en}."),
    ("今年是“{plan}”规划实施的关键之年，做好政府工作意义重大。",
     "This year is a key year of the {plan_en} Five-Year Plan."),
    ("{p}年是{place}发展进程中很不平凡的一年，也是爬坡过坎、蓄势突破的一年。",
     "{p} was an extraordinary year for {place_en}."),
)
#: a newspaper photo caption after the title
CAPTION_FORMS = (
    "{md}，{speaker}在{meeting}上作政府工作报告。 记者 {reporter} 摄",
    "{md}，{speaker}在{meeting}上作政府工作报告。（记者 {reporter} 摄）",
    "图为{md}，{speaker}在{meeting}上作政府工作报告。 {reporter} 摄",
    "{md}，{speaker}在{meeting}上作政府工作报告。 本报记者 {reporter} 通讯员 {other} 摄",
)
#: opening formulas: to the deputies (0 is the narrow one), to the standing committee, by a
#: prefecture's administrative office
OPENINGS = {
    "deputies": (
        "现在，我代表{lvl}人民政府向大会报告工作，请各位代表审议，也请列席的同志们提出宝贵意见。",
        "现在，我代表{lvl}人民政府，向大会报告政府工作，请予审议，并请{lvl}政协委员和其他列席人员提出意见。",
        "受{lvl}人民政府委托，现在我向大会报告政府工作，请予审议。",
    ),
    "committee": (
        "现在，我代表{lvl}人民政府向本次会议作工作报告，请各位主任、委员审议。",
        "受{lvl}人民政府委托，现在向{lvl}人大常委会作工作报告，请予审议。",
    ),
    "prefecture": (
        "现在，我代表行署向大会报告工作，请予审议，并请各位委员和列席人员提出意见。",
        "受行署委托，现在我向大会作政府工作报告，请予审议。",
    ),
}
#: how the audience is addressed: in the front matter (the first), later in the text (either)
SALUTATIONS = {"deputies": ("各位代表", "各位代表"),
               "committee": ("各位主任、委员", "各位委员")}
#: the lines of a web page before the report (menus, breadcrumbs, page facts, other links)
LONG_CHROME = (
    "首页", "政务公开", "政务服务", "互动交流", "走进{place}", "专题专栏", "数据开放", "无障碍浏览",
    "长者模式", "English", "手机版", "用户登录", "注册", "网站地图", "搜索", "请输入关键词",
    "当前位置：首页 > 政务公开 > 政府工作报告", "首页 | 机构 | 政策 | 服务 | 互动 | 数据",
    "字号：大 中 小", "【打印本页】 【关闭窗口】", "分享到：", "扫一扫在手机打开当前页",
    "发布时间：{date}", "发布机构：{place}人民政府办公室", "索引号：{code}", "主题分类：综合政务",
    "浏览次数：{views}", "信息来源：{place}人民政府办公室", "【字体：大 中 小】",
    "· {place}召开重点项目推进会", "{place}举行春季招聘会", "热门搜索：营商环境 乡村振兴 社保",
    "今天是{today}", "政府信息公开目录", "政策解读", "通知公告", "视频新闻", "{place}要闻",
)

VERBS = (("坚持", "Adhere to"), ("聚焦", "Focus on"), ("深化", "Deepen"), ("推进", "Advance"),
         ("强化", "Strengthen"), ("加快", "Speed up"), ("统筹", "Coordinate"),
         ("扩大", "Expand"), ("优化", "Optimise"), ("做强", "Build up"), ("激活", "Activate"))
OBJECTS = (("创新驱动", "innovation"), ("产业升级", "industrial upgrading"),
           ("城乡融合", "urban-rural integration"), ("改革开放", "reform and opening up"),
           ("生态保护", "ecological protection"), ("民生保障", "social security"),
           ("营商环境", "the business environment"), ("乡村振兴", "rural revitalisation"),
           ("数字经济", "the digital economy"), ("文化建设", "cultural development"),
           ("安全发展", "safe development"), ("县域经济", "the county economy"),
           ("项目建设", "project construction"), ("消费需求", "consumer demand"))
SECONDS = (("培育发展新动能", "cultivate new growth drivers"),
           ("筑牢高质量发展根基", "lay a solid foundation"),
           ("增进人民群众福祉", "improve people's wellbeing"),
           ("激发市场主体活力", "invigorate market entities"),
           ("建设美丽宜居家园", "build a beautiful home"),
           ("提升城市功能品质", "improve urban functions"),
           ("夯实农业农村基础", "consolidate agriculture"),
           ("拓展开放合作空间", "widen cooperation"),
           ("守牢安全发展底线", "hold the safety bottom line"),
           ("厚植文化发展优势", "enrich cultural strengths"),
           ("释放内需增长潜力", "release the potential of demand"),
           ("增强经济发展韧性", "make the economy more resilient"))
RESULTS = (("持续优化", "kept improving"), ("稳步提升", "rose steadily"),
           ("明显改善", "improved markedly"), ("不断增强", "grew stronger"),
           ("取得突破", "made breakthroughs"), ("扎实推进", "advanced solidly"))
SELF_SUBS = (("坚持依法行政，建设法治政府", "Govern according to law"),
             ("坚持廉洁从政，建设廉洁政府", "Keep the government clean"),
             ("坚持务实高效，建设服务型政府", "Build a service-oriented government"),
             ("坚持政务公开，自觉接受监督", "Keep government affairs open"))

# Sentences. Placeholders: {a} amount (亿元), {b} {b2} growth (%), {c} {c2} counts, {d} 万人,
# {r} ratio (%). Annual-plan sentences carry no figures: the only expected targets are the ones
# in the target sentence, so that extraction can be checked exactly.
REVIEW_SENTENCES = (
    ("过去一年，全{lvl}地区生产总值完成{a}亿元，同比增长{b}%。",
     "Over the past year, the gross regional product reached {a} billion yuan, up {b}% year on year."),
    ("一年来，我们坚持稳中求进工作总基调，经济运行总体平稳。",
     "In the year behind us we kept growth steady and moved forward step by step."),
    ("新建改建农村公路{c}公里，改造老旧小区{c2}个。",
     "{c} kilometres of rural roads have been built and {c2} old neighbourhoods renovated."),
    ("城乡居民人均可支配收入分别增长{b}%和{b2}%。",
     "Household income in towns rose {b}% and in villages {b2}%."),
    ("各项事业取得了新的成效，群众获得感明显增强。",
     "All undertakings have made new progress in the past year."),
    ("我们深入实施创新驱动战略，新增高新技术企业{c}家。",
     "We have implemented the innovation strategy, adding {c} high-tech enterprises."),
    ("生态环境持续改善，空气质量优良天数比例达到{r}%。",
     "The environment has been improved, with good air on {r}% of days."),
    ("民生保障更加有力，城镇新增就业{d}万人。",
     "Livelihoods have been better protected, with {d} ten thousand new urban jobs."),
    ("营商环境不断优化，新登记市场主体{c}户。",
     "The business environment has been improved, with {c} new market entities."),
    ("重点项目建设扎实推进，完成投资{a}亿元。",
     "Key projects have been advanced, with {a} billion yuan invested last year."),
)
ANNUAL_SENTENCES = (
    ("今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。",
     "This year we will seek progress while maintaining stability."),
    ("我们将着力扩大有效需求，加快培育新质生产力。",
     "We will focus on expanding effective demand and new productive forces."),
    ("要深化重点领域改革，持续优化营商环境。",
     "We will deepen reform in key areas and improve the business environment."),
    ("力争在产业转型上取得新突破。",
     "We will strive for new breakthroughs in industrial transformation this year."),
    ("今年将全面推进乡村振兴，促进城乡融合发展。",
     "This year we will promote rural revitalisation and integrated development."),
    ("要持续加大民生投入，办好群众关心的实事。",
     "We will keep increasing spending on what matters to the people."),
    ("统筹发展和安全，守住不发生系统性风险的底线。",
     "We will coordinate development and security this year."),
)
FIVE_SENTENCES = (
    ("今后五年，我们将锚定目标，接续发力。",
     "In the coming five years we will keep to our goals."),
    ("要坚持创新驱动，构建现代化产业体系。",
     "We will build a modern industrial system driven by innovation."),
    ("今后五年要着力推动经济实力明显增强，人民生活水平不断提高。",
     "We will work to make the economy stronger and raise living standards."),
)
SELF_SENTENCES = (
    ("坚持依法行政，自觉接受人大法律监督和政协民主监督。",
     "We will govern according to law and accept supervision."),
    ("持之以恒加强党风廉政建设，驰而不息纠治“四风”。",
     "We will keep the government clean and honest."),
    ("深化政务公开，建设人民满意的服务型政府。",
     "We will make government affairs more open and serve the people."),
    ("政府系统要转变作风，以实干实绩取信于民。",
     "Government staff will change their style of work."),
    ("坚持廉洁从政，严格落实过紧日子要求。",
     "We will stay clean and live within our means."),
)
ITEM_PHRASES = (("完善基础设施", "improve infrastructure"), ("培育龙头企业", "cultivate leading firms"),
                ("建设产业园区", "build industrial parks"), ("扩大招商引资", "attract investment"),
                ("提升公共服务", "improve public services"), ("加强人才引进", "attract talent"),
                ("推进数字转型", "advance digital transformation"), ("保护耕地资源", "protect farmland"))
#: 各位代表，… paragraphs inside a part (after its last subsection: the part's tail)
INTERLUDES = {
    "review": (
        ("各位代表！成绩来之不易。这是全{lvl}上下团结一心、共同努力的结果。",
         "Fellow Deputies, these achievements have not come easily."),
        ("各位代表，我们也清醒认识到，发展中还存在不少困难和问题。",
         "Fellow Deputies, we have also been soberly aware of the difficulties in the past year."),
    ),
    "annual_plan": (
        ("各位代表，做好今年工作，责任重大，使命光荣。",
         "Fellow Deputies, the tasks this year are heavy and our mission is glorious."),
        ("各位代表！民生连着民心，今年要把好事办好、实事办实。",
         "Fellow Deputies, this year we will do practical things for the people."),
    ),
}
CLOSINGS = (
    ("让我们在{party}的坚强领导下，团结一心，为建设美好{place}而努力奋斗！",
     "let us unite closely and strive to build a better {place_en}!"),
    ("让我们携手并进，以优异成绩迎接新的挑战！",
     "let us join hands and meet new challenges with excellent results!"),
)
GLOSSARY_TERMS = (("一网通办", "政务服务事项在一个平台上办理。"), ("专精特新", "专业化、精细化、特色化、新颖化。"),
                  ("链长制", "由负责同志牵头推进一条产业链发展的工作机制。"),
                  ("中试基地", "为科技成果产业化提供中间试验服务的平台。"),
                  ("两业融合", "先进制造业和现代服务业深度融合。"),
                  ("四好农村路", "建好、管好、护好、运营好农村公路。"))

#: expected-target forms: key → (phrase before the value, unit, allowed qualifiers)
TARGET_FORMS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "gdp": ("地区生产总值增长", "%", ("", "左右", "以上", "区间")),
    "industrial_value_added": ("规模以上工业增加值增长", "%", ("", "左右", "以上", "区间")),
    "fixed_asset_investment": ("固定资产投资增长", "%", ("", "左右", "以上", "区间")),
    "retail_sales": ("社会消费品零售总额增长", "%", ("", "左右", "以上")),
    "public_budget_revenue": ("一般公共预算收入增长", "%", ("", "左右", "以上")),
    "cpi": ("居民消费价格涨幅控制在", "%", ("左右", "以内")),
    "unemployment_rate": ("城镇调查失业率控制在", "%", ("左右", "以内")),
    "new_urban_jobs": ("城镇新增就业", "万人", ("", "以上")),
    "grain_output": ("粮食产量稳定在", "万吨", ("", "以上")),
}
#: ``城乡居民人均可支配收入分别增长6%和7%``: two targets in one phrase
INCOME_PAIR = ("城乡居民人均可支配收入分别增长", ("urban_income", "rural_income"))

#: the families of numerals
PART_NUMERALS = ("cjk", "roman", "en_word", "mixed", "none")
SUB_NUMERALS = ("paren_cjk", "paren_arabic", "arabic_dot", "mixed")
CJK = "一二三四五六七八九十"
EN_ORDINAL_WORDS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
                    "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

#: my own small pinyin table (simplified character → toned syllable) for annotations
PINYIN = {
    "一": "yī", "二": "èr", "三": "sān", "四": "sì", "五": "wǔ", "六": "liù", "七": "qī",
    "八": "bā", "九": "jiǔ", "十": "shí", "领": "lǐng", "导": "dǎo", "新": "xīn", "发": "fā",
    "展": "zhǎn", "建": "jiàn", "设": "shè", "经": "jīng", "济": "jì", "改": "gǎi",
    "革": "gé", "作": "zuò", "工": "gōng", "回": "huí", "顾": "gù", "年": "nián",
    "安": "ān", "排": "pái", "政": "zhèng", "府": "fǔ", "代": "dài", "表": "biǎo",
    "各": "gè", "位": "wèi", "民": "mín", "生": "shēng", "产": "chǎn", "业": "yè",
    "城": "chéng", "乡": "xiāng", "创": "chuàng", "推": "tuī", "进": "jìn", "强": "qiáng",
    "化": "huà", "长": "zhǎng", "增": "zēng", "持": "chí", "续": "xù", "动": "dòng",
    "能": "néng", "力": "lì", "环": "huán", "境": "jìng", "项": "xiàng", "目": "mù",
    "是": "shì", "要": "yào", "我": "wǒ", "们": "men", "的": "de", "了": "le",
}

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060")


# =========================================================================== the abstract report


@attrs.frozen
class Text:
    """One piece of text in both languages (zh is simplified Chinese)."""

    zh: str
    en: str


@attrs.frozen
class Para:
    """A paragraph: ``text`` (plain), ``items`` (一是…二是…), ``interlude`` (各位代表，…),
    ``targets`` (the expected-target sentence) or ``announce`` (重点抓好以下N个方面工作)."""

    kind: str
    text: Text


@attrs.frozen
class TargetSpec:
    """An expected target as generated: what ``report.targets`` should give back."""

    key: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    horizon: int
    redacted: bool = False


@attrs.frozen
class SubSpec:
    title: Text
    #: "self_improvement" for a self-improvement subsection, else None
    kind: str | None
    paras: tuple[Para, ...]
    #: title may lose its numeral in the ``drop`` damage (never the self-improvement one: its
    #: title alone reads like a top-level part — seed 004's 加强政府自身建设 is one)
    #: and ends with 。 in the review style (（一）产业结构持续优化。)
    closed: bool = False


@attrs.frozen
class PartSpec:
    kind: str  # review, five_year_plan, annual_plan, self_improvement
    title: Text
    #: title names its part on its own: narrow outlines set it for the titles of the parser's
    #: own list (the old behaviour of ``drop``), wide outlines for every title that is not a
    #: slogan (a reader recognises 2026年发展目标和重点任务 as the annual plan)
    canonical: bool
    intro: tuple[Para, ...]
    subs: tuple[SubSpec, ...]
    tail: tuple[Para, ...]
    #: a slogan or thematic title: the part's kind is told by its body only
    thematic: bool = False


@attrs.frozen
class ReportSpec:
    place: str
    level: str
    place_en: str
    speaker: int
    year: int  # plan year
    month: int
    day: int
    front: tuple[str, ...]  # which front lines: title, meeting, speaker, salutation, opening
    parts: tuple[PartSpec, ...]
    closing: Text | None
    glossary: tuple[tuple[str, str], ...]
    targets: tuple[TargetSpec, ...]
    # wide front matter (issue 11); the defaults are the narrow report. ``front`` may also hold
    # "caption" (a photo caption after the title).
    audience: str = "deputies"  # deputies | committee (各位主任、委员, the standing committee)
    dateline: str = "arabic"  # arabic | cjk (——二〇二六年一月八日在…) | cjk_alone (a line of its own)
    opening_form: int = 0  # index into OPENINGS[...]
    caption_form: int = 0  # index into CAPTION_FORMS
    reporter: int = 0  # the photographer of the caption (index into SPEAKERS)
    #: introductory paragraphs after the opening formula, before the first part
    preface: tuple[Para, ...] = ()

    @property
    def region(self) -> str:
        return self.place + self.level

    @property
    def prefecture(self) -> bool:
        """A prefecture (地区): its government is the administrative office, 行署."""
        return self.level == "地区"


def plan_of(year: int) -> tuple[str, str, int]:
    """(name, English ordinal, end year) of the five-year plan containing ``year``."""
    n = (year - 2001) // 5
    return PLAN_NAMES[n], f"{10 + n}th", 2001 + 5 * n + 4


def previous_plan(year: int) -> str:
    """The name of the five-year plan before the one containing ``year`` (九五 before 十五)."""
    n = (year - 2001) // 5
    return PLAN_NAMES[n - 1] if n else "九五"


def _fmt(template: str, spec_vars: dict[str, Any]) -> str:
    return template.format(**spec_vars)


# --------------------------------------------------------------------------- drawing

_decimal = st.integers(5, 120).map(lambda n: n / 10)  # 0.5 … 12.0, one decimal


@st.composite
def _numbers(draw: st.DrawFn) -> dict[str, str]:
    return {
        "a": f"{draw(st.integers(100, 99999)) / 10:g}",
        "b": f"{draw(_decimal):g}", "b2": f"{draw(_decimal):g}",
        "c": str(draw(st.integers(2, 900))), "c2": str(draw(st.integers(2, 900))),
        "d": f"{draw(st.integers(1, 99)) / 10:g}", "r": f"{draw(st.integers(600, 990)) / 10:g}",
    }


@st.composite
def _sentences(draw: st.DrawFn, pool: Sequence[tuple[str, str]], names: dict[str, str],
               n: tuple[int, int] = (1, 3)) -> Text:
    chosen = draw(st.lists(st.sampled_from(pool), min_size=n[0], max_size=n[1]))
    nums = draw(_numbers())
    values = {**names, **nums}
    return Text("".join(_fmt(z, values) for z, _ in chosen),
                " ".join(_fmt(e, values) for _, e in chosen))


@st.composite
def _items(draw: st.DrawFn, past: bool) -> Text:
    chosen = draw(st.lists(st.sampled_from(ITEM_PHRASES), min_size=2, max_size=5, unique=True))
    zh = "；".join(f"{CJK[i]}是{z}" for i, (z, _) in enumerate(chosen)) + "。"
    words = ("first", "second", "third", "fourth", "fifth")
    en = "; ".join(f"{words[i]}, {e}" for i, (_, e) in enumerate(chosen)) + "."
    return Text(zh, ("Over the past year we have worked to: " if past else "We will ") + en)


@st.composite
def _paras(draw: st.DrawFn, pool: Sequence[tuple[str, str]], names: dict[str, str],
           n: tuple[int, int], items: bool = True) -> tuple[Para, ...]:
    out = []
    for _ in range(draw(st.integers(*n))):
        if items and draw(st.integers(0, 4)) == 0:
            out.append(Para("items", draw(_items(pool is REVIEW_SENTENCES))))
        else:
            out.append(Para("text", draw(_sentences(pool, names))))
    return tuple(out)


def _sub_title(verb: tuple[str, str], obj: tuple[str, str], second: tuple[str, str]) -> Text:
    return Text(f"{verb[0]}{obj[0]}，{second[0]}", f"{verb[1]} {obj[1]} to {second[1]}")


_plan_titles = st.builds(_sub_title, st.sampled_from(VERBS), st.sampled_from(OBJECTS),
                         st.sampled_from(SECONDS))
_review_titles = st.builds(lambda o, r: Text(f"{o[0]}{r[0]}", f"{o[1].capitalize()} {r[1]}"),
                           st.sampled_from(OBJECTS), st.sampled_from(RESULTS))


@st.composite
def _subs(draw: st.DrawFn, kind: str, names: dict[str, str], max_subs: int) -> tuple[SubSpec, ...]:
    n = draw(st.integers(0, max_subs))
    pool = {"review": REVIEW_SENTENCES, "five_year_plan": FIVE_SENTENCES,
            "annual_plan": ANNUAL_SENTENCES, "self_improvement": SELF_SENTENCES}[kind]
    out = []
    closed = kind == "review" and draw(st.booleans())
    for _ in range(n):
        if kind == "review":
            title = draw(_review_titles)
        elif kind == "self_improvement":
            z, e = draw(st.sampled_from(SELF_SUBS))
            title = Text(z, e)
        else:
            title = draw(_plan_titles)
        out.append(SubSpec(title, None, draw(_paras(pool, names, (1, 3))), closed))
    return tuple(out)


@st.composite
def _targets(draw: st.DrawFn, year: int) -> tuple[tuple[TargetSpec, ...], str]:
    """The expected targets of the annual plan and the phrase that states them."""
    keys = draw(st.lists(st.sampled_from([*TARGET_FORMS, "income_pair"]), min_size=1,
                         max_size=6, unique=True))
    specs: list[TargetSpec] = []
    phrases = []
    for key in keys:
        if key == "income_pair":
            a, b = draw(_decimal), draw(_decimal)
            phrases.append(f"{INCOME_PAIR[0]}{a:g}%和{b:g}%")
            specs += [TargetSpec(INCOME_PAIR[1][0], a, a, "%", "", year),
                      TargetSpec(INCOME_PAIR[1][1], b, b, "%", "", year)]
            continue
        lead, unit, quals = TARGET_FORMS[key]
        qualifier = draw(st.sampled_from(quals))
        low = draw(_decimal) if unit == "%" else draw(st.integers(1, 9999)) / 10
        if qualifier == "区间":
            high = low + draw(st.sampled_from([0.5, 1.0, 1.5, 2.0]))
            form = draw(st.sampled_from(["{a}%—{b}%", "{a}%-{b}%", "{a}-{b}%", "{a}至{b}%"]))
            phrases.append(lead + form.format(a=f"{low:g}", b=f"{high:g}"))
        else:
            high = low
            phrases.append(f"{lead}{low:g}{unit}{qualifier}")
        specs.append(TargetSpec(key, low, high, unit, qualifier, year))
    return tuple(specs), "，".join(phrases)


def _gloss(zh: str, en: str, names: dict[str, str]) -> Text:
    return Text(_fmt(zh, names), _fmt(en, names))


@st.composite
def _wide_named_title(draw: st.DrawFn, kind: str, names: dict[str, str]) -> Text:
    """A title that names its part, composed from the wide vocabulary: a time word and the
    nouns of the part's kind (2026年经济社会发展的主要任务), an adverb and a verb with the
    government's own work (坚定不移加强政府自身建设)."""
    if kind == "self_improvement":
        clauses = []
        for family in draw(st.sampled_from([(0,), (1,), (0, 1)])):
            verbs, objects = WIDE_SELF_WORK[family]
            adverb = draw(st.sampled_from(WIDE_SELF_ADVERBS))
            clauses.append(adverb + draw(st.sampled_from(verbs)) + draw(st.sampled_from(objects)))
        zh = "，".join(clauses)
        return Text(zh, "Strengthening the government's self-improvement: " + zh)
    times, nouns = {"review": (WIDE_REVIEW_TIMES, WIDE_REVIEW_NOUNS),
                    "five_year_plan": (WIDE_FIVE_TIMES, WIDE_FIVE_NOUNS),
                    "annual_plan": (WIDE_ANNUAL_TIMES, WIDE_ANNUAL_NOUNS)}[kind]
    time_zh, time_en = draw(st.sampled_from(times))
    # never the same word twice (…时期发展发展目标)
    nouns = tuple(n for n in nouns
                  if not any(time_zh.endswith(w) and n[0].startswith(w) for w in ("发展", "政府")))
    noun_zh, noun_en = draw(st.sampled_from(nouns))
    # 过去一年的主要工作, “十五五”时期发展的主要考虑; never two 的 (今年工作的总体部署)
    if "的" in noun_zh:
        joiner = ""
    elif time_zh.endswith("发展"):
        joiner = "的"
    else:
        joiner = "的" if draw(st.integers(0, 2)) == 0 else ""
    return _gloss(time_zh + joiner + noun_zh, f"{noun_en.capitalize()} {time_en}", names)


@st.composite
def _wide_split_title(draw: st.DrawFn, which: int, names: dict[str, str]) -> Text:
    """One of the two parts of a national-style annual plan (总体要求… / …任务)."""
    zh, en = draw(st.sampled_from(WIDE_SPLIT_NOUNS[which]))
    time = draw(st.sampled_from(["{y}年", "{y}年经济社会发展"] if which == 0 else
                                ["{y}年", "{y}年政府", "今年"]))
    return _gloss(time + zh, f"{en.capitalize()} for {{y}}", names)


@st.composite
def _combined_title(draw: st.DrawFn, names: dict[str, str]) -> Text:
    """The Five-Year goals and this year's work in one title: “十五五”时期主要目标和2026年重点工作."""
    pieces = [draw(st.sampled_from(options)) for options in WIDE_COMBINED]
    zh = f"{pieces[0][0]}{pieces[1][0]}和{pieces[2][0]}{pieces[3][0]}"
    en = f"{pieces[1][1].capitalize()} of the {pieces[0][1]} and {pieces[3][1]} for {pieces[2][1]}"
    return _gloss(zh, en, names)


@st.composite
def _slogan(draw: st.DrawFn) -> Text:
    """A slogan title that names no part: 笃行实干，勇当排头兵."""
    head = draw(st.sampled_from(WIDE_SLOGAN_HEADS))
    tail = draw(st.sampled_from(WIDE_SLOGAN_TAILS))
    zh = head + ("" if draw(st.integers(0, 3)) == 0 else "，") + tail
    return Text(zh, zh)


_POOLS = {"review": REVIEW_SENTENCES, "five_year_plan": FIVE_SENTENCES,
          "annual_plan": ANNUAL_SENTENCES, "self_improvement": SELF_SENTENCES}


@st.composite
def _front(draw: st.DrawFn, *, complete: bool, opening: bool, wide: bool,
           names: dict[str, str]) -> dict[str, Any]:
    """The front matter: which lines (title, caption, meeting, speaker, salutation, opening),
    and in wide outlines the audience, the dateline's numerals, the opening's wording and an
    introductory paragraph."""
    out: dict[str, Any] = {}
    lines = ("title", "meeting", "speaker", "salutation", "opening")
    if complete:
        front: tuple[str, ...] = lines
    else:
        front = tuple(x for x in lines if draw(st.integers(0, 4)))
        if opening and front and front[-1] != "opening":
            front += ("opening",)
    if wide:
        if "title" in front and draw(st.integers(0, 2)) == 0:
            front = ("title", "caption", *front[1:])
        prefecture = names["lvl"] == "地区"
        out["audience"] = "deputies" if prefecture else draw(
            st.sampled_from(["deputies", "deputies", "committee"]))
        out["dateline"] = draw(st.sampled_from(["arabic", "cjk", "cjk_alone"]))
        forms = OPENINGS["prefecture" if prefecture else out["audience"]]
        out["opening_form"] = draw(st.integers(0, len(forms) - 1))
        out["caption_form"] = draw(st.integers(0, len(CAPTION_FORMS) - 1))
        out["reporter"] = draw(st.integers(0, len(SPEAKERS) - 1))
        if "opening" in front and draw(st.booleans()):
            out["preface"] = tuple(
                Para("text", draw(_sentences(PREFACE_SENTENCES, names, (1, 2))))
                for _ in range(draw(st.integers(1, 2))))
    out["front"] = front
    return out


@st.composite
def outlines(draw: st.DrawFn, *, complete: bool = False, max_subs: int = 12,
             chinese_body: bool = True, opening: bool = False, wide: bool = False,
             wide_titles: bool | None = None, wide_front: bool | None = None) -> ReportSpec:
    """An abstract report. ``complete``: always with front matter (opening formula) and a
    closing — the reports of a listing page, which the page is split by. ``chinese_body``:
    the body will be rendered in Chinese; otherwise no thematic self-improvement title (it
    is told by what its body says about the government itself, which the parser reads in
    Chinese only — English headings carry their own cues, "government's self-improvement").
    ``opening``: front matter, when there is any, ends with the opening formula — on a run-on
    line the first heading is only told from the speaker's name (…市长 王立新一、2025年…)
    by the sentence end before it, as on the seeds' run-on pages.

    ``wide`` (or each half on its own): ``wide_titles`` draws part titles from the
    compositional vocabulary (``WIDE_*``), titles naming the Five-Year goals and the year's
    work together, slogan titles for every kind (a Five-Year part under a slogan says in its
    body that it is about the coming five years), and sometimes a paragraph on clean
    government in the annual plan; ``wide_front`` draws prefectures (行署), openings addressed
    to the standing committee, captions, Chinese-numeral datelines and prefaces. Narrowed: in
    wide outlines a slogan title is never the first part of a report without front matter —
    its bare title would be the first line of the text, which a reader takes for the text's
    own title."""
    wide_titles = wide if wide_titles is None else wide_titles
    wide_front = wide if wide_front is None else wide_front
    place, level, place_en = draw(st.sampled_from(REGIONS + PREFECTURES if wide_front
                                                  else REGIONS))
    year = draw(st.integers(2001, 2035))
    plan, plan_en, plan_end = plan_of(year)
    names = {"y": str(year), "p": str(year - 1), "plan": plan, "plan_en": plan_en,
             "prev": previous_plan(year), "lvl": level,
             "party": "地委" if level == "地区" else level + "委",
             "place": place + level, "place_en": place_en}
    front = draw(_front(complete=complete, opening=opening, wide=wide_front, names=names))
    salutation = SALUTATIONS.get(front.get("audience", "deputies"), SALUTATIONS["deputies"])

    def title(options: Sequence[tuple[str, str, bool]], themes: Sequence[tuple[str, str]],
              ) -> tuple[Text, bool, bool]:
        pool: list[tuple[str, str, bool | None]] = list(options)
        pool += [(z, e, None) for z, e in themes]
        z, e, canonical = draw(st.sampled_from(pool))
        text = Text(_fmt(z, names), _fmt(e, names) if e else _fmt(z, names))
        return text, bool(canonical), canonical is None

    def wide_title(kind: str, thematic_ok: bool) -> tuple[Text, bool, bool]:
        if thematic_ok and draw(st.integers(0, 3)) == 0:
            return draw(_slogan()), False, True
        return draw(_wide_named_title(kind, names)), True, False

    kinds: list[str] = ["review"]
    combined = wide_titles and draw(st.integers(0, 5)) == 0
    if combined:
        kinds.append("five_year_plan")  # the goals and the year's work in one part
        split_plan = False
    else:
        if draw(st.integers(0, 3)) == 0:
            kinds.append("five_year_plan")
        split_plan = draw(st.integers(0, 4)) == 0
        kinds += ["annual_plan", "annual_plan"] if split_plan else ["annual_plan"]
    self_where = draw(st.sampled_from(["top", "top", "sub", "none"]))
    if self_where == "top":
        kinds.append("self_improvement")
    if not draw(st.integers(0, 5)):
        kinds.remove("review")  # a report that starts with the plan (rare, but seen)
    #: the part that states the year's expected targets (the first annual-plan part)
    target_part = kinds.index("five_year_plan") if combined else kinds.index("annual_plan")
    #: the part that may end with the self-improvement subsection
    self_sub_part = len(kinds) - 1 - kinds[::-1].index(kinds[target_part])

    targets: tuple[TargetSpec, ...] = ()
    five_year_targets: tuple[TargetSpec, ...] = ()
    parts = []
    annual_seen = 0
    for index, kind in enumerate(kinds):
        pool = _POOLS[kind]
        # a slogan first part needs front matter before it (see the docstring)
        slogan_ok = index > 0 or bool(front["front"])
        themes: Sequence[tuple[str, str]]
        if wide_titles:
            if combined and kind == "five_year_plan":
                t, canonical, thematic = draw(_combined_title(names)), True, False
            elif split_plan and kind == "annual_plan":
                t, canonical, thematic = draw(_wide_split_title(annual_seen, names)), True, False
            elif kind == "annual_plan":
                t, canonical, thematic = wide_title(kind, "review" in kinds[:index])
            elif kind == "self_improvement":
                t, canonical, thematic = wide_title(kind, chinese_body and slogan_ok)
            else:
                t, canonical, thematic = wide_title(kind, slogan_ok)
        elif kind == "review":
            t, canonical, thematic = title(REVIEW_TITLES, REVIEW_THEMES if index == 0 else ())
        elif kind == "five_year_plan":
            t, canonical, thematic = title(FIVE_TITLES, ())
        elif kind == "annual_plan":
            if split_plan:
                z, e, canonical = ANNUAL_SPLIT[annual_seen]
                t, thematic = Text(_fmt(z, names), _fmt(e, names)), False
            else:
                # a thematic title is read from its body: only after a review (before one,
                # a thematic part is taken as the review — as a reader would)
                themes = ANNUAL_THEMES if "review" in kinds[:index] else ()
                t, canonical, thematic = title(ANNUAL_TITLES, themes)
        else:
            themes = [(z, "") for z, _ in SELF_THEMES] if chinese_body else []
            t, canonical, thematic = title(SELF_TITLES, themes)
        subs = draw(_subs(kind, names, max_subs))
        if thematic and kind == "self_improvement":
            # a thematic self-improvement part is recognised by what it says about the
            # government itself: give it enough of that
            intro = tuple(Para("text", Text(z, e)) for z, e in SELF_SENTENCES)
        elif thematic and kind == "five_year_plan":
            # a Five-Year part under a slogan: its body says it is about the coming five years
            cue = Text("".join(_fmt(z, names) for z, _ in FIVE_CUES),
                       " ".join(_fmt(e, names) for _, e in FIVE_CUES))
            intro = (Para("text", cue), *draw(_paras(pool, names, (0, 2))))
        elif thematic:
            # a thematic title is read from the body: it needs sentences that look back
            # (review) or forward (plan) — a bare 一是…二是… list does neither
            # (the first sentence of each pool says when: 过去一年… / 今年要…)
            cue = Text(_fmt(pool[0][0], {**names, **draw(_numbers())}),
                       _fmt(pool[0][1], {**names, **draw(_numbers())}))
            intro = (Para("text", cue), *draw(_paras(pool, names, (0, 2))))
        else:
            intro = draw(_paras(pool, names, (1, 3)))
        if kind == "five_year_plan" and draw(st.booleans()):
            # a level goal for the end of the plan: horizon is the plan's last year
            amount = draw(st.integers(100, 99999)) / 10
            goal = f"今后五年的主要目标是：到“{plan}”末，全{level}地区生产总值达到{amount:g}亿元。"
            intro = (*intro, Para("targets", Text(goal, goal)))
            five_year_targets = (TargetSpec("gdp", amount, amount, "亿元", "", plan_end),)
        if index == target_part:
            targets, phrase = draw(_targets(year))
            sentence = Text(f"今年全{level}经济社会发展的主要预期目标是：{phrase}。",
                            f"The main expected targets this year are: {phrase}。")
            intro = (intro[0], Para("targets", sentence), *intro[1:])
        if wide_titles and kind == "annual_plan" and draw(st.integers(0, 2)) == 0:
            # a paragraph on clean government inside the plan does not make it the
            # self-improvement part (issue 11, failure 4)
            clean = Para("text", draw(_sentences(SELF_SENTENCES, names, (1, 2))))
            intro = (*intro, clean)
        if index == self_sub_part and self_where == "sub":
            z, e = draw(st.sampled_from(SELF_SUB_TITLES))
            subs = (*subs, SubSpec(Text(z, e), "self_improvement",
                                   draw(_paras(SELF_SENTENCES, names, (1, 2)))))
        if subs and kind == kinds[target_part] and draw(st.booleans()):
            n = len(subs)
            zh_n = _cjk(n) if draw(st.booleans()) else str(n)
            intro = (*intro, Para("announce", Text(f"重点抓好以下{zh_n}个方面工作：",
                                                   f"We will focus on the following {n} tasks:")))
        if kind == "annual_plan":
            annual_seen += 1
        tail: tuple[Para, ...] = ()
        if kind in ("review", "annual_plan") and draw(st.booleans()):
            z, e = draw(st.sampled_from(INTERLUDES[kind]))
            # a report to the standing committee addresses its members (各位委员！…)
            z = z.replace("各位代表", draw(st.sampled_from(salutation)))
            tail = (Para("interlude", Text(_fmt(z, names), _fmt(e, names))),)
            if draw(st.booleans()):
                tail += draw(_paras(pool, names, (1, 1), items=False))
        parts.append(PartSpec(kind, t, canonical, intro, subs, tail, thematic))

    closing = None
    if complete or draw(st.integers(0, 4)):
        z, e = draw(st.sampled_from(CLOSINGS))
        closing = Text(_fmt(z, names), _fmt(e, names))
    glossary: tuple[tuple[str, str], ...] = ()
    if draw(st.integers(0, 3)) == 0 and not complete:
        glossary = tuple(draw(st.lists(st.sampled_from(GLOSSARY_TERMS), min_size=1,
                                       max_size=6, unique=True)))
    return ReportSpec(
        place=place, level=level, place_en=place_en,
        speaker=draw(st.integers(0, len(SPEAKERS) - 1)), year=year,
        month=draw(st.integers(1, 3)), day=draw(st.integers(1, 28)),
        parts=tuple(parts), closing=closing, glossary=glossary,
        targets=five_year_targets + targets,  # in document order
        **front,
    )


def _cjk(n: int) -> str:
    """1 → 一, 12 → 十二."""
    if n <= 10:
        return CJK[n - 1]
    return "十" + CJK[n - 11]


def _cjk_number(n: int) -> str:
    """Any number below 100 in Chinese numerals: 20 → 二十, 28 → 二十八."""
    tens, units = divmod(n, 10)
    if not tens:
        return CJK[n - 1]
    return ("" if tens == 1 else CJK[tens - 1]) + "十" + (CJK[units - 1] if units else "")


def _cjk_date(year: int, month: int, day: int) -> str:
    """二〇二六年一月二十八日."""
    digits = "".join("〇一二三四五六七八九"[int(c)] for c in str(year))
    return f"{digits}年{_cjk_number(month)}月{_cjk_number(day)}日"


# =========================================================================== style

LAYOUTS = ("lines", "blank", "wrapped", "runon")
RUN_IN = ("none", "period", "bare")
DAMAGE = ("none", "drop", "truncate")
PUNCT = ("cjk", "ascii", "wide")


@attrs.frozen
class Style:
    """How a report is rendered. Every field is drawn independently (within the narrowing
    explained in :func:`valid_style`). The last three fields are the wide axes (issue 11):
    :func:`styles` draws them only with ``wide=True``."""

    script: str = "hans"  # hans | hant (OpenCC s2t)
    pinyin: bool = False  # 領(lǐng) annotations
    punct: str = "cjk"  # cjk (full-width ，：) | ascii (,:) | wide (full-width digits too)
    lang: str = "zh"  # zh | en (English headings and body with Chinese fragments)
    part_numerals: str = "cjk"
    sub_numerals: str = "paren_cjk"
    layout: str = "lines"
    runon_space: bool = True  # run-on: a space between paragraphs
    run_in: str = "none"  # none | period (（一）标题。正文) | bare (一、标题正文)
    damage: str = "none"  # none | drop | truncate (some numerals lost)
    chrome: bool = False  # web chrome, pagination, headers and footers
    zero_width: bool = False
    redact: bool = False  # digits redacted with ×
    indent: bool = False  # 　　 before paragraphs
    crlf: bool = False
    wrap: int = 30  # hard-wrap width (characters of Chinese text)
    #: numbered | lost: the outer (part) numbering of a .docx is gone — part titles stand
    #: bare and the subsections are numbered 一、二、… restarting in each part
    outer: str = "numbered"
    #: which part titles ``drop`` may leave without their numeral: canonical (the narrow
    #: behaviour: ``PartSpec.canonical``) | any (any title a reader can still place)
    drop_parts: str = "canonical"
    long_chrome: bool = False  # tens of lines of a web page (menus, page facts) before the report


def valid_style(style: Style) -> bool:
    """The combinations a careful reader could still recover. Narrowed, with reasons:

    * run-on layout (everything on one line) only with Chinese numerals 一、 and （一）: inside
      running text ``I.``, ``Second,``, ``(1)`` and ``1.`` are ordinary enumerations, and the
      seeds show run-on pages only with Chinese numerals;
    * run-on and wrapped layouts only in Chinese: hard wrapping is a property of Chinese PDF
      text (a typical line length in characters); an English run-on text has no 。 to end a
      sentence before a heading;
    * wrapped layout only with full-width punctuation and ASCII digits (the way PDFs are
      typeset): folding ``,``→``，`` or ``０``→``0`` changes a line's printed width, so the
      margin the text was wrapped at is no longer visible in it;
    * headings that run into their body without punctuation (``bare``) only with the Chinese
      top-level numerals: ``Second, the main goals…Five years…`` gives no hint where the
      title ends and ``I. …。`` reads as a sentence;
    * numerals dropped or truncated only in Chinese, and not on a run-on line: an unnumbered
      title is recognised by being a short line of its own;
    * lost outer numbering only in Chinese, not on a run-on line (a bare part title is known
      by standing on a line of its own), with no part numerals (``part_numerals="none"``:
      the outer numbering is what was lost; ``sub_numerals`` is then unused and kept at its
      default) and no damage to the subsection numerals: where every part title is bare,
      the numbered subsections are what tells a part title from a subsection title — an
      unnumbered subsection would read as a part;
    * ``drop_parts="any"`` only with ``drop`` (it says which titles ``drop`` may strip).
    """
    if style.layout == "runon" and (
        style.part_numerals not in ("cjk",) or style.sub_numerals != "paren_cjk"
        or style.lang != "zh" or style.damage != "none"
    ):
        return False
    if style.layout == "wrapped" and (style.lang != "zh" or style.punct != "cjk"):
        return False
    if style.run_in == "bare" and style.part_numerals not in ("cjk", "none"):
        return False
    if style.damage != "none" and style.lang != "zh":
        return False
    if style.outer == "lost" and (
        style.layout == "runon" or style.lang != "zh" or style.part_numerals != "none"
        or style.sub_numerals != "paren_cjk" or style.damage != "none"
        or style.drop_parts != "canonical"
    ):
        return False
    if style.drop_parts == "any" and style.damage != "drop":
        return False
    return not (style.part_numerals == "none" and style.lang != "zh")


def recoverable(spec: ReportSpec, style: Style) -> bool:
    """Whether a reader recovers the outline of ``spec`` rendered in ``style`` — the few
    narrowings that depend on both (:func:`reports` draws only such pairs):

    * lost outer numbering: a slogan title (``PartSpec.thematic``) is never the first part of
      a report without front matter — standing bare on the first line of the text, it reads
      as the text's own title;
    * lost outer numbering: the self-improvement subsection is never the only subsection of
      its part — numbered 一、 under a bare part title and named like a part
      (加强政府自身建设), nothing else shows that the numbered headings are the subsections.
    """
    if style.outer != "lost":
        return True
    if spec.parts and spec.parts[0].thematic and not spec.front:
        return False
    return not any(len(p.subs) == 1 and p.subs[0].kind is not None for p in spec.parts)


AXES: dict[str, tuple[Any, ...]] = {
    "script": ("hans", "hant"),
    "pinyin": (False, True),
    "punct": PUNCT,
    "lang": ("zh", "en"),
    "part_numerals": PART_NUMERALS,
    "sub_numerals": SUB_NUMERALS,
    "layout": LAYOUTS,
    "run_in": RUN_IN,
    "damage": DAMAGE,
    "chrome": (False, True),
    "zero_width": (False, True),
    "redact": (False, True),
    "indent": (False, True),
    "runon_space": (False, True),
}
#: the axes of the wide styles (issue 11): the narrow ones, the lost outer numbering, part
#: numerals dropped from any title, a long web page before the report
WIDE_AXES: dict[str, tuple[Any, ...]] = {
    **AXES,
    "outer": ("numbered", "lost"),
    "drop_parts": ("canonical", "any"),
    "long_chrome": (False, True),
}


#: the axes that ``valid_style`` constrains; the others combine freely with everything
CONSTRAINED = ("layout", "lang", "punct", "part_numerals", "sub_numerals", "damage", "run_in")
WIDE_CONSTRAINED = (*CONSTRAINED, "outer", "drop_parts")


@functools.cache
def _valid_constrained(wide: bool = False) -> tuple[dict[str, Any], ...]:
    """Every valid combination of the constrained axes."""
    axes, names = (WIDE_AXES, WIDE_CONSTRAINED) if wide else (AXES, CONSTRAINED)
    out = []
    for combo in itertools.product(*(axes[n] for n in names)):
        values = dict(zip(names, combo, strict=True))
        if valid_style(Style(**values)):
            out.append(values)
    return tuple(out)


@st.composite
def styles(draw: st.DrawFn, wide: bool = False, **fixed: Any) -> Style:
    """A valid style; ``fixed`` pins some axes (e.g. ``layout="runon"``). The constrained axes
    are drawn one after another among the values that can still be completed to a valid style,
    so narrowed combinations are never drawn (rather than drawn and rejected).

    ``wide`` draws the wide axes too (``WIDE_AXES``), in Chinese only (``lang="zh"`` unless
    pinned otherwise): the wide vocabulary is Chinese; otherwise they keep their defaults."""
    for name in fixed:
        if name not in attrs.fields_dict(Style):
            raise ValueError(f"unknown style axis {name!r}; valid: {', '.join(WIDE_AXES)}")
    axes, constrained = (WIDE_AXES, WIDE_CONSTRAINED) if wide else (AXES, CONSTRAINED)
    if wide:
        fixed = {"lang": "zh", **fixed}
    values: dict[str, Any] = {}
    combos = [c for c in _valid_constrained(wide)
              if all(c[n] == fixed[n] for n in constrained if n in fixed)]
    for name in constrained:
        options = [v for v in axes[name] if any(c[name] == v for c in combos)]
        values[name] = draw(st.sampled_from(options))
        combos = [c for c in combos if c[name] == values[name]]
    for name, options in axes.items():
        if name not in constrained:
            values[name] = fixed[name] if name in fixed else draw(st.sampled_from(options))
    values["crlf"] = fixed.get("crlf", draw(st.integers(0, 7)) == 0)
    values["wrap"] = fixed.get("wrap", draw(st.integers(28, 40)))
    style = Style(**values)
    assert valid_style(style), style
    return style


def covering_styles(wide: bool = False) -> list[Style]:
    """A small set of valid styles in which every pair of values of two axes occurs (where the
    pair is allowed at all): the recovery property runs each of them, so that every pairwise
    combination of damage is checked in every run (a greedy pairwise covering array).

    Deterministic, without a random generator: each row starts from the first pair not yet
    covered, takes the valid combination of the constrained axes that covers most new pairs
    and fills the free axes one by one with the value that covers most (ties: first value)."""
    axes, constrained = (WIDE_AXES, WIDE_CONSTRAINED) if wide else (AXES, CONSTRAINED)
    names = list(axes)
    free = [n for n in names if n not in constrained]
    valid = _valid_constrained(wide)

    def pairs_of(values: dict[str, Any]) -> set[tuple[str, Any, str, Any]]:
        return {(a, values[a], b, values[b]) for a, b in itertools.combinations(names, 2)
                if a in values and b in values}

    wanted: set[tuple[str, Any, str, Any]] = set()
    for a, b in itertools.combinations(names, 2):
        for va, vb in itertools.product(axes[a], axes[b]):
            need = {n: v for n, v in ((a, va), (b, vb)) if n in constrained}
            if any(all(c[n] == v for n, v in need.items()) for c in valid):
                wanted.add((a, va, b, vb))
    rows: list[Style] = []
    order = sorted(wanted, key=repr)
    while wanted:
        a, va, b, vb = next(p for p in order if p in wanted)
        start = {a: va, b: vb}
        fits = [c for c in valid if all(c.get(n, v) == v for n, v in start.items())]
        best = max(fits, key=lambda c: len(pairs_of({**c, **start}) & wanted))
        values = {**best, **start}
        for name in free:
            if name in values:
                continue
            values[name] = max(axes[name], key=lambda v, n=name: len(
                pairs_of({**values, n: v}) & wanted))
        wanted -= pairs_of(values)
        rows.append(Style(**values))
    return rows


# =========================================================================== rendering


@attrs.frozen
class Rendered:
    """A rendered report and what a reader recovers from it."""

    text: str
    spec: ReportSpec
    style: Style
    outline: tuple[tuple[str, int | None], ...]
    sub_ordinals: tuple[tuple[int, ...], ...]  # per top-level section, in order
    targets: tuple[TargetSpec, ...]
    self_improvement: bool  # a self-improvement section or subsection exists

    def __repr__(self) -> str:  # keep Hypothesis' falsifying examples readable
        return f"Rendered(style={self.style!r},\n  outline={self.outline!r},\n  text={self.text!r})"


@attrs.define
class _Block:
    role: str  # front, part, sub, para, chrome, closing, gloss_head, entry
    text: str
    run_in: bool = False  # a heading whose body follows on the same line


class Decisions:
    """The choices a rendering makes (which numeral is lost, where pinyin goes, where a page
    breaks, which chrome lines a page has …).

    Inside a strategy (``Decisions(draw)``) every choice is drawn by Hypothesis, so a failing
    example shrinks in its rendering too: towards fewer pages breaks, annotations and dropped
    numerals, towards the first option. Without ``draw`` every choice is the simplest one —
    what Hypothesis shrinks to — so ``render(spec, style)`` is deterministic."""

    def __init__(self, draw: st.DrawFn | None = None) -> None:
        self._draw = draw

    def value(self, strategy: st.SearchStrategy[Any], simplest: Any) -> Any:
        return simplest if self._draw is None else self._draw(strategy)

    def chance(self, percent: int) -> bool:
        """True about ``percent`` times in a hundred (shrinks to False)."""
        return bool(self.value(st.integers(0, 99).map(lambda n: n >= 100 - percent), False))

    def integer(self, low: int, high: int) -> int:
        return int(self.value(st.integers(low, high), low))

    def choice(self, options: Sequence[Any]) -> Any:
        return self.value(st.sampled_from(options), options[0])

    def sample(self, options: Sequence[Any], low: int, high: int) -> list[Any]:
        """``low``…``high`` distinct options, in the order drawn."""
        return list(self.value(st.lists(st.sampled_from(options), min_size=low,
                                        max_size=high, unique=True), list(options[:low])))


def _numeral_part(style: Style, i: int, decide: Decisions) -> str:
    fam = style.part_numerals
    if fam == "mixed":
        fam = decide.choice(["cjk", "roman", "en_word"])
    if fam == "cjk":
        return _cjk(i) + "、"
    if fam == "roman":
        return ROMAN[i - 1] + ". "
    if fam == "en_word":
        return EN_ORDINAL_WORDS[i - 1] + ", "
    return ""


def _numeral_sub(style: Style, i: int, decide: Decisions) -> str:
    if style.outer == "lost":
        return _cjk(i) + "、"  # the inner numbering of a .docx whose outer level was lost
    fam = style.sub_numerals
    if fam == "mixed":
        fam = decide.choice(["paren_arabic", "arabic_dot"])
    if fam == "paren_cjk":
        return f"（{_cjk(i)}）"
    if fam == "paren_arabic":
        return f"({i}) " if style.lang == "en" else f"（{i}）"
    return f"{i}. " if style.lang == "en" else f"{i}."


def _pick(text: Text, style: Style, decide: Decisions, mix: bool = True) -> str:
    if style.lang == "zh":
        return text.zh
    # machine translation: mostly English, with Chinese fragments left untranslated
    if mix and decide.chance(20):
        return text.zh
    return text.en


def _redact(text: str) -> str:
    """Figures become ×: ``完成12.5亿元`` → ``完成×亿元``."""
    out = []
    i = 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or (text[j] == "." and j + 1 < len(text)
                                                           and text[j + 1].isdigit())):
                j += 1
            out.append("×")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _part_numerals(spec: ReportSpec, style: Style, decide: Decisions) -> list[str]:
    """The numeral printed before each part title ("" for a bare title).

    A part title may stand bare where a reader still knows it for a part title: with
    ``drop_parts="canonical"`` (narrow) when ``PartSpec.canonical``; with ``"any"`` when it
    names its part (every title but a slogan), and a slogan title where the numbering around
    it shows the gap — both neighbours keep their numerals (the first part: the next one
    does; the last: the previous one does and its own subsections restart at （一）), the
    subsections of it and of the part before it keep theirs (see :func:`_damaged_subs`), and
    it is not the first line of the report (front matter comes before it). Elsewhere a
    ``none`` family and ``drop`` keep the numeral 一、 (a slogan, or a title outside the
    narrow list, needs one). Lost outer numbering: every title is bare."""
    zh = style.lang == "zh"
    n = len(spec.parts)
    if style.outer == "lost":
        return [""] * n
    out = []
    for i, part in enumerate(spec.parts, 1):
        numeral = _numeral_part(style, i, decide)
        if style.damage == "drop" and zh and decide.chance(50):
            numeral = ""
        names = part.canonical if style.drop_parts == "canonical" else not part.thematic
        out.append((numeral, zh and names))
    numerals = [numeral if numeral or bare_ok else _cjk(i) + "、"
                for i, (numeral, bare_ok) in enumerate(out, 1)]
    if style.drop_parts == "any" and zh:
        for i, part in enumerate(spec.parts):
            if out[i][0] or not part.thematic or n < 2:
                continue
            before = numerals[i - 1] if i else "x" if spec.front else ""
            after = numerals[i + 1] if i + 1 < n else "x" if part.subs else ""
            if before and after:
                numerals[i] = ""
    return numerals


def _front_blocks(spec: ReportSpec, style: Style, decide: Decisions) -> list[_Block]:
    zh = style.lang == "zh"
    place = spec.region
    leader, leader_en = LEADER[spec.level]
    speaker = SPEAKERS[spec.speaker]
    committee = spec.audience == "committee"
    term, session = decide.integer(10, 19), decide.integer(1, 6)
    if spec.prefecture:
        meeting = f"{place}人大工委第{_cjk(session)}次全体（扩大）会议"
        who = f"{place}行政公署{leader}"
    elif committee:
        meeting = f"{place}第{_cjk(term)}届人民代表大会常务委员会第{_cjk(session)}次会议"
        who = f"{place}人民政府{leader}"
    else:
        meeting = f"{place}第{_cjk(term)}届人民代表大会第{_cjk(session)}次会议"
        who = f"{place}人民政府{leader}"
    y, m, d = spec.year, spec.month, spec.day
    opening = OPENINGS["prefecture" if spec.prefecture else
                       "committee" if committee else "deputies"]
    blocks: list[_Block] = []
    for what in spec.front:
        if what == "title":
            blocks.append(_Block("front", f"{y}年{place}政府工作报告" if zh
                                 else "Report on the work of the government"))
        elif what == "caption":
            form = CAPTION_FORMS[spec.caption_form % len(CAPTION_FORMS)]
            other = SPEAKERS[(spec.reporter + 1) % len(SPEAKERS)]
            blocks.append(_Block("front", form.format(
                md=f"{m}月{d}日", speaker=who + speaker, meeting=meeting,
                reporter=SPEAKERS[spec.reporter], other=other)))
        elif what == "meeting" and not zh:
            blocks.append(_Block("front", (
                f"——At the {session}th session of the {term}th People's Congress of "
                f"{spec.place_en} on {m}/{d}/{y}")))
        elif what == "meeting" and spec.dateline == "cjk_alone":
            blocks.append(_Block("front", f"——{_cjk_date(y, m, d)}"))
            blocks.append(_Block("front", f"在{meeting}上"))
        elif what == "meeting":
            date = _cjk_date(y, m, d) if spec.dateline == "cjk" else f"{y}年{m}月{d}日"
            blocks.append(_Block("front", f"——{date}在{meeting}上"))
        elif what == "speaker":
            blocks.append(_Block("front", f"{who} {speaker}" if zh
                                 else f"{leader_en} of {spec.place_en}  {SPEAKERS_EN[spec.speaker]}"))
        elif what == "salutation":
            words = SALUTATIONS["committee" if committee else "deputies"][0]
            blocks.append(_Block("front", words + "：" if zh else "Fellow Deputies,"))
        elif what == "opening":
            blocks.append(_Block("front", _fmt(opening[spec.opening_form % len(opening)],
                                               {"lvl": spec.level}) if zh else (
                f"Now, on behalf of the {LEVEL_EN[spec.level]} People's Government, I would like "
                "to report to this congress on the work of the past year, for your review。")))
    blocks += [_Block("para", _para_text(p, style, decide)) for p in spec.preface]
    return blocks


def _blocks(spec: ReportSpec, style: Style, decide: Decisions) -> list[_Block]:
    zh = style.lang == "zh"
    blocks = _front_blocks(spec, style, decide)
    numerals = _part_numerals(spec, style, decide)
    # a slogan title left bare: no damaged subsection in its part or the part before it
    protected = {i for i, (p, numeral) in enumerate(zip(spec.parts, numerals, strict=True))
                 if p.thematic and not numeral}
    protected |= {i - 1 for i in protected}
    for p_index, part in enumerate(spec.parts, 1):
        title = _pick(part.title, style, decide)
        numeral = numerals[p_index - 1]
        # an unnumbered title is known as a heading by standing on a line of its own
        head = _Block("part", numeral + title, run_in=style.run_in == "bare" and bool(numeral))
        blocks.append(head)
        for para in part.intro:
            blocks.append(_Block("para", _para_text(para, style, decide)))
        damaged = {} if p_index - 1 in protected else _damaged_subs(part, style, decide)
        for s_index, sub in enumerate(part.subs, 1):
            numeral = _numeral_sub(style, s_index, decide)
            title = _pick(sub.title, style, decide, mix=False)
            run_in = False
            if sub.closed or style.run_in == "period":
                title += "。"
                run_in = style.run_in != "none" or decide.chance(50)
            elif style.run_in == "bare":
                run_in = True
            how = damaged.get(s_index)
            if how == "drop":
                numeral, run_in = "", False
                if title.endswith("。"):
                    title = title[:-1]
            elif how == "drop_char":
                numeral, run_in, title = "", False, title[1:].rstrip("。")
            elif how == "truncate":
                numeral, run_in = numeral.rstrip()[-1], False
                title = title.rstrip("。")
            blocks.append(_Block("sub", numeral + title, run_in=run_in))
            for para in sub.paras:
                blocks.append(_Block("para", _para_text(para, style, decide)))
        for para in part.tail:
            blocks.append(_Block("para", _para_text(para, style, decide)))
    if spec.closing is not None:
        text = _pick(spec.closing, style, decide, mix=False)
        words = SALUTATIONS["committee" if spec.audience == "committee" else "deputies"]
        sal = decide.choice([w + p for w in words for p in "！：，"]) if zh else "Fellow Deputies, "
        if decide.chance(30):  # the salutation on a line of its own
            blocks.append(_Block("closing", sal.strip()))
            blocks.append(_Block("closing", text[0].upper() + text[1:]))
        else:
            blocks.append(_Block("closing", sal + text))
    if spec.glossary:
        blocks.append(_Block("gloss_head", "名词解释"))
        for i, (term, definition) in enumerate(spec.glossary, 1):
            blocks.append(_Block("entry", f"{i}.{term}：{definition}"))
    for b in blocks:
        if style.redact and b.role in ("para", "closing"):
            b.text = _redact(b.text)
        # punctuation width before layout: hard wrapping fills the width of what is printed
        b.text = _width(b.text, style)
    return blocks


def _damaged_subs(part: PartSpec, style: Style, decide: Decisions) -> dict[int, str]:
    """Which subsections lose their numeral (``drop``, ``drop_char``: the first character of
    the title goes too) or keep only its closing bracket (``truncate``).

    Narrowed so that a reader can still tell: never two neighbours (the numbering of the
    siblings is what shows the gap), never a part with a single subsection, never a heading
    without a body to follow it, never the self-improvement subsection, ``truncate`` only for
    bracketed numerals."""
    if style.damage == "none" or len(part.subs) < 2:
        return {}
    out: dict[int, str] = {}
    for i, sub in enumerate(part.subs, 1):
        if sub.kind is not None or not sub.paras or (i - 1) in out or not decide.chance(35):
            continue
        if style.damage == "truncate" and style.sub_numerals in ("paren_cjk", "paren_arabic"):
            out[i] = "truncate"
        else:
            out[i] = decide.choice(["drop", "drop", "drop_char"])
    return out


def _para_text(para: Para, style: Style, decide: Decisions) -> str:
    if para.kind in ("targets", "announce"):
        return para.text.zh if style.lang == "zh" else para.text.en
    return _pick(para.text, style, decide)


_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})
_WIDE = {c: chr(ord(c) + 0xFEE0) for c in "0123456789%."}
_WIDE_TABLE = str.maketrans(_WIDE)


def _width(text: str, style: Style) -> str:
    if style.punct == "ascii":
        return text.translate(_HALF)
    if style.punct == "wide":
        return text.translate(_WIDE_TABLE)
    return text


def _visual(c: str) -> int:
    """Columns of a character in Chinese typesetting: ASCII is narrow, the rest (Han, ×, ％,
    full-width punctuation) wide."""
    return 1 if c.isascii() else 2


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Hard-wrap like a PDF: lines of ``width`` Chinese characters (``2*width`` columns)."""
    lines = []
    line = indent
    cols = 2 * len(indent)
    for c in text:
        if cols + _visual(c) > 2 * width:
            lines.append(line)
            line, cols = "", 0
        line += c
        cols += _visual(c)
    if line:
        lines.append(line)
    return lines


def _chrome(spec: ReportSpec, decide: Decisions) -> tuple[list[str], list[str], list[str]]:
    """Header lines, footer lines, page-break lines of a web page or PDF."""
    host = decide.choice(["gov", "news", "info"])
    header = [
        f"来源：{spec.region}人民政府网",
        f"{spec.year}-0{spec.month}-{spec.day:02d} 09:{decide.integer(10, 59)}",
        f"http://www.{host}{decide.integer(1, 99)}.example.cn/art/{spec.year}/"
        f"{decide.integer(100, 999)}.html",
        "责任编辑：" + decide.choice(SPEAKERS),
    ]
    footer = [
        f"上一页 [1] [2] [{decide.integer(3, 9)}] 下一页",
        f"版权所有：{spec.region}人民政府网",
        f"联系电话：0{decide.integer(100, 999)}-{decide.integer(1000000, 9999999)}",
        f"共 {decide.integer(2, 9)} 页",
    ]
    breaks = [f"第 {decide.integer(2, 40)} 页", f"共 {decide.integer(2, 9)} 页",
              f"上一页 [1] [2] [{decide.integer(3, 9)}] 下一页"]
    return (decide.sample(header, 1, len(header)), decide.sample(footer, 1, len(footer)),
            breaks)


def _long_chrome(spec: ReportSpec, decide: Decisions) -> list[str]:
    """Tens of lines of a government web page before the report: menus, a breadcrumb, the
    page's facts (date, office, index number, views), links to other news."""
    values = {
        "place": spec.region,
        "date": f"{spec.year}-{spec.month:02d}-{spec.day:02d}",
        "code": f"{decide.integer(10000000, 99999999)}/{spec.year}-{decide.integer(100, 999)}",
        "views": str(decide.integer(10, 99999)),
        "today": f"{spec.year}年{spec.month}月{spec.day}日 星期{decide.choice('一二三四五六日')}",
    }
    picked = decide.value(st.lists(st.sampled_from(LONG_CHROME), min_size=10, max_size=60),
                          list(LONG_CHROME[:10]))
    return [line.format(**values) for line in picked]


def _layout(blocks: list[_Block], style: Style, spec: ReportSpec, decide: Decisions) -> str:
    header: list[str] = _long_chrome(spec, decide) if style.long_chrome else []
    footer: list[str] = []
    breaks: list[str] = []
    if style.chrome:
        more, footer, breaks = _chrome(spec, decide)
        header += more
    gloss_at = next((i for i, b in enumerate(blocks) if b.role == "gloss_head"), len(blocks))
    body, back = blocks[:gloss_at], blocks[gloss_at:]
    if style.layout == "runon":
        sep = " " if style.runon_space else ""
        line = ""
        for i, b in enumerate(body):
            if i == 0:
                line = b.text
            elif body[i - 1].run_in and body[i - 1].role in ("part", "sub"):
                line += b.text
            else:
                line += sep + b.text
        # the glossary of a run-on page stays on lines of its own (see valid_style)
        lines = [line, *(b.text for b in back)]
        return "\n".join([*header, *lines, *footer])
    lines = []
    for b, text, _ in _printed(blocks):
        lines.extend(_lines_of(b, text, style, style.wrap))
    if breaks:
        # page breaks (a PDF's running footer, a web page's pager) between paragraphs, never
        # right after a heading (typesetting keeps a heading with what follows it). Narrowed:
        # not inside a paragraph — a hard-wrapped paragraph cut by a footer is two blocks, and
        # where the first ends as a short unpunctuated line (…人大法律监 / 第 35 页 / 督和…)
        # only its full width tells it from a heading that lost its numeral; the parser does
        # not use line widths after unwrapping (see the issue 4 closing note).
        allowed = []
        n = 0
        for b, text, _ in _printed(blocks):
            n += len(_lines_of(b, text, style, style.wrap))
            if b.role not in ("part", "sub", "gloss_head"):
                allowed.append(n)
        if allowed:
            for at in sorted(decide.sample(allowed, 1, min(3, len(allowed))), reverse=True):
                lines.insert(at, decide.choice(breaks))
    joiner = "\n\n" if style.layout == "blank" else "\n"
    return joiner.join([*header, *lines, *footer])


def _annotate(text: str, decide: Decisions) -> str:
    """Pinyin after some characters: 领(lǐng), also inside numerals 二(èr)、. Which ones: a
    few runs over the annotatable characters (start, length, every n-th), drawn — a failing
    example shrinks to the one annotation that matters."""
    at = [i for i, c in enumerate(text) if c in PINYIN]
    if not at:
        return text
    runs = decide.value(st.lists(st.tuples(st.integers(0, len(at) - 1), st.integers(1, 80),
                                           st.integers(1, 4)), min_size=1, max_size=8),
                        [(0, 1, 1)])
    chosen = {i for start, length, step in runs for i in at[start:start + length:step]}
    return "".join(f"{c}({PINYIN[c]})" if i in chosen else c for i, c in enumerate(text))


@functools.cache
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert  # type: ignore[no-any-return]


def _zero_width(text: str, decide: Decisions) -> str:
    """Zero-width characters between two characters of a line (never a line of their own:
    that is a soft break, which joins lines on purpose)."""
    if len(text) < 2:
        return text
    n = max(1, len(text) // 200)
    where = decide.value(st.lists(st.tuples(st.integers(1, len(text) - 1),
                                            st.sampled_from(ZERO_WIDTH)),
                                  min_size=1, max_size=min(48, 4 * n)), [(1, ZERO_WIDTH[0])])
    chars = list(text)
    for at, c in sorted(where, reverse=True):
        if text[at - 1] != "\n" and text[at] != "\n":
            chars.insert(at, c)
    return "".join(chars)


def _printed(blocks: list[_Block]) -> list[tuple[_Block, str, bool]]:
    """``(block, text, merged)`` per printed paragraph: a heading that runs into its body is
    printed with it."""
    out = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.run_in and i + 1 < len(blocks) and blocks[i + 1].role == "para":
            out.append((b, b.text + blocks[i + 1].text, True))
            i += 2
        else:
            out.append((b, b.text, False))
            i += 1
    return out


def _lines_of(b: _Block, text: str, style: Style, width: int) -> list[str]:
    indent = "　　" if style.indent and b.role in ("para", "closing") else ""
    if style.layout == "wrapped" and b.role != "chrome":
        return _wrap(text, width, indent)  # in a PDF every line wraps, headings too
    return [indent + text]


def _recognisably_wrapped(blocks: list[_Block], style: Style) -> int | None:
    """A width at which hard wrapping shows: at least 5 lines are full and break mid-sentence,
    and full lines are clearly most lines (a reader knows a hard-wrapped text by lines that stop at
    one margin in the middle of a sentence; a short text of headings and one-line paragraphs
    has none). Narrowed: no heading on a line of its own ends within two columns of the
    margin — one that fills the line exactly cannot be told from a heading running into its
    paragraph (（一）标题。正文…), which wraps at the margin too. ``None`` if no width from
    ``style.wrap`` down to 16 gives that."""
    for width in range(style.wrap, 15, -1):
        full = total = open_ = 0
        fits = True
        for b, text, merged in _printed(blocks):
            if b.role == "chrome":
                continue
            lines = _lines_of(b, text, style, width)
            total += len(lines)
            full += len(lines) - 1
            evidence = lines[1:-1] if merged or b.role != "para" else lines[:-1]
            open_ += sum(1 for line in evidence if line[-1] not in "。！？；：")
            if b.role in ("part", "sub", "front", "gloss_head") and not merged \
                    and sum(map(_visual, lines[-1])) > 2 * width - 3:
                fits = False
        # (with headroom: a page around the report adds lines of its own)
        if fits and open_ >= 5 and 5 * full >= 3 * (total + 3):
            return width
    return None


def render(spec: ReportSpec, style: Style, draw: st.DrawFn | None = None) -> Rendered:
    """The text of ``spec`` in ``style`` and the outline a reader recovers from it.

    ``draw`` (inside a strategy) draws the rendering's choices (:class:`Decisions`); without
    it every choice is the simplest. A ``wrapped`` style whose text is too short to show a
    typical line length at any width is rendered one paragraph a line (``style`` in the result
    says so)."""
    decide = Decisions(draw)
    blocks = _blocks(spec, style, decide)
    if style.layout == "wrapped":
        width = _recognisably_wrapped(blocks, style)
        style = attrs.evolve(style, layout="lines") if width is None else \
            attrs.evolve(style, wrap=width)
    text = _layout(blocks, style, spec, decide)
    text = _width(text, style)
    if style.pinyin:
        text = _annotate(text, decide)
    if style.script == "hant":
        text = _s2t()(text)
    if style.zero_width:
        text = _zero_width(text, decide)
    if style.crlf:
        text = text.replace("\n", "\r\n")
    return Rendered(
        text=text, spec=spec, style=style, outline=expected_outline(spec, style),
        sub_ordinals=expected_sub_ordinals(spec, style),
        targets=expected_targets(spec, style),
        self_improvement=any(p.kind == "self_improvement" for p in spec.parts)
        or any(s.kind for p in spec.parts for s in p.subs),
    )


def expected_targets(spec: ReportSpec, style: Style) -> tuple[TargetSpec, ...]:
    """The targets a reader recovers: redacted figures have no value, and the plan year (the
    horizon of annual targets) is known only where the text shows it — in the title or meeting
    line, or in a heading that names the plan year or the year under review."""
    titled = "title" in spec.front and style.lang == "zh"  # the English title has no year
    year_shown = titled or "meeting" in spec.front or any(
        str(spec.year) in p.title.zh or (p.kind == "review" and str(spec.year - 1) in p.title.zh)
        for p in spec.parts)
    out = []
    for t in spec.targets:
        if t.unit != "亿元" and not year_shown:  # (five-year goals name their plan)
            t = attrs.evolve(t, horizon=None)
        if style.redact:
            t = attrs.evolve(t, low=None, high=None, redacted=True)
        out.append(t)
    return tuple(out)


def _has_preamble(spec: ReportSpec, style: Style) -> bool:
    """Lines before the first part: front matter, a preface, a web page's chrome."""
    return bool(spec.front or spec.preface or style.chrome or style.long_chrome)


def expected_outline(spec: ReportSpec, style: Style) -> tuple[tuple[str, int | None], ...]:
    """Top-level sections as a reader sees them: the preamble (everything before the first
    part — front matter, a caption, a preface, a web page's chrome), the parts in order with
    their ordinals (a part title that lost its numeral is still the n-th part; a title naming
    the Five-Year goals and the year's work together is the Five-Year part), the closing,
    the glossary."""
    out: list[tuple[str, int | None]] = []
    if _has_preamble(spec, style):
        out.append(("preamble", None))
    out += [(p.kind, i) for i, p in enumerate(spec.parts, 1)]
    if spec.closing is not None:
        out.append(("closing", None))
    if spec.glossary:
        out.append(("glossary", None))
    return tuple(out)


def expected_sub_ordinals(spec: ReportSpec, style: Style) -> tuple[tuple[int, ...], ...]:
    out: list[tuple[int, ...]] = []
    if _has_preamble(spec, style):
        out.append(())
    out += [tuple(range(1, len(p.subs) + 1)) for p in spec.parts]
    if spec.closing is not None:
        out.append(())
    if spec.glossary:
        out.append(())
    return tuple(out)


@st.composite
def reports(draw: st.DrawFn, style: st.SearchStrategy[Style] | None = None,
            spec: st.SearchStrategy[ReportSpec] | None = None, *, wide: bool = False,
            wide_titles: bool | None = None, wide_front: bool | None = None) -> Rendered:
    """A rendered report: an outline and a style drawn independently (except that an English
    rendering gets no thematic self-improvement title, see :func:`outlines`, and the few
    pairs :func:`recoverable` leaves out), then the rendering's own choices. ``wide``,
    ``wide_titles``, ``wide_front``: see :func:`outlines` and :func:`styles` (``wide`` is the
    default style strategy's too)."""
    drawn = draw(style if style is not None else styles(wide=wide))
    if spec is None:
        spec = outlines(chinese_body=drawn.lang == "zh", opening=drawn.layout == "runon",
                        wide=wide, wide_titles=wide_titles, wide_front=wide_front)
    chosen = draw(spec.filter(lambda s: recoverable(s, drawn)))
    return render(chosen, drawn, draw=draw)


# =========================================================================== listing pages


@attrs.frozen
class Page:
    text: str
    reports: tuple[Rendered, ...]

    def __repr__(self) -> str:
        return f"Page(reports={len(self.reports)}, text={self.text!r})"


NEWS = ("{place}：以基础设施建设为引擎 绘就城乡发展新画卷",
        "近日，{place}召开重点项目推进会，研究部署下一阶段工作。会议强调，要抓住时机，加快项目建设进度。")


@st.composite
def pages(draw: st.DrawFn, k: tuple[int, int] = (2, 4)) -> Page:
    """Several complete reports on one listing page, each after a navigation line, with site
    chrome between them and maybe a news item that is not a work report."""
    style = draw(styles(chrome=False))
    n = draw(st.integers(*k))
    spec = outlines(complete=True, max_subs=6, chinese_body=style.lang == "zh")
    rendered = [render(draw(spec), style, draw=draw) for _ in range(n)]
    pieces = ["首页 > 政府工作报告"]
    news_at = draw(st.integers(-1, n - 1))
    for i, r in enumerate(rendered):
        region = r.spec.region
        nav = f"• 【{region}】{r.spec.year}年{region}政府工作报告"
        pieces += [nav, r.text.replace("\r\n", "\n")]
        if i == news_at:
            title, body = NEWS
            pieces += ["• 【" + region + "】" + title.format(place=region),
                       body.format(place=region)]
    pieces += [f"共 {draw(st.integers(2, 200))} 页", "联系我们", "投稿须知"]
    # one page, one style: its items are separated like the reports' paragraphs
    sep = "\n\n" if style.layout == "blank" else "\n"
    return Page(text=sep.join(pieces), reports=tuple(rendered))


# =========================================================================== arbitrary text

#: pieces of report structure to splice into arbitrary text (totality)
FRAGMENTS = (
    "一、", "二、", "十二、", "（一）", "(2)", "3.", "I. ", "Second, ", "一是", "——",
    "各位代表：", "各位代表！", "现在，我代表市人民政府向大会报告工作。", "2025年工作回顾",
    "2026年工作安排", "加强政府自身建设", "让我们而努力奋斗！", "名词解释", "1.术语：定义。",
    "附件1", "结束语", "增长", "%左右", "%以上", "%—", "99999999999999999999",
    "×", "(lǐng)", "(èr)", "\u200b", "\ufeff", "\r", "\n", "\n\n", "\r\n", "\u2028", "\x85",
    "。", "，", " ", "\u3000", "上一页 [1] [2] 下一页", "共 9 页", "http://www.example.cn",
    "政府工作报告", "第十七届人民代表大会第一次会议", "县长;张三", "《2024欧洲杯投注》",
    "\x00", "\ud800", "\U0001f600", "㈠", "⑴", "⒈", "①", "〇", "零", "两",
)


def text_soup() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (surrogates and control characters included) mixed with pieces of
    report structure, so that the parser's later stages are reached, not only its first."""
    piece = st.one_of(st.text(max_size=30), st.sampled_from(FRAGMENTS),
                      st.integers(0, 10**30).map(str))
    return st.lists(piece, max_size=60).map("".join)
