"""Baseline mode: which verdicts changed since an earlier run.

The baseline is a JSON report written by an earlier ``factcheck report --format json`` (schema
1.x, see docs/report-json.md). Relations are matched by document id and claim id. Each relation
is then *new* (not in the baseline), *removed* (only in the baseline), *changed* (another
verdict) or unchanged; every format lists the first three, and marks changed rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.report.sanitize import one_line
from factcheck.report.view import Change, ReportView, result_key

__all__ = ["BaselineError", "load_baseline", "compare", "attach_changes"]

SUPPORTED_MAJOR = "1"


class BaselineError(FactcheckError, ValueError):
    """The baseline file is not a factcheck JSON report this version can read."""

    code = "FC400"


MAX_BASELINE_BYTES = 512 * 1024 * 1024


def load_baseline(path: str | Path) -> dict[str, Any]:
    """Read a baseline JSON report; :class:`BaselineError` with the path when it is not one.

    Only the fields a report uses are read, and each must have its type: a deeply nested or
    oddly shaped file is an error or ignored, never a traceback.
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise BaselineError("is a folder, not a JSON report", path=str(p))
        if p.stat().st_size > MAX_BASELINE_BYTES:
            raise BaselineError(f"baseline is larger than {MAX_BASELINE_BYTES // 2**20} MiB", path=str(p))
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline report: {exc.strerror or exc}", path=str(p)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "colno", None)
        raise BaselineError(f"baseline is not JSON: {exc}", path=str(p), line=line, col=col) from exc
    except RecursionError:
        raise BaselineError("baseline is nested too deeply to be a factcheck JSON report", path=str(p)) from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BaselineError("baseline is not a factcheck JSON report (no 'results' list)", path=str(p))
    version = data.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != SUPPORTED_MAJOR:
        shown = repr(version[:40]) if isinstance(version, str) else f"of type {type(version).__name__}"
        raise BaselineError(
            f"baseline has schema_version {shown}; this factcheck reads {SUPPORTED_MAJOR}.x", path=str(p)
        )
    for key in ("generated_at",):
        if not isinstance(data.get(key, ""), str):
            data[key] = ""
    if not isinstance(data.get("tool"), dict) or not isinstance(data["tool"].get("version", ""), str):
        data["tool"] = {}
    data["_path"] = str(p)  # where it was read, never what the file claims
    return data


def _baseline_entries(baseline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for item in baseline.get("results", []):
        if not isinstance(item, dict):
            continue
        doc, cid, verdict = item.get("document"), item.get("id"), item.get("verdict")
        if not isinstance(doc, str) or not isinstance(cid, str) or not isinstance(verdict, str):
            continue
        entries[result_key(one_line(doc), one_line(cid))] = {
            "document": one_line(doc),
            "id": one_line(cid),
            "verdict": one_line(verdict),
            "expected": item.get("expected") if isinstance(item.get("expected"), bool) else None,
        }
    return entries


def compare(view: ReportView, baseline: dict[str, Any]) -> list[Change]:
    """The changes from ``baseline`` to ``view``: new and changed in report order, then removed."""
    old = _baseline_entries(baseline)
    changes: list[Change] = []
    seen: set[str] = set()
    for row in view.results:
        seen.add(row.key)
        before = old.get(row.key)
        if before is None:
            changes.append(Change(row.key, row.document_id, row.id, "new", None, row.verdict, None, row.expected))
        elif before["verdict"] != row.verdict:
            changes.append(
                Change(
                    row.key,
                    row.document_id,
                    row.id,
                    "changed",
                    before["verdict"],
                    row.verdict,
                    before["expected"],
                    row.expected,
                )
            )
    for key in sorted(set(old) - seen):
        before = old[key]
        changes.append(
            Change(key, before["document"], before["id"], "removed", before["verdict"], None, before["expected"], None)
        )
    return changes


def _text(value: Any) -> str:
    return one_line(value) if isinstance(value, str) else ""


def attach_changes(view: ReportView, baseline: dict[str, Any]) -> None:
    """Fill ``view.changes`` and each row's ``change`` from ``baseline``."""
    changes = compare(view, baseline)
    view.changes = changes
    by_key = {c.key: c for c in changes}
    for row in view.results:
        row.change = by_key.get(row.key)
    view.baseline = {
        "path": _text(baseline.get("_path")),
        "generated_at": _text(baseline.get("generated_at")),
        "version": one_line(
            _text(baseline["tool"].get("version")) if isinstance(baseline.get("tool"), dict) else ""
        ),
    }
