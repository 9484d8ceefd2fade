"""SARIF 2.1.0 for code scanning: one result per unexpected verdict, at the claim's line in its YAML file.

Locations are relative URIs (``claims/x.yaml``) against ``%SRCROOT%``, the repository root
when the report is made from there, which is how GitHub code scanning maps them onto a pull
request. There is one rule per verdict (``factcheck/mismatch`` ...). A claim file that could not
be read (an error diagnostic such as FC101) is a result too, at its line, under a rule named after
its code (``factcheck/FC101``), so a broken file is annotated where it breaks rather than only
noted in the tool's log; it is also a tool execution notification. ``partialFingerprints`` carry
the claim's qualified id, so a result keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from factcheck.model import Verdict
from factcheck.report.sanitize import clean, one_line
from factcheck.report.view import VERDICT_HELP, DiagnosticView, ReportView, ResultView

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"  # an identifier; never fetched
RULE_PREFIX = "factcheck/"

# How loudly code scanning shows an unexpected verdict of each kind.
LEVELS: dict[str, str] = {
    "consistent": "warning",  # unexpected only when `expect` named another verdict
    "rounding": "warning",
    "mismatch": "error",
    "scale": "error",
    "unit": "error",
    "unverifiable": "warning",
    "error": "error",
    "conflict": "error",
}


def rule_id(verdict: str) -> str:
    return RULE_PREFIX + verdict


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule_id(v.value),
            "name": v.value.capitalize(),
            "shortDescription": {"text": f"Verdict: {v.value}"},
            "fullDescription": {"text": VERDICT_HELP[v.value]},
            "defaultConfiguration": {"level": LEVELS[v.value]},
            "help": {"text": f"{VERDICT_HELP[v.value]} See docs/verdicts.md."},
        }
        for v in Verdict
    ]


def _diagnostic_rules(view: ReportView) -> list[dict[str, Any]]:
    codes = sorted({d.code for d in view.diagnostics if d.severity == "error"})
    return [
        {
            "id": rule_id(code),
            "name": code,
            "shortDescription": {"text": f"{code}: an input could not be read"},
            "fullDescription": {"text": "A claim file, or part of it, could not be read; see docs/errors.md."},
            "defaultConfiguration": {"level": "error"},
            "help": {"text": f"See {code} in docs/errors.md."},
        }
        for code in codes
    ]


def _diagnostic_result(d: DiagnosticView, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(1, d.line or 1)}
    if d.col:
        region["startColumn"] = max(1, d.col)
    text = one_line(f"{d.code} {d.message}")
    fingerprint = hashlib.sha256(f"{d.file}\0{d.code}\0{d.message}".encode("utf-8")).hexdigest()[:32]
    return {
        "ruleId": rule_id(d.code),
        "ruleIndex": index[d.code],
        "level": "error",
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": d.file, "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"factcheckDiagnostic/v1": fingerprint},
        "properties": {"code": d.code},
    }


def _message(row: ResultView) -> str:
    parts = [f"{row.id}: {row.verdict}"]
    if row.expect:
        parts[0] += f" (expected {row.expect})"
    if row.stated:
        figures = f"stated {row.stated}"
        if row.computed:
            figures += f", computed {row.computed}"
        if row.difference:
            figures += f", difference {row.difference}"
            if row.relative_difference:
                figures += f" ({row.relative_difference})"
        parts.append(figures)
    if row.location:
        parts.append(f"document {row.location}")
    if row.change is not None:
        parts.append(f"Since the baseline: {row.change.text}")
    text = ". ".join(parts) + "."
    if row.explanation:
        text += "\n" + row.explanation
    return clean(text)


def _result(row: ResultView, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(1, row.line or 1)}
    if row.col:
        region["startColumn"] = max(1, row.col)
    fingerprint = hashlib.sha256(row.key.encode("utf-8")).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": rule_id(row.verdict),
        "ruleIndex": index[row.verdict],
        "level": LEVELS.get(row.verdict, "warning"),
        "message": {"text": _message(row)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": row.file, "uriBaseId": "%SRCROOT%"},
                    "region": region,
                },
                "logicalLocations": [{"name": row.id, "fullyQualifiedName": row.key, "kind": "member"}],
            }
        ],
        "partialFingerprints": {"factcheckClaim/v1": fingerprint},
        "properties": {
            "verdict": row.verdict,
            "expect": row.expect,
            "document": row.document_id,
            "stated": row.stated,
            "computed": row.computed,
            "quote": row.quote,
        },
    }
    if row.change is not None:
        result["baselineState"] = "new" if row.change.kind == "new" else "updated"
    return result


def report_dict(view: ReportView) -> dict[str, Any]:
    index = {v.value: i for i, v in enumerate(Verdict)}
    extra_rules = _diagnostic_rules(view)
    index.update({rule["name"]: len(index) + i for i, rule in enumerate(extra_rules)})
    notifications = [
        {
            "level": "error" if d.severity == "error" else "warning",
            "message": {"text": one_line(f"{d.code} {d.message}")},
            "descriptor": {"id": d.code},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.file, "uriBaseId": "%SRCROOT%"},
                        **({"region": {"startLine": max(1, d.line)}} if d.line else {}),
                    }
                }
            ],
        }
        for d in view.diagnostics
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": view.version,
                "semanticVersion": view.version,
                "rules": _rules() + extra_rules,
            }
        },
        "automationDetails": {"id": "factcheck/"},
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory the report was made in."}}},
        "invocations": [
            {
                "executionSuccessful": not any(d.severity == "error" for d in view.diagnostics),
                "endTimeUtc": view.generated_at,
                "toolExecutionNotifications": notifications,
            }
        ],
        "artifacts": [
            {
                "location": {"uri": d.claim_file, "uriBaseId": "%SRCROOT%"},
                "description": {"text": one_line(f"Claims about {d.title or d.id}")},
            }
            for d in view.documents
            if d.claim_file
        ],
        "results": [_result(r, index) for r in view.results if not r.expected]
        + [_diagnostic_result(d, index) for d in view.diagnostics if d.severity == "error"],
        "properties": {
            "summary": {"total": view.total, **view.counts, "unexpected": view.unexpected},
            "baselineChanges": None
            if view.changes is None
            else [
                {"key": c.key, "change": c.kind, "old_verdict": c.old_verdict, "new_verdict": c.new_verdict}
                for c in view.changes
            ],
            "documents": [
                {"id": d.id, "title": d.title, "source": d.source, "sha256": d.sha256} for d in view.documents
            ],
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(view: ReportView) -> str:
    return json.dumps(report_dict(view), ensure_ascii=False, indent=2) + "\n"
