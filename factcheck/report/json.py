"""The JSON report: a versioned schema other tools can rely on (docs/report-json.md).

Exact values are strings written by :func:`factcheck.numbers.decimal_string`: a plain decimal
(``"983113200"``, ``"-0.2"``) when the value has one, else a fraction ``"p/q"``. They are never
JSON numbers, so no reader loses precision. The ``display`` object of each result carries the
same values formatted for people, the way the document writes numbers.

The schema itself ships as ``factcheck/schema/report.schema.json``. Within a major version,
fields are only added; a reader should ignore fields it does not know.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from factcheck.model import Interval
from factcheck.numbers import decimal_string
from factcheck.report.view import ReportView, ResultView

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://factcheck.invalid/schema/report-1.json"  # an identifier, never fetched


def _exact(value: Fraction | None) -> str | None:
    if value is None:
        return None
    return decimal_string(value if type(value) is Fraction else Fraction(value))


def _interval(interval: Interval | None) -> dict[str, str | None] | None:
    if interval is None:
        return None
    return {"lo": _exact(interval.lo), "hi": _exact(interval.hi)}


def _parts(parts: tuple[tuple[str, bool], ...]) -> dict[str, int] | None:
    """Character offsets of the marked figure in the (cleaned) quote."""
    pos = 0
    for text, marked in parts:
        if marked:
            return {"start": pos, "end": pos + len(text)}
        pos += len(text)
    return None


def result_dict(row: ResultView) -> dict[str, Any]:
    """One result as the schema describes it."""
    r = row.result
    return {
        "file": row.file,
        "document": row.document_id,
        "id": row.id,
        "key": row.key,
        "verdict": row.verdict,
        "expected": row.expected,
        "expect": row.expect,
        "stated_text": row.stated or None,
        "stated": _exact(r.stated_value),
        "stated_interval": _interval(r.stated_interval),
        "computed": _exact(r.computed),
        "computed_interval": _interval(r.computed_interval),
        "difference": _exact(r.difference),
        "relative_difference": _exact(r.relative_difference),
        "scale_factor": _exact(r.scale_factor),
        "unit": row.unit or None,
        "computed_unit": r.computed_unit,
        "expr": row.expr or None,
        "formula_filled": row.formula_filled or None,
        "quote": row.quote or None,
        "quote_figure": _parts(row.quote_parts),
        "explanation": row.explanation,
        "message": row.message or None,
        "missing": list(row.missing),
        "inputs": [
            {
                "name": i.name,
                "claim": i.claim_id or None,
                "stated_text": i.stated or None,
                "value": i.exact,
                "interval": _interval(inp.interval),
                "unit": i.unit or None,
                "computed": i.computed,
                "quote": i.quote or None,
            }
            for i, inp in zip(row.inputs, r.inputs, strict=True)
        ],
        "location": {
            "file": row.file,
            "line": row.line,
            "column": row.col,
            "page": row.page or None,
            "document_line": row.pdf_line or None,
        },
        "display": {
            "stated": row.stated_value,
            "computed": row.computed,
            "difference": row.difference,
            "relative_difference": row.relative_difference,
            "stated_interval": row.stated_interval,
            "computed_interval": row.computed_interval,
            "location": row.location,
        },
        "change": None if row.change is None else row.change.kind,
    }


def report_dict(view: ReportView) -> dict[str, Any]:
    """The whole report as plain JSON data."""
    summary: dict[str, int] = {"total": view.total, **view.counts, "unexpected": view.unexpected}
    data: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": view.version},
        "generated_at": view.generated_at,
        "documents": [
            {
                "id": d.id,
                "title": d.title or None,
                "source": d.source or None,
                "sha256": d.sha256 or None,
                "language": d.language or None,
                "claim_file": d.claim_file,
            }
            for d in view.documents
        ],
        "summary": summary,
        "results": [result_dict(r) for r in view.results],
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "file": d.file,
                "line": d.line,
                "column": d.col,
            }
            for d in view.diagnostics
        ],
        "baseline": None,
    }
    if view.changes is not None:
        data["baseline"] = {
            **(view.baseline or {}),
            "changes": [
                {
                    "key": c.key,
                    "document": c.document,
                    "id": c.id,
                    "change": c.kind,
                    "old_verdict": c.old_verdict,
                    "new_verdict": c.new_verdict,
                }
                for c in view.changes
            ],
        }
    return data


def render(view: ReportView) -> str:
    """The JSON report text: UTF-8, two-space indent, a final newline."""
    return json.dumps(report_dict(view), ensure_ascii=False, indent=2) + "\n"
