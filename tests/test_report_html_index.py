"""`report --format html` over many claim files: an index page and one page per document."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.report.html_index import INDEX_FROM


def _corpus(folder: Path, n: int) -> Path:
    """``n`` small claim files; doc-3 has a mismatch, doc-5 a title that tries to be HTML."""
    folder.mkdir()
    for i in range(n):
        total = "38" if i == 3 else "35"
        title = "<script>alert(1)</script> budget" if i == 5 else f"Budget {i}"
        (folder / f"doc-{i}.yaml").write_text(
            f'document: {{id: doc-{i}, title: "{title}"}}\nclaims:\n'
            '  - id: a\n    stated: "12"\n  - id: b\n    stated: "23"\n  - id: c\n    stated: "7"\n'
            f'  - id: total\n    stated: "{total}"\n    expr: a + b\n', encoding="utf-8")
    return folder


def test_many_documents_get_an_index_and_a_page_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = _corpus(tmp_path / "claims", INDEX_FROM + 1)
    index = tmp_path / "out" / "report.html"
    assert main(["report", str(claims), "-f", "html", "-o", str(index)]) == 1
    assert f"wrote {index} and {INDEX_FROM + 1} document pages" in capsys.readouterr().err
    text = index.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', text)
    assert len(links) == INDEX_FROM + 1
    assert links[0] == ("report-documents/doc-3.html", "doc-3")  # unexpected verdicts first
    for href, doc_id in links:
        page = (index.parent / href).read_text(encoding="utf-8")
        # a page is its own document's report: its relation, no other document
        assert set(re.findall(r"doc-\d+", page)) == {doc_id}
        assert "total" in page
    row = re.search(r'<tr class="attention">(.*?)</tr>', text, re.S)
    assert row is not None
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]
    # document, title, figures, checks, mismatch, scale, unit, unverifiable, error, conflict, unexpected
    assert cells[1:] == ["Budget 3", "3", "1", "1", "0", "0", "0", "0", "0", "1"]
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; budget" in text
    assert "script-src" not in text and "default-src 'none'" in text  # the index runs no script


def test_few_documents_stay_one_page_and_json_stays_one_file(tmp_path: Path) -> None:
    few = _corpus(tmp_path / "few", INDEX_FROM - 1)
    main(["report", str(few), "-f", "html", "-o", str(tmp_path / "few.html")])
    assert not (tmp_path / "few-documents").exists()
    assert (tmp_path / "few.html").read_text(encoding="utf-8").count("doc-3.total") >= 1
    many = _corpus(tmp_path / "many", INDEX_FROM)
    main(["report", str(many), "-f", "json", "-o", str(tmp_path / "many.json")])
    assert len(json.loads((tmp_path / "many.json").read_text(encoding="utf-8"))["results"]) == INDEX_FROM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["few", "few.html", "many", "many.json"]


def test_report_dir_writes_the_index_too(tmp_path: Path) -> None:
    claims = _corpus(tmp_path / "claims", INDEX_FROM)
    main(["check", str(claims), "--report-dir", str(tmp_path / "reports")])
    assert sorted(p.name for p in (tmp_path / "reports" / "report-documents").iterdir()) == \
        sorted(f"doc-{i}.html" for i in range(INDEX_FROM))
    assert (tmp_path / "reports" / "report.sarif").is_file()
    assert 'href="report-documents/doc-3.html"' in (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
