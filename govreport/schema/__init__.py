"""The JSON Schema (draft 2020-12) of ``Report.to_dict()`` / ``Report.to_json()``.

``report.schema.json`` ships inside the package; :func:`schema_path` returns its location and
:func:`load_schema` its content. The file is generated from the attrs models by
``python -m govreport.schema.generate`` (a test fails when it is out of date), so it always
describes what ``to_dict`` writes and ``from_dict`` reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["BATCH_SCHEMA_FILE", "SCHEMA_FILE", "load_schema", "schema_path"]

#: file name of the shipped schema, next to this module
SCHEMA_FILE = "report.schema.json"
#: the schema of a ``govreport batch`` line: a report (``"status": "ok"``, ``text`` left out
#: with ``--no-text``) or an input that failed (``"status": "error"``)
BATCH_SCHEMA_FILE = "batch-line.schema.json"


def schema_path(*, batch: bool = False) -> Path:
    """Path of the JSON Schema (draft 2020-12) that ``Report.to_dict()`` output validates
    against: ``govreport/schema/report.schema.json`` in the installed package; with ``batch``
    the schema of a ``govreport batch`` line, ``batch-line.schema.json``."""
    return Path(__file__).resolve().parent / (BATCH_SCHEMA_FILE if batch else SCHEMA_FILE)


def load_schema(*, batch: bool = False) -> dict[str, Any]:
    """The shipped schema (or the batch-line schema), parsed."""
    data: dict[str, Any] = json.loads(schema_path(batch=batch).read_text(encoding="utf-8"))
    return data
