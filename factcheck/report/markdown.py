"""Markdown for GitHub and GitLab: a summary table, then the results grouped by document.

Tables are made by tabulate from strings that are already formatted and escaped
(``disable_numparse=True``: tabulate would otherwise turn "55.700" into 55.7). Every string from
a document goes through :func:`factcheck.report.sanitize.markdown_text`, which escapes
``| * _ [ ] < > #``, backticks and the rest, and makes it one line. Each result that is not
``consistent`` gets its explanation under the table.
"""

from __future__ import annotations

import re

from tabulate import tabulate

from factcheck.report.sanitize import clean, markdown_fragment, markdown_text
from factcheck.report.view import VERDICT_HELP, ReportView, ResultView, omitted_note

_PLAIN = re.compile(r"[A-Za-z0-9_.-]+")  # safe inside a code span in a table cell

ICONS = {
    "consistent": "✅",
    "rounding": "☑️",
    "mismatch": "❌",
    "scale": "🔟",
    "unit": "📐",
    "unverifiable": "❔",
    "error": "💥",
    "conflict": "⚔️",
}


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub table of strings, already formatted and escaped."""
    return str(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))


def _quote(parts: tuple[tuple[str, bool], ...]) -> str:
    """A quote with the figure in bold; each part escaped on its own."""
    return "".join(
        f"**{markdown_fragment(text)}**" if marked else markdown_fragment(text) for text, marked in parts
    ).strip()


def _verdict(row: ResultView) -> str:
    text = f"{ICONS.get(row.verdict, '')} {row.verdict}".strip()
    if not row.expected:
        text += " **(unexpected)**"
    elif row.expect:
        text += " (expected)"
    return text


def _anchor(row: ResultView) -> str:
    # GitHub makes heading ids from lower-case text; ids are [a-z0-9_] so this is stable.
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in f"{row.document_id}-{row.id}".lower())


def _header(view: ReportView) -> list[str]:
    lines = ["# factcheck report", ""]
    status = "all verdicts as expected" if view.unexpected == 0 else f"**{view.unexpected} unexpected**"
    lines.append(
        f"Generated {markdown_text(view.generated_at)} by factcheck {markdown_text(view.version)}: "
        f"{view.total} relations, {status}."
    )
    lines.append("")
    if view.documents:
        lines.append(
            _table(
                ["document", "title", "source", "sha256"],
                [
                    [
                        f"`{d.id}`" if _PLAIN.fullmatch(d.id) else markdown_text(d.id),
                        markdown_text(d.title),
                        markdown_text(d.source),
                        f"`{d.sha256}`" if _PLAIN.fullmatch(d.sha256) else markdown_text(d.sha256),
                    ]
                    for d in view.documents
                ],
            )
        )
        lines.append("")
    lines.append("## Summary")
    lines.append("")
    lines.append(
        _table(
            ["verdict", "count", "meaning"],
            [[f"{ICONS[v]} {v}", str(n), VERDICT_HELP[v]] for v, n in view.counts.items()]
            + [["**unexpected**", f"**{view.unexpected}**", "Verdicts other than the accepted one."]],
        )
    )
    lines.append("")
    return lines


def _changes(view: ReportView) -> list[str]:
    if view.changes is None:
        return []
    base = view.baseline or {}
    lines = ["## Changes since the baseline", ""]
    lines.append(
        f"Baseline: {markdown_text(base.get('path', ''))}, generated {markdown_text(base.get('generated_at', ''))}."
    )
    lines.append("")
    if not view.changes:
        lines += ["No verdict changed.", ""]
        return lines
    lines.append(
        _table(
            ["change", "claim", "before", "now"],
            [
                [c.kind, markdown_text(c.key), markdown_text(c.old_verdict or "—"), markdown_text(c.new_verdict or "—")]
                for c in view.changes
            ],
        )
    )
    lines.append("")
    return lines


def _details(row: ResultView) -> list[str]:
    lines = [f"#### {markdown_text(row.id)} — {markdown_text(row.verdict)}", ""]
    facts = []
    for label, value in (
        ("location", f"{row.location} · {row.source_location}" if row.location else row.source_location),
        ("stated interval", row.stated_interval),
        ("computed interval", row.computed_interval),
        ("formula", row.expr),
        ("filled in", row.formula_filled),
        *row.extra.items(),
        ("missing inputs", ", ".join(row.missing)),
        ("message", row.message),
        ("since baseline", row.change.text if row.change else ""),
    ):
        if value:
            facts.append(f"- {markdown_text(label)}: {markdown_text(value)}")
    lines += facts
    if facts:
        lines.append("")
    # One blockquote; each line of the explanation ends with a hard line break ("\\").
    explanation = [markdown_text(line) for line in clean(row.explanation).split("\n") if line.strip()]
    for i, line in enumerate(explanation):
        lines.append(f"> {line}" + ("\\" if i < len(explanation) - 1 else ""))
    lines.append("")
    if row.inputs:
        lines.append(
            _table(
                ["input", "value", "stated", "quote"],
                [
                    [
                        markdown_text(i.name) + (" (computed)" if i.computed else ""),
                        markdown_text(i.value),
                        markdown_text(i.stated),
                        _quote(i.quote_parts),
                    ]
                    for i in row.inputs
                ],
            )
        )
        lines.append("")
    return lines


def render(view: ReportView) -> str:
    lines = _header(view)
    lines += _changes(view)
    if view.diagnostics:
        lines += ["## Claim files that could not be read", ""]
        for d in view.diagnostics:
            where = d.file + (f":{d.line}:{d.col or 1}" if d.line is not None else "")
            lines.append(f"- {markdown_text(where)}: {markdown_text(d.code)} {markdown_text(d.message)}")
        lines.append("")
    for doc, rows, omitted in view.sections():
        title = f"{doc.title} ({doc.id})" if doc.title else doc.id
        lines += [f"## {markdown_text(title)}", ""]
        lines.append(f"Claim file {markdown_text(doc.claim_file)}; language {markdown_text(doc.language)}.")
        lines.append("")
        if omitted:
            lines += [markdown_text(omitted_note(omitted)) + ".", ""]
        if not rows:
            if not omitted:
                lines += ["No relations.", ""]
            continue
        lines.append(
            _table(
                ["claim", "verdict", "quote", "stated", "computed", "difference", "relative", "location"],
                [
                    [
                        markdown_text(r.id),
                        _verdict(r) + (f" ({markdown_text(r.change.text)})" if r.change else ""),
                        _quote(r.quote_parts),
                        markdown_text(r.stated),
                        markdown_text(r.computed),
                        markdown_text(r.difference),
                        markdown_text(r.relative_difference),
                        markdown_text(r.location or r.source_location),
                    ]
                    for r in rows
                ],
            )
        )
        lines.append("")
        explained = [r for r in rows if r.verdict != "consistent" or not r.expected]
        if explained:
            lines += ["### Explanations", ""]
            for r in explained:
                lines += _details(r)
    return "\n".join(lines).rstrip("\n") + "\n"
