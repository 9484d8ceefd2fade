"""One hostile file in a folder never costs the other files their verdicts: not in `check`, not
in `report`, not in the pytest plugin; and an exception nobody planned for is `FC900 internal
error (please report)` for that one file or claim, not a traceback that ends the run."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from test_adversarial_cases import CASES, FILES, _expectations, case_text, claim_file

pytest_plugins = ["pytester"]

GOOD = ('document: {id: good}\nclaims:\n  - {id: a, stated: "2"}\n  - {id: som, stated: "4", expr: a + a}\n'
        '  - {id: fout, stated: "9", expr: a + a, expect: mismatch}\n')
GOOD_VERDICTS = {"som": "consistent", "fout": "mismatch"}
FIELD_CASES = [c for c in CASES if c["kind"] not in ("formula", "figure") and c.get("code")]


def _hostile_texts() -> list[Any]:
    out = [pytest.param(path.read_bytes(), _expectations(path)[0], id=path.name) for path in FILES]
    out += [pytest.param(claim_file(c["kind"], case_text(c), c.get("language", "nl")).encode(), [c["code"]],
                         id=f"{c['kind']}:{case_text(c)[:30]!a}") for c in FIELD_CASES]
    return out


def _folder(tmp_path: Path, hostile: bytes) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a-hostile.yaml").write_bytes(hostile)  # sorted first: it is read before the good file
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    return folder


def _good_verdicts(report: dict[str, Any]) -> dict[str, str]:
    return {r["id"]: r["verdict"] for r in report["results"] if r["document"] == "good"}


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.parametrize("hostile, codes", _hostile_texts())
def test_a_hostile_file_leaves_the_good_files_verdicts(hostile: bytes, codes: list[str], command: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, hostile)
    code = main([command, str(folder), "--format", "json"])
    out, err = capsys.readouterr()
    assert _good_verdicts(json.loads(out)) == GOOD_VERDICTS
    for fc in codes:  # the hostile file's errors are located
        assert re.search(rf"a-hostile\.yaml(:\d+:\d+)?: {fc} ", out + err), fc
    assert code in ((1, 2) if codes else (0,))
    assert "Traceback" not in out + err


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("boom")


def test_an_unexpected_failure_reading_one_file_is_fc900_and_the_others_are_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import factcheck.claimfile as claimfile

    real = claimfile.parse_claim_text
    monkeypatch.setattr(claimfile, "parse_claim_text",
                        lambda text, path, **kw: _boom() if "hostile" in path else real(text, path, **kw))
    folder = _folder(tmp_path, b"document: {id: h}\n")
    assert main(["check", str(folder), "--all"]) == 2
    out, err = capsys.readouterr()
    assert f"{folder / 'a-hostile.yaml'}: FC900 internal error (please report): RuntimeError: boom" in err
    assert re.search(r"good\.yaml:\S+\s+som\s+consistent", out)
    assert "Traceback" not in out + err


def test_an_unexpected_failure_judging_one_claim_is_fc900_for_that_claim(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck import engine

    real = engine._Engine.judge
    monkeypatch.setattr(engine._Engine, "judge", lambda self, claim: _boom() if claim.id == "som" else real(self, claim))
    folder = _folder(tmp_path, b"document: {id: h}\n")
    assert main(["report", str(folder), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert _good_verdicts(report) == {"som": "error", "fout": "mismatch"}
    som = next(r for r in report["results"] if r["id"] == "som")
    assert "FC900 internal error (please report): RuntimeError: boom" in som["message"]


def test_an_unexpected_failure_explaining_one_verdict_leaves_the_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck import engine

    real = engine.explain
    monkeypatch.setattr(engine, "explain", lambda result, *a: _boom() if result.claim.id == "fout" else real(result, *a))
    folder = _folder(tmp_path, b"document: {id: h}\n")
    main(["report", str(folder), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert _good_verdicts(report) == GOOD_VERDICTS
    fout = next(r for r in report["results"] if r["id"] == "fout")
    assert "FC900 internal error (please report): RuntimeError: boom" in fout["explanation"]


def test_the_pytest_plugin_gives_fc900_for_that_file_and_runs_the_others(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.claimfile as claimfile

    real = claimfile.parse_claim_text
    monkeypatch.setattr(claimfile, "parse_claim_text",
                        lambda text, path, **kw: _boom() if "hostile" in path else real(text, path, **kw))
    pytester.makefile(".yaml", **{"a-hostile": "document: {id: h}\n", "good": GOOD})
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*a-hostile.yaml: FC900 internal error (please report): RuntimeError: boom*"])


def test_the_pytest_plugin_with_every_hostile_file(pytester: pytest.Pytester) -> None:
    for path in FILES:
        shutil.copy(path, pytester.path / f"a-{path.name}")
    pytester.makefile(".yaml", good=GOOD)
    result = pytester.runpytest("-p", "no:cacheprovider", "-k", "som or fout")
    assert result.parseoutcomes().get("passed") == 2, result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_cases_file_is_plain_yaml() -> None:
    # the cases are data anyone can extend; each says what it expects
    for case in yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")):
        assert case["kind"] and ("code" in case or "value" in case or "verdict" in case), case


def test_accept_never_writes_an_internal_error_as_the_expected_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck import engine

    real = engine._Engine.judge
    monkeypatch.setattr(engine._Engine, "judge", lambda self, claim: _boom() if claim.id == "som" else real(self, claim))
    folder = _folder(tmp_path, b"document: {id: h}\n")
    before = (folder / "good.yaml").read_text(encoding="utf-8")
    assert main(["accept", str(folder)]) == 2
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "som" in ln and "not changed" in ln]
    assert len(lines) == 1 and "the verdict is FC900 internal error (please report)" in lines[0]
    assert (folder / "good.yaml").read_text(encoding="utf-8") == before


_FIELDS = ("stated", "value", "precision", "tolerance", "scale", "expr", "unit", "equivalence")
_ANY_TEXT = st.text(alphabet=st.one_of(st.sampled_from(list("0123456789.,%-+*/() e_abmxjEUR€$")),
                                       st.characters(blacklist_categories=("Cs",))), max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# found by this test once: a unit equivalence that cannot be read broke the comparison across files
@example(hostile=claim_file("equivalence", "0", "nl").encode())
@given(hostile=st.one_of(
    st.builds(lambda kind, text: claim_file(kind, text, "nl").encode(), st.sampled_from(_FIELDS), _ANY_TEXT),
    st.builds(lambda data, at, cut: (GOOD.encode()[:at] + data + GOOD.encode()[at:])[:cut],
              st.binary(max_size=20), st.integers(0, len(GOOD)), st.integers(0, 2 * len(GOOD))),
))
def test_any_hostile_file_beside_a_good_one_leaves_the_good_files_verdicts(hostile: bytes, tmp_path_factory: Any) -> None:
    from factcheck.engine import check_paths

    folder = _folder(tmp_path_factory.mktemp("batch"), hostile)
    run = check_paths([folder])
    good = {r.claim.id: r.verdict.value for r in run.results if r.document.id == "good"
            and r.document.path.endswith("good.yaml")}
    assert good == GOOD_VERDICTS
    messages = [str(d) for d in run.diagnostics] + [r.message for r in run.results if r.message]
    for message in messages:  # located, with a stable code, and never an internal error
        assert re.search(r"a-hostile\.yaml(:\d+:\d+)?: FC\d{3} ", message), message
        assert "FC900" not in message, message
