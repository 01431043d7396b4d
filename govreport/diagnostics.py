"""The catalogue of diagnostic codes, and the scans that produce text-level diagnostics.

Codes are stable strings; their meaning and default severity are listed in ``CODES`` (and in
``docs/architecture.md``). A diagnostic is data (:class:`~govreport.models.Diagnostic`), never an
exception, unless the caller asks for ``raise_on_error=True``.
"""

from __future__ import annotations

from . import patterns
from .models import Severity

__all__ = ["CODES", "spam_spans"]

#: code → (default severity, meaning)
CODES: dict[str, tuple[Severity, str]] = {
    # normalisation
    "script_converted": (Severity.INFO, "traditional script converted to simplified (OpenCC t2s)"),
    "pinyin_removed": (Severity.INFO, "pinyin annotations such as 領(lǐng) were removed"),
    "suspected_spam": (Severity.WARNING,
                       "words injected by a re-posting site (gambling, live streams) inside the "
                       "text; kept as text"),
    # structure
    "fragment": (Severity.INFO, "the text starts or ends inside a report"),
    "inferred_boundary": (Severity.INFO,
                          "a heading runs into its body; where the title ends was inferred"),
    "inferred_ordinal": (Severity.WARNING,
                         "a heading's numeral is missing or damaged; its ordinal was inferred "
                         "from its position"),
    "ordinal_gap": (Severity.WARNING, "the numbering skips a number"),
    "unusual_order": (Severity.INFO, "the outline parts come in an unusual order"),
    "multiple_reports": (Severity.WARNING,
                         "the text holds several reports; use parse_many() to get each"),
    "outline_error": (Severity.ERROR,
                      "a block could not be placed in the outline and was kept as a paragraph"),
    # extraction
    "garbled_date": (Severity.WARNING, "a meeting date that is not a valid date; left empty"),
    "no_outline": (Severity.INFO, "no numbered parts were found; the body is one section"),
}


def spam_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of suspected injected spam in ``text[start:end]`` (normalised offsets)."""
    return [m.span() for m in patterns.SPAM.finditer(text, start, len(text) if end is None
                                                     else end)]
