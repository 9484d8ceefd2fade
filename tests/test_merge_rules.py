"""Re-extraction rules on real claim files of the bundled document."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck import yaml_roundtrip as yr
from factcheck.extract import extract_document
from factcheck.merge import merge_into_file, sidecar_path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"


@pytest.fixture(scope="module")
def extracted():
    return extract_document(DOC)


def _write(tmp_path: Path, extracted) -> Path:
    path = tmp_path / "asiel.yaml"
    merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    return path


def _claims(path: Path) -> dict[str, dict]:
    root = yr.to_plain(yr.load(path))
    return {c["id"]: c for c in root["claims"]}


def test_first_write_has_sidecar_and_quoted_figures(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    text = path.read_text(encoding="utf-8")
    assert sidecar_path(path).exists()
    assert '    stated: "€55.700"\n    value: "55700"\n' in text
    assert "  - id: kostprijs_noodopvang\n" in text


def test_rerun_without_changes_changes_nothing(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    before = path.read_bytes()
    diff, report = merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    assert diff == "" and path.read_bytes() == before
    assert not report.added and not report.conflicts and not report.obsoleted


def test_hand_edits_comments_and_own_claims_survive(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: kostprijs_noodopvang\n",
        "  # checked against the COA website\n  - id: kostprijs_noodopvang\n    note: per place per year\n",
    )
    text = text.replace('    stated: "€55.700"\n    value: "55700"\n    unit: EUR\n',
                        '    stated: "€55.700"\n    value: "55700"\n    unit: EUR / place / year\n')
    text += "  - id: meerkosten\n    expr: (kostprijs_noodopvang - locatiegebonden_kosten_reguliere_opvang)\n"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o640)
    diff, report = merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    assert diff == ""
    assert path.read_text(encoding="utf-8") == text  # byte for byte
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_conflict_is_flagged_not_overwritten(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    subject: kostprijs van noodopvang\n", "    subject: kostprijs noodopvang per plek\n"),
                    encoding="utf-8")
    changed = [dict(c) for c in extracted.claims]
    for claim in changed:
        if claim["id"] == "kostprijs_noodopvang":
            claim["subject"] = "kostprijs van de noodopvang"
    diff, report = merge_into_file(path, extracted.header, changed, extracted.extraction_info())
    assert ("kostprijs_noodopvang", "subject") in report.conflicts
    claim = _claims(path)["kostprijs_noodopvang"]
    assert claim["subject"] == "kostprijs noodopvang per plek"
    assert claim["conflict"]["subject"] == {"was": "kostprijs van noodopvang", "now": "kostprijs van de noodopvang"}


def test_untouched_fields_follow_the_document(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    changed = [dict(c) for c in extracted.claims]
    for claim in changed:
        if claim["id"] == "kostprijs_noodopvang":
            claim["stated"], claim["value"] = "€55.800", "55800"
    merge_into_file(path, extracted.header, changed, extracted.extraction_info())
    assert _claims(path)["kostprijs_noodopvang"]["value"] == "55800"


def test_vanished_figures_move_to_obsolete_and_come_back(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: kostprijs_noodopvang\n", "  - id: kostprijs_noodopvang\n    note: keep me\n"), encoding="utf-8")
    fewer = [c for c in extracted.claims if c["id"] != "kostprijs_noodopvang"]
    merge_into_file(path, extracted.header, fewer, extracted.extraction_info())
    root = yr.to_plain(yr.load(path))
    assert "kostprijs_noodopvang" not in {c["id"] for c in root["claims"]}
    assert [c["note"] for c in root["obsolete"] if c["id"] == "kostprijs_noodopvang"] == ["keep me"]
    merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    root = yr.to_plain(yr.load(path))
    assert "obsolete" not in root
    ids = [c["id"] for c in root["claims"]]
    assert ids.index("kostprijs_noodopvang") == [c["id"] for c in extracted.claims].index("kostprijs_noodopvang")
    assert _claims(path)["kostprijs_noodopvang"]["note"] == "keep me"


def test_deleted_false_positive_stays_deleted(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    root = yr.load(path)
    victim = root["claims"][0]["id"]
    del root["claims"][0]
    path.write_text(yr.dumps(root), encoding="utf-8")
    for _ in range(2):
        _, report = merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
        assert victim in report.kept_deleted
        root = yr.to_plain(yr.load(path))
        assert victim not in {c["id"] for c in root["claims"]}
        assert victim in root["deleted"]
    # Taking the id out of `deleted:` brings the figure back.
    root = yr.load(path)
    root["deleted"].remove(victim)
    path.write_text(yr.dumps(root), encoding="utf-8")
    merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    assert victim in _claims(path)


def test_dry_run_shows_diff_and_writes_nothing(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    before = path.read_bytes()
    side_before = sidecar_path(path).read_bytes()
    changed = [dict(c) for c in extracted.claims]
    changed[0]["subject"] = "iets anders"
    diff, _ = merge_into_file(path, extracted.header, changed, extracted.extraction_info(), dry_run=True)
    assert diff.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert "+    subject: iets anders\n" in diff
    assert path.read_bytes() == before and sidecar_path(path).read_bytes() == side_before


def test_without_sidecar_differences_become_conflicts(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    sidecar_path(path).unlink()
    path.write_text(path.read_text(encoding="utf-8").replace("    unit: person\n", "    unit: asylum_seeker\n", 1),
                    encoding="utf-8")
    _, report = merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    assert report.conflicts and all(f == "unit" for _, f in report.conflicts)
    assert "asylum_seeker" in path.read_text(encoding="utf-8")


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    yr.write_atomic(target, "a: 1\n")
    os.chmod(target, 0o600)
    yr.write_atomic(target, "a: 2\n")
    assert target.read_text() == "a: 2\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_round_trip_is_byte_identical_with_comments_and_quotes() -> None:
    text = (
        "# top comment\n"
        "document:\n  id: doc  # trailing\n  language: nl\n"
        "claims:\n  - id: a\n    stated: '55.700'\n    value: \"55700\"\n    where: {line: 3, span: [1, 2]}\n"
        "  - id: b\n    expr: a * 2\n"
    )
    assert yr.dumps(yr.loads(text)) == text


def test_own_claim_keeps_its_id_when_extraction_wants_it(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    text = path.read_text(encoding="utf-8")
    text += "  - id: nieuw_bedrag\n    expr: kostprijs_noodopvang * 2\n    note: mine\n"
    path.write_text(text, encoding="utf-8")
    newer = [dict(c) for c in extracted.claims] + [{
        "id": "nieuw_bedrag", "quote": "Een nieuw bedrag van €10.", "stated": "€10", "value": "10", "unit": "EUR",
        "hedge": "exact", "kind": "money", "where": {"line": 9999, "col": 1, "span": [0, 3]}, "origin": "extracted",
    }]
    for _ in range(2):  # the rename is the same on every run
        merge_into_file(path, extracted.header, newer, extracted.extraction_info())
        claims = _claims(path)
        assert claims["nieuw_bedrag"] == {"id": "nieuw_bedrag", "expr": "kostprijs_noodopvang * 2", "note": "mine"}
        assert claims["nieuw_bedrag_2"]["stated"] == "€10"


def test_broken_sidecar_counts_as_lost(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    sidecar_path(path).write_text("claims: [unclosed\n", encoding="utf-8")
    _, report = merge_into_file(path, extracted.header, extracted.claims, extracted.extraction_info())
    assert not report.conflicts and not report.added
    assert '"claims":' in sidecar_path(path).read_text(encoding="utf-8")


def test_without_sidecar_positions_follow_the_document(tmp_path: Path, extracted) -> None:
    path = _write(tmp_path, extracted)
    sidecar_path(path).unlink()
    moved = [dict(c, where={**c["where"], "line": c["where"]["line"] + 4}) for c in extracted.claims]
    _, report = merge_into_file(path, extracted.header, moved, extracted.extraction_info())
    assert not report.conflicts
    assert _claims(path)["kostprijs_noodopvang"]["where"]["line"] == 224


def test_untouched_file_fast_path_agrees_with_round_trip(tmp_path: Path, extracted) -> None:
    """A file nobody edited is merged from plain data; the result equals ruamel's round trip."""
    import json

    changed = [dict(c) for c in extracted.claims[1:]]  # the first figure vanished
    changed[0] = {**changed[0], "value": "1", "stated": "1"}
    changed.append({"id": "extra_figure", "stated": "€1", "value": "1", "unit": "EUR", "hedge": "exact",
                    "kind": "money", "where": {"line": 1, "col": 1, "span": [0, 2]}, "origin": "extracted"})
    results = []
    for fast in (True, False):
        folder = tmp_path / ("fast" if fast else "slow")
        path = _write(folder, extracted)
        if not fast:  # forget the hash: the file counts as edited and goes through ruamel
            side = sidecar_path(path)
            lines = side.read_text(encoding="utf-8").splitlines()
            data = json.loads("\n".join(line for line in lines if not line.startswith("#")))
            del data["written_sha256"]
            side.write_text(json.dumps(data), encoding="utf-8")
        _, report = merge_into_file(path, extracted.header, changed, extracted.extraction_info())
        assert report.obsoleted == [extracted.claims[0]["id"]] and report.added == ["extra_figure"]
        results.append(yr.to_plain(yr.load(path)))
        assert yr.dumps(yr.load(path)) == path.read_text(encoding="utf-8")  # stable under round trip
    assert results[0] == results[1]
