"""Generate ``report.schema.json`` from the attrs models.

Usage::

    python -m govreport.schema.generate            # rewrite govreport/schema/report.schema.json
    python -m govreport.schema.generate --check    # exit 1 when the committed file is stale

The schema is derived from the field types of the attrs classes reachable from
:class:`~govreport.models.Report` (the same types cattrs uses for ``to_dict``/``from_dict``), so a
field added to a model needs only a re-run of this module; ``tests/test_schema.py`` fails until
then. Descriptions come from the class docstrings and from :data:`FIELD_DOCS` (optional: a field
without an entry still gets its type). A type this module does not know how to map (say, a new
union of attrs classes that the converter does not tag) raises :class:`TypeError` instead of being
guessed.

Mapping: ``str``/``int``/``float``/``bool`` → JSON types; ``X | None`` → ``X`` or ``null``;
``tuple[X, ...]`` → array; ``dict[str, X]`` → object; ``str`` enums → ``$defs`` with ``enum``;
attrs classes → ``$defs`` objects with ``additionalProperties: false``, where fields without a
default are ``required``. The tree's children (``models.Child``) are a tagged union: each member
carries ``"type": "<ClassName>"`` (see ``govreport.export``).
"""

from __future__ import annotations

import argparse
import enum
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Sequence
from typing import Any

import attrs

from .. import models
from ..export import SCHEMA_VERSION
from . import schema_path

__all__ = ["FIELD_DOCS", "TAGGED_UNIONS", "build_batch_schema", "build_schema", "main",
           "render_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

OFFSETS = (
    "character offsets (Unicode code points, as Python str indexes — not bytes, not UTF-16 "
    "units) into the decoded text `Report.text`"
)

#: unions of attrs classes that ``govreport.export`` tags: name in ``$defs`` → (union, tag key);
#: the tag value is the class name (``configure_tagged_union(..., tag_generator=cls.__name__)``)
TAGGED_UNIONS: dict[str, tuple[object, str]] = {"Child": (models.Child, "type")}

#: ``"Class.field"`` → description; fields of type ``Span`` get one automatically
FIELD_DOCS: dict[str, str] = {
    "Report.text": (
        "The decoded input (after BOM removal and decoding; not normalised). The `start` and "
        f"`end` of every span in this document are {OFFSETS}."
    ),
    "Report.sections": (
        "Top-level sections in document order; together they cover the whole text "
        "(preamble first, then the numbered parts, closing, appendices, glossary)."
    ),
    "Report.metadata": "Facts about the report as a whole.",
    "Report.targets": "Expected targets of the annual plan and of the Five-Year goals.",
    "Report.indicators": "Figures achieved in the review period.",
    "Report.diagnostics": "What the parser repaired, inferred or could not do, in text order.",
    "Report.source": "The file name or label passed to parse(); null when none was given.",
    "Report.offset": (
        "Character offset at which `text` starts in the page it was cut from (parse_many); 0 "
        "otherwise. Add it to a span's offsets to locate the span in the page."
    ),
    "Section.kind": "Which part of the fixed outline this section is.",
    "Section.ordinal": "1 for 一、/ I. / First, …; null for unnumbered parts.",
    "Section.title": "Heading text without its numeral, in simplified script; empty if none.",
    "Section.heading": "The heading leaf (also the first child), or null for parts without one.",
    "Section.children": "Heading first, then paragraphs, items and subsections in order.",
    "Subsection.kind": (
        "Set when the heading is itself an outline part (e.g. self_improvement as the last "
        "subsection of the annual plan); null otherwise."
    ),
    "Subsection.level": "Outline level: 2 directly below a top-level section, 3 below that, …",
    "Subsection.ordinal": "Position in its numbering sequence (1 for （一）, (1), 1.); or null.",
    "Subsection.title": "Heading text without its numeral, in simplified script.",
    "Subsection.heading": "The heading leaf (also the first child), or null.",
    "Subsection.children": "Heading first, then paragraphs, items and deeper subsections.",
    "Heading.text": "Normalised heading line, numeral included, surrounding whitespace stripped.",
    "Heading.numeral": "The numbering as written after normalisation (一、, （二）, I.), or null.",
    "Paragraph.text": "Normalised text of the block, surrounding whitespace stripped.",
    "Item.text": "Normalised text of the item, marker included.",
    "Item.marker": "The enumeration as written (一是, 二要, ——), or null.",
    "Item.ordinal": "Position given by the marker (一是 → 1), or null.",
    "Item.lead": "The lead sentence of a lead-sentence item, or null.",
    "Boilerplate.text": "Normalised text of the chrome block.",
    "Boilerplate.reason": "Why the block is boilerplate (e.g. navigation, pagination, source).",
    "GlossaryEntry.number": "The entry's number as written, or null.",
    "GlossaryEntry.term": "The term being explained.",
    "GlossaryEntry.definition": "Its explanation.",
    "GlossaryEntry.text": "Normalised text of the whole entry.",
    "Diagnostic.code": "Stable code (see govreport.diagnostics.CODES).",
    "Diagnostic.message": "Explanation for people; wording may change between versions.",
    "Diagnostic.hint": "How to avoid or fix the problem, when known.",
    "Diagnostic.confidence": ("How sure an inferred decision is, 0 to 1 (from the score margin "
                              "over the best outline deciding otherwise); null when the "
                              "diagnostic is not about a decision."),
    "Diagnostic.reading": "The reading chosen for the block (e.g. 'review heading'), or null.",
    "Diagnostic.runner_up": "The reading the best other outline gives the block, or null.",
    "Metadata.region": "Region name as written (e.g. 北京市, 闻喜县); null for unknown.",
    "Metadata.region_level": "Administrative level of the region (see docs/targets.md).",
    "Metadata.report_year": "Year the report is delivered (its title or meeting date).",
    "Metadata.plan_year": "Year of the annual plan the report sets out.",
    "Metadata.congress_term": "第十七届人民代表大会 → 17.",
    "Metadata.congress_session": "第一次会议 → 1.",
    "Metadata.speaker": "Name of the official who delivered the report.",
    "Metadata.speaker_title": "Their title as written (省长, 市长, 代市长, 总理, …).",
    "Metadata.script": "Script or language of the text (en-MT: machine-translated English).",
    "Metadata.title": "The report's title line, normalised.",
    "Metadata.meeting_date": "ISO 8601 date (YYYY-MM-DD), or null when absent or garbled.",
    "Metadata.spans": (
        "Evidence for each non-null field, keyed by field name: spans whose offsets are "
        f"{OFFSETS}."
    ),
    "Target.key": "Canonical indicator slug (gdp, cpi, unemployment_rate, …) or other.",
    "Target.indicator": "The indicator's words as written.",
    "Target.low": (
        "Lower bound (equal to high for a point target); null when redacted or absent."),
    "Target.high": "Upper bound; null when redacted or absent.",
    "Target.unit": "Unit as written (%, 亿元, 万人, …).",
    "Target.qualifier": "左右 (about), 以上 (at least), 以内 (at most), 区间 (range) or empty.",
    "Target.horizon": "Plan year for annual targets, end year for Five-Year goals; or null.",
    "Target.text": "The sentence fragment the target was read from.",
    "Target.redacted": "True when the number is redacted (×) in the text.",
    "Target.measure": (
        "What the number measures: growth (a rate of change, 增长5%), increase (an absolute "
        "increment, 净增7.22亿元 or 提高1个百分点), level (an amount, 达到240亿元), rate (a "
        "ratio such as an unemployment rate) or share (比重, 占比)."),
    "Target.scope": "annual (the annual plan) or five_year (the Five-Year goals).",
    "Target.stretch": "The higher figure of a stretch form (保8争9 gives 9), or null.",
    "Target.absent": (
        "True when the report states that no target is set for the indicator (low and high "
        "are then null); distinct from a target that was not found (no entry at all)."),
    "Indicator.key": "Canonical indicator slug, as for targets.",
    "Indicator.value": "The achieved level, or null.",
    "Indicator.unit": "Unit of value.",
    "Indicator.growth": "Growth rate in percent, or null.",
    "Indicator.text": "The sentence fragment the figure was read from.",
    "Indicator.average": (
        "True when growth is an average annual rate over several years (年均增长), not one "
        "year's growth."
    ),
}

#: extra keywords for a field's schema (validation constraints and annotations)
FIELD_KEYWORDS: dict[str, dict[str, Any]] = {
    "Span.start": {"description": "First character (inclusive).", "minimum": 0},
    "Span.end": {"description": "End (exclusive): start + length in characters.", "minimum": 0},
    "Report.offset": {"minimum": 0},
    "Metadata.meeting_date": {"format": "date"},
    "Metadata.region_level": {"enum": [
        "national", "province", "autonomous_region", "municipality", "prefecture_city",
        "county_level_city", "county", "district", None]},
    "Metadata.script": {"enum": ["zh-Hans", "zh-Hant", "en", "en-MT", "mixed", None]},
    "Target.qualifier": {"enum": ["左右", "以上", "以内", "区间", ""]},
    "Target.measure": {"enum": ["growth", "increase", "level", "rate", "share"]},
    "Target.scope": {"enum": ["annual", "five_year"]},
}


def _describe(text: str) -> str:
    """A docstring as a JSON Schema description: reST roles and double backticks simplified."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`]+)`", r"\1", text)
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)  # unwrap lines, keep paragraph breaks
    return text.replace("``", "`")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any, where: str) -> dict[str, Any]:
        for name, (union, _tag) in TAGGED_UNIONS.items():
            if tp == union:
                self.tagged_union(name)
                return self.ref(name)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is Any:
            return {}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.enum(tp)
            return self.ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            self.attrs_class(tp)
            return self.ref(tp.__name__)
        if origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if any(isinstance(a, type) and attrs.has(a) for a in members) and len(members) > 1:
                raise TypeError(
                    f"{where}: union of attrs classes {members} is not in TAGGED_UNIONS; "
                    "tag it in govreport.export and register it here"
                )
            options = [self.type_schema(a, where) for a in members]
            if len(args) != len(members):
                options.append({"type": "null"})
            if all(set(o) == {"type"} and isinstance(o["type"], str) for o in options):
                return {"type": [o["type"] for o in options]}
            return {"anyOf": options}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0], where)}
        if origin is list:
            return {"type": "array", "items": self.type_schema(args[0], where)}
        if tp is models.Spans:  # a read-only mapping: a JSON object like dict[str, Span]
            return {"type": "object", "additionalProperties": self.type_schema(models.Span, where)}
        if origin is dict and args and args[0] is str:
            return {"type": "object", "additionalProperties": self.type_schema(args[1], where)}
        if origin is typing.Literal:
            return {"enum": list(args)}
        raise TypeError(f"{where}: no JSON Schema mapping for type {tp!r}")

    def enum(self, cls: type[enum.Enum]) -> None:
        if cls.__name__ in self.defs:
            return
        values = [m.value for m in cls]
        if not all(isinstance(v, str) for v in values):
            raise TypeError(f"{cls.__name__}: only str-valued enums are supported")
        self.defs[cls.__name__] = {
            "description": _describe(inspect.getdoc(cls) or cls.__name__),
            "type": "string",
            "enum": values,
        }

    def attrs_class(self, cls: type) -> None:
        name = cls.__name__
        if name in self.defs:
            return
        self.defs[name] = {}  # placeholder: recursive types (Subsection) refer to themselves
        tags = [(key, name) for union, key in TAGGED_UNIONS.values()
                if cls in typing.get_args(union)]
        if len(tags) > 1:
            raise TypeError(f"{name} is a member of several tagged unions")
        self.defs[name] = self.object_schema(cls, tag=tags[0] if tags else None)

    def object_schema(self, cls: type, *, tag: tuple[str, str] | None = None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            where = f"{cls.__name__}.{field.name}"
            schema = dict(self.type_schema(hints[field.name], where))
            description = FIELD_DOCS.get(where)
            if description is None and hints[field.name] is models.Span:
                description = f"Where this {cls.__name__} is: {OFFSETS}."
            if description is not None:
                schema = {"description": description, **schema}
            schema.update(FIELD_KEYWORDS.get(where, {}))
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        if tag is not None:
            key, value = tag
            if key in properties:
                raise TypeError(f"{cls.__name__} has a field {key!r}, the union's tag key")
            properties[key] = {
                "description": f"Tag of the tree-children union: always {value!r} here.",
                "const": value,
            }
        doc = _describe(inspect.getdoc(cls) or cls.__name__)
        if cls is models.Span:
            doc += f" `start` and `end` are {OFFSETS}; `start <= end`."
        return {
            "description": doc,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def tagged_union(self, name: str) -> None:
        if name in self.defs:
            return
        union, key = TAGGED_UNIONS[name]
        members = typing.get_args(union)
        self.defs[name] = {}
        for cls in members:
            self.attrs_class(cls)
        self.defs[name] = {
            "description": (
                f"A child of a section or subsection, tagged by its `{key}` key "
                "(the class name)."
            ),
            "oneOf": [{**self.ref(cls.__name__), "required": [key]} for cls in members],
        }


def build_schema() -> dict[str, Any]:
    """The schema of ``Report.to_dict()`` for the models and ``SCHEMA_VERSION`` in this tree."""
    builder = _Builder()
    root = builder.object_schema(models.Report)
    major = SCHEMA_VERSION.split(".")[0]
    version = {
        "description": (
            f"Version of this JSON shape. This schema describes {SCHEMA_VERSION}; the major "
            "number changes only when the shape changes incompatibly."
        ),
        "type": "string",
        "pattern": rf"^{major}\.[0-9]+$",
    }
    return {
        "$schema": DRAFT,
        "$comment": (
            "Generated from govreport.models by `python -m govreport.schema.generate`; "
            "do not edit by hand."
        ),
        "title": f"govreport Report (schema_version {SCHEMA_VERSION})",
        "description": (
            "A parsed Chinese government work report, as written by `Report.to_dict()` / "
            "`Report.to_json()` and read by `Report.from_dict()`. All span offsets (`start`, "
            f"`end`) are {OFFSETS}. " + root["description"]
        ),
        "type": "object",
        "properties": {"schema_version": version, **root["properties"]},
        "required": ["schema_version", *root["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def build_batch_schema() -> dict[str, Any]:
    """The schema of one line of ``govreport batch``: a report (the report schema with
    ``"status": "ok"``; ``text`` optional, for ``--no-text``) or a failed input."""
    report = build_schema()
    defs = report.pop("$defs")
    for key in ("$schema", "$comment", "title"):
        report.pop(key)
    report["properties"]["status"] = {"description": "ok: the line is a report.",
                                      "const": "ok"}
    report["required"] = [r for r in report["required"] if r != "text"] + ["status"]
    report["properties"]["text"] = {**report["properties"]["text"], "description": (
        report["properties"]["text"]["description"]
        + " Left out with `govreport batch --no-text`; the spans stay offsets into the "
        "file's text.")}
    error = {
        "description": "An input that could not be read, decoded or parsed.",
        "type": "object",
        "properties": {
            "source": {"description": "The input file as given.", "type": "string"},
            "status": {"description": "error: the line is a failed input.", "const": "error"},
            "error": {"description": "What went wrong, for a reader.", "type": "string"},
            "error_type": {"description": (
                "The exception's class: DecodeError, InputRefused, UnsupportedFormat, "
                "ParseTimeout, …"), "type": "string"},
        },
        "required": ["source", "status", "error", "error_type"],
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "$comment": (
            "Generated from govreport.models by `python -m govreport.schema.generate`; "
            "do not edit by hand."
        ),
        "title": f"govreport batch line (schema_version {SCHEMA_VERSION})",
        "description": (
            "One line of the JSON Lines that `govreport batch` writes: a report "
            "(`status` ok) or an input that failed (`status` error). Every line has "
            "`source` and `status`."
        ),
        "oneOf": [report, error],
        "$defs": defs,
    }


def render_schema(schema: dict[str, Any] | None = None) -> str:
    """The schema as the text stored in ``report.schema.json`` (stable formatting)."""
    return json.dumps(build_schema() if schema is None else schema,
                      ensure_ascii=False, indent=2) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m govreport.schema.generate",
        description="Regenerate govreport/schema/report.schema.json from the attrs models.",
    )
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file is missing or out of date")
    args = parser.parse_args(argv)
    status = 0
    for path, schema in ((schema_path(), build_schema()),
                         (schema_path(batch=True), build_batch_schema())):
        text = render_schema(schema)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if args.check:
            if current != text:
                print(f"{path} is out of date: run python -m govreport.schema.generate",
                      file=sys.stderr)
                status = 1
            else:
                print(f"{path} is up to date")
        elif current == text:
            print(f"{path} unchanged")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
