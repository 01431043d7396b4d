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
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import IO, Any, NoReturn

from . import __version__
from .api import parse
from .batch import (
    INPUT_SUFFIXES,
    MAX_BYTES,
    chunk_for,
    error_message,
    iter_input_files,
    ordered_map,
    parse_files,
    parse_path,
    resolve_jobs,
)
from .export import escape_json
from .models import Report, Severity
from .panel import PANEL_COLUMNS, Skipped, panel
from .quantities import INDICATOR_KEYS
from .render import markdown, outline, printable
from .schema import schema_path

__all__ = ["TARGET_COLUMNS", "main", "target_rows"]

PROG = "govreport"

#: columns of ``govreport targets`` (CSV header and JSON keys), in order
TARGET_COLUMNS = (
    "file", "region", "year", "key", "indicator", "low", "high", "unit", "qualifier", "measure",
    "scope", "horizon", "plan_year", "stretch", "status", "text", "redacted", "start", "end",
)


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
outcome <= high, 区间 low <= outcome <= high, 左右 and none outcome >= value (<= for cpi,
unemployment_rate and a target written as a decrease). start/end are character offsets of the
evidence in the file's decoded text. A report whose region or plan year is unknown, or a
second one of the same region and year, gives no row and a warning on stderr. Exit code 1 if
any file failed. See docs/panel.md.
"""

_BATCH_EPILOG = f"""\
examples:
  govreport batch reports/ --out results.jsonl
  govreport batch a.txt b.html pages/ --out - --jobs 0 | wc -l
  govreport batch scraped/ --out results.jsonl --jobs 0 --timeout 60

Directories are searched recursively for {", ".join(f"*{s}" for s in INPUT_SUFFIXES)}. Each
output line is one report (Report.to_dict(), with "source" set to the file; a page holding
several reports gives one line each) or {{"file": ..., "error": ..., "error_type": ...}} for a
file that failed. Lines follow the input order. Exit code 1 if any file failed.
"""

_SCHEMA_EPILOG = """\
examples:
  govreport schema > report.schema.json
  python -m jsonschema --instance report.json "$(govreport schema --path)"
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

    parser = _Parser(
        prog=PROG, formatter_class=_Formatter, epilog=_MAIN_EPILOG,
        description="Parse Chinese government work reports (政府工作报告) into section trees.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a full traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser(
        "parse", parents=[common], formatter_class=_Formatter, epilog=_PARSE_EPILOG,
        help="show the outline of one report (or its JSON or Markdown)",
        description="Parse one report and print its outline, JSON or Markdown.",
    )
    p.add_argument("file", metavar="FILE", help="a .txt or .html file; - reads standard input")
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
        "targets", parents=[common], formatter_class=_Formatter, epilog=_TARGETS_EPILOG,
        help="list the expected targets of reports as CSV or JSON",
        description="One row per expected target (GDP growth, CPI, …) of each report.",
    )
    t.add_argument("files", nargs="+", metavar="FILE",
                   help="report files (.txt, .html) or directories")
    t.add_argument("--raw-csv", action="store_true",
                   help="write text cells as they are (by default a cell starting with = + - @ "
                        "gets a leading ' so that a spreadsheet does not run it as a formula)")
    t.add_argument("--format", "-f", choices=("csv", "json"), default="csv",
                   help="csv (default, with a header row) or json (an array of objects)")
    t.add_argument("--key", action="append", metavar="KEY", choices=sorted(INDICATOR_KEYS),
                   help="only targets of KEY (repeatable: --key gdp --key cpi); a report "
                        "without one gets a row with status not_found")
    t.add_argument("--annual", action="store_true",
                   help="one row per report and key: the annual growth target "
                        "(Report.target(key)); status absent when the report says none is set")
    t.set_defaults(run=_cmd_targets)

    pn = sub.add_parser(
        "panel", parents=[common], formatter_class=_Formatter, epilog=_PANEL_EPILOG,
        help="targets of each year beside the outcomes the next year's reports state",
        description="One row per region, year and key: the annual growth target of year t's "
                    "report, the outcome that year t+1's report states, the gap and whether "
                    "the target was met.",
    )
    pn.add_argument("files", nargs="+", metavar="FILE",
                    help="report files (.txt, .html) or directories")
    pn.add_argument("--format", "-f", choices=("csv", "json"), default="csv",
                    help="csv (default, with a header row) or json (an array of objects)")
    pn.add_argument("--key", action="append", metavar="KEY",
                    choices=sorted(k for k in INDICATOR_KEYS if k != "other"),
                    help="the indicator (repeatable: --key gdp --key cpi; default gdp)")
    pn.add_argument("--out", "-o", metavar="FILE", default="-",
                    help="write to FILE (default -: standard output); the file is written "
                         "under a temporary name and renamed into place")
    pn.add_argument("--raw-csv", action="store_true",
                    help="write text cells as they are (by default a cell starting with = + - @ "
                         "gets a leading ' so that a spreadsheet does not run it as a formula)")
    pn.set_defaults(run=_cmd_panel)

    b = sub.add_parser(
        "batch", parents=[common], formatter_class=_Formatter, epilog=_BATCH_EPILOG,
        help="parse files and folders into JSON Lines",
        description="Parse many files (in parallel with --jobs) into one JSON line per report.",
    )
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files and directories")
    b.add_argument("--out", "-o", required=True, metavar="FILE",
                   help="output .jsonl file (- for standard output)")
    b.add_argument("--jobs", "-j", type=_non_negative, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU)")
    b.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="give up on a file after SECONDS (its line is an error of type "
                        "ParseTimeout) and go on; default: no limit")
    b.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr: auto (default) when stderr is a terminal")
    b.set_defaults(run=_cmd_batch)

    s = sub.add_parser(
        "schema", parents=[common], formatter_class=_Formatter, epilog=_SCHEMA_EPILOG,
        help="print the JSON Schema of the JSON output",
        description="Print the JSON Schema (draft 2020-12) that parse --format json and batch "
                    "lines validate against.",
    )
    s.add_argument("--path", action="store_true", help="print the schema's file path instead")
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
        data = sys.stdin.buffer.read() if not args.max_bytes else \
            sys.stdin.buffer.read(args.max_bytes + 1)
        if args.max_bytes and len(data) > args.max_bytes:
            raise UsageError(f"standard input holds more than --max-bytes={args.max_bytes}")
        report = parse(data, source="<stdin>")
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
        columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        out = outline(report, color=_colour(args.color, sys.stdout), columns=columns)
    sys.stdout.write(out + "\n")
    if args.fail_on_error and any(d.severity == Severity.ERROR for d in report.diagnostics):
        return 1
    return 0


def _colour(choice: str, stream: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


# --------------------------------------------------------------------------- targets


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def target_rows(report: Report, file: str | None = None, *, keys: Sequence[str] = (),
                annual: bool = False) -> Iterator[dict[str, Any]]:
    """One dict per expected target of ``report``, keyed by :data:`TARGET_COLUMNS`. ``file``
    defaults to ``report.source``; ``start``/``end`` are offsets in the file (``report.offset``
    added).

    ``keys`` keeps the targets of those keys only, and gives a row with ``status`` ``not_found``
    (no value, no evidence) for a key the report has no target for. ``annual`` keeps, per key,
    the one row of ``report.target(key)`` — the annual growth target — (every key the report
    has targets for when ``keys`` is empty). ``status`` is ``found``, ``absent`` (the report
    states that no target is set) or ``not_found``."""
    meta = report.metadata
    source = report.source if file is None else file
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
            yield {**dict.fromkeys(TARGET_COLUMNS), "file": source, "region": meta.region,
                   "year": meta.plan_year, "key": key, "plan_year": meta.plan_year,
                   "status": "not_found"}
            continue
        yield {
            "file": source,
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


#: what makes a spreadsheet read a cell as a formula (OWASP, "CSV injection")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any, *, raw: bool = False) -> str:
    """A CSV cell. A text cell (not a number) that a spreadsheet would run as a formula
    (``=HYPERLINK(…)`` in a file name) gets a leading ``'`` unless ``raw``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(float(value)) if isinstance(value, float) else str(value)
    text = str(value)
    if not raw and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _cmd_targets(args: argparse.Namespace) -> int:
    files = _existing_files(args.files)
    rows: list[dict[str, Any]] = []
    failed = 0
    for path, result in parse_files(files, max_bytes=args.max_bytes or None):
        if isinstance(result, Exception):
            if getattr(args, "debug", False):
                raise result
            _failed(path, result)
            failed += 1
            continue
        rows.extend(target_rows(result, os.fspath(path), keys=args.key or (),
                                annual=args.annual))
    sys.stdout.write(_table(TARGET_COLUMNS, rows, args.format, raw=args.raw_csv))
    return 1 if failed else 0


def _table(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str, *,
           raw: bool = False) -> str:
    """``rows`` as a JSON array of objects, or as CSV with a header row (text cells escaped
    against formulas unless ``raw``: :func:`_csv_cell`)."""
    if fmt == "json":
        return escape_json(json.dumps(list(rows), ensure_ascii=False, indent=2)) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(row[c], raw=raw) for c in columns] for row in rows)
    return buffer.getvalue()


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
    to_stdout = args.out == "-"
    out_path = Path(args.out)
    if not to_stdout and out_path.is_dir():
        raise UsageError(f"--out {args.out} is a directory")
    if not to_stdout and out_path.exists() and any(
            _same_file(out_path, Path(item)) for item in args.files):
        raise UsageError(f"--out {args.out} is one of the inputs: it would be overwritten "
                         "before it is read")
    files = _existing_files(args.files, exclude=() if to_stdout else (out_path,))
    reports: list[Report] = []
    failed = 0
    for path, result in parse_files(files, max_bytes=args.max_bytes or None):
        if isinstance(result, Exception):
            if getattr(args, "debug", False):
                raise result
            _failed(path, result)
            failed += 1
            continue
        reports.append(result)
    skipped: list[Skipped] = []
    keys = list(dict.fromkeys(args.key or ["gdp"]))
    rows = [row.to_dict() for row in panel(reports, keys, skipped=skipped)]
    for entry in skipped:
        _skipped(entry)
    text = _table(PANEL_COLUMNS, rows, args.format, raw=args.raw_csv)
    if to_stdout:
        sys.stdout.write(text)
    else:
        with _Replacing(out_path) as out:
            out.write(text.encode("utf-8"))
    return 1 if failed else 0


# --------------------------------------------------------------------------- batch


def report_lines(path: Path, max_bytes: int | None = MAX_BYTES) -> tuple[int, bytes]:
    """``(number of reports, their JSON lines as UTF-8)`` of one file. Runs in the worker
    processes, so the JSON is built and encoded there; the main process only copies bytes."""
    reports = parse_path(path, max_bytes=max_bytes)
    return len(reports), "".join(report.to_json() + "\n" for report in reports).encode("utf-8")


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
    to_stdout = args.out == "-"
    out_path = Path(args.out)
    if not to_stdout and out_path.is_dir():
        raise UsageError(f"--out {args.out} is a directory")
    if not to_stdout and out_path.exists() and any(
            _same_file(out_path, Path(item)) for item in args.inputs):
        raise UsageError(f"--out {args.out} is one of the inputs: it would be overwritten "
                         "before it is read")
    # an earlier run's output inside an input folder is not input
    files = _existing_files(args.inputs, exclude=() if to_stdout else (out_path,))
    jobs = min(resolve_jobs(args.jobs), len(files))
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    progress = _Progress(len(files), enabled=show, stream=sys.stderr)
    reports = failed = 0
    started = time.monotonic()
    with ExitStack() as stack:
        if to_stdout:
            sys.stdout.flush()
            write, flush = _byte_writer(sys.stdout), sys.stdout.flush
        else:  # written beside it and renamed into place at the end: never half a file
            out = stack.enter_context(_Replacing(out_path))
            write, flush = out.write, out.flush
        chunksize = chunk_for(len(files), jobs)
        lines = partial(report_lines, max_bytes=args.max_bytes or None)
        results = ordered_map(lines, files, jobs=jobs, chunksize=chunksize,
                              timeout=args.timeout)
        stack.callback(results.close)  # stops the workers however the loop ends (SIGTERM)
        for path, result in results:
            if isinstance(result, Exception):
                failed += 1
                line = {"file": os.fspath(path), "error": error_message(result),
                        "error_type": type(result).__name__}
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
    where = "stdout" if to_stdout else args.out
    print(f"{PROG} batch: {len(files)} files, {reports} reports, {failed} failed "
          f"in {seconds:.1f}s ({jobs} job{'s' if jobs != 1 else ''}) → {where}", file=sys.stderr)
    return 1 if failed else 0


# --------------------------------------------------------------------------- schema


def _cmd_schema(args: argparse.Namespace) -> int:
    path = schema_path()
    sys.stdout.write(f"{path}\n" if args.path else path.read_text(encoding="utf-8"))
    return 0
