"""Export the expected targets of reports to CSV.

Usage: python examples/targets_to_csv.py [FILE ...] [--out targets.csv]
(default: examples/sample_report.txt, written to standard output)

One row per target: the GDP growth target, the CPI ceiling, the unemployment rate, … with the
region and plan year from the report's metadata and the evidence (the words and their character
offsets in the file). The same table comes from the command line:
``govreport targets FILE... --format csv``.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

import govreport

COLUMNS = ["file", "region", "year", "key", "indicator", "low", "high", "unit", "qualifier",
           "text", "start", "end"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        default=[Path(__file__).with_name("sample_report.txt")])
    parser.add_argument("--out", type=Path, help="CSV file to write (default: stdout)")
    args = parser.parse_args()

    out = args.out.open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for path in args.files:
        report = govreport.parse_file(path)
        for target in report.targets:
            writer.writerow({
                "file": os.path.relpath(path),
                "region": report.metadata.region or "",
                "year": target.horizon or report.metadata.plan_year or "",
                "key": target.key,
                "indicator": target.indicator,
                "low": "" if target.low is None else target.low,
                "high": "" if target.high is None else target.high,
                "unit": target.unit,
                "qualifier": target.qualifier,
                "text": target.text,
                "start": target.span.start,
                "end": target.span.end,
            })
    if args.out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
