"""Re-extraction updates what discovery wrote (a table total's `expr`, `evidence`, its figures'
`precision`) unless a person edited it, also in files and sidecars written by an older version.

The older version here is the one before c888c75: on the Vancouver quarterly review
(tests/unseen/docs/enmun-01.pdf) it wrote `tolerance: "0.1"` where the percentages of the tables now
get `precision: "-1"`, and its sidecar recorded only EXTRACTED_FIELDS. `_as_older_version` turns
today's extraction into that version's claim file and sidecar (checked byte for byte against the
output of 212f68d when this test was written: these 47 claims were the only difference). Later
versions may write `tolerance` for other cells again; the tests look only at the claims swapped.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from factcheck import yaml_roundtrip as yr
from factcheck.extract_cli import main
from factcheck.json_text import dumps_indented
from factcheck.merge import EXTRACTED_FIELDS, SIDECAR_FORMAT, merge, sidecar_path
from factcheck.merge_splice import spliced_merge

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "tests" / "unseen" / "docs" / "enmun-01.pdf"
OLD_PRECISION = '    precision: "-1"\n'
OLD_TOLERANCE = '    tolerance: "0.1"\n'


def _extract(target: Path) -> None:
    assert main([str(DOC), "-o", str(target), "--no-progress", "--force"]) == 0


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Today's extraction of the document into a new claim file (and its sidecar)."""
    target = tmp_path_factory.mktemp("fresh") / "enmun.yaml"
    _extract(target)
    return target


def _sidecar(path: Path) -> tuple[list[str], dict[str, Any]]:
    text = sidecar_path(path).read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    return comments, json.loads("\n".join(line for line in text.splitlines() if not line.startswith("#")))


def _write_sidecar(path: Path, comments: list[str], base: dict[str, Any]) -> None:
    sidecar_path(path).write_text("\n".join(comments) + "\n" + dumps_indented(base, indent=1) + "\n", encoding="utf-8")


def _claims(path: Path) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in yr.to_plain(yr.load(path))["claims"]}


def _percent_ids(path: Path) -> list[str]:
    return [cid for cid, c in _claims(path).items() if c.get("unit") == "%" and c.get("precision") == "-1"
            and c.get("origin") == "discovered"]


def _as_older_version(fresh: Path, tmp_path: Path) -> Path:
    """The claim file and sidecar the version before c888c75 wrote for the document."""
    target = tmp_path / "enmun.yaml"
    ids = set(_percent_ids(fresh))
    assert len(ids) >= 3
    chunks = fresh.read_text(encoding="utf-8").split("\n  - id: ")
    for i, chunk in enumerate(chunks):
        if chunk.split("\n", 1)[0] in ids:
            assert chunk.count(OLD_PRECISION) == 1
            chunks[i] = chunk.replace(OLD_PRECISION, OLD_TOLERANCE)
    text = "\n  - id: ".join(chunks)
    target.write_text(text, encoding="utf-8")
    comments, base = _sidecar(fresh)
    del base["format"]
    base["claims"] = {cid: {k: v for k, v in c.items() if k in EXTRACTED_FIELDS} for cid, c in base["claims"].items()}
    base["written_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    _write_sidecar(target, comments, base)
    return target


def _merge_again(target: Path) -> Any:
    """Run `factcheck extract` into ``target`` again; the merge's report."""
    return _run(target)[0]


def _run(target: Path) -> tuple[Any, tuple[Any, ...]]:
    """Run `factcheck extract` into ``target``: the merge's report and what it merged (header,
    claims, extraction block)."""
    import factcheck.merge as merge_module

    seen: list[Any] = []
    real = merge_module.merge_into_file

    def recording(path: Any, header: Any, claims: Any, extraction: Any = None, **kwargs: Any) -> Any:
        diff, report = real(path, header, claims, extraction, **kwargs)
        seen.append((report, (header, claims, extraction)))
        return diff, report

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merge_module, "merge_into_file", recording)
        _extract(target)
    assert len(seen) == 1
    return seen[0]


def test_the_sidecar_records_every_field_written(fresh: Path) -> None:
    _, base = _sidecar(fresh)
    assert base["format"] == SIDECAR_FORMAT
    claims = _claims(fresh)
    for cid, recorded in base["claims"].items():
        assert recorded == {k: v for k, v in claims[cid].items() if k != "id"}
    assert any("expr" in c and "evidence" in c and "precision" in c for c in base["claims"].values())


def test_an_older_versions_file_nobody_edited_becomes_todays(fresh: Path, tmp_path: Path) -> None:
    target = _as_older_version(fresh, tmp_path)
    assert target.read_text(encoding="utf-8") != fresh.read_text(encoding="utf-8")
    assert all(_claims(target)[cid]["tolerance"] == "0.1" for cid in _percent_ids(fresh))
    report, _ = _run(target)
    assert sorted(report.updated) == sorted(report.assumed) == sorted(_percent_ids(fresh)) and report.conflicts == []
    assert [w.split(": ", 1)[1][:5] for w in report.warnings] == ["FC520"]
    # the same bytes as a new extraction: the tolerances gone, each precision where it belongs
    assert target.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
    assert _sidecar(target)[1]["claims"] == _sidecar(fresh)[1]["claims"]


def test_an_older_versions_edited_file_updates_the_claims_nobody_touched(
        fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _as_older_version(fresh, tmp_path)
    first, edited, *rest = _percent_ids(fresh)
    text = target.read_text(encoding="utf-8")
    # a comment, a note on one percentage, a hand-made stated and tolerance on another
    text = text.replace("claims:\n", "claims:\n  # read against the council minutes\n", 1)
    text = text.replace(f"  - id: {first}\n", f"  - id: {first}\n    note: checked\n", 1)
    # an extracted figure a person made a relation of: not discovery's expr, whatever the sidecar
    figure = next(cid for cid, c in _claims(fresh).items() if c["origin"] == "extracted")
    text = text.replace(f"  - id: {figure}\n", f"  - id: {figure}\n    expr: {first} * 1\n    tolerance: \"1%\"\n", 1)
    head, _, tail = text.partition(f"  - id: {edited}\n")
    own = tail.replace(OLD_TOLERANCE, '    tolerance: "0.5"\n', 1)
    stated = own.split("\n", 1)[0]
    assert stated.startswith("    stated: ")
    own = own.replace(stated, stated[:-2] + '0%"', 1)  # "28.4%" -> "28.40%"
    target.write_text(head + f"  - id: {edited}\n" + own, encoding="utf-8")

    capsys.readouterr()
    report = _merge_again(target)
    claims = _claims(target)
    assert report.conflicts == []
    assert sorted(report.updated) == sorted([first, edited, *rest])
    # said once, since a hand edit of a precision alone would look like the older extraction's
    assert report.assumed == [first, *rest]
    assert f":1:1: FC520 a sidecar of an older factcheck: {len(rest) + 1} claims (first: {first})" in capsys.readouterr().err
    for cid in [first, *rest]:
        assert "tolerance" not in claims[cid] and claims[cid]["precision"] == "-1", cid
    assert claims[first]["note"] == "checked"
    assert claims[figure]["expr"] == f"{first} * 1" and claims[figure]["tolerance"] == "1%"
    # the claim a person edited keeps their tolerance (an older sidecar cannot tell it from the
    # extraction's) and their stated figure; the new precision is added
    assert claims[edited]["tolerance"] == "0.5" and claims[edited]["stated"].endswith('0%')
    assert claims[edited]["precision"] == "-1"
    after = target.read_text(encoding="utf-8")
    assert "  # read against the council minutes\n" in after
    assert _sidecar(target)[1]["format"] == SIDECAR_FORMAT


def _table_total(path: Path) -> tuple[str, str]:
    """A table total of the file: (its id, its expr)."""
    for cid, claim in _claims(path).items():
        if claim.get("expr", "").startswith("sum(") and claim.get("origin") == "discovered":
            return cid, claim["expr"]
    raise AssertionError("no table total")


def _as_other_reading(fresh: Path, tmp_path: Path, cid: str, expr: str, old_expr: str) -> Path:
    """The file and sidecar of a version (of today's format) that read this total as ``old_expr``."""
    target = tmp_path / "enmun.yaml"
    text = fresh.read_text(encoding="utf-8")
    head, _, tail = text.partition(f"  - id: {cid}\n")
    target.write_text(head + f"  - id: {cid}\n" + tail.replace(f"    expr: {expr}\n", f"    expr: {old_expr}\n", 1),
                      encoding="utf-8")
    comments, base = _sidecar(fresh)
    base["claims"][cid]["expr"] = old_expr
    base["written_sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    _write_sidecar(target, comments, base)
    return target


def test_a_stale_relation_follows_and_a_hand_edited_one_stays(fresh: Path, tmp_path: Path) -> None:
    cid, expr = _table_total(fresh)
    old_expr = expr.replace("sum(", "sum(0, ", 1)
    # nobody edited it: the new reading replaces the old one
    (tmp_path / "a").mkdir()
    target = _as_other_reading(fresh, tmp_path / "a", cid, expr, old_expr)
    report = _merge_again(target)
    assert _claims(target)[cid]["expr"] == expr and report.updated == [cid] and report.conflicts == []

    # a person wrote their own relation, extraction still reads it the same: theirs stays
    (tmp_path / "b").mkdir()
    target = tmp_path / "b" / "enmun.yaml"
    shutil.copy(fresh, target)
    shutil.copy(sidecar_path(fresh), sidecar_path(target))
    mine = expr.replace("sum(", "sum(1, ", 1)
    target.write_text(target.read_text(encoding="utf-8").replace(f"    expr: {expr}\n", f"    expr: {mine}\n", 1),
                      encoding="utf-8")
    report = _merge_again(target)
    assert _claims(target)[cid]["expr"] == mine and report.updated == [] and report.conflicts == []


def test_a_relation_both_changed_is_a_conflict(fresh: Path, tmp_path: Path) -> None:
    cid, expr = _table_total(fresh)
    old_expr = expr.replace("sum(", "sum(0, ", 1)
    target = _as_other_reading(fresh, tmp_path, cid, expr, old_expr)
    mine = expr.replace("sum(", "sum(1, ", 1)
    target.write_text(target.read_text(encoding="utf-8").replace(f"    expr: {old_expr}\n", f"    expr: {mine}\n", 1),
                      encoding="utf-8")
    report = _merge_again(target)
    claim = _claims(target)[cid]
    assert report.conflicts == [(cid, "expr")]
    assert claim["expr"] == mine and claim["conflict"] == {"expr": {"was": old_expr, "now": expr}}


def test_splicing_an_older_versions_file_matches_the_whole_round_trip(fresh: Path, tmp_path: Path) -> None:
    target = _as_older_version(fresh, tmp_path)
    text = target.read_text(encoding="utf-8").replace("claims:\n", "claims:\n  # by hand\n", 1)
    _, base = _sidecar(target)
    _, (header, claims, info) = _run(tmp_path / "other" / "enmun.yaml")
    merged, whole_base, whole = merge(yr.loads(text), base, header, claims, info)
    spliced = spliced_merge(text, "enmun.yaml", base, header, claims, info)
    assert spliced is not None
    assert spliced[0] == yr.dumps(merged) and spliced[1] == whole_base and vars(spliced[2]) == vars(whole)
    ids = _percent_ids(fresh)
    claims_now = {c["id"]: c for c in yr.to_plain(yr.loads(spliced[0]))["claims"]}
    assert all("tolerance" not in claims_now[cid] and claims_now[cid]["precision"] == "-1" for cid in ids)
    assert sorted(whole.updated) == sorted(whole.assumed) == sorted(ids)
