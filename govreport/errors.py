"""Exceptions raised by govreport.

``parse()`` does not raise on damaged *text*: damage becomes a :class:`~govreport.models.Diagnostic`
on the report. Exceptions are for input that cannot be turned into text at all (undecodable bytes),
for limits the caller asked for (``max_chars``) and for broken installations (grammar not found).
Every exception the library raises is a :class:`GovReportError`; subclasses also derive from the
standard exception they specialise, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "GovReportError",
    "GrammarLoadError",
    "InputRefused",
    "InputTooLarge",
    "InvalidReportData",
    "OutlineError",
    "ParseTimeout",
    "UnsupportedFormat",
]


class GovReportError(Exception):
    """Base class of every exception raised by govreport.

    Subclasses take keyword-only details; ``__reduce__`` keeps them through pickling, so an
    error raised in a worker process (``parse_files(..., jobs=N)``) arrives whole.
    """

    def __reduce__(self) -> tuple[object, ...]:
        details = {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
        return (_rebuild, (type(self), str(self), details))


def _rebuild(cls: type[GovReportError], message: str, details: dict[str, object]) -> GovReportError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(details)
    return error


class DecodeError(GovReportError, ValueError):
    """Bytes that are not valid text in any supported encoding.

    ``offset`` is the byte offset of the first byte that could not be decoded (under UTF-8 when
    its line holds UTF-8 text before it, else under GB18030), ``line`` its 1-based line (``None``
    after a UTF-16/32 byte-order mark), ``encodings`` the encodings that were tried.
    """

    def __init__(self, message: str, *, offset: int, encodings: tuple[str, ...],
                 line: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.encodings = encodings
        self.line = line


class InputTooLarge(GovReportError, ValueError):
    """The input is longer than the ``max_chars`` limit the caller set."""

    def __init__(self, message: str, *, size: int, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


class InputRefused(GovReportError, OSError):
    """A path that is not read: not a regular file (a FIFO, a device, a socket, a folder that
    cannot be listed) or larger than the ``max_bytes`` limit. ``path`` and ``reason`` say
    which and why."""

    def __init__(self, message: str, *, path: str, reason: str) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


class UnsupportedFormat(InputRefused):
    """A file in a binary format govreport does not read (an image, an archive, a legacy
    Office file; a PDF without the ``pdf`` extra), told by its bytes whatever its name.
    ``format`` names it."""

    def __init__(self, message: str, *, path: str, format: str) -> None:
        super().__init__(message, path=path, reason="unsupported format")
        self.format = format


class ParseTimeout(GovReportError, TimeoutError):
    """One file took longer than the per-file time limit (``parse_files(..., timeout=…)``,
    ``govreport batch --timeout``); the run goes on with the next file. ``seconds`` is the
    limit, ``path`` the file."""

    def __init__(self, message: str, *, path: str, seconds: float) -> None:
        super().__init__(message)
        self.path = path
        self.seconds = seconds


class InvalidReportData(GovReportError, ValueError):
    """``Report.from_dict`` was given data that is no report: a missing field, a value of the
    wrong type, an unknown node type or a span outside the text. ``path`` names the first bad
    field as a JSON path (``$.sections[0].span.start``); the message lists every problem
    found."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = path


class GrammarLoadError(GovReportError, RuntimeError):
    """``report.lark`` could not be found or compiled (a broken installation)."""


class OutlineError(GovReportError, ValueError):
    """Raised only with ``parse(..., raise_on_error=True)``: the first error-level diagnostic.

    ``code``, ``span``, ``line`` and ``column`` locate it in the decoded input.
    """

    def __init__(self, message: str, *, code: str, start: int, end: int, line: int, column: int,
                 context: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.context = context

    def get_context(self) -> str:
        """The line of the input around the error with a caret under its start."""
        return self.context
