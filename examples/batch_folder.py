"""Parse every report in a folder, in parallel, into JSON Lines.

Usage: python examples/batch_folder.py [FOLDER] [--out results.jsonl] [--jobs N]
(default: the examples/ folder, written to standard output, 2 worker processes)

``govreport.parse_files`` searches the folder recursively for *.txt and *.html files, parses them
in worker processes and yields ``(path, report)`` pairs in input order — or ``(path, exception)``
for a file it could not read or decode, so one bad file does not stop the run. Each report is
written as one line of ``report.to_json()`` (validated by ``govreport.schema_path()``); a summary
goes to stderr. The command-line equivalent is ``govreport batch FOLDER --out results.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import govreport


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path(__file__).parent)
    parser.add_argument("--out", type=Path, help="JSON Lines file to write (default: stdout)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (0: one per CPU)")
    args = parser.parse_args()

    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    reports = failed = 0
    for path, result in govreport.parse_files([args.folder], jobs=args.jobs):
        if isinstance(result, Exception):
            failed += 1
            out.write(json.dumps({"file": str(path), "error": str(result)}, ensure_ascii=False))
        else:
            reports += 1
            out.write(result.to_json())
        out.write("\n")
    if args.out:
        out.close()
    print(f"{reports} reports; files failed: {failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":  # required: worker processes may re-import this script
    sys.exit(main())
