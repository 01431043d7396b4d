"""The ``govreport`` command line (also ``python -m govreport``).

Subcommands: ``parse`` (one file → outline, JSON or Markdown), ``targets`` (expected targets of
many files → CSV or JSON), ``panel`` (targets beside the outcomes the next year's reports state →
CSV or JSON), ``batch`` (files and folders → JSON Lines, in parallel) and ``schema`` (the JSON
Schema of the output). Exit codes: 0 success, 1 some input failed (or, with
``parse --fail-on-error``, error-level diagnostics), 2 usage errors. Errors are one line on
stderr; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import IO, Any, NoReturn

from . import __version__, tables
from .batch import (
    INPUT_SUFFIXES,
    MAX_BYTES,
    chunk_for,
    error_message,
    iter_input_files,
    ordered_map,
    parse_bytes,
    parse_files,
    parse_path,
    resolve_jobs,
)
from .errors import GovReportError
from .models import Report, Severity
from .panel import PANEL_COLUMNS, Skipped, panel
from .quantities import INDICATOR_KEYS
from .render import markdown, outline, printable
from .schema import schema_path

# ``escape_json`` is imported where JSON is written: its module brings cattrs (~13 ms), which
# ``govreport parse`` (an outline) and ``--help`` do without

__all__ = ["TARGET_COLUMNS", "main"]

PROG = "govreport"
#: the source name of standard input (``-``)
STDIN = "<stdin>"

#: columns of ``govreport targets`` (CSV header and JSON keys), in order
TARGET_COLUMNS = tables.COLUMNS["targets"]



class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


# --------------------------------------------------------------------------- parser

_MAIN_EPILOG = """\
examples:
  govreport parse examples/sample_report.txt
  govreport targets reports/*.txt --format csv > targets.csv
  govreport panel reports/ --out panel.csv
  govreport batch reports/ --out results.jsonl --jobs 4

exit codes: 0 ok, 1 some input failed, 2 usage error.
"""

_PARSE_EPILOG = """\
examples:
  govreport parse report.txt                    # indented outline
  govreport parse report.txt --format json | jq '.sections[].kind'
  govreport parse page.html --format markdown > report.md
  cat report.txt | govreport parse -

Spans are [start:end] character offsets into the decoded text (for .html files, into the text
left after stripping tags).
"""

_TARGETS_EPILOG = f"""\
examples:
  govreport targets 2025/*.txt > targets.csv
  govreport targets reports/ --format json

  govreport targets reports/ --key gdp --annual   # a GDP panel: one row per report

columns: {", ".join(TARGET_COLUMNS)}
(year is the target's horizon, else the report's plan year; measure is growth, increase, level,
rate or share; scope annual or five_year; status found, absent or not_found; start/end are
character offsets of the evidence in the file's decoded text). A page holding several reports
gives rows for each.
"""

_PANEL_EPILOG = f"""\
examples:
  govreport panel reports/ > gdp_panel.csv          # GDP growth: target of t, outcome from t+1
  govreport panel 2020/ 2021/ 2022/ --key gdp --key cpi --format json --out panel.json

columns: {", ".join(PANEL_COLUMNS)}
One row per region, plan year and key: the annual growth target of year t's report
(target_status found, absent or not_found) and the growth for year t that year t+1's review
states (outcome_status found, not_found, or no_report when no report of the region for t+1 is
among the inputs). region is the matching key (新疆维吾尔自治区 = 新疆, 朔州市 = 朔州; 朝阳区
and 朝阳县 differ). reference is the target's low bound (以上), high bound (以内), midpoint
(区间) or value (左右, none); gap = outcome - reference; met: 以上 outcome >= low, 以内
outcome <= high, 区间 low <= outcome <= high, 左右 and none outcome >= value (<= for cpi and a
target written as a decrease). Growth targets only: a rate such as the unemployment rate is a
level and gives not_found. start/end are character offsets of the
evidence in the file's decoded text. A report whose region or plan year is unknown, or a
second one of the same region and year, gives no row and a warning on stderr. Exit code 1 if
any file failed. See docs/panel.md.
"""

_TABLE_FORMATS = ("csv", "json", "jsonl", "parquet")
_FILES_HELP = ("report files (.txt, .html, .docx, .pdf) or directories; - reads standard "
               "input")

_TABLE_EPILOG = """\
examples:
  govreport table sections reports/ --out sections.csv --excel    # opens in Excel as UTF-8
  govreport table targets reports/ --key gdp --annual --format parquet --out gdp.parquet
  govreport table metadata reports/ --format jsonl --jobs 0 | duckdb -c "..."
  cat page.html | govreport table targets -

tables and their columns:
""" + "\n".join(f"  {name}: {', '.join(cols)}" for name, cols in tables.COLUMNS.items()) + """

Offsets (start/end) are character offsets into the text govreport read from the file; report
counts the reports of the input from 0 (a page holding several reports gives one each).
"""

_BATCH_EPILOG = f"""\
examples:
  govreport batch reports/ --out results.jsonl
  govreport batch a.txt b.html pages/ --out - --jobs 0 | wc -l
  govreport batch scraped/ --out results.jsonl --jobs 0 --timeout 60

Directories are searched recursively for {", ".join(f"*{s}" for s in INPUT_SUFFIXES)}. Each
output line is one report (Report.to_dict() with "source" set to the file and "status": "ok";
a page holding several reports gives one line each) or {{"source": ..., "status": "error",
"error": ..., "error_type": ...}} for a file that failed: every line has "source" and "status"
(`govreport schema --batch` describes both kinds). Lines follow the input order. Exit code 1
if any file failed.
"""

_SCHEMA_EPILOG = """\
examples:
  govreport schema > report.schema.json
  check-jsonschema --schemafile "$(govreport schema --path)" report.json
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Usage errors: the usage line, then one ``prog: error: message`` line, exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``govreport`` (exposed for documentation tools)."""
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show a full traceback on errors")
    common.add_argument("--max-bytes", type=_non_negative, default=MAX_BYTES, metavar="N",
                        help=f"read no file larger than N bytes (default {MAX_BYTES:,d}; "
                             "0: no limit); only regular files are read")

    out = _Parser(add_help=False)
    out.add_argument("--out", "-o", metavar="FILE", default="-",
                     help="write to FILE (default -: standard output, always UTF-8); the file "
                          "is written under a temporary name and renamed into place")
    tab = _Parser(add_help=False)
    tab.add_argument("--excel", action="store_true",
                     help="CSV with a byte-order mark, so that Excel reads it as UTF-8")
    tab.add_argument("--raw-csv", action="store_true",
                     help="write text cells as they are (by default a cell starting with = + - "
                          "@ gets a leading ' so that a spreadsheet does not run it as a "
                          "formula)")
    tab.add_argument("--jobs", "-j", type=_non_negative, default=1, metavar="N",
                     help="worker processes (default 1; 0 = one per CPU)")

    rows = _Parser(add_help=False)  # the rows of a table (targets)
    rows.add_argument("--format", "-f", choices=_TABLE_FORMATS, default="csv",
                      help="csv (default, with a header row), json (an array of objects), "
                           "jsonl (an object a line) or parquet (needs govreport[parquet])")
    rows.add_argument("--key", action="append", metavar="KEY", choices=sorted(INDICATOR_KEYS),
                      help="targets: only KEY (repeatable: --key gdp --key cpi); a report "
                           "without one gets a row with status not_found")
    rows.add_argument("--annual", action="store_true",
                      help="targets: one row per report and key, the annual growth target "
                           "(Report.target(key)); status absent when the report says none is "
                           "set")

    parser = _Parser(
        prog=PROG, formatter_class=_Formatter, epilog=_MAIN_EPILOG,
        description="Parse Chinese government work reports (政府工作报告) into section trees.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a full traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser(
        "parse", parents=[common, out], formatter_class=_Formatter, epilog=_PARSE_EPILOG,
        help="show the outline of one report (or its JSON or Markdown)",
        description="Parse one report and print its outline, JSON or Markdown.",
    )
    p.add_argument("file", metavar="FILE",
                   help="a .txt, .html, .docx or .pdf file; - reads standard input")
    p.add_argument("--format", "-f", choices=("outline", "json", "markdown"), default="outline",
                   help="outline (default): indented tree with kinds, ordinals, titles, spans "
                        "and diagnostics; json: Report.to_json(); markdown: headings and text")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the outline: auto (default) when stdout is a terminal and "
                        "NO_COLOR is unset")
    p.add_argument("--indent", type=_non_negative, default=None, metavar="N",
                   help="indent JSON by N spaces (default: one line)")
    p.add_argument("--fail-on-error", action="store_true",
                   help="exit 1 when the report has error-level diagnostics")
    p.set_defaults(run=_cmd_parse)

    t = sub.add_parser(
        "targets", parents=[common, out, tab, rows], formatter_class=_Formatter,
        epilog=_TARGETS_EPILOG,
        help="list the expected targets of reports as CSV or JSON",
        description="One row per expected target (GDP growth, CPI, …) of each report (the "
                    "short form of `govreport table targets`).",
    )
    t.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    t.set_defaults(run=_cmd_targets)

    tb = sub.add_parser(
        "table", parents=[common, out, tab, rows], formatter_class=_Formatter,
        epilog=_TABLE_EPILOG,
        help="a table of reports (targets, indicators, metadata, sections, glossary)",
        description="One table over many reports, for pandas, DuckDB, Excel or Parquet.",
    )
    tb.add_argument("table", choices=tables.TABLES, metavar="TABLE",
                    help=f"one of {', '.join(tables.TABLES)}")
    tb.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    tb.set_defaults(run=_cmd_table)

    pn = sub.add_parser(
        "panel", parents=[common, out, tab], formatter_class=_Formatter,
        epilog=_PANEL_EPILOG,
        help="targets of each year beside the outcomes the next year's reports state",
        description="One row per region, year and key: the annual growth target of year t's "
                    "report, the outcome that year t+1's report states, the gap and whether "
                    "the target was met.",
    )
    pn.add_argument("files", nargs="+", metavar="FILE", help=_FILES_HELP)
    pn.add_argument("--format", "-f", choices=("csv", "json", "jsonl"), default="csv",
                    help="csv (default, with a header row), json (an array of objects) or "
                         "jsonl")
    pn.add_argument("--key", action="append", metavar="KEY",
                    choices=sorted(k for k in INDICATOR_KEYS if k != "other"),
                    help="the indicator (repeatable: --key gdp --key cpi; default gdp)")
    pn.set_defaults(run=_cmd_panel)

    b = sub.add_parser(
        "batch", parents=[common], formatter_class=_Formatter, epilog=_BATCH_EPILOG,
        help="parse files and folders into JSON Lines",
        description="Parse many files (in parallel with --jobs) into one JSON line per report.",
    )
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files and directories; - reads standard input")
    b.add_argument("--out", "-o", required=True, metavar="FILE",
                   help="output .jsonl file (- for standard output)")
    b.add_argument("--jobs", "-j", type=_non_negative, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU)")
    b.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="give up on a file after SECONDS (its line is an error of type "
                        "ParseTimeout) and go on; default: no limit")
    b.add_argument("--no-text", action="store_true",
                   help="leave each report's text out of its line (its spans stay valid "
                        "offsets into the file's text)")
    b.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr: auto (default) when stderr is a terminal")
    b.set_defaults(run=_cmd_batch)

    s = sub.add_parser(
        "schema", parents=[common, out], formatter_class=_Formatter, epilog=_SCHEMA_EPILOG,
        help="print the JSON Schema of the JSON output",
        description="Print the JSON Schema (draft 2020-12) that parse --format json and batch "
                    "lines validate against.",
    )
    s.add_argument("--path", action="store_true", help="print the schema's file path instead")
    s.add_argument("--batch", action="store_true",
                   help="the schema of a `govreport batch` line (a report or a failed input)")
    s.set_defaults(run=_cmd_schema)
    return parser


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value}")
    return number


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    debug = bool(getattr(args, "debug", False))
    run: Callable[[argparse.Namespace], int] = args.run
    if sys.stdout is None:  # started with standard output closed (`govreport … >&-`)
        print(f"{PROG} {args.command}: error: standard output is closed", file=sys.stderr)
        return 2
    try:
        return run(args)
    except UsageError as exc:
        print(f"{PROG} {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if debug:
            raise
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `govreport targets … | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        if debug:
            raise
        print(f"{PROG}: error: {error_message(exc)}", file=sys.stderr)
        return 1


def _existing_files(inputs: Sequence[str], exclude: Sequence[Path] = ()) -> list[Path]:
    """The input files (never one of ``exclude``), or a usage error naming the first path that
    does not exist."""
    try:
        files = list(iter_input_files(inputs, exclude=exclude))
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or directory: {exc.filename}") from None
    if not files:
        wanted = ", ".join(f"*{s}" for s in INPUT_SUFFIXES)
        raise UsageError(f"no input files ({wanted}) in {' '.join(inputs)}")
    return files


def _failed(path: Path | str, exc: BaseException) -> None:
    print(printable(f"{PROG}: error: {os.fspath(path)}: {error_message(exc)}"), file=sys.stderr)


# --------------------------------------------------------------------------- parse


def _cmd_parse(args: argparse.Namespace) -> int:
    name: str = args.file
    if name == "-":
        try:
            report = parse_bytes(_stdin_bytes(args.max_bytes), STDIN, many=False)[0]
        except GovReportError as exc:
            if getattr(args, "debug", False):
                raise
            _failed(STDIN, exc)
            return 1
    else:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"no such file: {name}")
        if path.is_dir():
            raise UsageError(f"{name} is a directory (use `govreport batch` for folders)")
        try:
            report = parse_path(name, many=False, max_bytes=args.max_bytes or None)[0]
        except Exception as exc:
            if getattr(args, "debug", False):
                raise
            _failed(name, exc)
            return 1
    if args.format == "json":
        out = report.to_json(indent=args.indent)
    elif args.format == "markdown":
        out = markdown(report).rstrip("\n")
    else:
        # on a terminal the titles fit its width; piped, the layout does not depend on one
        terminal = args.out == "-" and sys.stdout.isatty()
        columns = shutil.get_terminal_size().columns if terminal else None
        colour = _colour(args.color, sys.stdout) if args.out == "-" else args.color == "always"
        out = outline(report, color=colour, columns=columns)
    _emit(args, out + "\n")
    if args.fail_on_error and any(d.severity == Severity.ERROR for d in report.diagnostics):
        return 1
    return 0


def _colour(choice: str, stream: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


# --------------------------------------------------------------------------- targets


def _cmd_targets(args: argparse.Namespace) -> int:
    return _cmd_table(args, "targets")


def _cmd_table(args: argparse.Namespace, table: str | None = None) -> int:
    kind = table or args.table
    if kind != "targets" and (args.key or args.annual):
        raise UsageError(f"--key and --annual select targets; the {kind} table has none")
    reports, failed = _reports(args)
    options = {"keys": args.key or (), "annual": args.annual} if kind == "targets" else {}
    table_rows = tables.rows(kind, reports, **options)
    fmt = args.format
    if fmt == "parquet":
        with _output(args) as out:
            buffer = io.BytesIO()
            tables.write_parquet(kind, None, buffer, table_rows=table_rows)
            out.write(buffer.getvalue())
    else:
        _emit(args, _table(tables.COLUMNS[kind], table_rows, fmt, raw=args.raw_csv,
                           excel=args.excel))
    return 1 if failed else 0


def _table(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str, *,
           raw: bool = False, excel: bool = False) -> str:
    """``rows`` as a JSON array of objects, JSON Lines, or CSV with a header row (text cells
    escaped against formulas unless ``raw``; a byte-order mark first with ``excel``)."""
    if fmt == "json":
        from .export import escape_json

        return escape_json(json.dumps(list(rows), ensure_ascii=False, indent=2)) + "\n"
    if fmt == "jsonl":
        return tables.to_jsonl(rows)
    return tables.to_csv(columns, rows, raw=raw, excel=excel)


# --------------------------------------------------------------------------- inputs, outputs


def _check_out(out: str, inputs: Sequence[str]) -> Path | None:
    """The ``--out`` path (``None`` for standard output), refused when it is a folder or one
    of the inputs."""
    if out == "-":
        return None
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"--out {out} is a directory")
    if path.exists() and any(item != "-" and _same_file(path, Path(item)) for item in inputs):
        raise UsageError(f"--out {out} is one of the inputs: it would be overwritten "
                         "before it is read")
    return path


def _stdin_bytes(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read() if not max_bytes else sys.stdin.buffer.read(max_bytes + 1)
    if max_bytes and len(data) > max_bytes:
        raise UsageError(f"standard input holds more than --max-bytes={max_bytes}")
    return data


def _reports(args: argparse.Namespace) -> tuple[list[Report], int]:
    """The reports of the inputs (``-``: standard input, read as a page that may hold several
    reports), failed files reported on stderr; and how many failed."""
    inputs: list[str] = list(args.files)
    out = _check_out(getattr(args, "out", "-"), inputs)
    reports: list[Report] = []
    failed = 0
    if "-" in inputs:
        try:
            reports.extend(parse_bytes(_stdin_bytes(args.max_bytes), STDIN))
        except GovReportError as exc:
            if getattr(args, "debug", False):
                raise
            _failed(STDIN, exc)
            failed += 1
    files = [item for item in inputs if item != "-"]
    if not files:
        return reports, failed
    paths = _existing_files(files, exclude=() if out is None else (out,))
    jobs = min(resolve_jobs(getattr(args, "jobs", 1)), len(paths))
    for path, result in parse_files(paths, jobs=jobs, max_bytes=args.max_bytes or None):
        if isinstance(result, Exception):
            if getattr(args, "debug", False):
                raise result
            _failed(path, result)
            failed += 1
            continue
        reports.append(result)
    return reports, failed


class _Output:
    """Where a command writes (``path`` from :func:`_check_out`): standard output as UTF-8
    bytes whatever the console's encoding, or ``--out FILE`` written under a temporary name and
    renamed into place (never half a file)."""

    def __init__(self, path: Path | None) -> None:
        self.replacing = None if path is None else _Replacing(path)
        self.write: Callable[[bytes], object]
        self.flush: Callable[[], object]
        if self.replacing is not None:
            self.write, self.flush = self.replacing.write, self.replacing.flush
        else:
            sys.stdout.flush()
            self.write, self.flush = _byte_writer(sys.stdout), sys.stdout.flush

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if self.replacing is not None:
            self.replacing.__exit__(kind, *rest)
        else:
            sys.stdout.flush()


def _output(args: argparse.Namespace) -> _Output:
    """The ``--out`` of ``args`` (standard output without one), checked against its inputs."""
    return _Output(_check_out(getattr(args, "out", "-"), list(getattr(args, "files", []))))


def _emit(args: argparse.Namespace, text: str) -> None:
    """``text`` to ``--out`` or standard output, encoded as UTF-8."""
    with _output(args) as out:
        out.write(text.encode("utf-8", "replace"))


# --------------------------------------------------------------------------- panel

_SKIP_REASONS = {
    "no_region": "its region is unknown",
    "no_plan_year": "its plan year is unknown",
    "duplicate": "an earlier report of the same region and plan year is used",
}


def _skipped(entry: Skipped) -> None:
    report = entry.report
    where = os.fspath(report.source or "<input>")
    if report.offset:
        where += f" (the report at character {report.offset})"
    why = _SKIP_REASONS.get(entry.reason, entry.reason)
    print(printable(f"{PROG} panel: warning: {where}: no row: {why}"), file=sys.stderr)


def _cmd_panel(args: argparse.Namespace) -> int:
    reports, failed = _reports(args)
    skipped: list[Skipped] = []
    keys = list(dict.fromkeys(args.key or ["gdp"]))
    rows = [row.to_dict() for row in panel(reports, keys, skipped=skipped)]
    for entry in skipped:
        _skipped(entry)
    _emit(args, _table(PANEL_COLUMNS, rows, args.format, raw=args.raw_csv, excel=args.excel))
    return 1 if failed else 0


# --------------------------------------------------------------------------- batch


def report_lines(path: Path, max_bytes: int | None = MAX_BYTES, *,
                 text: bool = True) -> tuple[int, bytes]:
    """``(number of reports, their JSON lines as UTF-8)`` of one file. Runs in the worker
    processes, so the JSON is built and encoded there; the main process only copies bytes."""
    return _lines(parse_path(path, max_bytes=max_bytes), text=text)


def _lines(reports: Sequence[Report], *, text: bool = True) -> tuple[int, bytes]:
    """Batch lines: each report's JSON with ``"status": "ok"`` (without ``text`` unless
    ``text``)."""
    from .export import escape_json

    out = []
    for report in reports:
        data = report.to_dict()
        if not text:
            del data["text"]
        data["status"] = "ok"
        out.append(escape_json(json.dumps(data, ensure_ascii=False)) + "\n")
    return len(reports), "".join(out).encode("utf-8")


def error_line(source: str, exc: BaseException) -> dict[str, str]:
    """The batch line of an input that failed (described by ``govreport schema --batch``)."""
    return {"source": source, "status": "error", "error": error_message(exc),
            "error_type": type(exc).__name__}


class _Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, *, enabled: bool, stream: IO[str]) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.last = 0.0

    def advance(self, path: Path, *, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self.last >= 0.1 or self.done == self.total):
            self.last = now
            self._draw(path)

    def _draw(self, path: Path) -> None:
        columns = shutil.get_terminal_size((80, 20)).columns
        bar_w = max(10, min(30, columns // 4))
        filled = bar_w * self.done // max(1, self.total)
        fail = f", {self.failed} failed" if self.failed else ""
        head = f"[{'#' * filled}{'.' * (bar_w - filled)}] {self.done}/{self.total}{fail} "
        room = max(0, columns - len(head) - 1)
        name = printable(os.fspath(path))
        name = name if len(name) <= room else "…" + name[len(name) - room + 1 :]
        self.stream.write(f"\r\033[K{head}{name if room > 3 else ''}")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _byte_writer(stream: IO[str]) -> Callable[[bytes], object]:
    """A write of bytes onto the text ``stream``: its byte buffer's own, or (a StringIO
    stand-in has no buffer) decoded onto it — each write holds whole JSON lines."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.write  # type: ignore[no-any-return]
    return lambda data: stream.write(data.decode("utf-8"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


class _Replacing:
    """A binary file written under a temporary name beside ``path`` and renamed to ``path``
    when the ``with`` block ends without an exception (removed otherwise)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                        dir=path.parent if str(path.parent) else ".")
        except OSError as exc:
            raise UsageError(f"cannot write --out {path}: {exc.strerror}") from None
        self.tmp = Path(name)
        self.file = os.fdopen(fd, "wb")
        self.write = self.file.write
        self.flush = self.file.flush

    def __enter__(self) -> _Replacing:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self.file.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def _cmd_batch(args: argparse.Namespace) -> int:
    from .export import escape_json

    out_path = _check_out(args.out, args.inputs)
    stdin = _stdin_bytes(args.max_bytes) if "-" in args.inputs else None
    named = [item for item in args.inputs if item != "-"]
    # an earlier run's output inside an input folder is not input
    files = _existing_files(named, exclude=() if out_path is None else (out_path,)) \
        if named else []
    jobs = max(1, min(resolve_jobs(args.jobs), len(files)))
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    progress = _Progress(len(files), enabled=show, stream=sys.stderr)
    reports = failed = 0
    started = time.monotonic()
    with ExitStack() as stack:
        out = stack.enter_context(_Output(out_path))
        write, flush = out.write, out.flush
        if stdin is not None:  # standard input first, parsed here
            try:
                count, data = _lines(parse_bytes(stdin, STDIN), text=not args.no_text)
                reports += count
            except GovReportError as exc:  # a line of its own, like a file's
                failed += 1
                data = (escape_json(json.dumps(error_line(STDIN, exc), ensure_ascii=False))
                        + "\n").encode("utf-8")
                _failed(STDIN, exc)
            write(data)
        chunksize = chunk_for(len(files), jobs)
        lines = partial(report_lines, max_bytes=args.max_bytes or None, text=not args.no_text)
        results = ordered_map(lines, files, jobs=jobs, chunksize=chunksize,
                              timeout=args.timeout)
        stack.callback(results.close)  # stops the workers however the loop ends (SIGTERM)
        for path, result in results:
            if isinstance(result, Exception):
                failed += 1
                line = error_line(os.fspath(path), result)
                write((escape_json(json.dumps(line, ensure_ascii=False)) + "\n").encode("utf-8"))
                progress.clear()
                _failed(path, result)
            else:
                count, data = result
                reports += count
                write(data)
            flush()
            progress.advance(path, failed=isinstance(result, Exception))
    progress.clear()
    seconds = time.monotonic() - started
    where = "stdout" if out_path is None else args.out
    print(f"{PROG} batch: {len(files)} files, {reports} reports, {failed} failed "
          f"in {seconds:.1f}s ({jobs} job{'s' if jobs != 1 else ''}) → {where}", file=sys.stderr)
    return 1 if failed else 0


# --------------------------------------------------------------------------- schema


def _cmd_schema(args: argparse.Namespace) -> int:
    path = schema_path(batch=args.batch)
    _emit(args, f"{path}\n" if args.path else path.read_text(encoding="utf-8"))
    return 0
