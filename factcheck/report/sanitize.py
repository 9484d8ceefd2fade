"""Make text from documents safe to put into a report. Every format goes through these helpers.

Quotes, titles and claim ids come from documents and claim files that anyone can write. The
dangers, and the helper that removes each:

* terminal escape sequences (``\\x1b[2J``), NUL and other control characters, and bidi
  overrides that make text read differently than it is: :func:`clean`;
* a newline that ends a Markdown table cell or starts a forged heading: :func:`one_line`,
  :func:`markdown_cell`;
* characters that XML 1.0 cannot hold at all (a JUnit file with one is unreadable): :func:`clean`
  removes them too, :func:`xml_text` is the name to call in XML writers;
* GitHub Actions runs ``::command`` lines printed to stdout (after leading whitespace), and the
  legacy ``##[command]`` form anywhere in a line: :func:`guard_workflow_commands`, applied to
  every rendered report as the last step and to every line the command line prints;
* a file name with an escape sequence or a newline: :func:`factcheck.errors.shown_name` escapes
  it wherever a location is printed.

HTML escaping is Jinja2's autoescape (see html.py); these helpers run before it.
"""

from __future__ import annotations

import re
from typing import TextIO

from factcheck.errors import shown_name

__all__ = [
    "clean",
    "one_line",
    "markdown_cell",
    "markdown_text",
    "markdown_fragment",
    "xml_text",
    "guard_workflow_commands",
    "shown_name",
]

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# lone surrogates, and the two non-characters XML forbids.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
_SPACES = re.compile(r"[ \t\n]+")
# Characters with meaning in GitHub/GitLab Markdown (incl. tables and autolinks).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&])")
# A line that GitHub Actions would read as a workflow command: optional whitespace, then "::".
_WORKFLOW_COMMAND = re.compile(r"^([^\S\n]*\ufeff?[^\S\n]*):(?=:)", re.MULTILINE)


def clean(text: object) -> str:
    """``text`` as a string with control characters, bidi overrides and XML-illegal characters removed.

    Line breaks of every kind become ``\\n``; tabs stay.
    """
    if text is None:
        return ""
    s = str(text)
    # Every character either pattern matches is not printable (categories Cc, Cf, Cs, Cn, Zl,
    # Zp). Newline (which stays), tab and the no-break spaces numbers are written with are not
    # printable either, but neither pattern matches them. So a string that is printable apart
    # from those needs no regular expression.
    if s.isprintable() or s.replace("\n", "").replace("\t", "").replace("\u00a0", "").replace(
        "\u202f", ""
    ).isprintable():
        return s
    s = _LINE_BREAKS.sub("\n", s)
    return _UNSAFE.sub("", s)


def one_line(text: object) -> str:
    """:func:`clean`, with every run of whitespace (newlines included) made one space."""
    s = clean(text)
    # A printable string holds no tab or newline, and U+0020 is its only white space.
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    if "\t" not in s:  # runs of spaces and newlines, as _SPACES finds them, without the regex
        s = s.replace("\n", " ")
        while "  " in s:
            s = s.replace("  ", " ")
        return s.strip()
    return _SPACES.sub(" ", s).strip()


def markdown_text(text: object) -> str:
    """One line of text that Markdown shows literally: no emphasis, links, HTML, headings or cells."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_fragment(text: object) -> str:
    """:func:`markdown_text` for a piece of a line: whitespace is collapsed but not trimmed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", clean(text)))


def markdown_cell(text: object) -> str:
    """:func:`markdown_text` for a table cell; an empty cell stays empty."""
    return markdown_text(text)


def xml_text(text: object) -> str:
    """Text that XML 1.0 can hold (the writer still escapes ``<``, ``&`` and quotes)."""
    return clean(text)


LEGACY_COMMAND = "##["  # the runner looks for it anywhere in a line (ActionCommand.TryParse)


def guard_workflow_commands(text: str) -> str:
    """Break every line that GitHub Actions would run as a command: ``::x`` at the start of a line
    becomes ``: :x``, and ``##[`` anywhere becomes ``## [``.

    Applied to the whole rendered report, so it holds whatever the format did with its input.
    """
    # The runner reads lines with .NET's ReadLine, which also splits at a lone "\r".
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if LEGACY_COMMAND in text:
        text = text.replace(LEGACY_COMMAND, "## [")
    if "::" not in text:  # the pattern needs two colons in a row; a long report rarely has any
        return text
    # What _WORKFLOW_COMMAND.sub(r"\1: ", text) does, visiting only the "::" in the text (a
    # regular expression tries every line of a report of many megabytes).
    parts: list[str] = []
    done = 0
    line_done = -1
    at = text.find("::")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if start != line_done:
            line_done = start  # only the first "::" of a line can follow nothing but blanks
            prefix = text[start:at].replace("\ufeff", "", 1)
            if not prefix or (prefix.isspace() and "\ufeff" not in prefix):
                parts += [text[done : at + 1], " "]
                done = at + 1
        at = text.find("::", at + 1)
    parts.append(text[done:])
    return "".join(parts)


def write_line(text: str, stream: TextIO) -> None:
    """Print text that may carry document content: cleaned, no `::` command lines, one final newline."""
    stream.write(guard_workflow_commands(clean(text)).rstrip("\n") + "\n")
