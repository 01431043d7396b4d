"""A minimal PDF writer for the tests: pages of text lines in a CJK font that is not embedded
(STSong-Light), enough for a text extractor such as pdfium to read the text back."""

from __future__ import annotations


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per item of ``pages``, each line of text drawn on its own baseline;
    the characters are written as their code points (Identity-H) and mapped back by a ToUnicode
    CMap, so a text extractor reads them as they were given."""
    chars = sorted({c for page in pages for line in page for c in line})
    cmap_lines = []
    for i in range(0, len(chars), 100):
        block = chars[i:i+100]
        cmap_lines.append(f"{len(block)} beginbfchar")
        cmap_lines += [f"<{ord(c):04X}> <{ord(c):04X}>" for c in block]
        cmap_lines.append("endbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "\n".join(cmap_lines) + "\nendcmap CMapName currentdict /CMap defineresource pop end end")
    objs: dict[int, str | tuple[str, str]] = {}
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = ("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
               "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objs[4] = ("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
               "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
               "/FontDescriptor 6 0 R /DW 1000 >>")
    objs[6] = ("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
               "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>")
    kids: list[int] = []
    n = 7
    for page in pages:
        ops = []
        y = 800
        for line in page:
            hexs = "".join(f"{ord(c):04X}" for c in line)
            ops.append(f"BT /F1 12 Tf 50 {y} Td <{hexs}> Tj ET")
            y -= 18
        content = "\n".join(ops)
        objs[n] = ("stream", content)
        objs[n+1] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     f"/Resources << /Font << /F1 3 0 R >> >> /Contents {n} 0 R >>")
        kids.append(n+1)
        n += 2
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    objs[5] = ("stream", cmap)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        obj = objs[num]
        if isinstance(obj, tuple):
            data = obj[1].encode("latin-1")
            out += f"{num} 0 obj\n<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
        else:
            out += f"{num} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    size = max(objs) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for num in range(1, size):
        out += f"{offsets[num]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
