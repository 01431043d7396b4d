"""Human-readable views of a report: an indented outline and Markdown."""

from __future__ import annotations

from .models import Report, Section, Subsection

__all__ = ["outline"]

_RESET = "\033[0m"
_KIND_COLOUR = {
    "preamble": "\033[2m",
    "review": "\033[36m",
    "five_year_plan": "\033[35m",
    "annual_plan": "\033[32m",
    "self_improvement": "\033[33m",
    "other": "\033[37m",
    "closing": "\033[2m",
    "appendix": "\033[34m",
    "glossary": "\033[34m",
}
_WARN = "\033[31m"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def outline(report: Report, *, color: bool = False, width: int = 36) -> str:
    """An indented tree: kind, ordinal, title (shortened), span; ``!`` marks nodes with
    warning or error diagnostics (listed at the end)."""
    flagged: dict[int, list[str]] = {}
    for d in report.diagnostics:
        if d.severity.value != "info":
            flagged.setdefault(d.span.start, []).append(d.code)
    lines = []

    def node_line(node: Section | Subsection, depth: int) -> None:
        kind = node.kind.value if node.kind else "subsection"
        ordinal = "" if node.ordinal is None else f" {node.ordinal}"
        title = _short(node.title, width) if node.title else ""
        span = f"[{node.span.start}:{node.span.end}]"
        codes = flagged.get(node.span.start, [])
        mark = f" ! {','.join(sorted(set(codes)))}" if codes else ""
        label = f"{kind}{ordinal}"
        if color:
            colour = _KIND_COLOUR.get(kind, "")
            label = f"{colour}{label}{_RESET}"
            mark = f"{_WARN}{mark}{_RESET}" if mark else ""
        lines.append(f"{'  ' * depth}{label}  {title}  {span}{mark}".rstrip())
        for child in node.children:
            if isinstance(child, Subsection):
                node_line(child, depth + 1)

    for section in report.sections:
        node_line(section, 0)
    counts: dict[str, int] = {}
    for d in report.diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
    if counts:
        summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
        lines.append(f"diagnostics: {summary}")
    return "\n".join(lines)
