"""govreport: Chinese government work reports (政府工作报告) → typed, span-accurate section trees.

>>> import govreport
>>> report = govreport.parse("各位代表：\\n现在，我代表市人民政府向大会报告工作。\\n"
...                          "一、2025年工作回顾\\n过去一年，经济平稳。")
>>> report.outline()
[('preamble', None), ('review', 1)]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .api import parse, parse_file
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

# eager although a plain parse does not need it (~2 ms): the function ``panel`` has the name of
# its module, and a lazy one would be shadowed by the module once anything imported
# ``govreport.panel`` (the import system sets the submodule as an attribute of the package)
from .panel import PanelRow, Skipped, panel, region_key
from .split import PageItem, parse_many, split

if TYPE_CHECKING:
    from . import batch as batch
    from . import decode as decode
    from . import documents as documents
    from . import docx as docx
    from . import html as html
    from . import schema as schema
    from .batch import parse_files
    from .schema import schema_path

#: names imported on first use (PEP 562), from the module they are in: ``parse_files`` brings
#: in the reading of files and the worker-process machinery, ``schema_path`` the json module,
#: which a plain ``parse`` never needs, so ``import govreport`` does not pay for them
_LAZY = {"parse_files": "batch", "schema_path": "schema"}
#: submodules that ``import govreport`` used to import (so ``govreport.batch`` worked without
#: ``import govreport.batch``), imported on first use as well
_LAZY_MODULES = frozenset({"batch", "decode", "docx", "documents", "html", "schema"})

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


def __getattr__(name: str) -> Any:
    """The names of :data:`_LAZY` and the modules of :data:`_LAZY_MODULES`, imported on first
    use."""
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)  # also sets it on the package
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
