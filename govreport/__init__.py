"""govreport: Chinese government work reports (政府工作报告) → typed, span-accurate section trees.

>>> import govreport
>>> report = govreport.parse("各位代表：\\n现在，我代表市人民政府向大会报告工作。\\n"
...                          "一、2025年工作回顾\\n过去一年，经济平稳。")
>>> report.outline()
[('preamble', None), ('review', 1)]
"""

from __future__ import annotations

from .api import parse, parse_file
from .batch import parse_files
from .errors import (
    DecodeError,
    GovReportError,
    GrammarLoadError,
    InputRefused,
    InputTooLarge,
    InvalidReportData,
    OutlineError,
    ParseTimeout,
    UnsupportedFormat,
)
from .models import (
    Boilerplate,
    Diagnostic,
    GlossaryEntry,
    Heading,
    Indicator,
    Item,
    Metadata,
    Paragraph,
    Report,
    Section,
    SectionKind,
    Severity,
    Span,
    Spans,
    Subsection,
    Target,
)
from .normalize import NormalizedText, normalize
from .panel import PanelRow, Skipped, panel, region_key
from .schema import schema_path
from .split import PageItem, parse_many, split

__version__ = "0.1.0"

__all__ = [
    "Boilerplate",
    "DecodeError",
    "Diagnostic",
    "GlossaryEntry",
    "GovReportError",
    "GrammarLoadError",
    "Heading",
    "Indicator",
    "InputRefused",
    "InputTooLarge",
    "InvalidReportData",
    "Item",
    "Metadata",
    "NormalizedText",
    "OutlineError",
    "PageItem",
    "PanelRow",
    "Paragraph",
    "ParseTimeout",
    "Report",
    "Section",
    "SectionKind",
    "Severity",
    "Skipped",
    "Span",
    "Spans",
    "Subsection",
    "Target",
    "UnsupportedFormat",
    "__version__",
    "normalize",
    "panel",
    "parse",
    "parse_file",
    "parse_files",
    "parse_many",
    "region_key",
    "schema_path",
    "split",
]
