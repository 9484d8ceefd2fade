"""JUnit XML: one test suite per claim file, one test case per relation.

A relation whose verdict is unexpected is a ``<failure>`` (an ``<error>`` when the verdict is
``error``); an expected verdict passes. A claim file that could not be read is a test case with
an ``<error>``, so CI dashboards show it. Every string goes through
:func:`factcheck.report.sanitize.xml_text`, which removes what XML 1.0 cannot hold; the
ElementTree writer escapes the rest. The file passes a strict XML parser.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.model import Verdict
from factcheck.report.sanitize import one_line, xml_text
from factcheck.report.view import ReportView, ResultView


def _details(row: ResultView) -> str:
    lines = [
        f"claim: {row.key}",
        f"verdict: {row.verdict}" + (f" (expected {row.expect})" if row.expect else ""),
        f"location: {row.source_location}" + (f" ({row.location})" if row.location else ""),
    ]
    if row.quote_parts:
        lines.append("quote: " + "".join(f"«{t}»" if marked else t for t, marked in row.quote_parts))
    for label, value in (
        ("stated", row.stated),
        ("stated value", row.stated_value),
        ("stated interval", row.stated_interval),
        ("computed", row.computed),
        ("computed interval", row.computed_interval),
        ("difference", row.difference),
        ("relative difference", row.relative_difference),
        ("formula", row.expr),
        ("filled in", row.formula_filled),
    ):
        if value:
            lines.append(f"{label}: {value}")
    for label, value in row.extra.items():
        lines.append(f"{label}: {value}")
    if row.missing:
        lines.append("missing: " + ", ".join(row.missing))
    if row.message:
        lines.append(f"message: {row.message}")
    if row.change is not None:
        lines.append(f"since baseline: {row.change.text}")
    lines.append("")
    lines.append(row.explanation)
    return "\n".join(lines)


def _counts(rows: list[ResultView]) -> dict[str, int]:
    counts = {v.value: 0 for v in Verdict}
    for row in rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    return counts


def render(view: ReportView) -> str:
    """The JUnit XML document, UTF-8, with an XML declaration."""
    root = ET.Element("testsuites", name="factcheck", tests=str(view.total + len(view.diagnostics)))
    failures_total = errors_total = 0
    for doc, rows in view.by_document():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_text(doc.id),
            tests=str(len(rows)),
            timestamp=view.generated_at.rstrip("Z"),
            file=xml_text(doc.claim_file),
        )
        props = ET.SubElement(suite, "properties")
        for name, value in (
            ("title", doc.title),
            ("source", doc.source),
            ("sha256", doc.sha256),
            ("factcheck.version", view.version),
            ("generated_at", view.generated_at),
            ("verdicts", ", ".join(f"{v} {n}" for v, n in _counts(rows).items())),
            ("unexpected", str(sum(1 for r in rows if not r.expected))),
        ):
            if value:
                ET.SubElement(props, "property", name=name, value=xml_text(value))
        failures = errors = 0
        for row in rows:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(doc.id),
                name=xml_text(row.id),
                file=xml_text(row.file),
            )
            if row.line is not None:
                case.set("line", str(row.line))
            text = xml_text(_details(row))
            summary = one_line(f"{row.verdict}: {row.explanation}")[:300]
            if not row.expected:
                tag = "error" if row.verdict == "error" else "failure"
                if tag == "error":
                    errors += 1
                else:
                    failures += 1
                node = ET.SubElement(case, tag, message=xml_text(summary), type=row.verdict)
                node.text = text
            else:
                out = ET.SubElement(case, "system-out")
                out.text = text
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        failures_total += failures
        errors_total += errors
    if view.diagnostics:
        suite = ET.SubElement(root, "testsuite", name="claim files", tests=str(len(view.diagnostics)))
        diag_errors = 0
        for d in view.diagnostics:
            case = ET.SubElement(
                suite, "testcase", classname="claim files", name=xml_text(d.file), file=xml_text(d.file)
            )
            if d.line is not None:
                case.set("line", str(d.line))
            where = d.file + (f":{d.line}:{d.col or 1}" if d.line is not None else "")
            if d.severity == "error":
                diag_errors += 1
                node = ET.SubElement(case, "error", message=xml_text(one_line(f"{d.code} {d.message}")), type=d.code)
            else:
                node = ET.SubElement(case, "system-out")
            node.text = xml_text(f"{where}: {d.code} {d.message}")
        suite.set("failures", "0")
        suite.set("errors", str(diag_errors))
        errors_total += diag_errors
    root.set("failures", str(failures_total))
    root.set("errors", str(errors_total))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
