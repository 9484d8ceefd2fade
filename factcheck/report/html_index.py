"""The HTML report of a corpus: an index page and one page per document, not one huge file.

From :data:`INDEX_FROM` documents on, ``report --format html -o REPORT.html`` (and
``--report-dir``) writes REPORT.html as an index, one row per document with its figures, checks,
problems by verdict and a link, and each document's full report (the same page a single document
gets) in the folder ``REPORT-documents/`` beside it. JSON and SARIF stay single files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from factcheck.fileio import atomic_write
from factcheck.model import ClaimFile, Verdict
from factcheck.report import html as _html
from factcheck.report.sanitize import guard_workflow_commands
from factcheck.report.view import DocumentView, ReportView, ResultView, display_path

INDEX_FROM = 10  # documents; fewer fit one readable page
# The verdicts that are problems, in the order the index shows them.
PROBLEMS = tuple(v.value for v in Verdict if not v.passes_by_default)

_CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
table{border-collapse:collapse}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.attention td:first-child{border-left:4px solid #b00020}
.zero{color:#999}caption{text-align:left;font-weight:600;margin:.5rem 0}"""

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{{ style_hash }}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcheck: {{ rows|length }} documents</title><style>{{ css }}</style></head>
<body><h1>factcheck report: {{ rows|length }} documents</h1>
<p>{{ total.checks }} checks over {{ total.figures }} figures; {{ total.unexpected }} unexpected verdicts;
{{ problems_text }}. Generated {{ view.generated_at }} by factcheck {{ view.version }}.
{% if errors %}{{ errors }} claim files could not be read (see their pages).{% endif %}</p>
<table><caption>Documents, those with unexpected verdicts first</caption>
<thead><tr><th scope="col">document</th><th scope="col">title</th><th scope="col" class="num">figures</th>
<th scope="col" class="num">checks</th>{% for v in problems %}<th scope="col" class="num">{{ v }}</th>{% endfor %}
<th scope="col" class="num">unexpected</th></tr></thead><tbody>
{% for row in rows %}<tr{% if row.unexpected %} class="attention"{% endif %}>
<td><a href="{{ row.href }}">{{ row.id }}</a></td><td>{{ row.title }}</td><td class="num">{{ row.figures }}</td>
<td class="num">{{ row.checks }}</td>{% for v in problems %}<td class="num{% if not row.counts[v] %} zero{% endif %}">{{ row.counts[v] }}</td>{% endfor %}
<td class="num{% if not row.unexpected %} zero{% endif %}">{{ row.unexpected }}</td></tr>
{% endfor %}</tbody></table></body></html>
"""


def wants_index(view: ReportView) -> bool:
    """Whether the HTML report of ``view`` is an index with a page per document."""
    return len(view.documents) >= INDEX_FROM


def figure_counts(files: Iterable[ClaimFile], base_dir: Path | None = None) -> dict[str, int]:
    """Figures (claims that are not relations) per claim file, by the path the report shows."""
    return {display_path(f.document.path, base_dir): sum(1 for c in f.claims if not c.is_judged) for f in files}


def _page_name(doc: DocumentView, used: set[str]) -> str:
    stem = re.sub(r"[^a-z0-9_-]+", "-", doc.id.lower()).strip("-") or "document"
    name, n = f"{stem}.html", 2
    while name in used:
        name, n = f"{stem}-{n}.html", n + 1
    used.add(name)
    return name


def _document_view(view: ReportView, doc: DocumentView, rows: list[ResultView]) -> ReportView:
    counts = Counter(r.verdict for r in rows)
    changes = None if view.changes is None else [c for c in view.changes if c.document == doc.id]
    return replace(
        view, documents=[doc], results=rows, total=len(rows),
        counts={v: counts.get(v, 0) for v in view.counts}, unexpected=sum(1 for r in rows if not r.expected),
        diagnostics=[d for d in view.diagnostics if d.file == doc.claim_file], changes=changes,
    )


def write_index(view: ReportView, index: Path, figures: dict[str, int], *, images: bool = True) -> list[Path]:
    """Write the index at ``index`` and one page per document beside it; return the paths written."""
    folder = index.with_name(index.stem + "-documents")
    used: set[str] = set()
    written: list[Path] = []
    rows: list[dict[str, Any]] = []
    for doc, results in view.by_document():
        name = _page_name(doc, used)
        page = folder / name
        atomic_write(page, guard_workflow_commands(_html.render(_document_view(view, doc, results), images=images)))
        written.append(page)
        counts = Counter(r.verdict for r in results)
        rows.append({
            "id": doc.id, "title": doc.title, "href": f"{folder.name}/{name}",
            "figures": figures.get(doc.claim_file, 0), "checks": len(results),
            "counts": {v: counts.get(v, 0) for v in PROBLEMS},
            "unexpected": sum(1 for r in results if not r.expected),
        })
    rows.sort(key=lambda r: (-r["unexpected"], r["id"]))
    total_counts = {v: sum(r["counts"][v] for r in rows) for v in PROBLEMS}
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    text = env.from_string(_TEMPLATE).render(
        view=view, rows=rows, problems=PROBLEMS, css=Markup(_CSS), style_hash=_html._csp_hash(_CSS),
        total={"checks": sum(r["checks"] for r in rows), "figures": sum(r["figures"] for r in rows),
               "unexpected": sum(r["unexpected"] for r in rows)},
        problems_text=", ".join(f"{n} {v}" for v, n in total_counts.items() if n) or "no problems",
        errors=sum(1 for d in view.diagnostics if d.severity == "error"),
    )
    atomic_write(index, guard_workflow_commands(text))
    written.append(index)
    return written
