"""`pytest claims/`: one test item per relation, explanations instead of tracebacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent

GOOD = 'document: {id: good}\nclaims:\n  - {id: a, stated: "2"}\n  - {id: som, stated: "4", expr: a + a}\n'
WRONG = 'document: {id: wrong}\nclaims:\n  - {id: a, stated: "2"}\n  - {id: fout, stated: "9", expr: a + a}\n'
BROKEN = "document: {id: broken}\nclaims: [\n"


def test_bundled_claims_collect_one_item_per_relation(pytester: pytest.Pytester) -> None:
    from factcheck.engine import check_paths

    shutil.copytree(ROOT / "claims", pytester.path / "claims")
    # One item per relation or repeat group written in the files (not the ones check proposes).
    expected = sum(1 for f in check_paths([str(ROOT / "claims")], discover=False).results)
    result = pytester.runpytest("claims", "-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=expected)
    assert expected >= 20


def test_failure_shows_the_explanation_not_a_traceback(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", good=GOOD, wrong=WRONG)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*fout: verdict mismatch, expected consistent or rounding*", "*Oordeel: onjuist*"])
    assert "Traceback" not in result.stdout.str()
    assert "def runtest" not in result.stdout.str()


def test_broken_file_is_one_failing_item_and_others_still_run(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", good=GOOD, broken=BROKEN)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*broken.yaml:3:1: FC101*"])


def test_k_selects_by_claim_id_and_junitxml_works(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", good=GOOD, wrong=WRONG)
    result = pytester.runpytest("-k", "som", "--junitxml=out.xml", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, deselected=1)
    xml = (pytester.path / "out.xml").read_text()
    assert 'name="som"' in xml


def test_other_yaml_is_left_alone(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", workflow="on: push\njobs: {}\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_every_library_the_package_imports_is_declared() -> None:
    # issue 11, structure: no library is borrowed through another one's dependencies
    import ast
    import sys
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = " ".join(project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds])
    declared = declared.lower()
    names = {"PIL": "pillow", "yaml": "pyyaml", "_pytest": "pytest", "pdfminer": "pdfminer.six", "ruamel": "ruamel.yaml"}
    used = set()
    for path in (root / "factcheck").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                used.add(node.module.split(".")[0])
    third_party = {m for m in used if m not in sys.stdlib_module_names and m != "factcheck"}
    assert third_party and all(names.get(m, m).lower() in declared for m in third_party), sorted(
        m for m in third_party if names.get(m, m).lower() not in declared)
