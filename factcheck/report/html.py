"""One self-contained HTML file: summary bar, filters, search, and a result you can open.

Everything is inline: the CSS and the script are read from ``templates/`` and placed in the page,
pictures of PDF pages are ``data:`` URIs. A Content-Security-Policy allows exactly that inline
style and script (by hash), ``data:`` images and nothing else, so the file loads nothing from
the network, and an injected ``<script>`` would not run even if escaping ever failed.

Jinja2 autoescape is on for the whole template: every string from a document is escaped.
Only the CSS and the script, files of this package, are marked safe, and they are checked not
to contain a closing tag.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from factcheck.model import Verdict
from factcheck.report.mathml import formula_mathml
from factcheck.report.page_image import claim_image_uri
from factcheck.report.view import VERDICT_HELP, ReportView, ResultView, omitted_note

TEMPLATE = "report.html.j2"
_VERDICTS = {v.value for v in Verdict}


def _asset(name: str) -> str:
    return resources.files("factcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["verdict_class"] = lambda v: v if v in _VERDICTS else "unknown"
    return env


@lru_cache(maxsize=1)
def _template() -> Any:
    return _environment().from_string(_asset(TEMPLATE))


_NOT_IN_ANCHOR = re.compile(r"[^a-z0-9_-]+")


def _anchor(key: str, used: set[str]) -> str:
    slug = "r-" + _NOT_IN_ANCHOR.sub("-", key.lower()).strip("-")
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate


def _facts(row: ResultView) -> list[tuple[str, str]]:
    pairs = [
        ("verdict", f"{row.verdict}: {VERDICT_HELP.get(row.verdict, '')}"),
        ("expected verdict", row.expect or ""),
        ("stated", row.stated),
        ("stated value", row.stated_value if row.stated_value.replace("\u00a0", " ") != row.stated else ""),
        ("stated interval", row.stated_interval),
        ("computed", row.computed),
        ("computed interval", row.computed_interval),
        ("difference", row.difference),
        ("relative difference", row.relative_difference),
        *row.extra.items(),
        ("missing inputs", ", ".join(row.missing)),
        ("message", row.message),
        ("in the document", row.location),
        ("claim file", row.source_location),
        ("since baseline", row.change.text if row.change else ""),
    ]
    return [(k, v) for k, v in pairs if v]


def _bar(view: ReportView) -> list[dict[str, Any]]:
    total = sum(view.counts.values())
    if not total:
        return []
    segments, x = [], 0.0
    for verdict, n in view.counts.items():
        if not n:
            continue
        width = 1000.0 * n / total
        segments.append({"verdict": verdict, "count": n, "x": f"{x:.2f}", "width": f"{width:.2f}"})
        x += width
    return segments


def render(view: ReportView, *, images: bool = True) -> str:
    """The HTML report. With ``images``, claims from a PDF with a box get a picture of the page."""
    css, js = _asset("report.css"), _asset("report.js")
    for text in (css, js):
        if re.search(r"</(style|script)", text, re.IGNORECASE):  # pragma: no cover - our own files
            raise ValueError("an inline asset contains a closing tag")
    used: set[str] = set()
    anchors = {row.key: _anchor(row.key, used) for row in view.listed}
    formulas = {
        row.key: formula_mathml(
            row.expr, row.result.document.language or "nl", row.id,
            row.formula_root if row.expr == row.result.claim.expr else None,
        )
        for row in view.listed
    }
    pictures: dict[str, str | None] = {}
    for row in view.listed:
        uri = None
        if images:
            doc = row.result.document
            uri = claim_image_uri(doc.path, doc.source, row.result.claim.where)
        pictures[row.key] = uri
    languages = {d.language for d in view.documents if d.language}
    lang = languages.pop() if len(languages) == 1 else "en"
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang):
        lang = "en"
    counts = ", ".join(f"{v} {n}" for v, n in view.counts.items() if n) or "no relations"
    page: str = _template().render(
        view=view,
        lang=lang,
        css=Markup(css),
        js=Markup(js),
        style_hash=_csp_hash(css),
        script_hash=_csp_hash(js),
        bar=_bar(view),
        bar_label=f"Verdicts: {counts}",
        anchors=anchors,
        images=pictures,
        mathml=formulas,
        facts=_facts,
        omitted_note=omitted_note,
    )
    return page
