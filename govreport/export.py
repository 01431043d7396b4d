"""JSON export: a private cattrs converter, tagged unions for tree children, ``schema_version``.

No hand-written per-class dict code: cattrs derives (un)structuring from the attrs classes, and
the tree's mixed children are tagged with ``"type": "<ClassName>"``. Offsets in ``span`` objects
are character offsets into ``text`` (the decoded input), not byte offsets.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import cattrs
import regex
from cattrs.preconf.json import make_converter
from cattrs.strategies import configure_tagged_union

from .errors import InvalidReportData
from .models import (
    Boilerplate,
    Child,
    GlossaryEntry,
    Heading,
    Item,
    Paragraph,
    Report,
    Span,
    Spans,
    Subsection,
)

__all__ = ["SCHEMA_VERSION", "converter", "report_from_dict", "report_to_dict", "report_to_json"]

#: bump the major number when the shape changes incompatibly, the minor when fields are added
SCHEMA_VERSION = "2.0"


def _strict(kind: type[Any]) -> Any:
    """A structure hook that takes ``kind`` (and its subclasses, such as the str enums) only
    from a value of that kind: the default converts (``"5"`` → 5, ``5`` → ``"5"``, 1.9 → 1),
    which would take a wrong document for a report. An int is a float."""

    def structure(value: Any, target: Any) -> Any:
        if kind is float and type(value) is int:
            value = float(value)
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value if target is kind else target(value)

    return structure


def _make() -> cattrs.Converter:
    conv = make_converter()
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_unstructure_hook(
        Spans, lambda spans: {key: conv.unstructure(span) for key, span in spans.items()})
    conv.register_structure_hook(
        Spans, lambda value, _: Spans(conv.structure(value, dict[str, Span])))
    configure_tagged_union(
        Child,
        conv,
        tag_name="type",
        tag_generator=lambda cls: cls.__name__,
    )
    return conv


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    """The converter used for ``to_dict``/``from_dict`` (built once)."""
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _make()
    return _CONVERTER


def report_to_dict(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(converter().unstructure(report))
    return data


def report_from_dict(data: dict[str, Any]) -> Report:
    """The report ``data`` describes (also a ``govreport batch`` line with ``"status": "ok"``
    and its text); :class:`~govreport.errors.InvalidReportData` (a ``ValueError``) naming the
    bad field if it describes none."""
    if not isinstance(data, dict):
        raise InvalidReportData(f"a report is a JSON object, not {type(data).__name__} @ $",
                                path="$")
    data = dict(data)
    if data.get("status") == "ok":  # a line of govreport batch
        del data["status"]
    version = str(data.pop("schema_version", SCHEMA_VERSION))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise InvalidReportData(
            f"cannot read schema_version {version}; this govreport writes {SCHEMA_VERSION} "
            "@ $.schema_version",
            path="$.schema_version")
    try:
        report: Report = converter().structure(data, Report)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc)
        first = problems[0] if problems else "invalid report @ $"
        raise InvalidReportData("; ".join(problems) or first,
                                path=first.rpartition(" @ ")[2] or "$") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InvalidReportData(f"invalid report: {exc} @ $", path="$") from None
    _check_spans(report)
    return report


def _check_spans(report: Report) -> None:
    """Every span lies inside the text and has its start before its end."""
    size = len(report.text)

    def check(span: Span, path: str) -> None:
        if not 0 <= span.start <= span.end <= size:
            raise InvalidReportData(
                f"span [{span.start}:{span.end}] outside the text of {size} characters @ {path}",
                path=path)

    def walk(nodes: Sequence[Any], path: str) -> None:
        for k, node in enumerate(nodes):
            here = f"{path}[{k}]"
            check(node.span, f"{here}.span")
            heading = getattr(node, "heading", None)
            if heading is not None:
                check(heading.span, f"{here}.heading.span")
            children = getattr(node, "children", None)
            if children is not None:
                walk(children, f"{here}.children")

    walk(report.sections, "$.sections")
    lists: tuple[tuple[str, Sequence[Any]], ...] = (
        ("diagnostics", report.diagnostics), ("targets", report.targets),
        ("indicators", report.indicators))
    for name, items in lists:
        for k, item in enumerate(items):
            check(item.span, f"$.{name}[{k}].span")
    for key, span in report.metadata.spans.items():
        check(span, f"$.metadata.spans.{key}")


#: what ``json.dumps(…, ensure_ascii=False)`` leaves raw but must not be: lone surrogates (not
#: encodable as UTF-8) and the characters ``str.splitlines()`` breaks a line at (U+0085, U+2028,
#: U+2029; the C0 ones JSON escapes itself), which would split a JSON Lines record
_ESCAPED = regex.compile(r"[\ud800-\udfff\x85\u2028\u2029]")


def escape_json(text: str) -> str:
    """``text`` (JSON from ``json.dumps(…, ensure_ascii=False)``) with the characters of
    ``_ESCAPED`` written as ``\\uXXXX`` escapes; ``json.loads`` reads them back unchanged."""
    if _ESCAPED.search(text) is None:
        return text
    escaped: str = _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return escaped


def report_to_json(report: Report, *, indent: int | None = None) -> str:
    """JSON text (Chinese kept as is), safe to encode as UTF-8 and to hold on one line of a
    JSON Lines file (``escape_json``)."""
    return escape_json(json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent))


# referenced so that linters see the tagged classes are part of the contract
_TAGGED = (Heading, Paragraph, Item, Boilerplate, GlossaryEntry, Subsection)
