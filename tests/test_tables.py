"""Tables (``govreport.tables``, ``govreport table``): row builders on the example and the
corpus, DataFrame dtypes, Parquet and CSV read back, Excel's byte-order mark, UTF-8 output on
any console, standard input for every subcommand, ``--out``, and batch lines for DuckDB."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govreport
from govreport import tables

from .conftest import REPO, SHARED, SHARED_REASON

EXAMPLE = REPO / "examples" / "sample_report.txt"
SAMPLE = EXAMPLE.read_text(encoding="utf-8")


def run(*args: str, stdin: bytes | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "govreport", *args], input=stdin,
                          capture_output=True, cwd=REPO, timeout=120, check=False,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def report() -> govreport.Report:
    return govreport.parse_file(EXAMPLE)


@pytest.mark.parametrize("table", tables.TABLES)
def test_every_row_has_the_columns_of_its_table(report: govreport.Report, table: str) -> None:
    rows = tables.rows(table, [report, report])
    assert rows, table
    assert all(list(row) == list(tables.COLUMNS[table]) for row in rows)
    assert {row["report"] for row in rows} == {0, 1}
    for row in rows:
        if row.get("start") is not None and table != "metadata":
            assert report.text[row["start"]:row["end"]]


def test_the_rows_say_what_the_report_says(report: govreport.Report) -> None:
    sections = tables.rows("sections", report)
    parts = [(r["kind"], r["ordinal"], r["title"]) for r in sections if r["level"] == 1]
    assert parts == [(s.kind.value, s.ordinal, s.title) for s in report.sections]
    chapters = [r for r in sections if r["level"] == 2]
    assert all(sections[r["parent"]]["level"] == 1 for r in chapters)
    assert sum(r["diagnostics"] for r in sections if r["level"] == 1) == len(report.diagnostics)
    (meta,) = tables.rows("metadata", report)
    assert (meta["region"], meta["plan_year"], meta["targets"]) == (
        report.metadata.region, report.metadata.plan_year, len(report.targets))
    glossary = tables.rows("glossary", report)
    assert [r["term"] for r in glossary] == [e.term for e in report.glossary]
    indicators = tables.rows("indicators", report)
    assert [(r["key"], r["growth"]) for r in indicators] == [
        (i.key, i.growth) for i in report.indicators]
    gdp = [r for r in tables.rows("targets", report, keys=["gdp"], annual=True)]
    assert [(r["low"], r["status"]) for r in gdp] == [(5.5, "found")]


def test_rows_over_the_corpus() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(SHARED_REASON)
    reports = [r for _, r in govreport.parse_files([corpus])]
    for table in tables.TABLES:
        rows = tables.rows(table, reports)
        assert all(list(row) == list(tables.COLUMNS[table]) for row in rows), table
    meta = tables.rows("metadata", reports)
    assert len(meta) == len(reports)
    assert all(row["region"] for row in meta)
    gdp = tables.rows("targets", reports, keys=["gdp"], annual=True)
    assert len(gdp) == len(reports)
    assert {r["status"] for r in gdp} <= {"found", "not_found"}


def test_dataframe_dtypes(report: govreport.Report) -> None:
    pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
    frame = tables.to_dataframe("targets", [report])
    assert str(frame["year"].dtype) == "Int64"
    assert str(frame["low"].dtype) == "Float64"
    assert str(frame["redacted"].dtype) == "boolean"
    assert isinstance(frame["key"].dtype, pd.CategoricalDtype)
    assert frame["stretch"].isna().all()  # nullable: <NA>, not a float NaN in an int column
    meta = tables.to_dataframe("metadata", [report])
    assert str(meta["congress_term"].dtype) == "Int64"
    sections = tables.to_dataframe("sections", report)
    assert sections["parent"].isna().sum() == len(report.sections)


def test_parquet_round_trip(report: govreport.Report, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed")
    path = tmp_path / "targets.parquet"
    tables.write_parquet("targets", [report], path)
    table = pq.read_table(path)
    assert table.column_names == list(tables.COLUMNS["targets"])
    back = pd.read_parquet(path)
    assert back["low"].tolist()[:1] == [5.5]
    assert str(back["year"].dtype) == "Int64"
    result = run("table", "targets", str(EXAMPLE), "--format", "parquet", "--out",
                 str(tmp_path / "cli.parquet"))
    assert result.returncode == 0, result.stderr
    assert pq.read_table(tmp_path / "cli.parquet").num_rows == len(report.targets)


@pytest.mark.parametrize("excel", [False, True])
def test_csv_reads_back_in_pandas(tmp_path: Path, excel: bool) -> None:
    pd = pytest.importorskip("pandas", reason="the pandas extra is not installed")
    out = tmp_path / "targets.csv"
    result = run("targets", str(EXAMPLE), "--out", str(out), *(["--excel"] if excel else []))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == excel
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns) == list(tables.COLUMNS["targets"])
    assert frame.loc[0, "indicator"] == "地区生产总值"


def test_output_is_utf8_on_any_console() -> None:
    for command in (["targets", str(EXAMPLE)], ["parse", str(EXAMPLE)],
                    ["table", "glossary", str(EXAMPLE)]):
        result = run(*command, env={"PYTHONIOENCODING": "cp1252"})
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")  # UTF-8, not the console's cp1252
        assert any("\u4e00" <= c <= "\u9fff" for c in out), command


@pytest.mark.parametrize("command", [
    ["parse", "-"], ["targets", "-"], ["panel", "-"], ["table", "sections", "-"],
    ["batch", "-", "--out", "-"],
])
def test_standard_input_for_every_subcommand(command: list[str]) -> None:
    result = run(*command, stdin=SAMPLE.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "2026" in out


def test_out_for_parse_and_table(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert run("parse", str(EXAMPLE), "--format", "json", "--out", str(out)).returncode == 0
    assert govreport.Report.from_dict(json.loads(out.read_text(encoding="utf-8"))).outline() \
        == govreport.parse(SAMPLE).outline()
    result = run("table", "metadata", str(EXAMPLE), "--out", str(EXAMPLE))
    assert result.returncode == 2
    assert b"is one of the inputs" in result.stderr


def test_batch_lines_without_text(tmp_path: Path) -> None:
    """--no-text leaves the text out; the spans stay offsets into the file's text, and every
    line validates against the batch-line schema."""
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "lines.jsonl"
    result = run("batch", str(EXAMPLE), "--out", str(out), "--no-text")
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert "text" not in line
    assert (line["source"], line["status"]) == (str(EXAMPLE), "ok")
    jsonschema.validate(line, govreport.schema.load_schema(batch=True))
    target = line["targets"][0]
    assert SAMPLE[target["span"]["start"]:target["span"]["end"]] == target["text"]


def test_batch_lines_load_in_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    out = tmp_path / "lines.jsonl"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run("batch", str(EXAMPLE), str(bad), "--out", str(out), "--no-text")
    rows = duckdb.sql(f"select source, status from read_json_auto('{out}') order by status"
                      ).fetchall()
    assert rows == [(str(bad), "error"), (str(EXAMPLE), "ok")]


def test_to_csv_is_what_the_command_writes(report: govreport.Report) -> None:
    rows = tables.rows("targets", report)
    text = tables.to_csv(tables.COLUMNS["targets"], rows)
    result = run("targets", str(EXAMPLE))
    assert result.stdout.decode("utf-8") == text
    assert io.StringIO(text).readline().strip().split(",") == list(tables.COLUMNS["targets"])


def test_standard_input_holding_a_page_is_read_as_html() -> None:
    page = "<!DOCTYPE html><html><body>" + "".join(
        f"<p>{line}</p>" for line in SAMPLE.splitlines()) + "</body></html>"
    result = run("table", "targets", "-", "--format", "json", stdin=page.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["low"] == 5.5
    text = govreport.html.html_to_text(page)
    assert text[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]


def test_a_bad_standard_input_is_one_failed_line_of_a_batch() -> None:
    result = run("batch", "-", str(EXAMPLE), "--out", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert result.returncode == 1
    lines = [json.loads(x) for x in result.stdout.decode("utf-8").splitlines()]
    assert [(x["source"], x["status"]) for x in lines] == [("<stdin>", "error"),
                                                           (str(EXAMPLE), "ok")]
    assert lines[0]["error_type"] == "UnsupportedFormat"
