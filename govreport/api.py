"""The front door: ``parse``, ``parse_file``, ``parse_many``, ``split``.

The pipeline, one module a stage::

    decode → normalize → segment → classify → outline → lexer + grammar → transform
                                                             (report.lark)
    → extract (metadata, targets, indicators)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from . import diagnostics as diag
from .classify import Candidate, TokenKind, classify, openings
from .errors import InputTooLarge, OutlineError
from .models import Diagnostic, Report, Section, Severity, Span
from .normalize import NormalizedText, normalize
from .outline import Finding, Token, recover
from .patterns import unpair_surrogates
from .segment import RunOnCuts, segment

# the decoding of bytes and the reading of files (.docx, HTML, PDF) are imported by the calls that
# take bytes or files: ``import govreport`` and ``parse(str)`` do without them; the grammar
# stage (lark, the lexer and the transformer: ~25 ms) and extraction by the first parse
if TYPE_CHECKING:
    from .decode import Decoded

__all__ = ["parse", "parse_file"]

def _as_text(text: str | bytes | bytearray | memoryview) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        from .decode import decode

        return decode(text)[0]
    raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")


def parse(
    text: str | bytes,
    *,
    source: str | None = None,
    max_chars: int | None = None,
    raise_on_error: bool = False,
) -> Report:
    """Parse one government work report.

    ``text`` may be ``str`` or ``bytes`` (UTF-8, UTF-8/16/32 with BOM, GB18030/GBK); undecodable
    bytes raise :class:`~govreport.DecodeError`. Damaged text never raises: the report carries
    :class:`~govreport.Diagnostic` s instead. ``max_chars`` (default: no limit) makes longer input
    raise :class:`~govreport.InputTooLarge`; ``raise_on_error=True`` raises
    :class:`~govreport.OutlineError` for the first error-level diagnostic.
    """
    info = None
    if isinstance(text, (bytes, bytearray, memoryview)):
        from .decode import decode_bytes

        info = decode_bytes(text)
    decoded = _as_text(text) if info is None else info.text
    if max_chars is not None and len(decoded) > max_chars:
        raise InputTooLarge(
            f"input has {len(decoded)} characters, more than max_chars={max_chars}",
            size=len(decoded), limit=max_chars,
        )
    report = _parse_text(decoded, source=source)
    if info is not None:
        report = with_decoding(report, info)
    if raise_on_error:
        _raise_first_error(report)
    return report


def with_decoding(report: Report, info: Decoded) -> Report:
    """``report`` of the text ``info`` decoded, with what the decoding found (``mixed_encoding``:
    lines of UTF-8 and of GB18030 in one file)."""
    from .decode import MIXED

    if info.encoding != MIXED:
        return report
    mixed = diag.mixed_encoding(info.text, info.gb18030_lines, info.line_count)
    return attrs.evolve(report, diagnostics=sorted(
        (*report.diagnostics, mixed), key=lambda d: (d.span.start, d.span.end, d.code)))


def parse_file(path: str | os.PathLike[str], **options: object) -> Report:
    """Parse the report in the file at ``path``: text (bytes decoded as in :func:`parse`),
    ``.html`` (markup stripped), ``.docx`` (Word's automatic numbering rebuilt) or PDF (with
    the ``pdf`` extra); :class:`~govreport.UnsupportedFormat` for other binary formats (see
    :mod:`govreport.documents`). Spans refer to the text read, ``Report.text``."""
    from .documents import document_text

    text, info = document_text(Path(path).read_bytes(), os.fspath(path))
    report = parse(text, source=str(path), **options)  # type: ignore[arg-type]
    return report if info is None else with_decoding(report, info)


#: what the first stages made of a text: the normalised text and the candidates of its blocks
Prepared = tuple[NormalizedText, list[Candidate]]


def _parse_text(text: str, *, source: str | None, offset: int = 0,
                prepared: Prepared | None = None, known: RunOnCuts | None = None) -> Report:
    """The pipeline. ``prepared`` (from ``split``) is what the first stages made of ``text``,
    not yet used by an outline pass (which sets the family of bare headings it promotes);
    ``known``: the run-on lines of the page ``text`` is a slice of, cut already (``segment``)."""
    if prepared is None:
        norm = normalize(text)
        cands = classify(norm.text, segment(norm.text, known))
    else:
        norm, cands = prepared
    found = openings(cands)
    second = cands[found[1]] if len(found) >= 2 else None
    tokens, findings = recover(norm.text, cands)  # (uses the candidates up)
    del cands  # the blocks and their readings are not needed any more (peak memory)
    if second is not None:
        findings.append(Finding(
            "multiple_reports",
            f"the text holds {len(found)} reports (opening formulas); use parse_many() to get "
            "each", second.start, second.end))
    spam = _spam(norm, tokens)
    sections = _build(norm, tokens, findings)  # (lets go of the tokens as it makes the leaves)
    del tokens
    diagnostics = _diagnostics(norm, findings)
    diagnostics.extend(spam)
    from .extract import extract

    metadata, targets, indicators, more = extract(text, norm, sections)
    diagnostics.extend(more)
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return Report(
        text=unpair_surrogates(text),  # JSON could not keep such a pair apart (same length)
        sections=tuple(sections),
        metadata=metadata,
        targets=targets,
        indicators=indicators,
        diagnostics=tuple(diagnostics),
        source=source,
        offset=offset,
    )


def _build(norm: NormalizedText, tokens: list[Token], findings: list[Finding]) -> list[Section]:
    """Run the grammar over the chosen tokens. The choice only takes readings the grammar
    accepts, so a rejection is a bug of govreport: the text is then kept as one section of
    paragraphs, with an ``outline_error``, rather than lost."""
    import lark

    from .lexer import to_lark
    from .transform import build_sections

    try:
        return build_sections(norm, tokens, to_lark(tokens), findings)
    except lark.exceptions.UnexpectedInput as exc:  # pragma: no cover - a govreport bug
        findings.append(Finding(
            "outline_error", f"internal error: the grammar rejected the chosen outline ({exc}); "
            "the text is kept as paragraphs", 0, 0, "error"))
        for tok in tokens:
            if tok.kind != TokenKind.BOILERPLATE:
                tok.kind = TokenKind.PARA
        return build_sections(norm, tokens, to_lark(tokens), findings)


def _diagnostics(norm: NormalizedText, findings: list[Finding]) -> list[Diagnostic]:
    to_src = norm.map
    out: list[Diagnostic] = []
    for f in findings:
        span = Span(*f.source) if f.source else Span(to_src(f.start), to_src(f.end))
        out.append(Diagnostic(code=f.code, message=f.message, span=span,
                              severity=Severity(f.severity), confidence=f.confidence,
                              reading=f.reading, runner_up=f.runner_up))
    out.extend(diag.input_diagnostics(norm.source))
    whole = Span(0, len(norm.source))
    if "script" in norm.applied:
        out.append(Diagnostic(code="script_converted",
                              message="traditional script converted to simplified (OpenCC t2s)",
                              span=whole, severity=Severity.INFO))
    if norm.pinyin_removed:
        out.append(Diagnostic(code="pinyin_removed",
                              message=f"{norm.pinyin_removed} pinyin annotations removed",
                              span=whole, severity=Severity.INFO))
    return out


def _spam(norm: NormalizedText, tokens: list[Token]) -> list[Diagnostic]:
    """Suspected spam in the text of the report (not in its boilerplate)."""
    # spam is matched within each block; a block ending before the first match in the whole
    # text has none (the pattern has no anchors or lookarounds), and most texts have no spam
    first = diag.first_spam(norm.text)
    if first is None:
        return []
    to_src = norm.map
    out: list[Diagnostic] = []
    for tok in tokens:
        if tok.kind == TokenKind.BOILERPLATE or tok.end <= first:
            continue
        for start, end in diag.spam_spans(norm.text, tok.start, tok.end):
            out.append(Diagnostic(
                code="suspected_spam",
                message=f"suspected injected spam {norm.text[start:end]!r} (kept as text)",
                span=Span(to_src(start), to_src(end)), severity=Severity.WARNING))
    return out


def _raise_first_error(report: Report) -> None:
    for d in report.diagnostics:
        if d.severity == Severity.ERROR:
            text = report.text
            line = text.count("\n", 0, d.span.start) + 1
            line_start = text.rfind("\n", 0, d.span.start) + 1
            line_end = text.find("\n", d.span.start)
            excerpt = text[line_start : line_end if line_end != -1 else len(text)][:200]
            column = d.span.start - line_start + 1
            raise OutlineError(
                f"{d.code}: {d.message} (line {line}, column {column})",
                code=d.code, start=d.span.start, end=d.span.end, line=line, column=column,
                context=excerpt + "\n" + " " * (column - 1) + "^",
            )

