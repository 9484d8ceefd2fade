"""The package does not carry its tests: no fixture or scoring modules, no imports from tests/."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
TEST_ONLY_MODULES = {"examples", "scoring"}
OUTSIDE_PACKAGE = {"tests", "benchmarks"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_package_has_no_test_only_modules() -> None:
    names = {path.stem for path in _modules()} | {path.name for path in PACKAGE.rglob("*") if path.is_dir()}
    assert _modules(), "the package was not found"
    assert not names & TEST_ONLY_MODULES


def _imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_package_imports_nothing_from_tests_or_benchmarks() -> None:
    offenders = {
        str(path.relative_to(PACKAGE.parent)): sorted(roots & OUTSIDE_PACKAGE)
        for path in _modules()
        if (roots := _imported_roots(ast.parse(path.read_text(encoding="utf-8"), str(path)))) & OUTSIDE_PACKAGE
    }
    assert offenders == {}


def test_import_scan_sees_an_import_from_tests() -> None:
    """The scan above would find the kind of import it forbids, wherever it sits."""
    source = "def f():\n    from tests.support.report_examples import example_run\n    import benchmarks.scoring\n"
    assert _imported_roots(ast.parse(source)) == {"tests", "benchmarks"}
