"""The command line: every subcommand and format through a real subprocess (``python -m
govreport`` and the ``govreport`` console script), finer points in-process through ``main()``,
and the two renderers behind ``parse``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import govreport
from govreport import Diagnostic, Report, Severity, Span, Subsection
from govreport.cli import TARGET_COLUMNS, main
from govreport.panel import PANEL_COLUMNS
from govreport.render import markdown, outline
from govreport.schema import load_schema
from govreport.tables import target_rows

from .conftest import REPO
from .reports import EXAMPLE, full_report

SAMPLE = EXAMPLE.read_text(encoding="utf-8")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
UNDECODABLE = b"abc" + b"\xff\xfe\xfa" + "正文".encode()
#: a report's annual-plan heading with its numeral lost: an inferred_ordinal warning
DAMAGED = SAMPLE.replace("二、2026年工作安排", "2026年工作安排")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m govreport ARGS`` in a subprocess, from the repository root (stdout and
    stderr captured, so neither is a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "govreport", *args], input=stdin, capture_output=True, text=True,
        encoding="utf-8", cwd=REPO, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120, check=False,
    )


def assert_one_line_error(stderr: str, *needles: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


@pytest.fixture
def damaged_file(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.txt"
    path.write_bytes(UNDECODABLE)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of inputs: the example, a GBK copy, an HTML page, a page with two reports,
    an undecodable file in a subfolder, and files that are not inputs."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a_sample.txt").write_text(SAMPLE, encoding="utf-8")
    (root / "b_gbk.txt").write_bytes(SAMPLE.encode("gbk"))
    paragraphs = "".join(f"<p>{line}</p>\n" for line in SAMPLE.splitlines())
    (root / "c_page.html").write_text(
        f"<html><head><title>t</title><script>var x = '<p>no</p>';</script></head>"
        f"<body><div class='nav'>首页 &gt; 政府工作报告</div>{paragraphs}</body></html>",
        encoding="utf-8")
    (root / "sub" / "d_two_reports.txt").write_text(SAMPLE + "\n" + SAMPLE, encoding="utf-8")
    (root / "sub" / "e_bad.txt").write_bytes(UNDECODABLE)
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    return root


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- entry points


def test_python_dash_m_and_console_script_agree() -> None:
    via_module = run("parse", "examples/sample_report.txt")
    assert via_module.returncode == 0, via_module.stderr
    script = Path(sys.executable).with_name("govreport")
    if not script.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    via_script = subprocess.run([str(script), "parse", "examples/sample_report.txt"],
                                capture_output=True, text=True, cwd=REPO, timeout=120,
                                check=False)
    assert via_script.returncode == 0, via_script.stderr
    assert via_script.stdout == via_module.stdout


@pytest.mark.parametrize("command", [[], ["parse"], ["targets"], ["batch"], ["schema"]])
def test_help_has_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout
    prog = " ".join(["govreport", *command])
    assert f"{prog} " in result.stdout.split("examples:")[1]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"govreport {govreport.__version__}"


@pytest.mark.parametrize("args", [
    [], ["frobnicate"], ["parse"], ["parse", "x.txt", "--format", "yaml"],
    ["targets", "examples/sample_report.txt", "--format", "xml"], ["batch", "examples"],
    ["batch", "examples", "--out", "o.jsonl", "--jobs", "-1"],
    ["batch", "examples", "--out", "o.jsonl", "--jobs", "two"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert main(args) == 2


# --------------------------------------------------------------------------- parse


def test_parse_outline_lists_every_section_with_its_span() -> None:
    result = run("parse", "examples/sample_report.txt")
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout), "no colour when stdout is not a terminal"
    report = govreport.parse_file(EXAMPLE)
    branches = [n for n in report.walk() if isinstance(n, (govreport.Section, Subsection))]
    lines = result.stdout.splitlines()
    assert len(lines) == len(branches) + (1 if report.diagnostics else 0)
    for line, node in zip(lines, branches, strict=False):
        kind = node.kind.value if node.kind else "subsection"
        assert line.strip().startswith(kind), line
        assert line.rstrip().endswith(f"[{node.span.start}:{node.span.end}]"), line
        if node.title:
            assert node.title[:10] in line
        indent = len(line) - len(line.lstrip(" "))
        assert indent == (0 if isinstance(node, govreport.Section) else 2)


def test_parse_outline_marks_diagnostics(damaged_file: Path) -> None:
    result = run("parse", str(damaged_file))
    assert result.returncode == 0, result.stderr
    plan = next(line for line in result.stdout.splitlines() if line.startswith("annual_plan"))
    assert plan.endswith("! inferred_ordinal")
    unmarked = [line for line in result.stdout.splitlines() if line.startswith("review")]
    assert "!" not in unmarked[0]
    assert result.stdout.splitlines()[-1] == "diagnostics: inferred_ordinal×1"


def test_parse_outline_colour_only_on_a_terminal(damaged_file: Path) -> None:
    forced = run("parse", str(damaged_file), "--color", "always")
    assert ANSI.search(forced.stdout)
    assert ANSI.sub("", forced.stdout) == run("parse", str(damaged_file)).stdout
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("needs a pseudo-terminal")
    import pty

    def on_tty(extra_env: dict[str, str]) -> str:
        controller, terminal = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        proc = subprocess.Popen([sys.executable, "-m", "govreport", "parse", str(damaged_file)],
                                stdout=terminal, stderr=subprocess.PIPE, cwd=REPO,
                                env={**env, **extra_env})
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
        os.close(controller)
        return b"".join(chunks).decode("utf-8")

    assert ANSI.search(on_tty({})), "coloured on a terminal"
    assert not ANSI.search(on_tty({"NO_COLOR": "1"})), "NO_COLOR is respected"


def test_parse_json_is_the_report_and_validates() -> None:
    result = run("parse", "examples/sample_report.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1, "one line by default"
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema())
    assert Report.from_dict(data) == govreport.parse_file("examples/sample_report.txt")
    indented = run("parse", "examples/sample_report.txt", "-f", "json", "--indent", "2")
    assert json.loads(indented.stdout) == data
    assert indented.stdout.startswith('{\n  "schema_version"')


def test_parse_markdown_has_headings_and_text() -> None:
    result = run("parse", "examples/sample_report.txt", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout == markdown(govreport.parse_file(EXAMPLE))
    lines = result.stdout.splitlines()
    report = govreport.parse_file(EXAMPLE)
    h2 = [line[3:] for line in lines if line.startswith("## ")]
    assert h2 == [s.heading.text for s in report.sections if s.heading is not None]
    h3 = [line[4:] for line in lines if line.startswith("### ")]
    subs = [n for n in report.walk() if isinstance(n, Subsection)]
    assert h3 == [s.heading.text for s in subs if s.heading is not None]
    assert "一是实施技改提升行动" in result.stdout


def test_parse_reads_stdin() -> None:
    result = run("parse", "-", "--format", "json", stdin=SAMPLE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "<stdin>"
    assert data["text"] == SAMPLE


def test_parse_html(folder: Path) -> None:
    result = run("parse", str(folder / "c_page.html"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = Report.from_dict(json.loads(result.stdout))
    assert "<p>" not in report.text
    assert "var x" not in report.text
    assert report.outline() == govreport.parse_file(EXAMPLE).outline()


def test_parse_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "nope.txt")


def test_parse_undecodable_file_is_one_line(bad_file: Path) -> None:
    result = run("parse", str(bad_file))
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr, str(bad_file), "DecodeError", "byte offset 3")


def test_debug_shows_the_traceback(bad_file: Path) -> None:
    result = run("parse", str(bad_file), "--debug")
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert "DecodeError" in result.stderr


def test_fail_on_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE), "--fail-on-error"]) == 0
    real = govreport.batch.parse

    def with_error(text: str | bytes, *, source: str | None = None) -> Report:
        report = real(text, source=source)
        error = Diagnostic(code="outline_error", message="m", span=Span(0, 1),
                           severity=Severity.ERROR)
        return attrs.evolve(report, diagnostics=(*report.diagnostics, error))

    monkeypatch.setattr(govreport.batch, "parse", with_error)  # parse FILE reads through it
    assert main(["parse", str(EXAMPLE)]) == 0
    assert main(["parse", str(EXAMPLE), "--fail-on-error"]) == 1
    assert "!! outline_error" in capsys.readouterr().out


# --------------------------------------------------------------------------- targets


def _patch_reports(monkeypatch: pytest.MonkeyPatch, report: Report) -> None:
    """Every file parses to ``report`` (independent of the extraction in the pipeline)."""
    def fake(path: Any, *, many: bool = True, max_bytes: int | None = None) -> list[Report]:
        return [attrs.evolve(report, source=os.fspath(path))]

    monkeypatch.setattr(govreport.batch, "parse_path", fake)


def test_targets_csv_rows_from_a_hand_built_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = full_report()
    _patch_reports(monkeypatch, report)
    assert main(["targets", str(EXAMPLE), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == TARGET_COLUMNS
    assert len(rows) == 1 + len(report.targets)
    gdp, redacted = (dict(zip(TARGET_COLUMNS, row, strict=True)) for row in rows[1:])
    target = report.targets[0]
    assert gdp == {
        "file": str(EXAMPLE), "report": "0", "region": "某县", "year": "2026", "key": "gdp",
        "indicator": target.indicator, "low": "6", "high": "6", "unit": "%",
        "qualifier": "左右", "measure": "growth", "scope": "annual", "horizon": "2026",
        "plan_year": "2026", "stretch": "", "status": "found", "text": target.text,
        "redacted": "false", "start": str(target.span.start), "end": str(target.span.end),
    }
    assert report.text[int(gdp["start"]) : int(gdp["end"])] == gdp["text"]
    assert (redacted["low"], redacted["high"], redacted["redacted"]) == ("", "", "true")


def test_targets_json_rows_from_a_hand_built_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = attrs.evolve(full_report(), offset=100)
    _patch_reports(monkeypatch, report)
    assert main(["targets", str(EXAMPLE), str(EXAMPLE), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 * len(report.targets)
    assert list(rows[0]) == list(TARGET_COLUMNS)
    assert rows[0]["low"] == 6.0
    assert rows[1]["low"] is None
    assert rows[0]["start"] == 100 + report.targets[0].span.start, "offsets are in the page"


def test_targets_for_a_key_mark_reports_without_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = full_report()
    _patch_reports(monkeypatch, report)
    assert main(["targets", str(EXAMPLE), "--key", "gdp", "--key", "cpi", "--format",
                 "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["key"], r["status"], r["low"]) for r in rows] == [
        ("gdp", "found", 6.0), ("cpi", "not_found", None)]
    assert rows[1]["start"] is None
    assert rows[1]["plan_year"] == 2026


def test_annual_targets_are_one_row_per_report_and_key() -> None:
    report = full_report()
    level = attrs.evolve(report.targets[0], low=240.0, high=240.0, unit="亿元", measure="level")
    absent = attrs.evolve(report.targets[0], low=None, high=None, unit="", absent=True)
    with_level = attrs.evolve(report, targets=[level, *report.targets])
    assert [(r["key"], r["low"], r["measure"]) for r in target_rows(with_level, annual=True)] == [
        ("gdp", 6.0, "growth"), ("public_budget_revenue", None, "growth")]
    only_absent = attrs.evolve(report, targets=[absent])
    assert [(r["status"], r["low"]) for r in target_rows(only_absent, keys=["gdp"],
                                                          annual=True)] == [("absent", None)]
    none = attrs.evolve(report, targets=[level])
    assert [r["status"] for r in target_rows(none, keys=["gdp"], annual=True)] == ["not_found"]


def test_target_rows_fall_back_to_the_plan_year() -> None:
    report = full_report()
    undated = attrs.evolve(report, targets=[attrs.evolve(report.targets[0], horizon=None)],
                           metadata=attrs.evolve(report.metadata, plan_year=2031))
    assert [row["year"] for row in target_rows(undated)] == [2031]
    assert [row["file"] for row in target_rows(undated)] == ["hand-built.txt"]


def test_targets_of_the_sample_report_include_gdp() -> None:
    result = run("targets", "examples/sample_report.txt")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    gdp = [row for row in rows if row["key"] == "gdp"]
    assert len(gdp) == 1
    assert gdp[0]["file"] == "examples/sample_report.txt"
    assert SAMPLE[int(gdp[0]["start"]) : int(gdp[0]["end"])] == gdp[0]["text"]
    assert float(gdp[0]["low"]) > 0


def test_targets_keep_going_after_a_bad_file(bad_file: Path) -> None:
    good = bad_file.with_name("good.txt")
    good.write_text(SAMPLE, encoding="utf-8")
    result = run("targets", str(bad_file), str(good), "--format", "json")
    assert result.returncode == 1
    assert_one_line_error(result.stderr, str(bad_file), "DecodeError")
    rows = json.loads(result.stdout)
    assert all(row["file"] == str(good) for row in rows)
    assert len(rows) == len(govreport.parse_file(good).targets)


def test_targets_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("targets", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "nope.txt")


# --------------------------------------------------------------------------- panel


def _panel_files(folder: Path) -> tuple[Path, Path]:
    """Two generated reports of one county (our own wording): 2022 (target 6%以上) and 2023
    (the review states 2022's growth, 6.4%; target 5.5%左右)."""
    from .test_panel import Place, Year, render

    place = Place("清河县", "县", "全县", ("清河县",))
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / "qinghe_2022.txt", folder / "qinghe_2023.txt"
    first.write_text(render(place, Year(2022, "floor", 6.0, 6.0, "-", "", 5.1, 88.2, None,
                                        None, "清河县")), encoding="utf-8")
    second.write_text(render(place, Year(2023, "about", 5.5, 5.5, "-", "", 6.4, 93.6, 7.2,
                                         None, "清河县")), encoding="utf-8")
    return first, second


def test_panel_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _panel_files(tmp_path / "in")
    assert main(["panel", str(tmp_path / "in"), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == PANEL_COLUMNS
    row_2022, row_2023 = (dict(zip(PANEL_COLUMNS, row, strict=True)) for row in rows[1:])
    assert row_2022 == {
        "region": "清河县", "region_name": "清河县", "region_level": "county", "year": "2022",
        "key": "gdp", "target_status": "found", "target_low": "6", "target_high": "6",
        "target_qualifier": "以上", "target_unit": "%", "target_stretch": "",
        "target_redacted": "false", "target_text": "地区生产总值增长6%以上",
        "target_file": str(first), "target_start": row_2022["target_start"],
        "target_end": row_2022["target_end"], "outcome_status": "found", "outcome": "6.4",
        "outcome_text": "地区生产总值完成93.6亿元，同比增长6.4%", "outcome_file": str(second),
        "outcome_start": row_2022["outcome_start"], "outcome_end": row_2022["outcome_end"],
        "reference": "6", "gap": "0.4", "met": "true",
    }
    text_2022, text_2023 = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    assert text_2022[int(row_2022["target_start"]):int(row_2022["target_end"])] == \
        "地区生产总值增长6%以上"
    assert text_2023[int(row_2022["outcome_start"]):int(row_2022["outcome_end"])] == \
        row_2022["outcome_text"]
    assert (row_2023["year"], row_2023["target_qualifier"], row_2023["outcome_status"]) == (
        "2023", "左右", "no_report")
    assert (row_2023["outcome"], row_2023["outcome_file"], row_2023["gap"], row_2023["met"]) == (
        "", "", "", "")


def test_panel_json_keys_and_out_file(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    _panel_files(tmp_path / "in")
    out = tmp_path / "panel.json"
    assert main(["panel", str(tmp_path / "in"), "--format", "json", "--key", "gdp", "--key",
                 "public_budget_revenue", "--key", "gdp", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["year"], r["key"]) for r in rows] == [
        (2022, "gdp"), (2022, "public_budget_revenue"), (2023, "gdp"),
        (2023, "public_budget_revenue")]
    assert list(rows[0]) == list(PANEL_COLUMNS)
    assert (rows[0]["outcome"], rows[0]["gap"], rows[0]["met"]) == (6.4, 0.4, True)
    assert (rows[1]["target_low"], rows[1]["outcome_status"]) == (5.0, "not_found")
    assert rows[1]["outcome_file"] == str(tmp_path / "in" / "qinghe_2023.txt")
    assert (rows[2]["outcome_status"], rows[2]["outcome"]) == ("no_report", None)


def test_panel_pages_warnings_and_failed_files(tmp_path: Path, bad_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _panel_files(tmp_path / "in")
    page = tmp_path / "page.txt"  # both reports on one page: each gives its report
    page.write_text(first.read_text(encoding="utf-8") + "\n" + second.read_text(encoding="utf-8"),
                    encoding="utf-8")
    nameless = tmp_path / "nameless.txt"
    nameless.write_text(SAMPLE.replace("青川市", ""), encoding="utf-8")
    assert govreport.parse_file(nameless).metadata.region is None
    assert main(["panel", str(bad_file), str(page), str(nameless), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    rows = json.loads(out)
    assert [(r["year"], r["outcome_status"], r["outcome"]) for r in rows] == [
        (2022, "found", 6.4), (2023, "no_report", None)]
    text = page.read_text(encoding="utf-8")
    assert text[rows[0]["outcome_start"]:rows[0]["outcome_end"]] == rows[0]["outcome_text"]
    assert rows[0]["outcome_start"] > len(first.read_text(encoding="utf-8")), "page offsets"
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert str(bad_file) in lines[0]
    assert "DecodeError" in lines[0]
    assert str(nameless) in lines[1]
    assert "region is unknown" in lines[1]


def test_panel_csv_neutralises_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = _panel_files(tmp_path)
    first.rename(tmp_path / "=HYPERLINK(1).txt")
    monkeypatch.chdir(tmp_path)
    assert main(["panel", "=HYPERLINK(1).txt", "qinghe_2023.txt"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["target_file"] == "'=HYPERLINK(1).txt"
    assert main(["panel", "=HYPERLINK(1).txt", "qinghe_2023.txt", "--raw-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["target_file"] == "=HYPERLINK(1).txt"


def test_panel_negative_gap_is_a_number_not_a_formula(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from .test_panel import Place, Year, render

    place = Place("青川市", "市", "全市", ("青川市",))
    for year, outcome in ((2020, None), (2021, 5.8)):
        (tmp_path / f"{year}.txt").write_text(
            render(place, Year(year, "about", 6.5, 6.5, "-", "", outcome, 10.0, None, None,
                               "青川市")), encoding="utf-8")
    assert main(["panel", str(tmp_path)]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (row["region"], row["gap"], row["met"]) == ("青川", "-0.7", "false")


def test_panel_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _panel_files(tmp_path / "in")
    assert main(["panel", str(first), "--out", str(first)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert main(["panel", str(first), "--out", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["panel", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err
    assert main(["panel", str(first), "--key", "nonsense"]) == 2


# --------------------------------------------------------------------------- batch


def test_batch_over_a_folder_with_an_undecodable_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = run("batch", str(folder), "--out", str(out))
    assert result.returncode == 1, "one file failed"
    lines = read_jsonl(out)
    errors = [line for line in lines if line["status"] == "error"]
    assert errors == [{"source": str(folder / "sub" / "e_bad.txt"), "status": "error",
                       "error": errors[0]["error"], "error_type": "DecodeError"}]
    assert "byte offset 3" in errors[0]["error"]
    assert all(line["status"] == "ok" for line in lines if "error" not in line)
    reports = [Report.from_dict(line) for line in lines if "error" not in line]
    sources = [r.source for r in reports]
    expected_files = ["a_sample.txt", "b_gbk.txt", "c_page.html", "sub/d_two_reports.txt",
                      "sub/d_two_reports.txt"]
    assert sources == [str(folder / name) for name in expected_files], "input order"
    validator = jsonschema.Draft202012Validator(load_schema(batch=True))
    for line in lines:  # reports and the failed file alike
        validator.validate(line)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**errors[0], "status": "ok"})
    sample_outline = govreport.parse_file(EXAMPLE).outline()
    assert all(r.outline() == sample_outline for r in reports)
    two = [r for r in reports if r.source and r.source.endswith("d_two_reports.txt")]
    assert [r.offset for r in two] == [0, len(SAMPLE) + 1]
    summary = result.stderr.strip().splitlines()
    assert summary[-1].startswith("govreport batch: 5 files, 5 reports, 1 failed")
    assert any("e_bad.txt" in line and "DecodeError" in line for line in summary[:-1])
    assert "\x1b[K" not in result.stderr, "no progress bar when stderr is not a terminal"
    assert "Traceback" not in result.stderr


def test_batch_jobs_2_gives_the_same_lines_as_jobs_1(folder: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        result = run("batch", str(folder), "--out", str(out), "--jobs", jobs)
        assert result.returncode == 1
        outputs.append(out.read_text(encoding="utf-8").splitlines())
    assert len(outputs[0]) == 6
    assert sorted(outputs[0]) == sorted(outputs[1])
    assert outputs[0] == outputs[1], "and in the same (input) order"


def test_batch_all_good_exits_0_and_can_write_stdout(folder: Path) -> None:
    result = run("batch", str(folder / "a_sample.txt"), str(folder / "c_page.html"),
                 "--out", "-")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(folder / "a_sample.txt"),
                                                  str(folder / "c_page.html")]
    assert "2 files, 2 reports, 0 failed" in result.stderr


def test_batch_to_a_text_stdout_without_a_byte_buffer(folder: Path) -> None:
    """In-process, with ``sys.stdout`` replaced by a StringIO (no ``.buffer``): the JSON lines
    are decoded onto it whole."""
    from contextlib import redirect_stderr, redirect_stdout

    from govreport.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["batch", str(folder / "a_sample.txt"), str(folder / "b_gbk.txt"),
                     "--out", "-", "--progress", "never"])
    assert code == 0, err.getvalue()
    reports = [Report.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert [r.source for r in reports] == [str(folder / "a_sample.txt"),
                                           str(folder / "b_gbk.txt")]
    assert reports[0].text == SAMPLE


def test_batch_progress_bar_when_asked(folder: Path, tmp_path: Path) -> None:
    result = run("batch", str(folder), "--out", str(tmp_path / "o.jsonl"),
                 "--progress", "always")
    assert "\x1b[K[" in result.stderr  # (text mode turns the bar's \r into \n)
    assert "] 5/5" in result.stderr
    assert "1 failed" in result.stderr


@pytest.mark.parametrize("case", ["missing input", "empty folder", "out is a folder"])
def test_batch_usage_errors(case: str, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    args = {
        "missing input": [str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl")],
        "empty folder": [str(tmp_path / "empty"), "--out", str(tmp_path / "o.jsonl")],
        "out is a folder": [str(EXAMPLE), "--out", str(tmp_path)],
    }[case]
    result = run("batch", *args)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "govreport batch: error")
    assert not (tmp_path / "o.jsonl").exists()


# --------------------------------------------------------------------------- schema


def test_schema_command() -> None:
    printed = run("schema")
    assert printed.returncode == 0
    assert json.loads(printed.stdout) == load_schema()
    path = run("schema", "--path")
    assert Path(path.stdout.strip()) == govreport.schema_path()


# --------------------------------------------------------------------------- renderers


def test_outline_colour_does_not_change_the_text() -> None:
    report = govreport.parse(DAMAGED)
    plain = outline(report)
    coloured = outline(report, color=True)
    assert coloured != plain
    assert ANSI.sub("", coloured) == plain


def test_outline_shortens_long_titles_and_aligns_spans() -> None:
    long_title = "加快建设现代化产业体系" * 4
    report = govreport.parse(SAMPLE.replace("产业结构持续优化", long_title))
    text = outline(report, width=20)
    line = next(line for line in text.splitlines() if "加快建设" in line)
    assert long_title[:19] + "…" in line
    assert long_title[:21] not in line
    # spans start in the same terminal column on every line
    columns = {_cells(line[: line.rindex("[")]) for line in text.splitlines() if "[" in line}
    assert len(columns) == 1


def _cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_outline_puts_a_diagnostic_on_the_deepest_node() -> None:
    report = govreport.parse(SAMPLE)
    sub = next(n for n in report.walk() if isinstance(n, Subsection) and n.ordinal == 2)
    inside = Span(sub.span.start + 20, sub.span.start + 25)
    flagged = attrs.evolve(report, diagnostics=[
        Diagnostic(code="suspected_spam", message="m", span=inside),
        Diagnostic(code="fragment", message="m", span=inside, severity=Severity.INFO),
    ])
    lines = outline(flagged).splitlines()
    marked = [line for line in lines if "!" in line]
    assert len(marked) == 1
    assert marked[0].lstrip().startswith("subsection 2")
    assert marked[0].endswith("! suspected_spam")
    assert lines[-1] == "diagnostics: fragment×1, suspected_spam×1"


def test_markdown_escapes_text_that_would_become_markup() -> None:
    text = SAMPLE.replace("新材料产业园二期建成投产", "1.新材料*产业园*二期[建成]投产")
    rendered = markdown(govreport.parse(text))
    assert "1\\.新材料\\*产业园\\*二期\\[建成\\]投产" in rendered
    assert "\n1." not in rendered.split("## 名词解释")[0]


def test_markdown_of_a_hand_built_report() -> None:
    rendered = markdown(full_report())
    assert rendered.startswith("# 2026年某县政府工作报告\n\n## 一、2025年工作回顾\n")
    assert "### （一）经济平稳。" in rendered
    assert "1. **专精特新**：" in rendered
    assert "来源" not in rendered, "boilerplate is left out"
    assert rendered.count("2026年某县政府工作报告") == 1


# --------------------------------------------------------------------------- issue 14, 13 and 17


def test_batch_refuses_an_out_that_is_an_input(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    result = run("batch", str(source), "--out", str(source))
    assert result.returncode == 2
    assert "is one of the inputs" in result.stderr
    assert source.read_text(encoding="utf-8") == SAMPLE  # not truncated


def test_batch_skips_its_own_output_inside_an_input_folder(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "results.txt"  # a results file left in the input folder by a run
    for _ in range(2):
        result = run("batch", str(tmp_path), "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert "1 files, 1 reports" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    # written under a temporary name and renamed into place: nothing else is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt", "results.txt"]


def test_batch_max_bytes_refuses_a_larger_file(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("batch", str(source), "--out", str(out), "--max-bytes", "100")
    assert result.returncode == 1
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["error_type"] == "InputRefused"
    assert "max_bytes=100" in line["error"]


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"),
                    reason="needs signal.setitimer (POSIX)")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_timeout_records_the_file_as_failed(tmp_path: Path, jobs: str) -> None:
    """Issue 14, item 13: a file that takes longer than --timeout is that file's error line
    (ParseTimeout) and the batch goes on to the next file."""
    big, small = tmp_path / "a_big.txt", tmp_path / "b_small.txt"
    big.write_text(SAMPLE * 400, encoding="utf-8")
    small.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("batch", str(big), "--out", str(out), "--timeout", "0.01", "--jobs", jobs)
    assert result.returncode == 1
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["error_type"] == "ParseTimeout"
    assert "time limit of 0.01 s" in line["error"]
    result = run("batch", str(big), str(small), "--out", str(out), "--timeout", "600",
                 "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    sources = [json.loads(x)["source"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert sources[-1] == str(small)  # the big file is a page of many reports
    assert set(sources[:-1]) == {str(big)}


@pytest.mark.parametrize("value", ["0", "-2", "soon", "inf"])
def test_batch_timeout_must_be_seconds_above_0(tmp_path: Path, value: str) -> None:
    result = run("batch", str(EXAMPLE), "--out", str(tmp_path / "o.jsonl"), "--timeout", value)
    assert result.returncode == 2
    assert "--timeout" in result.stderr


# --------------------------------------------------------------------------- issue 14, 20 and 21


def test_targets_csv_neutralises_formulas(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "=HYPERLINK(1).txt").write_text(SAMPLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the file column holds the name as given: a formula
    assert main(["targets", "=HYPERLINK(1).txt"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    assert {row["file"] for row in rows} == {"'=HYPERLINK(1).txt"}
    assert main(["targets", "=HYPERLINK(1).txt", "--raw-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["file"] for row in rows} == {"=HYPERLINK(1).txt"}


def test_a_formula_file_name_gets_a_quote() -> None:
    from govreport.tables import csv_cell as _csv_cell

    assert _csv_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert _csv_cell("-1") == "'-1"  # text; a number stays a number
    assert _csv_cell(-1.5) == "-1.5"
    assert _csv_cell("=x", raw=True) == "=x"


def test_terminal_escapes_in_the_text_are_shown_not_run(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("一、2025年工作回顾\x1b[2J\x1b]0;owned\x07\u202e\n过去一年。\n",
                      encoding="utf-8")
    for fmt in ("outline", "markdown"):
        result = run("parse", str(source), "--format", fmt, "--color", "never")
        assert "\x1b" not in result.stdout
        assert "\u202e" not in result.stdout
        assert "\\x1b" in result.stdout


def test_terminal_escapes_in_a_file_name_are_shown_not_run(tmp_path: Path) -> None:
    source = tmp_path / "bad\x1b]0;owned\x07.txt"
    source.write_bytes(b"\xff\xfe\xfa")  # undecodable: its name goes to stderr
    result = run("batch", str(source), "--out", str(tmp_path / "o.jsonl"), "--progress", "always")
    assert result.returncode == 1
    assert "\x1b]" not in result.stderr
    assert "\\x1b]0;owned\\x07" in result.stderr


def test_batch_names_an_out_it_cannot_write(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "out.jsonl"
    result = run("batch", str(EXAMPLE), "--out", str(out))
    assert result.returncode == 2
    assert f"cannot write --out {out}" in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes: Linux")
def test_batch_writes_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    # (issue 14, item 12) the whole batch stopped with UnicodeEncodeError, 0 lines written
    folder = os.fsencode(tmp_path)
    bad, good = folder + b"/bad\xff.txt", folder + b"/good\xfe.txt"
    with open(bad, "wb") as f:
        f.write(b"\xff\xfe\xfa")  # undecodable as well
    with open(good, "wb") as f:
        f.write(SAMPLE.encode())
    out = tmp_path / "out.jsonl"
    result = run("batch", str(tmp_path), "--out", str(out))
    assert result.returncode == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    names = {os.fsencode(line.get("file") or line["source"]) for line in lines}
    assert names == {bad, good}  # written losslessly: os.fsencode gives the bytes back


def test_parse_file_and_batch_keep_the_mixed_encoding_warning(tmp_path: Path) -> None:
    # (issue 14, item 19) parse(bytes) reported mixed_encoding; parse FILE and batch did not
    from .test_hostile import MIXED_PARTS

    source = tmp_path / "mixed.txt"
    source.write_bytes(b"".join(text.encode(encoding) for text, encoding in MIXED_PARTS))
    result = run("parse", str(source), "--format", "json")
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert "mixed_encoding" in codes
    out = tmp_path / "out.jsonl"
    assert run("batch", str(source), "--out", str(out)).returncode == 0
    line = json.loads(out.read_text(encoding="utf-8"))
    assert "mixed_encoding" in [d["code"] for d in line["diagnostics"]]
    (report,) = [r for _, r in govreport.parse_files([source])]
    assert isinstance(report, Report)
    assert report == govreport.parse(source.read_bytes(), source=str(source))


def test_a_closed_standard_output_is_an_error_not_a_traceback() -> None:
    result = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m govreport parse "{EXAMPLE}" >&-'],
        capture_output=False, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=120,
        check=False)
    assert result.returncode == 2
    assert "standard output is closed" in result.stderr
    assert "Traceback" not in result.stderr
    assert "AttributeError" not in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the worker processes")
def test_sigterm_to_batch_stops_its_workers(tmp_path: Path) -> None:
    # (issue 14, item 14) SIGTERM to the main process left the workers running for ever
    import signal
    import time

    for k in range(400):
        (tmp_path / f"r{k:03d}.txt").write_text(SAMPLE, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "govreport", "batch", str(tmp_path), "--out",
         str(tmp_path / "out.jsonl"), "--jobs", "2", "--progress", "never"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        workers |= {int(p) for p in children.read_text().split()} if children.exists() else set()
        time.sleep(0.02)
    assert workers, "the batch started no worker processes"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    assert process.returncode != 0
    deadline = time.monotonic() + 10
    alive = set(workers)
    while alive and time.monotonic() < deadline:
        alive = {pid for pid in alive if Path(f"/proc/{pid}").exists()
                 and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()}
        time.sleep(0.05)
    assert not alive, f"workers still running after SIGTERM: {sorted(alive)}"


def test_the_outline_fits_a_terminal_width() -> None:
    """Long titles are shortened to what a terminal of ``columns`` leaves after the kind,
    ordinal and span (a Han character takes two columns); without ``columns`` (piped) the
    layout does not depend on a terminal."""
    from govreport.render import _cells, outline

    report = full_report()
    long = attrs.evolve(report.sections[1], title="推动经济高质量发展" * 8)
    wide = attrs.evolve(report, sections=[report.sections[0], long, *report.sections[2:]])
    for columns in (60, 80, 120):
        lines = outline(wide, columns=columns).splitlines()
        assert all(_cells(line) <= columns for line in lines if "!" not in line
                   and not line.startswith("diagnostics:")), columns
        assert any("…" in line for line in lines)
    piped = outline(wide)
    assert piped == outline(wide, width=36)
    assert max(_cells(line) for line in piped.splitlines()) > 80
