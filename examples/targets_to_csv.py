"""Export the expected targets of reports to CSV (or any table of govreport.tables).

Usage: python examples/targets_to_csv.py [FILE ...] [--out targets.csv] [--excel]
(default: examples/sample_report.txt, written to standard output)

One row per target: the GDP growth target, the CPI ceiling, the unemployment rate, … with the
region and plan year from the report's metadata and the evidence (the words and their character
offsets in the file). The rows are those of ``govreport.tables``, the same as
``govreport targets FILE...`` writes; with pandas installed, ``tables.to_dataframe("targets",
reports)`` gives them as a DataFrame with proper dtypes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import govreport
from govreport import tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        default=[Path(__file__).with_name("sample_report.txt")])
    parser.add_argument("--out", type=Path, help="CSV file to write (default: stdout)")
    parser.add_argument("--excel", action="store_true", help="a byte-order mark for Excel")
    args = parser.parse_args()

    reports = [report for _, report in govreport.parse_files(args.files)
               if isinstance(report, govreport.Report)]
    text = tables.to_csv(tables.COLUMNS["targets"], tables.rows("targets", reports),
                         excel=args.excel)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
