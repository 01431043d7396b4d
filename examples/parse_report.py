"""Parse a report and print its outline.

Usage: python examples/parse_report.py [FILE]   (default: examples/sample_report.txt)

Prints the indented outline that ``govreport parse FILE`` shows (kind, ordinal, title, span of
each section and subsection; ``!`` marks diagnostics), then looks up the annual plan by kind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govreport
from govreport.render import outline

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("sample_report.txt")
report = govreport.parse_file(path)
print(outline(report, color=sys.stdout.isatty()))
annual = report.find(govreport.SectionKind.ANNUAL_PLAN)
if annual is not None:
    print(f"\nannual plan: {annual.title!r}, {len(annual.children)} children")
