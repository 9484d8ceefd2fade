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


def _e(text: str) -> str:
    """Jinja2's autoescape of a string: what markupsafe.escape does (tests/test_report_fast_paths.py)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    return text


def _marked(parts: tuple[tuple[str, bool], ...]) -> str:
    return "".join(f"<mark>{_e(text)}</mark>" if marked else _e(text) for text, marked in parts)


def _result_html(
    r: ResultView, anchor: str, image: str | None, mathml: Markup | None, many_documents: bool
) -> str:
    """One result, exactly as the results loop of ``templates/report.html.j2`` writes it.

    Jinja2's loop, with its attribute lookups and escaping, made a large report about a third
    slower; this writes the same text with one escaping call per value. The template keeps the
    loop, used when ``render(fast=False)``, and tests compare the two.
    """
    verdict = _e(r.verdict)
    out = [
        (
            f'\n<details class="result v-{_e(r.verdict if r.verdict in _VERDICTS else "unknown")}" id="{_e(anchor)}"'
            f' data-verdict="{verdict}" data-doc="{_e(r.document_id)}" data-expected="{"true" if r.expected else "false"}"'
        )
    ]
    if r.change:
        out.append(f' data-change="{_e(r.change.kind)}"')
    out.append(f'>\n<summary>\n<span class="verdict"><span class="badge">{verdict}</span>')
    if not r.expected:
        out.append(' <span class="flag">unexpected</span>')
    elif r.expect:
        out.append(' <span class="flag ok">expected</span>')
    if r.change:
        out.append(f' <span class="change">{_e(r.change.text)}</span>')
    out.append('</span>\n<span class="claim">')
    if r.sentence_parts:
        out.append(f'<span class="sentence">{_marked(r.sentence_parts)}</span>')
    out.append(f'<span class="id">{_e(r.id)}')
    if many_documents:
        out.append(f'<span class="doc">{_e(r.document_id)}</span>')
    if r.statements:
        stated = "".join(f'<span class="statement">{_e(f)} <small>{_e(w)}</small></span>' for f, w in r.statements)
    else:
        stated = _e(r.stated or "—")
    out.append(
        f'</span></span>\n<span class="num"><span class="cell-label">stated</span>{stated}</span>\n'
        f'<span class="num"><span class="cell-label">computed</span>{_e(r.computed or "—")}</span>\n'
        f'<span class="num"><span class="cell-label">difference</span>{_e(r.difference or "—")}</span>\n'
        f'<span class="num"><span class="cell-label">relative</span>{_e(r.relative_difference or "—")}</span>\n'
        f'<span><span class="cell-label">where</span>{_e(r.location or r.source_location)}</span>\n'
        f'</summary>\n<div class="body">\n'
        f'<p class="permalink"><a href="#{_e(anchor)}">Link to this result</a> · <code>{_e(r.key)}</code></p>\n'
    )
    if r.quote_parts:
        out.append(f'<blockquote class="quote">{_marked(r.quote_parts)}</blockquote>')
    out.append("\n")
    if image:
        page = _e(r.page)
        out.append(
            f'<figure><img src="{_e(image)}" alt="Part of page {page} of the source document, with the figure'
            f' {_e(r.stated)} outlined"><figcaption>Page {page} of the source document; the figure is outlined.'
            "</figcaption></figure>"
        )
    out.append(f'\n<p class="explanation">{_e(r.explanation)}</p>\n<dl class="facts">\n')
    out += [f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>\n" for label, value in _facts(r)]
    out.append("</dl>\n")
    if r.formula:
        out.append('<div class="formula"><strong>Formula</strong>\n')
        if mathml:
            out.append(f'<div class="math">{mathml!s}</div>')
        out.append(f'\n<pre aria-label="formula {_e(r.expr)}">{_e(r.formula)}</pre>\n')
        if r.formula_filled:
            out.append(f'<pre aria-label="formula with values">{_e(r.formula_filled)}</pre>')
        out.append("\n")
        if r.formula_latex:
            out.append(f"<details><summary>LaTeX</summary><pre><code>{_e(r.formula_latex)}</code></pre></details>")
        out.append("\n</div>")
    out.append("\n")
    if r.inputs:
        out.append(
            '<div class="scroll"><table class="inputs">\n'
            f'<caption class="visually-hidden">Inputs of {_e(r.id)}</caption>\n'
            '<thead><tr><th scope="col">input</th><th scope="col">value</th><th scope="col">stated</th>'
            '<th scope="col">quote</th><th scope="col">where</th></tr></thead>\n<tbody>\n'
        )
        own = f"{r.document_id}."
        for i in r.inputs:
            out.append(f"<tr><td><code>{_e(i.name)}</code>")
            if i.computed:
                out.append(" <em>(computed)</em>")
            if i.claim_id and i.claim_id != own + i.name:
                out.append(f"<br><small>{_e(i.claim_id)}</small>")
            out.append(f'</td><td class="num">{_e(i.value)}')
            if i.interval:
                out.append(f"<br><small>{_e(i.interval)}</small>")
            out.append(
                f'</td><td class="num">{_e(i.stated)}</td><td>{_marked(i.quote_parts)}</td><td>{_e(i.page)}</td></tr>\n'
            )
        out.append("</tbody>\n</table></div>")
    out.append("\n</div>\n</details>\n")
    return "".join(out)


def render(view: ReportView, *, images: bool = True, fast: bool = True) -> str:
    """The HTML report. With ``images``, claims from a PDF with a box get a picture of the page.

    ``fast`` writes the results with :func:`_result_html` rather than the template's loop
    (the same text; tests compare them).
    """
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
    results = None
    if fast:
        many = len(view.documents) > 1
        results = Markup("".join(
            _result_html(row, anchors[row.key], pictures[row.key], formulas[row.key], many) for row in view.listed
        ))
    page: str = _template().render(
        results_html=results,
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
