"""JSON export: a private cattrs converter, tagged unions for tree children, ``schema_version``.

No hand-written per-class dict code: cattrs derives (un)structuring from the attrs classes, and
the tree's mixed children are tagged with ``"type": "<ClassName>"``. Offsets in ``span`` objects
are character offsets into ``text`` (the decoded input), not byte offsets.
"""

from __future__ import annotations

import json
from typing import Any

import cattrs
import regex
from cattrs.preconf.json import make_converter
from cattrs.strategies import configure_tagged_union

from .models import (
    Boilerplate,
    Child,
    GlossaryEntry,
    Heading,
    Item,
    Paragraph,
    Report,
    Subsection,
)

__all__ = ["SCHEMA_VERSION", "converter", "report_from_dict", "report_to_dict", "report_to_json"]

#: bump the major number when the shape changes incompatibly, the minor when fields are added
SCHEMA_VERSION = "1.1"


def _make() -> cattrs.Converter:
    conv = make_converter()
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
    data = dict(data)
    version = str(data.pop("schema_version", SCHEMA_VERSION))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ValueError(
            f"cannot read schema_version {version}; this govreport writes {SCHEMA_VERSION}"
        )
    return converter().structure(data, Report)


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
