"""The typed result of parsing: immutable attrs classes.

Every node carries ``span``, a :class:`Span` of character offsets into ``Report.text`` (the decoded
input, *not* the normalised text). The leaves — :class:`Heading`, :class:`Paragraph`,
:class:`Item`, :class:`Boilerplate` and :class:`GlossaryEntry` — tile ``Report.text`` exactly: in
document order, without gap or overlap, from 0 to ``len(Report.text)``. Whitespace between two
blocks belongs to the earlier leaf, so a heading's span starts at its numeral. ``text`` fields hold
the *normalised* form (simplified script, pinyin annotations removed, widths folded) of the leaf's
source slice with surrounding whitespace stripped.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "Block",
    "Boilerplate",
    "Child",
    "Diagnostic",
    "GlossaryEntry",
    "Heading",
    "Indicator",
    "Item",
    "Metadata",
    "Node",
    "Paragraph",
    "Report",
    "Section",
    "SectionKind",
    "Severity",
    "Span",
    "Spans",
    "Subsection",
    "Target",
]


# Converters: sequences passed to the models become tuples (typed, so mypy's attrs plugin
# knows the accepted argument types).


def _to_children(items: Iterable[Child]) -> tuple[Child, ...]:
    return tuple(items)


def _to_sections(items: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(items)


def _to_targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(items)


def _to_indicators(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(items)


def _to_diagnostics(items: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(items)


@attrs.frozen(order=True, weakref_slot=False)
class Span:
    """Half-open range ``[start, end)`` of character offsets into the decoded input."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """``text[start:end]``."""
        return text[self.start : self.end]

    def shift(self, offset: int) -> Span:
        """The same span moved by ``offset`` (e.g. from a report's text to its page's text)."""
        return Span(self.start + offset, self.end + offset)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class SectionKind(str, enum.Enum):
    """The parts of the fixed outline of a government work report."""

    PREAMBLE = "preamble"
    REVIEW = "review"
    FIVE_YEAR_PLAN = "five_year_plan"
    ANNUAL_PLAN = "annual_plan"
    SELF_IMPROVEMENT = "self_improvement"
    OTHER = "other"
    CLOSING = "closing"
    APPENDIX = "appendix"
    GLOSSARY = "glossary"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    """How much a diagnostic matters: ``info`` (a repair that is certainly right), ``warning``
    (an inference that may be wrong), ``error`` (text that could not be placed as intended)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Diagnostic:
    """Something the parser repaired, inferred or could not do, located in the input.

    ``code`` is stable (see ``govreport.diagnostics.CODES``); ``message`` is for people.
    A diagnostic about a decision the parser inferred (a heading without its numeral, a part's
    kind read from its content, a heading-like line read as text) says how sure it is:
    ``confidence`` (0…1, from the score margin over the best outline that decides otherwise),
    the ``reading`` chosen and the ``runner_up`` (what that other outline reads the block as).
    """

    code: str
    message: str
    span: Span
    severity: Severity = Severity.WARNING
    hint: str | None = None
    confidence: float | None = None
    reading: str | None = None
    runner_up: str | None = None

    def format(self, text: str | None = None) -> str:
        """``code message @ line:column`` (line and column when the text is given)."""
        where = f"{self.span.start}-{self.span.end}"
        if text is not None:
            line = text.count("\n", 0, self.span.start) + 1
            column = self.span.start - (text.rfind("\n", 0, self.span.start) + 1) + 1
            where = f"{line}:{column}"
        return f"{self.code} {self.message} @ {where}"


# --------------------------------------------------------------------------- leaves


@attrs.frozen(kw_only=True, weakref_slot=False)
class Heading:
    """The heading line of a section or subsection; always its first child.

    ``numeral`` is the numbering as written after normalisation (``一、``, ``（二）``, ``I.``,
    ``Second,``) or ``None`` for a heading without one.
    """

    span: Span
    text: str
    numeral: str | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Paragraph:
    """A block of running text (including salutations such as 各位代表：)."""

    span: Span
    text: str


@attrs.frozen(kw_only=True, weakref_slot=False)
class Item:
    """An enumerated point (一是…, 二要…, ——…) or a paragraph led by a short lead sentence
    (加快规划有机融合。…). ``marker`` is the enumeration as written, ``lead`` the lead sentence."""

    span: Span
    text: str
    marker: str | None = None
    ordinal: int | None = None
    lead: str | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Boilerplate:
    """Web chrome, pagination, source/licence notes or contact lines: kept, but set apart."""

    span: Span
    text: str
    reason: str


@attrs.frozen(kw_only=True, weakref_slot=False)
class GlossaryEntry:
    """One numbered entry of a 名词解释 glossary: ``number.term：definition``."""

    span: Span
    text: str
    number: int | None
    term: str
    definition: str


Block = Heading | Paragraph | Item | Boilerplate | GlossaryEntry

# --------------------------------------------------------------------------- branches


@attrs.frozen(kw_only=True)
class Subsection:
    """A numbered division below a top-level section: （一）, (1), 1., 第一， …

    ``kind`` is set when the heading is itself one of the outline parts (e.g. a last subsection
    加强政府自身建设 inside the annual plan has ``SectionKind.SELF_IMPROVEMENT``), else ``None``.
    """

    kind: SectionKind | None
    level: int
    ordinal: int | None
    title: str
    heading: Heading | None
    span: Span
    children: tuple[Child, ...] = attrs.field(converter=_to_children)


Child = Heading | Paragraph | Item | Boilerplate | GlossaryEntry | Subsection


@attrs.frozen(kw_only=True)
class Section:
    """A top-level part of the report. ``ordinal`` is 1 for 一、/ I. / First, ``None`` for parts
    without a number (preamble, closing, appendices, glossary)."""

    kind: SectionKind
    ordinal: int | None
    title: str
    heading: Heading | None
    span: Span
    children: tuple[Child, ...] = attrs.field(converter=_to_children)


Node = Section | Subsection | Heading | Paragraph | Item | Boilerplate | GlossaryEntry

# --------------------------------------------------------------------------- facts


class Spans(Mapping[str, "Span"]):
    """A read-only, hashable mapping of field names to spans (``Metadata.spans``): built from a
    mapping or from ``(name, span)`` pairs, equal to any mapping with the same items."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Span] | Iterable[tuple[str, Span]] = ()) -> None:
        self._items: dict[str, Span] = dict(items)

    def __getitem__(self, key: str) -> Span:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return self._items == other._items
        return isinstance(other, Mapping) and self._items == dict(other.items())

    def __repr__(self) -> str:
        return f"Spans({self._items!r})"


def _to_spans(items: Mapping[str, Span] | Iterable[tuple[str, Span]]) -> Spans:
    return items if isinstance(items, Spans) else Spans(items)


@attrs.frozen(kw_only=True)
class Metadata:
    """Facts about the report as a whole; each non-``None`` field has its evidence in ``spans``
    under the field's name."""

    region: str | None = None
    region_level: str | None = None
    report_year: int | None = None
    plan_year: int | None = None
    meeting_date: str | None = None
    congress_term: int | None = None
    congress_session: int | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    script: str | None = None
    title: str | None = None
    spans: Spans = attrs.field(factory=Spans, converter=_to_spans)


@attrs.frozen(kw_only=True)
class Target:
    """An expected target of the annual plan or of the Five-Year goals.

    ``low == high`` for a point target; both ``None`` when the number is redacted (``×``) and
    when the report states that no target is set (``absent``).
    ``qualifier`` is one of ``左右``, ``以上``, ``以内``, ``区间`` or ``""``.
    ``measure`` says what the number measures: ``growth`` (a rate of change: 增长5%),
    ``increase`` (an absolute increment: 净增7.22亿元, 提高1个百分点), ``level`` (an amount:
    达到240亿元), ``rate`` (a ratio such as 失业率5.5%) or ``share`` (比重, 占比).
    ``scope`` is ``annual`` (the annual plan) or ``five_year`` (the Five-Year goals).
    ``horizon`` is the plan year for annual targets, the end year for Five-Year goals.
    ``stretch`` is the higher figure of a stretch form (保8争9: low 8, 以上, stretch 9).
    ``absent`` marks a statement that no target is set (我们没有提出全年经济增速具体目标).
    """

    key: str
    indicator: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    measure: str
    scope: str
    horizon: int | None
    text: str
    span: Span
    redacted: bool = False
    stretch: float | None = None
    absent: bool = False


@attrs.frozen(kw_only=True)
class Indicator:
    """A figure achieved in the review period, e.g. GDP 151.5 亿元, growth 7.9 (%).

    ``average`` is true when ``growth`` is an average annual rate over several years (年均增长,
    经济年均增长), as a review of the Five-Year period gives beside the last year's growth."""

    key: str
    value: float | None
    unit: str
    growth: float | None
    text: str
    span: Span
    average: bool = False


# --------------------------------------------------------------------------- report


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, (Section, Subsection)):
        for child in node.children:
            yield from _walk(child)


@attrs.frozen(kw_only=True)
class Report:
    """A parsed government work report.

    ``text`` is the decoded input; ``offset`` is where ``text`` starts in the page it came from
    (``parse_many``), 0 otherwise — add it to a span to get page offsets.
    """

    text: str
    sections: tuple[Section, ...] = attrs.field(converter=_to_sections)
    metadata: Metadata = attrs.field(factory=Metadata)
    targets: tuple[Target, ...] = attrs.field(converter=_to_targets, default=())
    indicators: tuple[Indicator, ...] = attrs.field(converter=_to_indicators, default=())
    diagnostics: tuple[Diagnostic, ...] = attrs.field(converter=_to_diagnostics, default=())
    source: str | None = None
    offset: int = 0

    def walk(self) -> Iterator[Node]:
        """Every node, depth-first, in document order (sections, subsections, leaves)."""
        for section in self.sections:
            yield from _walk(section)

    def leaves(self) -> Iterator[Block]:
        """The leaves in document order; their spans tile ``text``."""
        for node in self.walk():
            if not isinstance(node, (Section, Subsection)):
                yield node

    def find(self, kind: SectionKind | str) -> Section | Subsection | None:
        """The first section *or subsection* of ``kind`` (nested levels are searched too)."""
        for node in self.find_all(kind):
            return node
        return None

    def find_all(self, kind: SectionKind | str) -> Iterator[Section | Subsection]:
        """Every section or subsection of ``kind``, in document order."""
        wanted = SectionKind(kind)
        for node in self.walk():
            if isinstance(node, (Section, Subsection)) and node.kind == wanted:
                yield node

    @property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """The glossary entries (名词解释), in order."""
        return tuple(n for n in self.walk() if isinstance(n, GlossaryEntry))

    def target(self, key: str = "gdp") -> Target | None:
        """The annual growth target for ``key``: ``scope == "annual"``, ``measure ==
        "growth"``, horizon the plan year — e.g. ``report.target().low`` for the expected GDP
        growth. A level or an increment (地区生产总值达到240亿元, 净增7.22亿元) and the
        Five-Year goals are never returned (they stay in :attr:`targets`). When the report
        states that no target is set, the returned target has ``absent=True`` and no number;
        ``None`` means nothing was found. ``gdp`` is not ``gnp`` (国民生产总值, the headline of
        reports before 1993): a long series takes ``target("gdp") or target("gnp")``."""
        plan_year = self.metadata.plan_year
        stated = None
        for target in self.targets:
            if (target.key == key and target.scope == "annual" and target.measure == "growth"
                    and (plan_year is None or target.horizon == plan_year)):
                if not target.absent:
                    return target
                stated = stated or target
        return stated

    @property
    def confidence(self) -> float:
        """How sure the parser is of the outline: the lowest confidence of its inferred
        decisions (1.0 when it inferred nothing). Sort a batch by it to read the doubtful
        reports first."""
        return min((d.confidence for d in self.diagnostics if d.confidence is not None),
                   default=1.0)

    def outline(self) -> list[tuple[str, int | None]]:
        """``[(kind, ordinal), …]`` of the top-level sections — handy in tests and notebooks."""
        return [(s.kind.value, s.ordinal) for s in self.sections]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (with ``schema_version``); see ``govreport.export``."""
        from .export import report_to_dict

        return report_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """The inverse of :meth:`to_dict`: ``Report.from_dict(r.to_dict()) == r``."""
        from .export import report_from_dict

        return report_from_dict(data)  # type: ignore[return-value]

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text of :meth:`to_dict`."""
        from .export import report_to_json

        return report_to_json(self, indent=indent)
