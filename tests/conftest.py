"""Shared test set-up: golden files, regenerated only on purpose with ``pytest --force-regen``."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Callable

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True, scope="session")
def _private_results_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`check` and `report` keep results in a cache folder: the tests' own, never the user's."""
    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("results-cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption(
            "--force-regen",
            action="store_true",
            default=False,
            help="rewrite golden files under tests/golden/ from the current output instead of comparing",
        )
    except ValueError:  # pytest-regressions, if installed, defines the same flag with the same meaning
        pass


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden("reports/x.md", text)``: compare ``text`` with ``tests/golden/reports/x.md``.

    A difference fails with a unified diff. With ``--force-regen`` the file is rewritten and the
    test fails once, so a regeneration is never mistaken for a pass; run again to see it pass.
    """
    regen = bool(request.config.getoption("--force-regen"))

    def check(relative: str, text: str) -> None:
        path = GOLDEN_DIR / relative
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if regen:
            if old != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
                pytest.fail(f"regenerated {path}; check the diff and run again without --force-regen")
            return
        if old is None:
            pytest.fail(f"golden file {path} is missing; create it with `pytest --force-regen`")
        if old != text:
            diff = "".join(
                difflib.unified_diff(
                    old.splitlines(keepends=True), text.splitlines(keepends=True), str(path), "current output", n=2
                )
            )
            pytest.fail(f"output differs from {path} (regenerate with `pytest --force-regen`):\n{diff[:6000]}")

    return check


@pytest.fixture
def pdf_bundle(tmp_path: Path) -> Callable[[list[Path], int], Path]:
    """``pdf_bundle([a, b], 3)``: one PDF of the pages of a, b, a, b, a, b (for multi-page runs)."""

    def build(paths: list[Path], copies: int) -> Path:
        import pypdfium2

        merged = pypdfium2.PdfDocument.new()
        for _ in range(copies):
            for path in paths:
                src = pypdfium2.PdfDocument(str(path))
                merged.import_pages(src)
                src.close()
        target = tmp_path / "bundle.pdf"
        merged.save(str(target))
        merged.close()
        return target

    return build
