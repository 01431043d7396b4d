"""Print the damage matrix: every real report × every damage column a–h, ✓ or ✗ per cell.

Usage::

    python benchmarks/damage_matrix.py [--json PATH] [--verbose] [--columns abc…]

A cell is ✓ when the parser's top-level section kinds of the damaged report equal the golden
outline's (tests/golden/outline/*.json; ordinals are not compared). The damage operators and
the golden loading come from tests/damage.py, so this script and tests/test_damage.py judge
every cell alike. ``--json`` also writes the matrix (cells, actual and expected kinds) to PATH;
``--verbose`` prints actual vs expected kinds of the failing cells. Reads the texts from
``../shared`` (``$GOVREPORT_SHARED`` overrides). This is a script, not a test: nothing here
asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.damage import COLUMN_TITLES, COLUMNS, Outcome, load_pages, run_page, shared_dir  # noqa: E402


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _difference(expected: tuple[str, ...], actual: tuple[str, ...]) -> str:
    """What is missing and what is extra, e.g. ``missing five_year_plan; extra annual_plan×8``."""
    from collections import Counter

    want, got = Counter(expected), Counter(actual)
    missing = want - got
    extra = got - want
    parts = []
    if missing:
        parts.append("missing " + " ".join(k if n == 1 else f"{k}×{n}" for k, n in missing.items()))
    if extra:
        parts.append("extra " + " ".join(k if n == 1 else f"{k}×{n}" for k, n in extra.items()))
    return "; ".join(parts) or "parts out of order: " + " ".join(actual)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the matrix here")
    parser.add_argument("--verbose", action="store_true",
                        help="print actual vs expected kinds of failing cells")
    parser.add_argument("--known-failures", action="store_true",
                        help="print the failing cells as tests/test_damage.py's KNOWN_FAILURES")
    parser.add_argument("--columns", default="".join(COLUMNS),
                        help="columns to run (default: all)")
    args = parser.parse_args(argv)
    columns = [c for c in args.columns if c in COLUMNS]
    shared = shared_dir()
    if not shared.is_dir():
        print(f"real report texts not found at {shared} (set GOVREPORT_SHARED)", file=sys.stderr)
        return 2

    rows: dict[str, dict[str, tuple[Outcome, tuple[str, ...]]]] = {}
    errors: dict[tuple[str, str], str] = {}
    started = time.perf_counter()
    for page in load_pages():
        text = (shared / page.path).read_text(encoding="utf-8")
        for case in page.cases:
            rows[case.id] = {}
        for column in columns:
            try:
                outcomes = run_page(page, column, text)
            except Exception as exc:  # a crash is a failing cell, not the end of the run
                outcomes = {case.id: Outcome((), f"{type(exc).__name__}: {exc}")
                            for case in page.cases}
                for case in page.cases:
                    errors[(case.id, column)] = outcomes[case.id].note
            for case in page.cases:
                rows[case.id][column] = (outcomes[case.id], case.kinds)
    elapsed = time.perf_counter() - started

    name_width = max(_width(name) for name in rows) + 2
    print(_pad("report", name_width) + " ".join(columns))
    for name, cells in rows.items():
        marks = " ".join("✓" if out.ok(exp) else "✗" for out, exp in
                         (cells[c] for c in columns))
        print(_pad(name, name_width) + marks)
    totals = {c: sum(cells[c][0].ok(cells[c][1]) for cells in rows.values())
              for c in columns}
    print()
    for c in columns:
        print(f"  ({c}) {_pad(COLUMN_TITLES[c], 36)} {totals[c]}/{len(rows)}")
    passed = sum(totals.values())
    print(f"  all {passed}/{len(rows) * len(columns)} cells  ({elapsed:.1f} s)")

    if args.verbose:
        print()
        for name, cells in rows.items():
            for c in columns:
                out, expected = cells[c]
                if out.ok(expected):
                    continue
                print(f"✗ {name} ({c}) {out.note}".rstrip())
                print(f"    expected {' '.join(expected)}")
                print(f"    actual   {' '.join(out.kinds)}")

    if args.known_failures:
        print()
        print("KNOWN_FAILURES: dict[tuple[str, str], str] = {")
        for name, cells in rows.items():
            for c in columns:
                out, expected = cells[c]
                if not out.ok(expected):
                    why = out.note or _difference(expected, out.kinds)
                    print(f"    ({name!r}, {c!r}): {why!r},")
        print("}")

    if args.json:
        data: dict[str, Any] = {
            "columns": {c: COLUMN_TITLES[c] for c in columns},
            "totals": {c: [totals[c], len(rows)] for c in columns},
            "rows": {
                name: {c: {"ok": out.ok(expected), "actual": list(out.kinds),
                           "expected": list(expected), **({"note": out.note} if out.note
                                                          else {})}
                       for c, (out, expected) in cells.items()}
                for name, cells in rows.items()
            },
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
