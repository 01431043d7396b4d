"""Tables of reports: rows for pandas, DuckDB, Excel and Parquet.

Five tables, each a list of flat dicts with the columns of :data:`COLUMNS` (one row builder
per table, used by ``govreport table``, ``govreport targets`` and the examples):

============  ==================================================================================
``targets``   one row per expected target (:class:`~govreport.models.Target`), with the
              report's region and plan year; see :func:`target_rows` for ``keys``/``annual``
``indicators`` one row per figure achieved in the review (:class:`~govreport.models.Indicator`)
``metadata``  one row per report: region, years, meeting, speaker, script, title, counts
``sections``  the outline: one row per section and subsection with its level (1 for a part),
              kind, ordinal, title, span and the number of diagnostics inside it
``glossary``  one row per 名词解释 entry
============  ==================================================================================

Every row starts with ``file`` (``Report.source``) and ``report`` (the report's position in the
input, from 0; a page holding several reports gives one each), and offsets (``start``/``end``)
are character offsets into the file's text (``Report.offset`` added), so a row's evidence is
``text[start:end]`` of the file as govreport read it.

:func:`to_dataframe` builds a :class:`pandas.DataFrame` with proper dtypes (nullable ``Int64``
for years and offsets, ``Float64`` for figures, ``boolean``, ``category`` for kinds and keys;
the optional extra ``govreport[pandas]``); :func:`write_parquet` a Parquet file through pyarrow
(``govreport[parquet]``). :func:`to_csv` writes what ``govreport table`` writes.
"""

from __future__ import annotations

import csv
import io
import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .models import Report, Section, Subsection

__all__ = [
    "COLUMNS",
    "DTYPES",
    "TABLES",
    "csv_cell",
    "glossary_rows",
    "indicator_rows",
    "metadata_rows",
    "rows",
    "section_rows",
    "target_rows",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "write_parquet",
]

TABLES = ("targets", "indicators", "metadata", "sections", "glossary")

_HEAD = ("file", "report")

#: the columns of each table, in order
COLUMNS: dict[str, tuple[str, ...]] = {
    "targets": (*_HEAD, "region", "year", "key", "indicator", "low", "high", "unit", "qualifier",
                "measure", "scope", "horizon", "plan_year", "stretch", "status", "text",
                "redacted", "start", "end"),
    "indicators": (*_HEAD, "region", "year", "key", "value", "unit", "growth", "average", "text",
                   "start", "end"),
    "metadata": (*_HEAD, "region", "region_level", "report_year", "plan_year", "meeting_date",
                 "congress_term", "congress_session", "speaker", "speaker_title", "script",
                 "title", "sections", "targets", "indicators", "diagnostics", "confidence",
                 "characters"),
    "sections": (*_HEAD, "index", "parent", "level", "kind", "ordinal", "title", "start", "end",
                 "diagnostics"),
    "glossary": (*_HEAD, "number", "term", "definition", "start", "end"),
}

_INT = "Int64"
_FLOAT = "Float64"
_BOOL = "boolean"
_CAT = "category"
_STR = "string"
#: pandas dtypes of the columns (every other column is ``string``)
DTYPES: dict[str, str] = {
    "report": _INT, "year": _INT, "horizon": _INT, "plan_year": _INT, "report_year": _INT,
    "congress_term": _INT, "congress_session": _INT, "start": _INT, "end": _INT,
    "index": _INT, "parent": _INT, "level": _INT, "ordinal": _INT, "number": _INT,
    "sections": _INT, "targets": _INT, "indicators": _INT, "diagnostics": _INT,
    "characters": _INT,
    "low": _FLOAT, "high": _FLOAT, "stretch": _FLOAT, "value": _FLOAT, "growth": _FLOAT,
    "confidence": _FLOAT,
    "redacted": _BOOL, "average": _BOOL,
    "key": _CAT, "measure": _CAT, "scope": _CAT, "status": _CAT, "kind": _CAT,
    "region_level": _CAT, "script": _CAT, "qualifier": _CAT, "unit": _CAT,
}


def _head(report: Report, number: int) -> dict[str, Any]:
    return {"file": report.source, "report": number}


def target_rows(report: Report, number: int = 0, *, keys: Sequence[str] = (),
                annual: bool = False) -> Iterator[dict[str, Any]]:
    """One row per expected target of ``report`` (``number``: its position in the input).

    ``keys`` keeps the targets of those keys only, and gives a row with ``status`` ``not_found``
    (no value, no evidence) for a key the report has no target for. ``annual`` keeps, per key,
    the one row of ``report.target(key)`` — the annual growth target — (every key the report
    has targets for when ``keys`` is empty). ``status`` is ``found``, ``absent`` (the report
    states that no target is set) or ``not_found``. ``year`` is the target's horizon, else the
    plan year."""
    meta = report.metadata
    if annual:
        wanted = list(keys) or list(dict.fromkeys(t.key for t in report.targets
                                                  if t.key != "other"))
        chosen = [(key, report.target(key)) for key in wanted]
    else:
        chosen = [(t.key, t) for t in report.targets if not keys or t.key in keys]
        have = {key for key, _ in chosen}
        chosen += [(key, None) for key in keys if key not in have]
    for key, target in chosen:
        if target is None:
            yield {**dict.fromkeys(COLUMNS["targets"]), **_head(report, number),
                   "region": meta.region, "year": meta.plan_year, "key": key,
                   "plan_year": meta.plan_year, "status": "not_found"}
            continue
        yield {
            **_head(report, number),
            "region": meta.region,
            "year": target.horizon if target.horizon is not None else meta.plan_year,
            "key": target.key,
            "indicator": target.indicator,
            "low": target.low,
            "high": target.high,
            "unit": target.unit,
            "qualifier": target.qualifier,
            "measure": target.measure,
            "scope": target.scope,
            "horizon": target.horizon,
            "plan_year": meta.plan_year,
            "stretch": target.stretch,
            "status": "absent" if target.absent else "found",
            "text": target.text,
            "redacted": target.redacted,
            "start": report.offset + target.span.start,
            "end": report.offset + target.span.end,
        }


def indicator_rows(report: Report, number: int = 0) -> Iterator[dict[str, Any]]:
    """One row per indicator of the review; ``year`` is the year before the plan year (what
    the review reports on), ``None`` when the plan year is unknown."""
    meta = report.metadata
    year = meta.plan_year - 1 if meta.plan_year is not None else None
    for ind in report.indicators:
        yield {**_head(report, number), "region": meta.region, "year": year, "key": ind.key,
               "value": ind.value, "unit": ind.unit, "growth": ind.growth,
               "average": ind.average, "text": ind.text,
               "start": report.offset + ind.span.start, "end": report.offset + ind.span.end}


def metadata_rows(report: Report, number: int = 0) -> Iterator[dict[str, Any]]:
    """One row: the report's metadata, how many sections, targets, indicators and diagnostics
    it has, its confidence (``Report.confidence``) and its length in characters."""
    meta = report.metadata
    yield {**_head(report, number), "region": meta.region, "region_level": meta.region_level,
           "report_year": meta.report_year, "plan_year": meta.plan_year,
           "meeting_date": meta.meeting_date, "congress_term": meta.congress_term,
           "congress_session": meta.congress_session, "speaker": meta.speaker,
           "speaker_title": meta.speaker_title, "script": meta.script, "title": meta.title,
           "sections": len(report.sections), "targets": len(report.targets),
           "indicators": len(report.indicators), "diagnostics": len(report.diagnostics),
           "confidence": report.confidence, "characters": len(report.text)}


def section_rows(report: Report, number: int = 0) -> Iterator[dict[str, Any]]:
    """The outline, parents first: ``index`` counts the rows of the report from 0, ``parent``
    is the index of the enclosing section (``None`` for a part), ``level`` 1 for a part and 2,
    3 … below; ``kind`` is the section kind (empty for a subsection that is no outline part);
    ``diagnostics`` counts the diagnostics that start inside the node."""
    starts = sorted(d.span.start for d in report.diagnostics)
    out: list[dict[str, Any]] = []

    def inside(node: Section | Subsection) -> int:
        return bisect_left(starts, node.span.end) - bisect_left(starts, node.span.start)

    def visit(node: Section | Subsection, parent: int | None, level: int) -> None:
        index = len(out)
        out.append({**_head(report, number), "index": index, "parent": parent, "level": level,
                    "kind": node.kind.value if node.kind else "", "ordinal": node.ordinal,
                    "title": node.title, "start": report.offset + node.span.start,
                    "end": report.offset + node.span.end, "diagnostics": inside(node)})
        for child in node.children:
            if isinstance(child, Subsection):
                visit(child, index, level + 1)

    for section in report.sections:
        visit(section, None, 1)
    return iter(out)


def glossary_rows(report: Report, number: int = 0) -> Iterator[dict[str, Any]]:
    """One row per glossary entry (名词解释): its number, term and definition."""
    for entry in report.glossary:
        yield {**_head(report, number), "number": entry.number, "term": entry.term,
               "definition": entry.definition, "start": report.offset + entry.span.start,
               "end": report.offset + entry.span.end}


_BUILDERS = {"targets": target_rows, "indicators": indicator_rows,
             "metadata": metadata_rows, "sections": section_rows, "glossary": glossary_rows}


def rows(table: str, reports: Report | Iterable[Report], **options: Any) -> list[dict[str, Any]]:
    """The rows of ``table`` (one of :data:`TABLES`) over one report or many, in order;
    ``options`` go to the builder (``keys``/``annual`` for ``targets``)."""
    if table not in _BUILDERS:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    build = _BUILDERS[table]
    many = [reports] if isinstance(reports, Report) else reports
    out: list[dict[str, Any]] = []
    for number, report in enumerate(many):
        out.extend(build(report, number, **options))
    return out


# --------------------------------------------------------------------------- writing

#: what makes a spreadsheet read a cell as a formula (OWASP, "CSV injection")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def csv_cell(value: Any, *, raw: bool = False) -> str:
    """A CSV cell: ``""`` for ``None``, ``true``/``false``, numbers without a trailing ``.0``.
    A text cell that a spreadsheet would run as a formula (``=HYPERLINK(…)`` in a file name)
    gets a leading ``'`` unless ``raw``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if not raw and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(columns: Sequence[str], table_rows: Iterable[dict[str, Any]], *, raw: bool = False,
           excel: bool = False) -> str:
    """CSV with a header row (text cells escaped against formulas unless ``raw``); ``excel``
    puts a byte-order mark first, so that Excel reads the file as UTF-8."""
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(row.get(c), raw=raw) for c in columns] for row in table_rows)
    return buffer.getvalue()


def to_jsonl(table_rows: Iterable[dict[str, Any]]) -> str:
    """One JSON object a line (UTF-8 text, not ``\\u`` escapes)."""
    from .export import escape_json  # with cattrs (~13 ms): the CSV and the CLI's help do without

    return "".join(escape_json(json.dumps(row, ensure_ascii=False)) + "\n" for row in table_rows)


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise ImportError("govreport.tables.to_dataframe needs pandas: "
                          "pip install 'govreport[pandas]'") from None
    return pandas


def to_dataframe(table: str, reports: Report | Iterable[Report] | None = None, *,
                 table_rows: Sequence[dict[str, Any]] | None = None,
                 **options: Any) -> Any:
    """The table as a :class:`pandas.DataFrame` with the dtypes of :data:`DTYPES` (nullable
    ``Int64`` years and offsets, ``Float64`` figures, ``boolean``, ``category`` kinds and keys,
    ``string`` text), from ``reports`` or from rows already built; the return value is a
    ``pandas.DataFrame`` (typed ``Any``: pandas ships no type information). Needs pandas
    (``govreport[pandas]``)."""
    pd = _pandas()
    if table_rows is None:
        if reports is None:
            raise TypeError("to_dataframe() needs reports or table_rows")
        table_rows = rows(table, reports, **options)
    columns = COLUMNS[table]
    frame = pd.DataFrame.from_records(list(table_rows), columns=list(columns))
    return frame.astype({c: DTYPES.get(c, _STR) for c in columns})


def write_parquet(table: str, reports: Report | Iterable[Report] | None,
                  path: str | Path | IO[bytes], *,
                  table_rows: Sequence[dict[str, Any]] | None = None,
                  **options: Any) -> None:
    """The table as a Parquet file at ``path`` (the dtypes of :func:`to_dataframe`). Needs
    pandas and pyarrow (``govreport[parquet]``)."""
    try:
        import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        raise ImportError("govreport.tables.write_parquet needs pyarrow: "
                          "pip install 'govreport[parquet]'") from None
    frame = to_dataframe(table, reports, table_rows=table_rows, **options)
    frame.to_parquet(path, engine="pyarrow", index=False)

