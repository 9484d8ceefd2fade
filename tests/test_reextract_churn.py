"""Re-extraction after a small change in the document changes only the lines whose values changed.

Issue 11, point 8: a one-line change in the source switched the quoting of ~65 `where:` lines
of a hand-edited claim file (ruamel's single quotes for the fast writer's double ones), and a
comment written by hand was lost on the run after.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from factcheck import yaml_roundtrip as yr
from factcheck.extract import extract_document
from factcheck.extract_cli import main
from factcheck.merge import merge_into_file

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
COMMENT = "  # checked by hand on 3 december\n"


def _changed_lines(old: str, new: str) -> list[str]:
    """The removed and added lines of a diff, without its headers and context."""
    return [
        line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _extract(doc: Path, target: Path) -> None:
    assert main([str(doc), "-o", str(target), "--no-progress"]) == 0


def _edited_copy(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled document extracted into a claim file that a person then edited."""
    doc = tmp_path / DOC.name
    doc.write_text(DOC.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "claims" / "asiel.yaml"
    _extract(doc, target)
    text = target.read_text(encoding="utf-8")
    edited = text.replace("claims:\n", "claims:\n" + COMMENT, 1).replace(
        "    subject: COA\n", "    subject: COA crisisnoodopvang\n", 1)
    assert edited.count("\n") == text.count("\n") + 1 and "COA crisisnoodopvang" in edited
    target.write_text(edited, encoding="utf-8")
    return doc, target


def test_one_line_change_rewrites_only_that_claim(tmp_path: Path) -> None:
    doc, target = _edited_copy(tmp_path)
    for old_figure, new_figure in [("30.343", "30.344"), ("30.344", "30.345")]:
        source = doc.read_text(encoding="utf-8")
        assert source.count(f"{old_figure} asielzoekers") == 1
        doc.write_text(source.replace(f"{old_figure} asielzoekers", f"{new_figure} asielzoekers"), encoding="utf-8")
        before = target.read_text(encoding="utf-8")
        _extract(doc, target)
        after = target.read_text(encoding="utf-8")
        changed = _changed_lines(before, after)
        old_value, new_value = old_figure.replace(".", ""), new_figure.replace(".", "")
        # The discovered relation that uses the figure says so in its evidence (inputs, how well
        # it matches): discovered fields follow the document too, nothing else of the file moves.
        evidence = [line for line in changed if line.startswith(("-      ", "+      "))]
        assert f'+      inputs: "asielzoekers_noodopvang ({new_figure}), ' in "\n".join(evidence), evidence
        changed = [line for line in changed if line not in evidence]
        assert sorted(changed) == sorted([
            f'-    quote: "Er verblijven op dit moment {old_figure} asielzoekers in de noodopvang (zie website COA)."',
            f'+    quote: "Er verblijven op dit moment {new_figure} asielzoekers in de noodopvang (zie website COA)."',
            f'-    stated: "{old_figure}"', f'+    stated: "{new_figure}"',
            f'-    value: "{old_value}"', f'+    value: "{new_value}"',
            *[line for line in changed if line.startswith(("-  sha256: ", "+  sha256: "))],
        ]), changed
        assert sum(line.startswith("+  sha256: ") for line in changed) == 1
        assert COMMENT in after and "    subject: COA crisisnoodopvang\n" in after


def test_shifted_positions_keep_the_quoting_of_where(tmp_path: Path) -> None:
    doc, target = _edited_copy(tmp_path)
    before = target.read_text(encoding="utf-8")
    source = doc.read_text(encoding="utf-8")
    # A word inserted high in the document moves the offsets of every figure after it.
    assert "gebaseerd op de Meerjaren" in source
    doc.write_text(source.replace("gebaseerd op de Meerjaren", "gebaseerd op de actuele Meerjaren", 1), encoding="utf-8")
    _extract(doc, target)
    after = target.read_text(encoding="utf-8")
    moved = [line[1:] for line in _changed_lines(before, after) if line.startswith("+    where: ")]
    assert len(moved) > 40  # the figures after the insertion
    shapes_before = {re.sub(r"\d+", "N", line) for line in before.splitlines() if line.startswith("    where: ")}
    for line in moved:
        assert re.sub(r"\d+", "N", line) in shapes_before, line
    assert "asked_by: '" not in after
    assert COMMENT in after


def test_conflict_with_a_missing_side_does_not_rewrite_the_file(tmp_path: Path) -> None:
    extracted = extract_document(DOC)
    path = tmp_path / "asiel.yaml"
    merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    text = path.read_text(encoding="utf-8")
    # A person edits a period; the next extraction no longer finds one: a conflict whose `now` is null.
    edited = text.replace('    period: "vanaf 2027"\n', '    period: "2027 en later"\n', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    claims = [dict(c) for c in extracted.claims]
    target = next(c for c in claims if c.get("period") == "vanaf 2027")
    del target["period"]
    _, report = merge_into_file(path, extracted.header, claims, extracted.extraction_info())
    assert report.conflicts == [(target["id"], "period")]
    conflicted = path.read_text(encoding="utf-8")
    assert "        now:\n" in conflicted
    # The next run, with one more figure changed, touches that figure's line only.
    claims[0] = {**claims[0], "subject": "besparing uit het akkoord"}
    merge_into_file(path, extracted.header, claims, extracted.extraction_info())
    changed = _changed_lines(conflicted, path.read_text(encoding="utf-8"))
    assert [line.split(":")[0] for line in changed] == ["-    subject", "+    subject"], changed
    assert yr.fast_dumps(yr.fast_load(conflicted)) == conflicted


def test_moved_figure_keeps_a_where_written_by_hand(tmp_path: Path) -> None:
    doc, target = _edited_copy(tmp_path)
    text = target.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "asked_by: \"Piri, K. (GL/PvdA)\", part: answer}" in line)
    # Someone rewrote one `where:` in single quotes; only its offsets move on the next run.
    own = line.replace('"Piri, K. (GL/PvdA)"', "'Piri, K. (GL/PvdA)'")
    target.write_text(text.replace(line, own, 1), encoding="utf-8")
    source = doc.read_text(encoding="utf-8")
    doc.write_text(source.replace("gebaseerd op de Meerjaren", "gebaseerd op de actuele Meerjaren", 1), encoding="utf-8")
    _extract(doc, target)
    after = target.read_text(encoding="utf-8")
    moved = re.sub(r"span: \[\d+, \d+\]", "span: [N, N]", own)
    assert [re.sub(r"span: \[\d+, \d+\]", "span: [N, N]", x) for x in after.splitlines()].count(moved) == 1
    assert own not in after  # its offsets did move
