"""Files to text (``govreport.documents``, ``govreport.docx``): .docx with Word's automatic
numbering, binary formats refused by their bytes, HTML through ``parse_file``, empty input.

The .docx files are built here by hand (a zip of the few XML parts Word needs), so the test
knows exactly which numbering each paragraph carries."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

import govreport
from govreport.documents import sniff
from govreport.docx import _chinese, docx_to_text

from .conftest import REPO

SAMPLE = REPO / "examples" / "sample_report.txt"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

PART = re.compile(r"^[一二三四五六七八九十]+、")
CHAPTER = re.compile(r"^（[一二三四五六七八九十]+）")


def _level(ilvl: int, fmt: str, text: str, *, start: int = 1, style: str = "") -> str:
    link = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{link}<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>')


NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
    '<w:abstractNum w:abstractNumId="7">'
    + _level(0, "chineseCounting", "%1、") + _level(1, "chineseCounting", "（%2）")
    + '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="8">'
    + _level(0, "chineseCounting", "%1、", style="Heading1")
    + '</w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>'
    '</w:numbering>'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="4"/>'
    '</w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="PartTitle"><w:basedOn w:val="Heading1"/></w:style>'
    '</w:styles>'
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(text: str, *, num: tuple[int, int] | None = None, style: str = "") -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    # two runs, as Word splits text at formatting changes
    half = len(text) // 2
    runs = "".join(f'<w:r><w:t xml:space="preserve">{_escape(part)}</w:t></w:r>'
                   for part in (text[:half], text[half:]) if part)
    return f"<w:p>{ppr}{runs}</w:p>"


def _docx(paragraphs: list[str], *, numbering: bool = True) -> bytes:
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}>'
            f'<w:body>{"".join(paragraphs)}<w:sectPr/></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", body)
        if numbering:
            zf.writestr("word/numbering.xml", NUMBERING)
            zf.writestr("word/styles.xml", STYLES)
    return buffer.getvalue()


def _auto_numbered(lines: list[str], *, by_style: bool = False) -> list[str]:
    """The lines as Word paragraphs whose part and chapter numerals are automatic numbering."""
    out = []
    for line in lines:
        if PART.match(line):
            title = PART.sub("", line)
            out.append(_paragraph(title, style="PartTitle") if by_style
                       else _paragraph(title, num=(3, 0)))
        elif CHAPTER.match(line) and not by_style:
            out.append(_paragraph(CHAPTER.sub("", line), num=(3, 1)))
        else:
            out.append(_paragraph(line))
    return out


def test_automatic_numbering_gives_the_outline_of_typed_numerals(tmp_path: Path) -> None:
    """The class of text: every .docx whose part and chapter numerals are Word's list
    numbering (lost by text extraction, rebuilt from numbering.xml)."""
    typed = SAMPLE.read_text(encoding="utf-8")
    lines = typed.splitlines()
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(_auto_numbered(lines)))
    from_docx = govreport.parse_file(path)
    from_text = govreport.parse(typed)
    assert from_docx.text.splitlines() == lines
    assert from_docx.outline() == from_text.outline()
    assert [s.title for s in from_docx.sections] == [s.title for s in from_text.sections]
    assert [_chapters(s) for s in from_docx.sections] == [_chapters(s) for s in from_text.sections]


def _chapters(section: govreport.Section) -> int:
    return sum(isinstance(c, govreport.Subsection) for c in section.children)


def test_numbering_linked_to_a_paragraph_style(tmp_path: Path) -> None:
    """Heading styles that carry the numbering (w:basedOn followed; the level tied to the
    style by w:pStyle in the abstract numbering)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    text = docx_to_text(_docx(_auto_numbered(lines, by_style=True)))
    parts = [line for line in text.splitlines() if PART.match(line)]
    assert parts == [line for line in lines if PART.match(line)]


def test_without_numbering_the_titles_stay_bare() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    text = docx_to_text(_docx(_auto_numbered(lines), numbering=False))
    assert not any(PART.match(line) for line in text.splitlines())
    assert "2025年工作回顾" in text.splitlines()


def test_counters_restart_below_and_overrides_restart_an_instance() -> None:
    numbering = NUMBERING.replace(
        "</w:numbering>",
        '<w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>')
    paragraphs = [_paragraph("甲", num=(3, 0)), _paragraph("子", num=(3, 1)),
                  _paragraph("丑", num=(3, 1)), _paragraph("乙", num=(3, 0)),
                  _paragraph("寅", num=(3, 1)), _paragraph("丙", num=(5, 0))]
    data = _docx(paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(buffer, "w") as dst:
        for item in src.namelist():
            dst.writestr(item, numbering if item == "word/numbering.xml" else src.read(item))
    assert docx_to_text(buffer.getvalue()).splitlines() == [
        "一、甲", "（一）子", "（二）丑", "二、乙", "（一）寅", "一、丙"]


@pytest.mark.parametrize(("n", "written"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"),
                                            (21, "二十一"), (100, "一百"), (105, "一百〇五"),
                                            (110, "一百一十")])
def test_chinese_counting(n: int, written: str) -> None:
    assert _chinese(n) == written


@pytest.mark.parametrize(("n", "written"), [(1, "壹"), (3, "叁"), (10, "壹拾"), (11, "壹拾壹"),
                                            (21, "贰拾壹"), (105, "壹佰零伍")])
def test_financial_numerals(n: int, written: str) -> None:
    from govreport.docx import _format

    assert _format(n, "chineseLegalSimplified") == written


def test_tabs_breaks_tables_and_text_boxes() -> None:
    body = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格甲</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>表格乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
            '<w:r><w:t>前</w:t><w:tab/><w:t>后</w:t><w:br/><w:t>下一行</w:t></w:r>'
            '<w:r><w:delText>删去的字</w:delText></w:r></w:p>')
    assert docx_to_text(_docx([body])).splitlines() == ["表格甲", "表格乙", "前\t后", "下一行"]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "PNG image", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0" + b"\x00" * 32, "JPEG image", id="jpeg"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32,
                     "legacy Office document (.doc/.xls/.ppt)", id="doc"),
        pytest.param(None, "zip archive", id="zip"),
    ],
)
def test_binary_formats_are_refused_by_their_bytes(tmp_path: Path, data: bytes | None,
                                                   fmt: str) -> None:
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr("photos/a.txt", "not a report")
        data = buffer.getvalue()
    path = tmp_path / "report.txt"  # renamed: the bytes decide
    path.write_bytes(data)
    with pytest.raises(govreport.UnsupportedFormat, match=re.escape(fmt)) as info:
        govreport.parse_file(path)
    assert info.value.format == fmt
    assert isinstance(info.value, govreport.InputRefused)
    (result,) = [r for _, r in govreport.parse_files([path])]
    assert isinstance(result, govreport.UnsupportedFormat)


def test_text_starting_like_a_magic_number_is_text() -> None:
    assert sniff("BM公司年度报告".encode()) is None
    assert sniff(b"MZ is a name") is None
    assert sniff("政府工作报告".encode()) is None


def test_a_damaged_docx_is_refused_clearly(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml", f'<w:document {W}><w:body><w:p><w:r><w:t>文字</w:t>')
    path = tmp_path / "broken.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(govreport.InputRefused, match="not well-formed"):
        govreport.parse_file(path)
    path.write_bytes(buffer.getvalue()[:-30])  # a truncated download
    with pytest.raises(govreport.InputRefused, match=r"broken\.docx"):
        govreport.parse_file(path)


def test_a_docx_with_a_doctype_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml",
                    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
                    f'<w:document {W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p>'
                    '</w:body></w:document>')
    with pytest.raises(govreport.InputRefused, match="document type declaration"):
        docx_to_text(buffer.getvalue())


def test_parse_file_strips_html(tmp_path: Path) -> None:
    typed = SAMPLE.read_text(encoding="utf-8")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in typed.splitlines()) + \
        "</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = govreport.parse_file(path)
    assert report.outline() == govreport.parse(typed).outline()
    assert "html_input" not in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_empty_input_has_a_diagnostic(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(text, encoding="utf-8")
    report = govreport.parse_file(path)
    (empty,) = [d for d in report.diagnostics if d.code == "empty_input"]
    assert (empty.span.start, empty.span.end) == (0, len(text))
    assert "empty_input" not in {d.code for d in govreport.parse("政府工作报告").diagnostics}


def test_directories_are_searched_for_docx(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.docx").write_bytes(_docx(_auto_numbered(lines)))
    (tmp_path / "b.txt").write_text("\n".join(lines), encoding="utf-8")
    outlines = [r.outline() for _, r in govreport.parse_files([tmp_path])]
    assert len(outlines) == 2
    assert outlines[0] == outlines[1]


def _pdf_pages(text: str, columns: int, per_page: int) -> list[list[str]]:
    """``text`` hard-wrapped at ``columns`` display columns (a Han character or full-width mark
    two, ASCII one: a PDF line is full in width, not in characters), ``per_page`` lines a page,
    each page closed by its number (as a PDF export of a report has them)."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        line, width = "", 0
        for c in paragraph:
            w = 1 if c.isascii() else 2
            if width + w > columns:
                lines.append(line)
                line, width = "", 0
            line, width = line + c, width + w
        lines.append(line)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return [[*page, f"- {n} -"] for n, page in enumerate(pages, 1)]


def test_a_pdf_gives_the_outline_of_its_text(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2", reason="the pdf extra (pypdfium2) is not installed")
    from .pdf_writer import make_pdf

    typed = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(_pdf_pages(typed, 60, 25)))
    report = govreport.parse_file(path)
    assert report.text.count("\f") == len(_pdf_pages(typed, 60, 25)) - 1
    assert report.outline() == govreport.parse(typed).outline()
    assert [s.title for s in report.sections] == [s.title for s in govreport.parse(typed).sections]
    target = report.target("gdp")
    assert target is not None
    # the span is in the extracted text, line breaks of the wrapping included
    assert report.text[target.span.start:target.span.end].replace("\n", "") == target.text
    assert target.low == govreport.parse(typed).target("gdp").low  # type: ignore[union-attr]


def test_a_pdf_without_the_extra_is_refused_clearly(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(govreport.UnsupportedFormat, match=r"govreport\[pdf\]"):
        govreport.parse_file(path)


def test_a_breadcrumb_is_not_the_title(tmp_path: Path) -> None:
    """A web page's breadcrumb names the report too (首页 > 政务公开 > 政府工作报告); it is
    boilerplate, and the report's own title line is the title."""
    typed = SAMPLE.read_text(encoding="utf-8")
    page = ("<html><body><div>首页 &gt; 政务公开 &gt; 政府工作报告</div>"
            + "".join(f"<p>{line}</p>" for line in typed.splitlines()) + "</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = govreport.parse_file(path)
    assert report.metadata.title == typed.splitlines()[0]
    first = report.sections[0].children[0]
    assert isinstance(first, govreport.Boilerplate)
    assert report.outline() == govreport.parse(typed).outline()


def test_html_to_text_takes_bytes() -> None:
    from govreport.html import html_to_text

    page = "<p>二、2026年工作安排</p><p>今年要稳中求进。</p>"
    assert html_to_text(page.encode("utf-8")) == html_to_text(page)
    assert html_to_text(page.encode("gb18030")) == html_to_text(page)
    with pytest.raises(TypeError, match="str or bytes"):
        html_to_text(5)  # type: ignore[arg-type]


def test_the_page_title_is_metadata_evidence() -> None:
    """A page whose body has no title line: the <title> (without the site's name after it)
    is the report's title, with its span in the text."""
    from govreport.html import html_to_text

    body = SAMPLE.read_text(encoding="utf-8").splitlines()[1:]  # the title line left out
    page = ("<html><head><title>2026年青川市政府工作报告_青川市人民政府网</title></head><body>"
            + "".join(f"<p>{line}</p>" for line in body) + "</body></html>")
    report = govreport.parse(html_to_text(page))
    assert report.metadata.title == "2026年青川市政府工作报告"
    span = report.metadata.spans["title"]
    assert report.text[span.start:span.end] == "2026年青川市政府工作报告"


def test_a_text_box_is_read_once() -> None:
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = (f'<w:p><w:r><mc:AlternateContent {mc}><mc:Choice Requires="wps"><w:drawing>'
           '<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
           '<w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>'
           '<w:p><w:moveFrom><w:r><w:t>移走的字</w:t></w:r></w:moveFrom>'
           '<w:moveTo><w:r><w:t>移来的字</w:t></w:r></w:moveTo></w:p>')
    assert docx_to_text(_docx([box])).splitlines() == ["框内文字", "正文", "移来的字"]


def test_a_huge_counter_is_written_in_decimal() -> None:
    numbering = NUMBERING.replace('<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                                  '<w:lvlText w:val="%1、"/>',
                                  '<w:start w:val="1000000000"/><w:numFmt w:val="upperRoman"/>'
                                  '<w:lvlText w:val="%1、"/>', 1)
    assert numbering != NUMBERING
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml", f'<w:document {W}><w:body>'
                    + _paragraph("标题", num=(3, 0)) + "</w:body></w:document>")
        zf.writestr("word/numbering.xml", numbering)
    assert docx_to_text(buffer.getvalue()) == "1000000000、标题"


@pytest.mark.parametrize("damage", ["encrypted", "compression", "deflate", "doctype-late"])
def test_unreadable_archives_are_refused(damage: str) -> None:
    body = f'<w:document {W}><w:body>{_paragraph("文字")}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if damage == "doctype-late":
            body = (" " * 5000 + '<!DOCTYPE d [<!ENTITY a "aaaa">]>'
                    + body.replace("文字", "&a;"))
        zf.writestr("word/document.xml", body)
    data = bytearray(buffer.getvalue())
    header = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    if damage == "encrypted":  # the general-purpose flag bit 0 in both headers
        data[header + 6] |= 1
        data[central + 8] |= 1
    elif damage == "compression":  # method 99 (AES), which zipfile does not read
        data[header + 8] = data[central + 10] = 99
    elif damage == "deflate":  # the compressed bytes garbled
        start = header + 30 + len("word/document.xml")
        data[start:start + 8] = b"\xff" * 8
    with pytest.raises(govreport.InputRefused):
        docx_to_text(bytes(data))


def test_the_body_title_wins_over_the_page_title() -> None:
    from govreport.html import html_to_text

    page = ("<title>2026年政府工作报告_青川市人民政府</title>"
            + "".join(f"<p>{line}</p>" for line in SAMPLE.read_text(encoding="utf-8")
                      .splitlines()))
    report = govreport.parse(html_to_text(page))
    assert report.metadata.title == "2026年青川市政府工作报告"
