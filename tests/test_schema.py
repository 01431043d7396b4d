"""The shipped JSON Schema: valid draft 2020-12, up to date with the models, and every report we
can produce validates against it (while broken documents do not)."""

from __future__ import annotations

import copy
import enum
import json
import typing
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import govreport
from govreport import models
from govreport.export import SCHEMA_VERSION
from govreport.schema import load_schema, schema_path
from govreport.schema.generate import TAGGED_UNIONS, _Builder, build_schema, main, render_schema

from .reports import EXAMPLE, full_report, report_files, reports_of


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema())


@pytest.fixture(scope="module")
def example_dict() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(govreport.parse_file(EXAMPLE).to_json())
    return data


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_path_is_the_file_inside_the_package() -> None:
    path = govreport.schema_path()
    assert path == schema_path()
    assert path.is_file()
    assert path.parent == Path(govreport.__file__).resolve().parent / "schema"
    assert "schema_path" in govreport.__all__


def test_committed_schema_is_up_to_date() -> None:
    committed = schema_path().read_text(encoding="utf-8")
    assert committed == render_schema(), (
        "govreport/schema/report.schema.json is stale (a model or SCHEMA_VERSION changed): "
        "run `python -m govreport.schema.generate` and commit the result"
    )


def test_generator_check_mode_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_schema_names_the_schema_version() -> None:
    schema = load_schema()
    assert SCHEMA_VERSION in schema["title"]
    pattern = schema["properties"]["schema_version"]["pattern"]
    jsonschema.validate(SCHEMA_VERSION, {"type": "string", "pattern": pattern})
    major = int(SCHEMA_VERSION.split(".")[0])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(f"{major + 1}.0", {"type": "string", "pattern": pattern})


def _reachable_classes() -> list[type]:
    """attrs classes reachable from Report through field types (independently of the generator)."""
    seen: list[type] = []
    todo: list[Any] = [models.Report]
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and attrs.has(tp):
            if tp in seen:
                continue
            seen.append(tp)
            todo.extend(typing.get_type_hints(tp).values())
        else:
            todo.extend(typing.get_args(tp))
    return seen


def test_every_model_field_is_described_by_the_schema() -> None:
    """Drift between models and schema, checked without the generator's own walk."""
    schema = load_schema()
    defs = schema["$defs"]
    tagged = {cls for union, _key in TAGGED_UNIONS.values() for cls in typing.get_args(union)}
    for cls in _reachable_classes():
        names = [f.name for f in attrs.fields(cls)]
        if cls is models.Report:
            assert list(schema["properties"]) == ["schema_version", *names]
            continue
        assert cls.__name__ in defs, f"{cls.__name__} missing from the schema"
        expected = names + (["type"] if cls in tagged else [])
        assert list(defs[cls.__name__]["properties"]) == expected, cls.__name__
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        assert defs[cls.__name__]["required"] == required, cls.__name__
    for kind in (models.SectionKind, models.Severity):
        assert defs[kind.__name__]["enum"] == [m.value for m in kind]


def _span_properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [("(root).text", schema["properties"]["text"])]
    for name, sub in schema["$defs"].items():
        for prop, spec in sub.get("properties", {}).items():
            if spec.get("$ref") == "#/$defs/Span" or prop == "spans":
                found.append((f"{name}.{prop}", spec))
    return found


def test_descriptions_say_offsets_are_characters_of_the_decoded_text() -> None:
    schema = load_schema()
    spans = _span_properties(schema)
    assert len(spans) >= 8  # every leaf, both branches, diagnostics, targets, indicators, ...
    for where, spec in [*spans, ("Span", schema["$defs"]["Span"]), ("(root)", schema)]:
        text = spec.get("description", "")
        assert "character offsets" in text, where
        assert "decoded text" in text, where


@pytest.mark.parametrize("path", report_files())
def test_every_report_validates(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    for report in reports_of(path):
        data = json.loads(report.to_json())
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:5]
        )


def test_a_hand_built_report_with_every_field_validates(
    validator: jsonschema.Draft202012Validator,
) -> None:
    report = full_report()
    assert report.targets
    assert report.indicators
    assert report.metadata.spans
    validator.validate(json.loads(report.to_json()))


def _break(data: dict[str, Any], how: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    review = data["sections"][1]
    if how == "unknown top-level key":
        data["pages"] = 3
    elif how == "missing schema_version":
        del data["schema_version"]
    elif how == "other major version":
        data["schema_version"] = "99.0"
    elif how == "unknown section kind":
        review["kind"] = "budget"
    elif how == "negative offset":
        review["span"]["start"] = -1
    elif how == "offset as string":
        review["span"]["end"] = "596"
    elif how == "child without type tag":
        del review["children"][1]["type"]
    elif how == "child with unknown type tag":
        review["children"][1]["type"] = "Section"
    elif how == "paragraph tagged as subsection":
        review["children"][1]["type"] = "Subsection"
    elif how == "unknown field on a leaf":
        review["children"][1]["page"] = 2
    elif how == "ordinal as string":
        review["ordinal"] = "一"
    elif how == "bad severity":
        data["diagnostics"] = [{"code": "x", "message": "m", "span": {"start": 0, "end": 1},
                                "severity": "fatal", "hint": None}]
    elif how == "unknown region level":
        data["metadata"]["region_level"] = "village"
    elif how == "bad qualifier":
        data["targets"] = [{"key": "gdp", "indicator": "GDP", "low": 5.0, "high": 5.0,
                            "unit": "%", "qualifier": "约", "horizon": 2026, "text": "t",
                            "span": {"start": 0, "end": 1}, "redacted": False}]
    else:  # pragma: no cover
        raise AssertionError(how)
    return data


BREAKS = [
    "unknown top-level key", "missing schema_version", "other major version",
    "unknown section kind", "negative offset", "offset as string", "child without type tag",
    "child with unknown type tag", "paragraph tagged as subsection", "unknown field on a leaf", "ordinal as string", "bad severity",
    "bad qualifier", "unknown region level",
]


@pytest.mark.parametrize("how", BREAKS)
def test_broken_documents_are_rejected(
    how: str, example_dict: dict[str, Any], validator: jsonschema.Draft202012Validator
) -> None:
    assert validator.is_valid(example_dict)
    assert example_dict["sections"][1]["children"][1]["type"] == "Paragraph"
    assert not validator.is_valid(_break(example_dict, how))


# --- the generator itself: new fields are picked up, unknown types are refused


class Colour(str, enum.Enum):
    RED = "red"


@attrs.frozen(kw_only=True)
class Probe:
    """A probe class. Spans in ``span``."""

    name: str
    count: int
    ratio: float | None
    flag: bool = False
    colour: Colour = Colour.RED
    tags: tuple[str, ...] = ()
    where: models.Span
    extra: dict[str, models.Span] = attrs.field(factory=dict)


def test_generator_maps_each_field_type() -> None:
    builder = _Builder()
    schema = builder.object_schema(Probe)
    props = schema["properties"]
    assert props["name"] == {"type": "string"}
    assert props["count"] == {"type": "integer"}
    assert props["ratio"] == {"type": ["number", "null"]}
    assert props["flag"] == {"type": "boolean"}
    assert props["colour"] == {"$ref": "#/$defs/Colour"}
    assert builder.defs["Colour"]["enum"] == ["red"]
    assert props["tags"] == {"type": "array", "items": {"type": "string"}}
    assert props["where"]["$ref"] == "#/$defs/Span"
    assert "character offsets" in props["where"]["description"]
    assert props["extra"]["additionalProperties"] == {"$ref": "#/$defs/Span"}
    assert schema["required"] == ["name", "count", "ratio", "where"]
    assert schema["additionalProperties"] is False
    assert schema["description"] == "A probe class. Spans in `span`."


@attrs.frozen
class UntaggedUnion:
    value: models.Paragraph | models.Target


@attrs.frozen
class Unmappable:
    value: set[int]


@pytest.mark.parametrize("cls", [UntaggedUnion, Unmappable])
def test_generator_refuses_types_it_cannot_map(cls: type) -> None:
    with pytest.raises(TypeError, match=f"{cls.__name__}.value"):
        _Builder().object_schema(cls)


def test_generated_schema_is_deterministic() -> None:
    assert build_schema() == build_schema()
    assert render_schema().endswith("}\n")
