"""HTML pages → plain text, one block a line, for ``govreport batch`` and the other commands.

A small tag stripper on the standard library's :class:`html.parser.HTMLParser`: block elements
(``p``, ``div``, ``br``, ``li``, ``h1``–``h6``, table rows, …) end a line, inline elements do
not; the contents of ``script``, ``style``, ``template``, ``noscript``, ``head`` and comments are
dropped, except the page's ``<title>``, which becomes the first line (metadata may take the
report's title from it, with its span); character references are decoded. Runs of whitespace
collapse to one space as a browser would show them, except that a line break between two Chinese
characters disappears (hard-wrapped source lines must not put spaces inside words), and ``pre``
keeps its lines. Spans of a report parsed from the result refer to this text, not to the markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .decode import decode_bytes

__all__ = ["html_to_text"]

_SKIP = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math",
                   "iframe", "object"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
})
_CELL = frozenset({"td", "th"})

_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f"
_BREAK_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n\s*(?=[{_WIDE}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip: list[str] = []  # open elements whose content is dropped
        self.open: dict[str, int] = {}  # … how many of each tag are in it (``tag in skip``
        # would look through the whole stack for each end tag: quadratic on <svg><svg>…)
        self.pre = 0
        self.title: list[str] = []  # the text of the page's first <title>
        self.titled = False

    # -- structure

    def _end_line(self) -> None:
        text = "".join(self.current)
        self.current = []
        if self.pre:
            self.lines.extend(line.rstrip() for line in text.split("\n"))
            return
        text = _BREAK_BETWEEN_WIDE.sub("", text)
        text = _SPACES.sub(" ", text).strip()
        if text:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip, self.open = [], {}  # an unclosed <head> ends here
        if tag in _SKIP:
            if tag == "title" and self.title:
                self.titled = True  # only the first <title> is the page's
            self.skip.append(tag)
            self.open[tag] = self.open.get(tag, 0) + 1
            return
        if self.skip:
            return
        if tag in _CELL and self.current:
            self.current.append(" ")
            return
        if tag in _BLOCK:
            self._end_line()
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in _BLOCK:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if self.open.get(tag):
                while self.skip:  # each open element is popped once: linear over the page
                    top = self.skip.pop()
                    self.open[top] -= 1
                    if top == tag:
                        break
            return
        if tag in _CELL:
            self.current.append(" ")
            return
        if tag in _BLOCK:
            self._end_line()
            if tag == "pre" and self.pre:
                self.pre -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)
        elif self.skip[-1] == "title" and not self.titled and not self.open.get("svg"):
            self.title.append(data)  # (an <svg>'s <title> is an icon's tooltip)

    def text(self) -> str:
        self._end_line()
        title = _SPACES.sub(" ", "".join(self.title)).strip()
        lines = [title, *self.lines] if title else self.lines
        return "\n".join(lines) + ("\n" if lines else "")


#: what opens markup: a tag, an end tag, a comment, CDATA, a declaration or a processing
#: instruction
_OPENER = re.compile(r"<(?:!--|!\[CDATA\[|[A-Za-z/!?])")


def _defuse(markup: str) -> str:
    """``markup`` with every opener that is never closed written as ``&lt;`` (text, as a
    browser shows it). The standard library's parser looks for the end of an unclosed
    construct from each opener again, to the end of the input: quadratic on ``<!--`` × n,
    ``<a`` × n and the like. An opener after the last ``>`` (``-->`` for a comment, ``]]>`` for
    CDATA) cannot be closed."""
    last = {"tag": markup.rfind(">"), "comment": markup.rfind("-->"),
            "cdata": markup.rfind("]]>")}

    def opener(m: re.Match[str]) -> str:
        found = m.group()
        at = m.end()
        if found == "<!--":
            closed = last["comment"] >= at
        elif found == "<![CDATA[":
            closed = last["cdata"] >= at
        else:
            closed = last["tag"] >= at
        return found if closed else "&lt;" + found[1:]

    return _OPENER.sub(opener, markup)


def html_to_text(markup: str | bytes) -> str:
    """The visible text of an HTML page or fragment, one block a line (see the module doc).
    Bytes are decoded as :func:`govreport.parse` decodes them (UTF-8, BOMs, GB18030)."""
    if isinstance(markup, (bytes, bytearray, memoryview)):
        markup = decode_bytes(bytes(markup)).text
    if not isinstance(markup, str):
        raise TypeError(f"html_to_text() takes str or bytes, not {type(markup).__name__}")
    parser = _Stripper()
    parser.feed(_defuse(markup))
    parser.close()
    return parser.text()

