"""Tokens → typed models: the lark transformer (sixth stage).

There is a leaf for every token, boilerplate included, so that their spans tile the text: a leaf
runs from its block's start to the next block's start (the first from 0, the last to the end),
mapped to source offsets through the normalisation map. The leaves are made as the grammar's
callbacks reach the terminals that stand for them, and nested there; boilerplate, which the
grammar never sees, comes right after the leaf it followed (a terminal stands for a range of
tokens, see :class:`~govreport.lexer.BlockToken`). A part's kind is its grammar symbol
(``review``, ``annual_plan``, …: the choice has decided it); only a headless part — text before
the first heading, whose heading is lost — takes its kind from its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

import attrs
import lark
from lark import Transformer

from . import kinds, vocabulary
from .classify import PART_KIND, TokenKind
from .lexer import BlockToken
from .models import (
    Block,
    Boilerplate,
    Child,
    GlossaryEntry,
    Heading,
    Item,
    Paragraph,
    Section,
    SectionKind,
    Span,
    Subsection,
)
from .normalize import NormalizedText
from .outline import Finding, Token

__all__ = ["build_sections"]

_HEADINGS = {*PART_KIND, TokenKind.CHAPTER_HEADING, TokenKind.CLOSING_HEADING,
             TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING}
_FIRST_SENTENCE_END = re.compile("[。！？!?]")


def _lead(text: str) -> str | None:
    """The first sentence, when it ends within 61 characters and is not all of ``text``."""
    m = _FIRST_SENTENCE_END.search(text, 0, 61)
    if m is None:
        return None
    return text[: m.end()] if m.end() < len(text) else None


#: leaf texts up to this many characters are shared between equal leaves
_SHARED_TEXT = 4


class _Leaves:
    """The leaf objects of the tokens, each made when the transformer reaches the terminal that
    stands for it (so that no table of all the leaves is held), and the leaves before the first
    terminal (``leading``: boilerplate, or the whitespace before an opening heading)."""

    def __init__(self, norm: NormalizedText, tokens: list[Token], first_terminal: int) -> None:
        self.text = norm.text
        # a token is let go (``None``) once its leaf is made: a text of many short paragraphs
        # would otherwise hold every token until the last leaf (issue 14, item 7)
        self.tokens = cast("list[Token | None]", tokens)
        # leaf i runs from token i's start to token i+1's start: map each boundary once
        to_src = norm.map
        bounds = to_src.map_all(tokens[i].start for i in range(1, len(tokens)))
        bounds.insert(0, 0)
        bounds.append(len(norm.source))
        self.bounds = bounds
        # the texts of tiny leaves are shared: a text of thousands of one-character lines
        # would otherwise hold a string object per line (issue 14, item 7)
        self.short: dict[str, str] = {}
        self.leading: list[Child] = []
        if tokens and tokens[0].kind in _HEADINGS:
            first = to_src(tokens[0].start)
            if first and any(c.isspace() for c in norm.source[:first]):
                # whitespace before a heading that opens the text: a leaf of its own (in the
                # preamble), so that the heading's span starts at its numeral
                self.leading.append(Paragraph(span=Span(0, first), text=""))
                bounds[0] = first
        # the boilerplate before the first terminal (``first_terminal``: the number of tokens
        # when there is none)
        self.leading.extend(map(self._leaf, range(first_terminal)))

    def of(self, lt: BlockToken) -> Iterator[Block]:
        """The leaves of the token(s) ``lt`` stands for, each followed by its boilerplate."""
        return map(self._leaf, range(lt.line - 1, lt.end_line - 1))

    def _leaf(self, i: int) -> Block:
        tok = self.tokens[i]
        assert tok is not None, "a leaf is made once"
        self.tokens[i] = None
        content = self.text[tok.start : tok.end]
        if len(content) <= _SHARED_TEXT:
            content = self.short.setdefault(content, content)
        return self._make(tok, Span(self.bounds[i], self.bounds[i + 1]), content)

    @staticmethod
    def _make(tok: Token, span: Span, content: str) -> Block:
        kind = tok.kind
        if kind in _HEADINGS:
            return Heading(span=span, text=content, numeral=tok.numeral)
        if kind == TokenKind.ITEM:
            return Item(span=span, text=content, marker=tok.marker, ordinal=tok.ordinal,
                        lead=tok.lead or _lead(content))
        if kind == TokenKind.BOILERPLATE:
            return Boilerplate(span=span, text=content, reason=tok.reason or "boilerplate")
        if kind == TokenKind.GLOSSARY_ENTRY:
            return GlossaryEntry(span=span, text=content, number=tok.ordinal,
                                 term=tok.term or "", definition=tok.title)
        return Paragraph(span=span, text=content)


@attrs.define
class _Headless:
    """A part whose heading is lost (text before the first heading), before its kind is
    known."""

    children: list[Child]


def _span(children: list[Child]) -> Span:
    return Span(children[0].span.start, children[-1].span.end)


def _flatten(items: list[Any], leaves: _Leaves) -> list[Child]:
    out: list[Child] = []
    for item in items:
        if isinstance(item, BlockToken):
            out.extend(leaves.of(item))
        elif isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
    return out


class _ToModels(Transformer[Any, Any]):
    def __init__(self, leaves: _Leaves) -> None:
        super().__init__(visit_tokens=False)  # no terminal callbacks: tokens pass as they are
        self.leaves = leaves

    def transform(self, tree: lark.Tree[Any]) -> Any:
        """What ``Transformer.transform`` does with ``visit_tokens=False``, bottom-up, without
        its generator and wrapper look-up per node (no callback here returns ``Discard``).

        The tree is consumed: a node lets go of each child as it is transformed, so that the
        parse tree and its terminals are freed while the models are built."""
        nodes = tree.children
        tree.children = []
        nodes.reverse()
        children = []
        while nodes:
            node = nodes.pop()
            children.append(self.transform(node) if isinstance(node, lark.Tree) else node)
        try:
            f = getattr(self, tree.data)
        except AttributeError:
            return self.__default__(tree.data, children, tree.meta)  # type: ignore[no-untyped-call]
        try:
            return f(children)
        except lark.exceptions.GrammarError:
            raise
        except Exception as e:
            raise lark.exceptions.VisitError(  # type: ignore[no-untyped-call]
                tree.data, tree, e) from e

    # the callbacks are named after the grammar rules
    def start(self, children: list[Any]) -> list[Any]:
        return children

    def preamble(self, children: list[Any]) -> Section:
        leaves = _flatten(children, self.leaves)
        return Section(kind=SectionKind.PREAMBLE, ordinal=None, title="", heading=None,
                       span=_span(leaves), children=leaves)

    def body(self, children: list[Any]) -> list[Section | _Headless]:
        return _flatten_parts(children)

    def plan_stage(self, children: list[Any]) -> list[Section]:
        return list(children)

    def final_stage(self, children: list[Any]) -> list[Section]:
        return list(children)

    def headless(self, children: list[Any]) -> _Headless:
        return _Headless(_flatten(children, self.leaves))

    def review(self, children: list[Any]) -> Section:
        return self._part(SectionKind.REVIEW, children)

    def five_year_plan(self, children: list[Any]) -> Section:
        return self._part(SectionKind.FIVE_YEAR_PLAN, children)

    def annual_plan(self, children: list[Any]) -> Section:
        return self._part(SectionKind.ANNUAL_PLAN, children)

    def self_improvement(self, children: list[Any]) -> Section:
        return self._part(SectionKind.SELF_IMPROVEMENT, children)

    def other(self, children: list[Any]) -> Section:
        return self._part(SectionKind.OTHER, children)

    def _part(self, kind: SectionKind, children: list[Any]) -> Section:
        head: Token = children[0].value
        leaves = _flatten(children, self.leaves)
        _sub_kinds(leaves, kind)
        heading = leaves[0]
        assert isinstance(heading, Heading)
        return Section(kind=kind, ordinal=head.ordinal, title=head.title, heading=heading,
                       span=_span(leaves), children=leaves)

    def chapter(self, children: list[Any]) -> Subsection:
        head: lark.Token = children[0]
        tok: Token = head.value
        leaves = _flatten(children, self.leaves)
        heading = leaves[0]
        assert isinstance(heading, Heading)
        return Subsection(kind=None, level=2, ordinal=tok.ordinal, title=tok.title,
                          heading=heading, span=_span(leaves), children=leaves)

    def tail(self, children: list[Any]) -> list[Child]:
        return _flatten(children, self.leaves)

    def closing(self, children: list[Any]) -> Section:
        leaves = _flatten(children, self.leaves)
        first: lark.Token = children[0]
        heading = leaves[0] if first.type == TokenKind.CLOSING_HEADING.value else None
        return Section(kind=SectionKind.CLOSING, ordinal=None,
                       title=first.value.title if heading else "",
                       heading=heading if isinstance(heading, Heading) else None,
                       span=_span(leaves), children=leaves)

    def appendix(self, children: list[Any]) -> Section:
        return self._back(SectionKind.APPENDIX, children)

    def glossary(self, children: list[Any]) -> Section:
        return self._back(SectionKind.GLOSSARY, children)

    def _back(self, kind: SectionKind, children: list[Any]) -> Section:
        leaves = _flatten(children, self.leaves)
        head: Token = children[0].value
        heading = leaves[0]
        assert isinstance(heading, Heading)
        return Section(kind=kind, ordinal=None,
                       title=head.title, heading=heading, span=_span(leaves), children=leaves)


def _text_of(children: list[Child], limit: int = 3000) -> str:
    parts: list[str] = []
    size = 0
    for child in children:
        if isinstance(child, Subsection):
            piece = child.title
        elif isinstance(child, (Paragraph, Item)):
            piece = child.text
        else:
            continue
        parts.append(piece)
        size += len(piece)
        if size >= limit:
            break
    return "\n".join(parts)


def _flatten_parts(items: list[Any]) -> list[Section | _Headless]:
    out: list[Section | _Headless] = []
    for item in items:
        if isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
    return out


def _finish_parts(parts: list[Section | _Headless], findings: list[Finding]) -> list[Section]:
    """Sections for the parts; a headless part gets its kind from its content."""
    numbered = [p for p in parts if isinstance(p, Section)]
    out: list[Section] = []
    for index, part in enumerate(parts):
        if isinstance(part, Section):
            out.append(part)
            continue
        children = part.children
        where = _span(children)
        ordinal = None
        if not numbered:
            kind = SectionKind.OTHER
            findings.append(Finding("no_outline",
                                    "no numbered parts were found; the body is one section",
                                    0, 0, "info", (where.start, where.start)))
        else:
            kind = kinds.content_kind("", _text_of(children), after_review=False)
            following = next((p for p in parts[index + 1 :] if isinstance(p, Section)), None)
            if following is not None and following.ordinal and following.ordinal > 1:
                ordinal = following.ordinal - 1
                findings.append(Finding(
                    "inferred_ordinal",
                    f"text before the first heading is taken as part {ordinal}",
                    0, 0, "info", (where.start, where.start)))
        _sub_kinds(children, kind)
        out.append(Section(kind=kind, ordinal=ordinal, title="", heading=None,
                           span=where, children=children))
    return out


def _sub_kinds(children: list[Child], parent: SectionKind) -> None:
    """Give the subsections among ``children`` (in place) their kinds in a part of ``parent``'s
    kind."""
    for i, child in enumerate(children):
        if isinstance(child, Subsection):
            children[i] = _sub_kind(child, parent)


def _sub_kind(sub: Subsection, parent: SectionKind) -> Subsection:
    k = vocabulary.name(sub.title).kind
    if k == parent:
        return sub
    if k == SectionKind.SELF_IMPROVEMENT and parent != SectionKind.REVIEW:
        return attrs.evolve(sub, kind=k)
    if parent == SectionKind.OTHER and k in (SectionKind.REVIEW, SectionKind.FIVE_YEAR_PLAN,
                                             SectionKind.ANNUAL_PLAN):
        return attrs.evolve(sub, kind=k)
    return sub


def build_sections(norm: NormalizedText, tokens: list[Token], lark_tokens: list[BlockToken],
                   findings: list[Finding]) -> list[Section]:
    """Parse ``lark_tokens`` with the grammar and build the sections of the report."""
    from .grammar import parser

    if not lark_tokens:
        only = _Leaves(norm, tokens, len(tokens)).leading
        if not only and norm.source:  # whitespace only: still every character in one node
            only = [Paragraph(span=Span(0, len(norm.source)), text="")]
        if not only:
            return []
        findings.append(Finding("no_outline", "no text to outline", 0, 0, "info",
                                (0, len(norm.source))))
        return [Section(kind=SectionKind.OTHER, ordinal=None, title="", heading=None,
                        span=_span(only), children=only)]
    first_terminal = lark_tokens[0].line - 1
    tree = parser().parse(lark_tokens)  # (the tokens are kept as they are if it fails)
    del lark_tokens  # the tree holds them now, and lets go of them as it is transformed
    leaves = _Leaves(norm, tokens, first_terminal)
    top = _ToModels(leaves).transform(tree)
    sections: list[Section] = []
    for item in top:
        if isinstance(item, list):
            sections.extend(_finish_parts(item, findings))
        else:
            sections.append(item)
    if leaves.leading:
        first = sections[0]
        lead = leaves.leading
        chrome = all(isinstance(c, Boilerplate) or (isinstance(c, Paragraph) and not c.text)
                     for c in lead)
        if first.kind == SectionKind.PREAMBLE or (
            chrome and first.heading is None and first.kind not in (SectionKind.CLOSING,
                                                                    SectionKind.OTHER)
        ):  # site chrome before a text without preamble (a fragment) belongs to its first part
            lead.extend(first.children)
            sections[0] = attrs.evolve(first, children=lead, span=Span(0, first.span.end))
        else:
            sections.insert(0, Section(kind=SectionKind.PREAMBLE, ordinal=None, title="",
                                       heading=None, span=_span(lead), children=lead))
    return sections
