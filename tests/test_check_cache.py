"""`check` and `report` reuse the results of claim files that did not change (factcheck.check_cache)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck import check_cache
from factcheck.check_cache import cache_dir, check_paths_cached
from factcheck.cli import main
from factcheck.discover.options import Discovery
from factcheck.engine import check_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", folder)
    shutil.copytree(ROOT / "documents", tmp_path / "documents")
    return folder


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record which files each call of the engine checks."""
    calls: list[list[str]] = []
    real = check_cache.check_each

    def spy(files, discovery):  # type: ignore[no-untyped-def]
        calls.append([Path(f.document.path).name for f in files])
        return real(files, discovery)

    monkeypatch.setattr(check_cache, "check_each", spy)
    return calls


def _run(paths: list[Path], cache: Path | None):  # type: ignore[no-untyped-def]
    return check_paths_cached([str(p) for p in paths], discover=Discovery(), cache=cache)


def test_unchanged_files_are_not_checked_again(claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    calls = _counting(monkeypatch)
    first = _run([claims], cache)
    assert calls == [["asiel-migratie-2025-antwoorden.yaml", "asiel-migratie-2025.yaml"]]
    again = _run([claims], cache)
    assert calls[1:] == []  # every result came from the cache
    assert [(r.claim.qualified_id, r.verdict, r.explanation) for r in again.results] == \
        [(r.claim.qualified_id, r.verdict, r.explanation) for r in first.results]
    assert again.summary() == first.summary()
    # one file edited: only it is checked again, and its new verdict shows
    hand = claims / "asiel-migratie-2025.yaml"
    text = hand.read_text(encoding="utf-8")
    assert 'stated: "€32.400"' in text
    hand.write_text(text.replace('stated: "€32.400"', 'stated: "€42.400"'), encoding="utf-8")
    changed = _run([claims], cache)
    assert calls[1:] == [["asiel-migratie-2025.yaml"]]
    verdicts = {r.claim.id: r.verdict.value for r in changed.results}
    assert verdicts["verschil_kostprijs"] == "mismatch"
    assert verdicts == {r.claim.id: r.verdict.value for r in check_paths([str(claims)]).results}


def test_other_options_or_version_mean_check_again(claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck

    cache = tmp_path / "cache"
    calls = _counting(monkeypatch)
    _run([claims], cache)
    check_paths_cached([str(claims)], discover=Discovery.none(), cache=cache)
    assert len(calls) == 2
    monkeypatch.setattr(factcheck, "__version__", "99.0")
    _run([claims], cache)
    assert len(calls) == 3


def test_a_reference_into_a_changed_file_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        'document: {id: doc-a}\nclaims:\n  - id: total\n    stated: "30"\n    expr: doc-b.part + 10\n', encoding="utf-8")
    (folder / "b.yaml").write_text('document: {id: doc-b}\nclaims:\n  - id: part\n    stated: "20"\n', encoding="utf-8")
    cache = tmp_path / "cache"
    calls = _counting(monkeypatch)
    assert [r.verdict.value for r in _run([folder], cache).results] == ["consistent"]
    (folder / "b.yaml").write_text('document: {id: doc-b}\nclaims:\n  - id: part\n    stated: "120"\n', encoding="utf-8")
    assert [r.verdict.value for r in _run([folder], cache).results] == ["mismatch"]
    assert calls[-1] == ["a.yaml", "b.yaml"]


def test_a_broken_cache_entry_is_checked_again(claims: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run([claims], cache)
    entries = sorted((cache / "check").rglob("*.pickle"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])  # as a crash mid-write would leave it
    again = _run([claims], cache)
    assert [r.verdict for r in again.results] == [r.verdict for r in first.results]
    shutil.rmtree(cache)  # safe to delete: the next run just checks everything
    assert [r.verdict for r in _run([claims], cache).results] == [r.verdict for r in first.results]


def test_report_from_the_cache_is_the_same_report(claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    reports = []
    for extra in (["--no-cache"], [], []):  # uncached, filling the cache, from the cache
        out = tmp_path / f"r{len(reports)}.json"
        main(["report", str(claims), "-f", "json", "-o", str(out), *extra])
        data = json.loads(out.read_text(encoding="utf-8"))
        data.pop("generated_at", None)
        reports.append(data)
    assert reports[0] == reports[1] == reports[2]
    assert any((tmp_path / "cache" / "check").rglob("*.pickle"))


def test_where_the_cache_lives_and_how_to_turn_it_off(claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "factcheck"
    main(["check", str(claims), "--no-cache"])
    assert not (tmp_path / "xdg").exists()
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    assert cache_dir() is None
    main(["check", str(claims)])
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "off").exists()
