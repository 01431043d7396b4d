"""Outline recovery: the chosen readings → the token stream the grammar parses, and what was
inferred on the way (the fourth stage, with ``choose.py``).

The decisions — which blocks are headings, of which level and kind, where the preamble ends,
which salutation starts the closing — are made by the grammar-guided choice (``choose.py``) over
the readings the classifier offers (``classify.offer_readings``). This module turns the chosen
readings into tokens and findings, with three small repairs that work inside blocks:

* ``emit``: a heading reading becomes a heading token (and a paragraph for a body that runs on in
  the same block), with its ordinal, numeral and title; each inferred decision (a heading
  without its numeral, a kind read from the content, 一、 read as a subsection, a heading-like
  line read as text) becomes a finding that names the reading chosen, the runner-up and the
  confidence;
* ``hidden_headings``: subsection headings that lost their numeral inside a run-on line, found
  where the numbering jumps (（五）→（七）) or falls short of the count the part announces
  (重点抓好以下八方面工作) by a sentence shaped like its siblings;
* ``parallel_titles``: where run-in subsection titles mostly agree on the length of their second
  clause, a weakly decided sibling takes that length too.

Everything here works in normalised offsets; ``transform.py`` maps to the source.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import patterns
from .choose import NESTED_FAMILIES, Choice, Outcome, choose
from .classify import PART_KIND, Candidate, TokenKind, offer_readings, title_of
from .patterns import cjk_to_int
from .vocabulary import Strength, name

__all__ = ["PART_HEADINGS", "Finding", "HeadingToken", "Token", "recover"]

#: the heading terminals of the parts
PART_HEADINGS = frozenset(PART_KIND)


class Token:
    """A block (or part of one) with its final kind and what the transformer needs.

    A body block's token carries only its range and how it reads; a heading's (and a glossary
    entry's) is a :class:`HeadingToken`, which carries its numeral and title too. On a body
    token those read as the class defaults below (a text of many short paragraphs holds one
    token per paragraph: issue 14, item 7)."""

    __slots__ = ("end", "kind", "lead", "marker", "ordinal", "reason", "start")

    numeral: str | None = None
    title: str = ""
    family: str | None = None
    inferred_ordinal: bool = False
    term: str | None = None  # glossary entries: (term, definition) split
    options: Sequence[tuple[int, int]] = ()  # scored title ends (run-in headings)

    def __init__(self, kind: TokenKind, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.ordinal: int | None = None
        self.marker: str | None = None
        self.lead: str | None = None
        self.reason: str | None = None

    def __repr__(self) -> str:
        return f"Token({self.kind.value}, {self.start}-{self.end}, ordinal={self.ordinal})"


class HeadingToken(Token):
    """The token of a heading or a glossary entry: its numeral, title and numbering family."""

    __slots__ = ("family", "inferred_ordinal", "numeral", "options", "term", "title",
                 "title_start")

    def __init__(self, kind: TokenKind, start: int, end: int) -> None:
        super().__init__(kind, start, end)
        self.inferred_ordinal = False
        self.numeral = None
        self.title = ""
        self.family = None
        self.term = None
        self.title_start = start  # where the title starts (after the numeral)
        self.options = ()


class Finding:
    """A diagnostic in normalised offsets (mapped to the source by the transformer).

    A finding about a decision of the choice carries its ``confidence`` (0…1), the ``reading``
    chosen and the ``runner_up`` (the reading the best other sequence gives the block)."""

    __slots__ = ("code", "confidence", "end", "message", "reading", "runner_up", "severity",
                 "source", "start")

    def __init__(self, code: str, message: str, start: int, end: int,
                 severity: str = "warning", source: tuple[int, int] | None = None,
                 confidence: float | None = None, reading: str | None = None,
                 runner_up: str | None = None) -> None:
        self.code = code
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.source = source  # already in source offsets (set by the transformer)
        self.confidence = confidence
        self.reading = reading
        self.runner_up = runner_up


_FRONT_KINDS = frozenset({TokenKind.TITLE, TokenKind.META, TokenKind.SPEAKER,
                          TokenKind.OPENING, TokenKind.FRONT_TEXT})
_HEADING_KINDS = PART_HEADINGS | {TokenKind.CHAPTER_HEADING, TokenKind.CLOSING_HEADING,
                                  TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING}
_CLOSING_OR_BACK = frozenset({TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING,
                              TokenKind.CLOSING_HEADING, TokenKind.CLOSING_START})
_TEXT_READINGS = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.FRONT_TEXT})
_ANNOUNCED = regex.compile(
    r"(?:以下|抓好|做好|抓实)[^。：:]{0,8}?(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})(?:个)?方面"
)
#: a sentence shaped like a subsection title inside a paragraph (``…。坚持改革，推动开放。``)
#: (its first character is not a space, so the leading spaces cannot trade characters with it)
_SIBLING_SENTENCE = regex.compile(
    r"(?<=[。！？!?])[ \t\f\v]*(?P<s>[^。！？!?；; \t\f\v][^。！？!?；;]{5,29}[。！？!?])"
)
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


# --------------------------------------------------------------------------- emit


def _heading_token(text: str, kind: TokenKind, cand: Candidate, ordinal: int | None,
                   tokens: list[Token]) -> HeadingToken:
    tok = HeadingToken(kind, cand.start, _trim_end(text, cand.numeral_end, cand.title_end))
    tok.ordinal = ordinal
    tok.family = cand.family
    numeral = text[cand.start : cand.numeral_end].strip()
    tok.numeral = numeral or None
    tok.title = title_of(text, cand)
    tok.title_start = cand.numeral_end
    tok.options = cand.options
    tokens.append(tok)
    body = _skip_spaces(text, cand.title_end, cand.end)
    if body < cand.end:
        tokens.append(Token(TokenKind.PARA, body, cand.end))
    return tok


def _glossary_entry(text: str, cand: Candidate) -> HeadingToken:
    m = patterns.GLOSSARY_ENTRY.match(text, cand.start, cand.end)
    assert m is not None
    tok = HeadingToken(TokenKind.GLOSSARY_ENTRY, cand.start, cand.end)
    tok.ordinal = int(m.group("n"))
    tok.numeral = m.group("n")
    tok.term = m.group("term").strip()
    tok.title = text[m.end() : cand.end].strip()
    return tok


def _decided(choice: Choice, outcome: Outcome) -> dict[str, object]:
    """The confidence fields of a finding about the decision ``choice``."""
    outcome.assess(choice)
    runner = choice.runner_up
    return {"confidence": choice.confidence, "reading": choice.reading.name,
            "runner_up": runner.name if runner is not None else None}


def _sure(choice: Choice) -> str:
    conf = choice.confidence
    runner = choice.runner_up
    if conf is None:
        return ""
    other = f"; else {runner.name}" if runner is not None else ""
    return f" (confidence {conf:.2f}{other})"


def emit(text: str, outcome: Outcome, findings: list[Finding]) -> list[Token]:
    """Tokens for the chosen readings, and findings for what was inferred."""
    tokens: list[Token] = []
    K = TokenKind
    part_family: str | None = None  # the numeral family of the current part's heading
    for choice in outcome.choices():
        cand = choice.cand
        kind = choice.reading.kind
        look = cand.kind
        if kind in PART_KIND:
            part_family = cand.family if look == K.PART_HEADING else None
        if kind == K.GLOSSARY_ENTRY:
            tokens.append(_glossary_entry(text, cand))
            continue
        if kind not in _HEADING_KINDS:
            tok = Token(kind, cand.start, cand.end)
            tok.reason, tok.lead = cand.reason, cand.lead
            if kind == K.ITEM:
                if look in (K.PART_HEADING, K.CHAPTER_HEADING):
                    tok.marker = text[cand.start : cand.numeral_end].strip()
                    tok.ordinal = cand.ordinal
                else:
                    tok.marker = cand.marker
                    tok.ordinal = cand.ordinal if cand.marker else None
            tokens.append(tok)
            if kind in _TEXT_READINGS and look in (K.PART_HEADING, K.BARE) \
                    and not cand.embedded and cand.readings[0].kind in _HEADING_KINDS \
                    and (look == K.PART_HEADING
                         or name(title_of(text, cand)).strength == Strength.NAMES):
                extra = _decided(choice, outcome)
                findings.append(Finding(
                    "demoted_heading",
                    f"a line that looks like a heading is read as {choice.reading.name}"
                    + _sure(choice), cand.start, cand.title_end, "info", **extra))  # type: ignore[arg-type]
            continue
        if kind == K.APPENDIX_HEADING:
            tok = _heading_token(text, kind, cand, cand.ordinal, tokens)
            tok.numeral = None
            tok.title = text[cand.start : cand.title_end].strip(_TITLE_STRIP)
            continue
        if kind in (K.CLOSING_HEADING, K.GLOSSARY_HEADING):
            _heading_token(text, kind, cand, None, tokens)
            continue
        tok = _heading_token(text, kind, cand, choice.ordinal, tokens)
        if cand.boundary_inferred:
            findings.append(Finding(
                "inferred_boundary", f"heading runs into its body; title taken as "
                f"{tok.title[:40]!r}", cand.start, cand.title_end, "info"))
        numbered = look in (K.PART_HEADING, K.CHAPTER_HEADING)
        if not numbered:
            tok.inferred_ordinal = True
            extra = _decided(choice, outcome)
            what = "damaged" if cand.family == "truncated" else "missing"
            findings.append(Finding(
                "inferred_ordinal",
                f"heading numeral {what}; read as {choice.reading.name} {choice.ordinal}"
                + _sure(choice), cand.start, cand.title_end, **extra))  # type: ignore[arg-type]
        elif kind == K.CHAPTER_HEADING and look == K.PART_HEADING \
                and cand.family not in NESTED_FAMILIES.get(part_family, ()):  # not 第一部分 > 一、
            extra = _decided(choice, outcome)
            findings.append(Finding(
                "inferred_level",
                f"top-level numeral {tok.numeral} read as a subsection: it restarts under a "
                "part title without numeral (lost outer numbering)" + _sure(choice),
                cand.start, cand.title_end, "info", **extra))  # type: ignore[arg-type]
        if kind in PART_KIND:
            named = name(tok.title)
            if named.kind != PART_KIND[kind]:
                extra = _decided(choice, outcome)
                findings.append(Finding(
                    "inferred_kind",
                    f"the title does not name the part; read as {choice.reading.name} from "
                    f"{choice.reading.evidence}" + _sure(choice),
                    cand.start, cand.title_end, "info", **extra))  # type: ignore[arg-type]
        if choice.gap is not None and kind in PART_KIND:
            findings.append(Finding("ordinal_gap",
                                    f"top-level numbering jumps from {choice.gap} to "
                                    f"{choice.ordinal}", cand.start, cand.title_end))
    return tokens


# --------------------------------------------------------------------------- hidden headings


def _parts(tokens: list[Token]) -> list[tuple[int, int]]:
    """``[start, end)`` token ranges of the parts (a headless part first, if any)."""
    bounds = [i for i, t in enumerate(tokens) if t.kind in PART_HEADINGS]
    first = next((i for i, t in enumerate(tokens) if t.kind not in _FRONT_KINDS
                  and t.kind != TokenKind.BOILERPLATE), len(tokens))
    if not bounds or bounds[0] > first:
        bounds.insert(0, first)
    ends = [*bounds[1:], len(tokens)]
    return list(zip(bounds, ends, strict=True))


def _sibling_sentence(text: str, tok: Token, prefixes: set[str]) -> tuple[int, int] | None:
    for m in _SIBLING_SENTENCE.finditer(text, tok.start + 1, tok.end):
        sentence = m.group("s")
        if sentence[:2] in prefixes and any(c in sentence for c in "，,"):
            return m.start("s"), m.end("s")
    return None


def _split_hidden(text: str, tokens: list[Token], lo: int, hi: int, want: int,
                  siblings: list[Token]) -> tuple[int, int]:
    """Split up to ``want`` sibling-shaped sentences out of the paragraphs of tokens
    ``[lo, hi)``; return (how many were found, how many tokens were inserted)."""
    prefixes = {t.title[:2] for t in siblings if len(t.title) >= 4}
    found = inserted = 0
    i = lo
    while i < hi + inserted and found < want and prefixes:
        tok = tokens[i]
        if tok.kind in (TokenKind.PARA, TokenKind.TAIL_SALUTATION):
            cut = _sibling_sentence(text, tok, prefixes)
            if cut is not None:
                s, e = cut
                head = HeadingToken(TokenKind.CHAPTER_HEADING, s, e)
                head.title = text[s:e].strip(_TITLE_STRIP)
                head.inferred_ordinal = True
                head.family = "hidden"
                new: list[Token] = [head]
                rest = _skip_spaces(text, e, tok.end)
                if rest < tok.end:
                    new.append(Token(TokenKind.PARA, rest, tok.end))
                before_end = _trim_end(text, tok.start, s)
                if before_end > tok.start:
                    tok.end = before_end
                    tokens[i + 1 : i + 1] = new
                    inserted += len(new)
                    i += 1
                else:
                    tokens[i : i + 1] = new
                    inserted += len(new) - 1
                found += 1
        i += 1
    return found, inserted


def hidden_headings(text: str, tokens: list[Token], findings: list[Finding]) -> None:
    """Subsection headings that lost their numeral inside the text: where the numbering jumps
    (（五）→（七）), or where a part announces more subsections than it shows."""
    for start, end in reversed(_parts(tokens)):  # from the last: inserts shift what follows
        chapters = [i for i in range(start, end) if tokens[i].kind == TokenKind.CHAPTER_HEADING]
        if not chapters:
            continue
        siblings = [tokens[i] for i in chapters]
        # gaps, from the last one back
        pairs = list(zip(chapters, [*chapters[1:], end], strict=True))
        announced = None
        for i in range(start, chapters[0]):
            m = _ANNOUNCED.search(text, tokens[i].start, tokens[i].end)
            if m:
                n = m.group("n")
                announced = int(n) if n.isdigit() else cjk_to_int(n)
        for k in range(len(pairs) - 1, -1, -1):
            at, nxt = pairs[k]
            last = tokens[at].ordinal or 0
            head = tokens[nxt] if nxt < end else None
            if head is not None:
                want = (head.ordinal or 0) - last - 1
            elif announced is not None and last < announced <= last + 3:
                want = announced - last
            else:
                continue
            if want <= 0:
                continue
            found, inserted = _split_hidden(text, tokens, at + 1, nxt, want, siblings)
            if found:
                _retail(text, tokens, start, end + inserted)
            end += inserted
            if head is not None and found < want:
                findings.append(Finding(
                    "ordinal_gap", f"subsection numbering jumps from {last} to "
                    f"{head.ordinal}", head.start, head.end))
    _number_hidden(tokens, findings)


def _retail(text: str, tokens: list[Token], start: int, end: int) -> None:
    """After hidden headings were split out of a part: its tail starts at the first salutation
    after its (new) last subsection, as the grammar wants it."""
    last = max(i for i in range(start, end) if tokens[i].kind == TokenKind.CHAPTER_HEADING)
    for i in range(start, last):
        if tokens[i].kind == TokenKind.TAIL_SALUTATION:
            tokens[i].kind = TokenKind.PARA
    if any(tokens[i].kind == TokenKind.TAIL_SALUTATION for i in range(last, end)):
        return
    for i in range(last + 1, end):
        tok = tokens[i]
        if tok.kind in (TokenKind.PARA, TokenKind.SALUTATION) and patterns.SALUTATION.match(
                text, tok.start, tok.end):
            tok.kind = TokenKind.TAIL_SALUTATION
            return


def _number_hidden(tokens: list[Token], findings: list[Finding]) -> None:
    o = 0
    for tok in tokens:
        if tok.kind in PART_HEADINGS:
            o = 0
        elif tok.kind == TokenKind.CHAPTER_HEADING:
            if tok.family == "hidden" and tok.ordinal is None:
                o += 1
                tok.ordinal = o
                findings.append(Finding(
                    "inferred_ordinal", f"subsection heading without numeral found inside the "
                    f"text; ordinal {o} inferred", tok.start, tok.end))
            elif tok.ordinal is not None:
                o = tok.ordinal


# --------------------------------------------------------------------------- parallel titles


def _heading(tokens: list[Token], i: int) -> HeadingToken:
    tok = tokens[i]
    assert isinstance(tok, HeadingToken)
    return tok


def _comma(text: str, tok: HeadingToken) -> int:
    for j in range(tok.title_start, tok.end):
        if text[j] in "，,":
            return j
    return tok.title_start


def parallel_titles(text: str, tokens: list[Token], findings: list[Finding]) -> None:
    """Sibling subsection titles are parallel (优化产业生态，加快转型升级步伐 / 强化创新驱动，
    积蓄经济发展动能 …): where run-in titles mostly agree on the length of their second
    clause, a weakly decided sibling takes that length too."""
    groups: list[list[int]] = [[]]
    for i, tok in enumerate(tokens):
        if tok.kind in PART_HEADINGS:
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
            tok = _heading(tokens, i)
            best = max(tok.options, key=lambda o: (o[1], -o[0]))
            lengths.append(best[0] - _comma(text, tok) - 1)
        common = max(set(lengths), key=lengths.count)
        agree = lengths.count(common) / len(group)
        if agree < 0.6:
            continue
        bonus = 3 if agree >= 0.8 else 2
        for i in reversed(group):
            tok = _heading(tokens, i)
            comma = _comma(text, tok)
            p = max(tok.options, key=lambda o: (o[1] + (bonus if o[0] - comma - 1 == common
                                                         else 0), -o[0]))[0]
            if p != tok.end:
                _move_title_end(text, tokens, i, p, findings)


def _move_title_end(text: str, tokens: list[Token], i: int, p: int,
                    findings: list[Finding]) -> None:
    tok = _heading(tokens, i)
    old_end = tok.end
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    joined = nxt is not None and nxt.kind == TokenKind.PARA and nxt.start <= old_end + 2
    block_end = nxt.end if joined and nxt is not None else old_end
    tok.end = _trim_end(text, tok.title_start, p)
    tok.title = text[tok.title_start : p].strip(_TITLE_STRIP)
    body = _skip_spaces(text, p, block_end)
    if joined and nxt is not None:
        nxt.start = body
    elif body < block_end:
        tokens.insert(i + 1, Token(TokenKind.PARA, body, block_end))
    findings.append(Finding("inferred_boundary",
                            f"heading runs into its body; title taken as {tok.title[:40]!r} "
                            "(parallel to its siblings)", tok.start, p, "info"))


# --------------------------------------------------------------------------- fragments


def _fragment(text: str, tokens: list[Token], findings: list[Finding]) -> None:
    visible = [t for t in tokens if t.kind != TokenKind.BOILERPLATE]
    if not visible:
        return
    if not any(t.kind in _FRONT_KINDS for t in visible):
        findings.append(Finding(
            "fragment", "the text starts inside a report: no title, meeting line or opening",
            visible[0].start, visible[0].end, "info"))
    last = visible[-1]
    if last.kind in (TokenKind.CLOSING_START, TokenKind.GLOSSARY_ENTRY) or any(
        t.kind in _CLOSING_OR_BACK for t in visible
    ):
        return
    tail = text[last.start : last.end].rstrip()
    if tail and not patterns.ENDS_CLOSED.search(tail) and last.kind in (TokenKind.PARA,
                                                                       TokenKind.ITEM):
        findings.append(Finding(
            "fragment", "the text ends inside a report: the last sentence is cut off",
            last.start, last.end, "info"))


def _chrome_before_fragment(tokens: list[Token]) -> None:
    """Preamble text with neither title, meeting line, speaker nor opening formula before a
    report's body is the page around a fragment, not its preamble: boilerplate."""
    front = []
    for tok in tokens:
        if tok.kind == TokenKind.BOILERPLATE:
            continue
        if tok.kind not in _FRONT_KINDS:
            break
        if tok.kind != TokenKind.FRONT_TEXT:
            return
        front.append(tok)
    else:
        return  # nothing but preamble text: keep it
    for tok in front:
        tok.kind = TokenKind.BOILERPLATE
        tok.reason = "before the report"


def _order(tokens: list[Token], findings: list[Finding]) -> None:
    """A Five-Year part after the annual plan: an order the grammar allows, but unusual."""
    plan_seen = False
    for tok in tokens:
        if tok.kind == TokenKind.ANNUAL_PLAN_HEADING:
            plan_seen = True
        elif tok.kind == TokenKind.FIVE_YEAR_PLAN_HEADING and plan_seen:
            findings.append(Finding("unusual_order",
                                    "five_year_plan part comes after the annual plan",
                                    tok.start, tok.end, "info"))


def recover(text: str, cands: list[Candidate]) -> tuple[list[Token], list[Finding]]:
    """The token stream for the grammar and the findings of this stage. ``cands`` is used up:
    the candidates of plain blocks are let go (``None``) as their tokens are made."""
    findings: list[Finding] = []
    if not cands:
        return [], findings
    offer_readings(text, cands)
    outcome = choose(cands)
    tokens = emit(text, outcome, findings)
    _chrome_before_fragment(tokens)
    hidden_headings(text, tokens, findings)
    parallel_titles(text, tokens, findings)
    _order(tokens, findings)
    _fragment(text, tokens, findings)
    return tokens, findings
