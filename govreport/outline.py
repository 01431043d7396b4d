"""Outline recovery: candidates → the token stream the grammar parses (fourth stage).

Classification says what a block looks like; this pass decides what it *is*, using the
numbering sequence and the position in the report:

* where the preamble ends (the opening formula ``我代表…报告工作``, or the first heading);
* which numbered candidates are headings: a top-level numeral must continue the sequence
  (``第 一、全省前列`` and ``一对 一、点对点`` do not), a subsection numeral must continue the
  sequence of its part in a compatible numbering family (``(1) (2) (3) 4. 5. (6)`` is one
  sequence; ``1.`` inside ``（一）`` starts a nested list);
* headings whose numeral is missing or truncated (``2022年工作回顾``, ``)坚持民生为本…``),
  with ordinals inferred from their position;
* subsection headings that lost their numeral inside a run-on line, found where the numbering
  jumps (（五）→（七）) or falls short of the count the part announces (重点抓好以下八方面工作) by a
  sentence shaped like its siblings (``聚力生态文明建设,争当绿色发展排头兵。``);
* the closing exhortation, a part's tail (各位代表… after its last subsection), appendices and
  the glossary.

Everything here works in normalised offsets; ``transform.py`` maps to the source.
"""

from __future__ import annotations

import regex

from . import kinds, patterns
from .classify import Candidate, TokenKind
from .patterns import cjk_to_int

__all__ = ["Finding", "Token", "recover"]


class Token:
    """A block (or part of one) with its final kind and what the transformer needs."""

    __slots__ = (
        "end",
        "family",
        "inferred_ordinal",
        "kind",
        "lead",
        "marker",
        "numeral",
        "options",
        "ordinal",
        "reason",
        "start",
        "term",
        "title",
        "title_start",
    )

    def __init__(self, kind: TokenKind, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.ordinal: int | None = None
        self.inferred_ordinal = False
        self.numeral: str | None = None
        self.title = ""
        self.family: str | None = None
        self.marker: str | None = None
        self.lead: str | None = None
        self.reason: str | None = None
        self.term: str | None = None  # glossary entries: (term, definition) split
        self.title_start = start
        self.options: list[tuple[int, int]] = []  # scored title ends (run-in headings)

    def __repr__(self) -> str:
        return f"Token({self.kind.value}, {self.start}-{self.end}, ordinal={self.ordinal})"


class Finding:
    """A diagnostic in normalised offsets (mapped to the source by the transformer)."""

    __slots__ = ("code", "end", "message", "severity", "source", "start")

    def __init__(self, code: str, message: str, start: int, end: int,
                 severity: str = "warning", source: tuple[int, int] | None = None) -> None:
        self.code = code
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.source = source  # already in source offsets (set by the transformer)


_FRONT_KINDS = {TokenKind.TITLE, TokenKind.META, TokenKind.SPEAKER, TokenKind.OPENING,
                TokenKind.SALUTATION, TokenKind.BOILERPLATE}
_FRONT_SCAN = 16  # the opening formula is looked for among the first blocks
_ENDS_PART = frozenset({TokenKind.PART_HEADING, TokenKind.CLOSING_HEADING,
                        TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING})
_BACK_HEADINGS = frozenset({TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING,
                            TokenKind.CLOSING_HEADING})
_CLOSING_OR_BACK = _BACK_HEADINGS | {TokenKind.CLOSING_START}
_HEADING_OR_FRONT = frozenset({TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING,
                               TokenKind.FRONT_TEXT, TokenKind.OPENING, TokenKind.TITLE,
                               TokenKind.META, TokenKind.SPEAKER})
_COMPATIBLE = {frozenset({"paren_arabic", "arabic_dot"})}
_ANNOUNCED = regex.compile(
    r"(?:以下|抓好|做好|抓实)[^。：:]{0,8}?(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})(?:个)?方面"
)
#: a sentence shaped like a subsection title inside a paragraph (``…。坚持改革，推动开放。``)
#: (its first character is not a space, so the leading spaces cannot trade characters with it)
_SIBLING_SENTENCE = regex.compile(
    r"(?<=[。！？!?])[ \t\f\v]*(?P<s>[^。！？!?；; \t\f\v][^。！？!?；;]{5,29}[。！？!?])"
)
_LEAD_IN = regex.compile(r"以下|如下|下列|[的了于在和与及或而并是为，,、]$")
_TITLE_STRIP = "。：:；;，," + patterns.SPACE


def _trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces, not before ``start``: a heading that the title boundary
    ends at a space (``一、标题\f 正文``) does not end with one."""
    while end > start and text[end - 1] in patterns.SPACE:
        end -= 1
    return end


def _skip_spaces(text: str, pos: int, end: int) -> int:
    """``pos`` moved forward over spaces, not beyond ``end``: where a body starts."""
    while pos < end and text[pos] in patterns.SPACE:
        pos += 1
    return pos


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or frozenset({a, b}) in _COMPATIBLE


class _Outline:
    def __init__(self, text: str, cands: list[Candidate]) -> None:
        self.text = text
        self.cands = cands
        self.tokens: list[Token] = []
        self.findings: list[Finding] = []

    # ------------------------------------------------------------------ helpers

    def find(self, code: str, message: str, start: int, end: int,
             severity: str = "warning") -> None:
        self.findings.append(Finding(code, message, start, end, severity))

    def emit(self, kind: TokenKind, cand: Candidate) -> Token:
        tok = Token(kind, cand.start, cand.end)
        tok.marker, tok.lead, tok.reason = cand.marker, cand.lead, cand.reason
        if kind == TokenKind.ITEM:
            tok.ordinal = cand.ordinal if cand.marker else None
        self.tokens.append(tok)
        return tok

    def emit_heading(self, kind: TokenKind, cand: Candidate, ordinal: int | None,
                     inferred: bool) -> Token:
        text = self.text
        tok = Token(kind, cand.start, _trim_end(text, cand.numeral_end, cand.title_end))
        tok.ordinal = ordinal
        tok.inferred_ordinal = inferred
        tok.family = cand.family
        numeral = text[cand.start : cand.numeral_end].strip()
        tok.numeral = numeral or None
        tok.title = text[cand.numeral_end : cand.title_end].strip(_TITLE_STRIP)
        tok.title_start = cand.numeral_end
        tok.options = cand.options
        self.tokens.append(tok)
        if cand.boundary_inferred:
            self.find("inferred_boundary",
                      f"heading runs into its body; title taken as {tok.title[:40]!r}",
                      cand.start, cand.title_end, "info")
        if inferred:
            what = "missing" if cand.family in (None, "bare") else "damaged"
            self.find("inferred_ordinal",
                      f"heading numeral {what}; ordinal {ordinal} inferred from position",
                      cand.start, cand.title_end)
        body = _skip_spaces(text, cand.title_end, cand.end)
        if body < cand.end:
            self.tokens.append(Token(TokenKind.PARA, body, cand.end))
        return tok

    # ------------------------------------------------------------------ front matter

    def front_end(self) -> int:
        """Index of the first candidate after the preamble."""
        cands = self.cands
        for i, cand in enumerate(cands[:_FRONT_SCAN]):
            if cand.kind in (TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING):
                break
            if cand.kind == TokenKind.BARE and kinds.is_part_title(self._title(cand)):
                break
            if cand.kind == TokenKind.OPENING:
                return self._sentence_end(i) + 1
        i = 0
        while i < len(cands):
            cand = cands[i]
            short_line = cand.kind in (TokenKind.BARE, TokenKind.PARA) and (
                cand.end - cand.start <= 40 and not patterns.ENDS_CLOSED.search(
                    self.text[cand.start : cand.end])
                and not kinds.is_part_title(self._title(cand))
            )
            if cand.kind in _FRONT_KINDS or short_line:
                i += 1
                continue
            break
        if all(c.kind == TokenKind.BOILERPLATE for c in cands[:i]):
            # nothing but chrome before the body: no preamble (the boilerplate stays out of band)
            return i if i and any(c.kind == TokenKind.BOILERPLATE for c in cands[:i]) else 0
        return i

    def _sentence_end(self, i: int) -> int:
        """Index of the candidate where the sentence of candidate ``i`` ends: ``i`` itself, or,
        when a page break (chrome) cut it, the paragraph that continues it after the chrome."""
        cands = self.cands
        if patterns.ENDS_CLOSED.search(self.text, cands[i].start, cands[i].end):
            return i
        j = i + 1
        while j < len(cands) and cands[j].kind == TokenKind.BOILERPLATE:
            j += 1
        if j > i + 1 and j < len(cands) and cands[j].kind in (TokenKind.PARA, TokenKind.BARE):
            return j
        return i

    def _title(self, cand: Candidate) -> str:
        return self.text[cand.numeral_end : cand.title_end].strip(_TITLE_STRIP)

    # ------------------------------------------------------------------ body

    def run(self) -> tuple[list[Token], list[Finding]]:
        cands = self.cands
        front = self.front_end()
        has_front = any(c.kind != TokenKind.BOILERPLATE for c in cands[:front])
        for cand in cands[:front]:
            kind = cand.kind if cand.kind in _FRONT_KINDS else TokenKind.FRONT_TEXT
            if kind == TokenKind.SALUTATION:
                kind = TokenKind.FRONT_TEXT
            self.emit(kind, cand)
        next_chapter = self._next_chapter_ordinals(front)
        region = "body"
        part_ord = 0
        parts = 0
        chap_ord = 0
        chap_family: str | None = None
        nested: set[str] = set()
        in_part = False  # inside a numbered or inferred part (else: headless text)
        body_tokens_before_part = 0
        for i in range(front, len(cands)):
            cand = cands[i]
            kind = cand.kind
            if kind == TokenKind.BOILERPLATE:
                self.emit(kind, cand)
                continue
            if kind == TokenKind.GLOSSARY_HEADING:
                region = "glossary"
                self.emit_heading(kind, cand, None, False)
                continue
            if kind == TokenKind.APPENDIX_HEADING and (parts or body_tokens_before_part):
                region = "appendix"
                tok = self.emit_heading(kind, cand, cand.ordinal, False)
                tok.numeral = None
                tok.title = self.text[cand.start : cand.title_end].strip(_TITLE_STRIP)
                continue
            if kind == TokenKind.CLOSING_HEADING and region == "body":
                region = "closing"
                self.emit_heading(kind, cand, None, False)
                continue
            if region == "glossary":
                self._glossary_entry(cand)
                continue
            if region in ("appendix", "closing"):
                self.emit(TokenKind.ITEM if cand.ordinal and cand.kind in (
                    TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING) else _body_kind(cand),
                          cand)
                if cand.kind in (TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING):
                    self.tokens[-1].marker = self.text[cand.start : cand.numeral_end].strip()
                continue

            if kind == TokenKind.PART_HEADING:
                o = cand.ordinal or 0
                expected = part_ord + 1
                ok = o == expected or (parts == 0 and o <= 12) or (
                    expected < o <= expected + 2 and not cand.block.embedded
                )
                if ok and self._title(cand):
                    if o != expected and parts:
                        self.find("ordinal_gap",
                                  f"top-level numbering jumps from {part_ord} to {o}",
                                  cand.start, cand.title_end)
                    self.emit_heading(TokenKind.PART_HEADING, cand, o, False)
                    part_ord, parts, in_part = o, parts + 1, True
                    chap_ord, chap_family, nested = 0, None, set()
                    continue
                self.emit(TokenKind.PARA, cand)
                body_tokens_before_part += 0 if parts else 1
                continue

            if kind == TokenKind.BARE:
                title = self._title(cand)
                if cand.family != "truncated" and kinds.is_part_title(title):
                    o = part_ord + 1
                    self.emit_heading(TokenKind.PART_HEADING, cand, o, True)
                    part_ord, parts, in_part = o, parts + 1, True
                    chap_ord, chap_family, nested = 0, None, set()
                    continue
                nxt = next_chapter[i + 1] if i + 1 < len(next_chapter) else None
                j = i + 1  # the body that follows, past a page break's chrome
                while j < len(cands) and cands[j].kind == TokenKind.BOILERPLATE:
                    j += 1
                followed = j < len(cands) and cands[j].kind in (
                    TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION)
                plausible = 6 <= len(title) <= 44 and followed and not _LEAD_IN.search(title)
                if plausible and (in_part or parts == 0) and (
                    (chap_ord == 0 and nxt == 2)
                    or (chap_ord >= 1 and (nxt is None or nxt == chap_ord + 2))
                    or (cand.family == "truncated" and chap_ord >= 1)
                ):
                    chap_ord += 1
                    cand.family = cand.family or "bare"
                    self.emit_heading(TokenKind.CHAPTER_HEADING, cand, chap_ord, True)
                    continue
                self.emit(TokenKind.PARA, cand)
                body_tokens_before_part += 0 if parts else 1
                continue

            if kind == TokenKind.CHAPTER_HEADING:
                o = cand.ordinal or 0
                fam = cand.family
                if fam == "di" and (cand.title_end - cand.numeral_end > 30
                                    or cand.end - cand.start > 90):
                    self.emit(TokenKind.ITEM, cand).marker = self.text[
                        cand.start : cand.numeral_end].strip()
                    continue
                if chap_ord and not _compatible(fam, chap_family):
                    accept = False
                elif chap_ord and fam != chap_family and o == 1:
                    nested.add(fam or "")
                    accept = False
                elif fam in nested:
                    accept = False
                elif chap_ord == 0:
                    accept = o == 1 or (o <= 3 and not cand.block.embedded)
                else:
                    accept = o == chap_ord + 1 or (
                        chap_ord + 1 < o <= chap_ord + 3 and _compatible(fam, chap_family)
                    )
                if accept:
                    if o != chap_ord + 1:
                        filled = self._fill_gap(chap_ord, o)
                        if o != chap_ord + 1 + filled:
                            self.find("ordinal_gap",
                                      f"subsection numbering jumps from {chap_ord} to {o}",
                                      cand.start, cand.title_end)
                    if chap_family is None:
                        chap_family = fam
                    self.emit_heading(TokenKind.CHAPTER_HEADING, cand, o, False)
                    chap_ord = o
                    nested = set()
                    continue
                tok = self.emit(TokenKind.ITEM, cand)
                tok.marker = self.text[cand.start : cand.numeral_end].strip()
                tok.ordinal = o or None
                continue

            self.emit(_body_kind(cand), cand)
            if not parts:
                body_tokens_before_part += 1
        self._announced_counts()
        self._parallel_titles()
        self._closing()
        self._tails()
        if not has_front:
            first = next((t for t in self.tokens if t.kind != TokenKind.BOILERPLATE), None)
            if first is not None:
                self.find("fragment",
                          "the text starts inside a report: no title, meeting line or opening",
                          first.start, first.end, "info")
        self._fragment_end()
        return self.tokens, self.findings

    def _next_chapter_ordinals(self, front: int) -> list[int | None]:
        """For each index: the ordinal of the next numbered subsection candidate before the next
        top-level candidate (``None`` if there is none)."""
        out: list[int | None] = [None] * (len(self.cands) + 1)
        nxt: int | None = None
        for i in range(len(self.cands) - 1, front - 1, -1):
            cand = self.cands[i]
            if cand.kind in _ENDS_PART or (
                cand.kind == TokenKind.BARE and kinds.is_part_title(self._title(cand))
            ):
                nxt = None  # the numbering of the part ends here (1. of a glossary is not it)
            elif cand.kind == TokenKind.CHAPTER_HEADING and cand.family != "di":
                nxt = cand.ordinal
            out[i] = nxt
        return out

    def _glossary_entry(self, cand: Candidate) -> None:
        m = patterns.GLOSSARY_ENTRY.match(self.text, cand.start, cand.end)
        if m:
            tok = Token(TokenKind.GLOSSARY_ENTRY, cand.start, cand.end)
            tok.ordinal = int(m.group("n"))
            tok.numeral = m.group("n")
            tok.term = m.group("term").strip()
            tok.title = self.text[m.end() : cand.end].strip()
            self.tokens.append(tok)
        else:
            self.emit(_body_kind(cand), cand)

    # ------------------------------------------------------------------ hidden headings

    def _siblings(self) -> tuple[list[Token], int]:
        """The subsection headings of the last part so far, and the index after the last one."""
        out: list[Token] = []
        after = 0
        tokens = self.tokens
        for i in range(len(tokens) - 1, -1, -1):
            tok = tokens[i]
            if tok.kind == TokenKind.PART_HEADING:
                break
            if tok.kind == TokenKind.CHAPTER_HEADING:
                if not out:
                    after = i + 1
                out.append(tok)
        out.reverse()
        return out, after

    def _hidden_headings(self, want: int, siblings: list[Token], lo_tok: int) -> int:
        """Split up to ``want`` sibling-shaped sentences out of the paragraphs after token
        ``lo_tok`` and before the next part; return how many were found."""
        prefixes = {t.title[:2] for t in siblings if len(t.title) >= 4}
        if not prefixes:
            return 0
        found = 0
        i = lo_tok
        while i < len(self.tokens) and found < want:
            tok = self.tokens[i]
            if tok.kind == TokenKind.PART_HEADING:
                break  # a part's missing subsections are inside that part
            if tok.kind == TokenKind.PARA:
                cut = self._sibling_sentence(tok, prefixes)
                if cut is not None:
                    s, e = cut
                    head = Token(TokenKind.CHAPTER_HEADING, s, e)
                    head.title = self.text[s:e].strip(_TITLE_STRIP)
                    head.inferred_ordinal = True
                    head.family = "hidden"
                    rest_start = _skip_spaces(self.text, e, tok.end)
                    new = [head]
                    if rest_start < tok.end:
                        new.append(Token(TokenKind.PARA, rest_start, tok.end))
                    before_end = _trim_end(self.text, tok.start, s)
                    if before_end > tok.start:
                        tok.end = before_end
                        self.tokens[i + 1 : i + 1] = new
                        i += 1
                    else:
                        self.tokens[i : i + 1] = new
                    found += 1
            i += 1
        return found

    def _sibling_sentence(self, tok: Token, prefixes: set[str]) -> tuple[int, int] | None:
        text = self.text
        for m in _SIBLING_SENTENCE.finditer(text, tok.start + 1, tok.end):
            sentence = m.group("s")
            if sentence[:2] in prefixes and any(c in sentence for c in "，,"):
                return m.start("s"), m.end("s")
        return None

    def _fill_gap(self, last: int, new: int) -> int:
        """Subsections ``last+1 … new-1`` are missing: look for them in the text since the last
        subsection heading; return how many were found."""
        siblings, start_index = self._siblings()
        if not siblings:
            return 0
        found = self._hidden_headings(new - last - 1, siblings, start_index)
        self._number_hidden(start_index, last)
        return found

    def _number_hidden(self, from_index: int, last: int) -> None:
        """Number the hidden subsection headings from token ``from_index`` to the next part."""
        o = last
        tokens = self.tokens
        for i in range(from_index, len(tokens)):  # not a slice: no copy of the rest
            tok = tokens[i]
            if tok.kind == TokenKind.PART_HEADING:
                break
            if tok.kind == TokenKind.CHAPTER_HEADING and tok.family == "hidden" \
                    and tok.ordinal is None:
                o += 1
                tok.ordinal = o
                self.find("inferred_ordinal",
                          f"subsection heading without numeral found inside the text; "
                          f"ordinal {o} inferred", tok.start, tok.end)
            elif tok.kind == TokenKind.CHAPTER_HEADING and tok.ordinal is not None:
                o = tok.ordinal

    def _announced_counts(self) -> None:
        """A part that announces N subsections (重点抓好以下八方面工作) but shows fewer: look for
        the missing ones after its last subsection (one pass over the parts: a search that
        found fewer than announced has already looked at the whole rest of its part)."""
        tokens = self.tokens  # grows in place as hidden headings are split out
        start = next((i for i, t in enumerate(tokens) if t.kind == TokenKind.PART_HEADING),
                     len(tokens))
        while start < len(tokens):
            end = start + 1
            while end < len(tokens) and tokens[end].kind != TokenKind.PART_HEADING:
                end += 1
            part_start, start = start, end
            chapters = [i for i in range(part_start, end)
                        if tokens[i].kind == TokenKind.CHAPTER_HEADING]
            if not chapters:
                continue
            announced = None
            for i in range(part_start, chapters[0]):
                m = _ANNOUNCED.search(self.text, tokens[i].start, tokens[i].end)
                if m:
                    n = m.group("n")
                    announced = int(n) if n.isdigit() else cjk_to_int(n)
            last = tokens[chapters[-1]].ordinal or len(chapters)
            if announced is None or announced <= last or announced > last + 3:
                continue
            after = chapters[-1] + 1
            before = len(tokens)
            found = self._hidden_headings(announced - last, [tokens[i] for i in chapters],
                                          after)
            if found:
                self._number_hidden(after, last)
                start += len(tokens) - before  # the next part moved by the inserted tokens

    def _parallel_titles(self) -> None:
        """Sibling subsection titles are parallel (优化产业生态，加快转型升级步伐 / 强化创新驱动，
        积蓄经济发展动能 …): where run-in titles mostly agree on the length of their second
        clause, a weakly-decided sibling takes that length too."""
        groups: list[list[int]] = [[]]
        for i, tok in enumerate(self.tokens):
            if tok.kind == TokenKind.PART_HEADING:
                groups.append([])
            elif tok.kind == TokenKind.CHAPTER_HEADING and tok.options:
                groups[-1].append(i)
        # from the last part back, and in a part from the last sibling back: moving a title
        # end may insert a paragraph token after it, which shifts the indices that follow
        for group in reversed(groups):
            if len(group) < 3:
                continue
            lengths = []
            for i in group:
                tok = self.tokens[i]
                comma = self._comma(tok)
                best = max(tok.options, key=lambda o: (o[1], -o[0]))
                lengths.append(best[0] - comma - 1)
            common = max(set(lengths), key=lengths.count)
            agree = lengths.count(common) / len(group)
            if agree < 0.6:
                continue
            bonus = 3 if agree >= 0.8 else 2
            for i in reversed(group):
                tok = self.tokens[i]
                comma = self._comma(tok)
                p = max(tok.options, key=lambda o: (o[1] + (bonus if o[0] - comma - 1 == common
                                                             else 0), -o[0]))[0]
                if p != tok.end:
                    self._move_title_end(i, p)

    def _comma(self, tok: Token) -> int:
        for j in range(tok.title_start, tok.end):
            if self.text[j] in "，,":
                return j
        return tok.title_start

    def _move_title_end(self, i: int, p: int) -> None:
        tok = self.tokens[i]
        old_end = tok.end
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        block_end = nxt.end if nxt is not None and nxt.kind == TokenKind.PARA and \
            nxt.start <= old_end + 2 else old_end
        tok.end = _trim_end(self.text, tok.title_start, p)
        tok.title = self.text[tok.title_start : p].strip(_TITLE_STRIP)
        body = _skip_spaces(self.text, p, block_end)
        if nxt is not None and nxt.kind == TokenKind.PARA and nxt.start <= old_end + 2:
            nxt.start = body
        elif body < block_end:
            self.tokens.insert(i + 1, Token(TokenKind.PARA, body, block_end))
        self.find("inferred_boundary",
                  f"heading runs into its body; title taken as {tok.title[:40]!r} "
                  "(parallel to its siblings)", tok.start, p, "info")

    # ------------------------------------------------------------------ closing and tails

    def _body_end(self) -> int:
        for i, tok in enumerate(self.tokens):
            if tok.kind in _BACK_HEADINGS:
                return i
        return len(self.tokens)

    def _is_salutation(self, tok: Token) -> bool:
        if tok.kind == TokenKind.SALUTATION:
            return True
        return tok.kind in (TokenKind.PARA, TokenKind.ITEM) and bool(
            patterns.SALUTATION.match(self.text, tok.start, tok.end)
        )

    def _closing(self) -> None:
        closing_heading = TokenKind.CLOSING_HEADING
        if any(t.kind == closing_heading for t in self.tokens):
            return
        end = self._body_end()
        last_heading = -1
        for i in range(end - 1, -1, -1):  # the last heading or preamble line before the end
            if self.tokens[i].kind in _HEADING_OR_FRONT:
                last_heading = i
                break
        if last_heading == -1 and not any(
            t.kind in (TokenKind.PARA, TokenKind.ITEM) for t in self.tokens[:end]
        ):
            return
        for i in range(end - 1, last_heading, -1):
            tok = self.tokens[i]
            if not self._is_salutation(tok):
                continue
            window = [t for t in self.tokens[i : min(end, i + 4)]
                      if t.kind != TokenKind.BOILERPLATE]
            if any(patterns.EXHORTATION.search(self.text, t.start, t.end) for t in window):
                tok.kind = TokenKind.CLOSING_START
                return
            break
        for i in range(end - 1, last_heading, -1):  # no salutation: a final 让我们… paragraph
            tok = self.tokens[i]
            if tok.kind == TokenKind.BOILERPLATE:
                continue
            if tok.kind in (TokenKind.PARA, TokenKind.ITEM) and regex.search(
                r"让我们|(?i:let us)", self.text[tok.start : tok.end]
            ):
                tok.kind = TokenKind.CLOSING_START
            return

    def _tails(self) -> None:
        """The first salutation after a part's last subsection starts the part's tail."""
        tokens = self.tokens
        closing_start, part, chapter = (TokenKind.CLOSING_START, TokenKind.PART_HEADING,
                                        TokenKind.CHAPTER_HEADING)
        end = next((i for i, t in enumerate(tokens) if t.kind == closing_start),
                   self._body_end())
        part_bounds = [i for i in range(end) if tokens[i].kind == part]
        part_bounds.append(end)
        starts = [0, *part_bounds[:-1]] if part_bounds[0] != 0 else part_bounds[:-1]
        for a, b in zip(starts, part_bounds[len(part_bounds) - len(starts):], strict=False):
            last_chapter = next((i for i in range(b - 1, a - 1, -1)
                                 if tokens[i].kind == chapter), -1)
            if last_chapter == -1:
                continue
            for i in range(last_chapter + 1, b):
                if self._is_salutation(tokens[i]):
                    tokens[i].kind = TokenKind.TAIL_SALUTATION
                    break

    def _fragment_end(self) -> None:
        last = next((t for t in reversed(self.tokens)
                     if t.kind not in (TokenKind.BOILERPLATE,)), None)
        if last is None or last.kind in (TokenKind.CLOSING_START, TokenKind.GLOSSARY_ENTRY):
            return
        if any(t.kind in _CLOSING_OR_BACK for t in self.tokens):
            return
        tail = self.text[last.start : last.end].rstrip()
        if tail and not patterns.ENDS_CLOSED.search(tail) and last.kind in (
            TokenKind.PARA, TokenKind.ITEM
        ):
            self.find("fragment", "the text ends inside a report: the last sentence is cut off",
                      last.start, last.end, "info")


def _body_kind(cand: Candidate) -> TokenKind:
    if cand.kind in (TokenKind.ITEM, TokenKind.SALUTATION):
        return cand.kind
    return TokenKind.PARA


def recover(text: str, cands: list[Candidate]) -> tuple[list[Token], list[Finding]]:
    """The token stream for the grammar and the findings of this pass."""
    return _Outline(text, cands).run()

