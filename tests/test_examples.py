"""The scripts in examples/ run (as CI runs them) and print what their docstrings promise."""

from __future__ import annotations

import ast
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govreport
from govreport import Report, tables
from govreport.render import outline

from .conftest import REPO
from .reports import EXAMPLE

EXAMPLES = REPO / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def run(script: str, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True,
        encoding="utf-8", cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120, check=False,
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_example_has_a_titled_docstring(script: Path) -> None:
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")))
    assert doc, f"{script.name} has no docstring"
    title, _, rest = doc.partition("\n")
    assert title.endswith("."), title
    assert "Usage:" in rest


def test_the_three_examples_exist() -> None:
    assert {p.name for p in SCRIPTS} >= {"parse_report.py", "targets_to_csv.py",
                                         "batch_folder.py"}


def test_parse_report_prints_the_outline(tmp_path: Path) -> None:
    result = run("parse_report.py", cwd=tmp_path)  # default input, from any directory
    assert result.returncode == 0, result.stderr
    report = govreport.parse_file(EXAMPLE)
    assert result.stdout.startswith(outline(report) + "\n")
    assert "annual plan: '2026年工作安排'" in result.stdout


def test_targets_to_csv_writes_one_row_per_target(tmp_path: Path) -> None:
    out = tmp_path / "targets.csv"
    result = run("targets_to_csv.py", str(EXAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    report = govreport.parse_file(EXAMPLE)
    assert len(rows) == len(report.targets)
    for row, target in zip(rows, report.targets, strict=True):
        assert row["key"] == target.key
        assert report.text[int(row["start"]) : int(row["end"])] == row["text"] == target.text
    default = run("targets_to_csv.py")
    assert default.returncode == 0, default.stderr
    assert default.stdout.splitlines()[0] == ",".join(tables.COLUMNS["targets"])
    cli = subprocess.run([sys.executable, "-m", "govreport", "targets", str(EXAMPLE)],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    assert out.read_text(encoding="utf-8") == cli.stdout, "the example writes what the CLI does"


def test_batch_folder_writes_json_lines(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"abc\xff\xfe\xfa")
    out = tmp_path / "results.jsonl"
    result = run("batch_folder.py", str(folder), "--out", str(out), "--jobs", "2")
    assert result.returncode == 1, "one file failed"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["file"] == str(folder / "broken.txt")
    assert "byte offset 3" in lines[0]["error"]
    assert Report.from_dict(lines[1]) == govreport.parse_file(folder / "one.txt")
    assert result.stderr.strip() == "1 reports; files failed: 1"
    default = run("batch_folder.py")  # the examples folder: the sample report
    assert default.returncode == 0, default.stderr
    assert len(default.stdout.splitlines()) == 1
